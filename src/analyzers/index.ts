import type { Analyzer } from '../analyzer';
import type { AnalyzerSpec } from '../pipeline';

/** Every built-in analyzer by id. */
export const builtinAnalyzers: Record<string, Analyzer<string, any>> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Ready-made analyzer lists. */
export const presets: { readonly recommended: readonly AnalyzerSpec[] } = {
  /** The analyzers whose evaluation meets the project's bar, with default settings. */
  recommended: [],
};
