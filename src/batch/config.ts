/**
 * Pipeline settings that can cross to a worker thread. Browser-safe.
 *
 * A worker cannot receive an analyzer object (functions do not survive structured cloning), so a pipeline is
 * described by analyzer ids plus plain settings and lexicon data; each worker rebuilds the same pipeline from it.
 */
import type { AnalyzerSettings } from '../analyzer';
import { builtinAnalyzers } from '../analyzers';
import { ConfigError } from '../errors';
import type { LexiconInput } from '../lexicon/schema';
import { createPipeline, type AnalyzerSpec, type Pipeline, type PipelineOptions } from '../pipeline';

export type PortableAnalyzerSpec = string | { id: string; settings: AnalyzerSettings<unknown> };

/** Pipeline options made only of data. `analyzers` undefined means the recommended preset of the receiving thread. */
export interface PortablePipelineOptions {
  analyzers?: PortableAnalyzerSpec[];
  lexicons?: LexiconInput[];
  settings?: Record<string, AnalyzerSettings<unknown>>;
}

function portableSpec(spec: AnalyzerSpec, index: number): PortableAnalyzerSpec {
  if (typeof spec === 'string') return spec;
  const isUse = typeof spec === 'object' && spec !== null && 'analyzer' in spec && 'settings' in spec;
  const analyzer = isUse ? spec.analyzer : spec;
  const id = (analyzer as { meta?: { id?: unknown } })?.meta?.id;
  if (typeof id !== 'string' || builtinAnalyzers[id] !== analyzer) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `analyzers[${index}]${typeof id === 'string' ? ` ("${id}")` : ''} is not a built-in analyzer, and a custom analyzer object cannot be sent to worker threads. ` +
        'Use workers: 1 (analysis in the calling thread), or pass only built-in analyzers (by id, or with use()).',
    );
  }
  return isUse ? { id, settings: spec.settings } : id;
}

function checkCloneable(value: unknown, what: string): void {
  try {
    structuredClone(value);
  } catch (e) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `${what} cannot be sent to worker threads (${e instanceof Error ? e.message : String(e)}); give plain data.`,
    );
  }
}

/** The data form of pipeline options; throws ConfigError when they hold something a worker cannot rebuild. */
export function toPortableOptions(options: PipelineOptions): PortablePipelineOptions {
  const out: PortablePipelineOptions = {};
  if (options.analyzers) out.analyzers = options.analyzers.map(portableSpec);
  if (options.lexicons) out.lexicons = [...options.lexicons];
  if (options.settings) out.settings = { ...options.settings };
  checkCloneable(out.analyzers, '"analyzers" settings');
  checkCloneable(out.lexicons, '"lexicons"');
  checkCloneable(out.settings, '"settings"');
  return out;
}

/** Rebuilds, in a worker, the pipeline described by {@link toPortableOptions}. */
export function pipelineFromPortable(options: PortablePipelineOptions): Pipeline {
  const analyzers = options.analyzers?.map((spec): AnalyzerSpec => {
    if (typeof spec === 'string') return spec;
    const analyzer = builtinAnalyzers[spec.id];
    if (!analyzer) throw new ConfigError('ANALYZER_UNKNOWN', `Unknown analyzer id "${spec.id}" in a worker's pipeline settings.`);
    return { analyzer, settings: spec.settings };
  });
  return createPipeline({
    ...(analyzers ? { analyzers } : {}),
    ...(options.lexicons ? { lexicons: options.lexicons } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
  });
}
