import type { Analyzer, AnalyzerSpec } from '../analyzer';
import { agency } from './agency';
import { certainty } from './certainty';
import { framing } from './framing';
import { loadedLanguage } from './loaded-language';
import { sourcing } from './sourcing';
import { tone } from './tone';
import { unattributedAssertions } from './unattributed-assertions';

/** Every built-in analyzer by id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const builtinAnalyzers: Record<string, Analyzer<string, any>> = {
  'loaded-language': loadedLanguage,
  sourcing,
  'unattributed-assertions': unattributedAssertions,
  framing,
  tone,
  certainty,
  agency,
};

/** Ready-made analyzer lists. */
export const presets: { readonly recommended: readonly AnalyzerSpec[] } = {
  /** The analyzers whose evaluation meets the project's bar, with default settings. */
  recommended: [loadedLanguage, sourcing, unattributedAssertions, framing, tone, certainty, agency],
};
