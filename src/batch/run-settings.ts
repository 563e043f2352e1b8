/**
 * What a `slant batch` run was asked to do, recorded next to its output as `<output>.run.json` (Node only), so that
 * `--resume` refuses to append to an output written with another input, other fields or other analyzers.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { presets } from '../analyzers';
import { InputError } from '../errors';
import type { AnalyzerSpec, PipelineOptions } from '../pipeline';
import type { FieldsSpec } from './digest';

declare const SLANT_VERSION: string | undefined;

export const slantVersion = (): string => (typeof SLANT_VERSION === 'string' ? SLANT_VERSION : 'dev');

export interface RunSettings {
  slant: string;
  /** The input: absolute path ("-" for standard input), size in bytes and SHA-256 of its first MiB. */
  input: { path: string; size?: number; headSha256?: string };
  format: string;
  idField: string;
  textField: string;
  titleField: string | null;
  groupBy: string | null;
  fields: FieldsSpec;
  analyzers: string[];
  /** Pipeline settings (weights, options, ignore), when any were given. */
  settings: unknown;
  maxTextBytes: number;
}

export const settingsPathFor = (output: string): string => `${output}.run.json`;

const HEAD_BYTES = 1 << 20;

/** Path, size and a hash of the first MiB: cheap on any corpus, and different for any other file in practice. */
export function inputIdentity(input: string): RunSettings['input'] {
  if (input === '-') return { path: '-' };
  const fd = fs.openSync(input, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    let n = 0;
    while (n < head.length) {
      const got = fs.readSync(fd, head, n, head.length - n, n);
      if (!got) break;
      n += got;
    }
    return { path: path.resolve(input), size, headSha256: crypto.createHash('sha256').update(head.subarray(0, n)).digest('hex') };
  } finally {
    fs.closeSync(fd);
  }
}

const specId = (spec: AnalyzerSpec): string =>
  typeof spec === 'string'
    ? spec
    : String((('analyzer' in spec && 'settings' in spec ? spec.analyzer : spec) as { meta?: { id?: unknown } }).meta?.id);

export function analyzerIdsOf(options: PipelineOptions): string[] {
  return (options.analyzers ?? presets.recommended).map(specId);
}

const show = (v: unknown): string => (v === null || v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));

/** The differences that make a resume unsafe, one phrase each ("--fields was scores, now full"). */
export function settingsDifferences(was: RunSettings, now: RunSettings): string[] {
  const out: string[] = [];
  if (was.input.path !== now.input.path || was.input.size !== now.input.size || was.input.headSha256 !== now.input.headSha256) {
    const same = was.input.path === now.input.path;
    out.push(
      same
        ? `the input ${now.input.path} changed (was ${was.input.size ?? '?'} bytes, now ${now.input.size ?? '?'}${was.input.size === now.input.size ? ', other content' : ''})`
        : `the input was ${was.input.path}, now ${now.input.path}`,
    );
  }
  const named: Array<[keyof RunSettings, string]> = [
    ['format', '--input-format'],
    ['idField', '--id-field'],
    ['textField', '--text-field'],
    ['titleField', '--title-field'],
    ['groupBy', '--group-by'],
    ['fields', '--fields'],
    ['analyzers', '--analyzers'],
    ['settings', 'the analyzer settings'],
    ['maxTextBytes', '--max-size'],
    ['slant', 'the slant version'],
  ];
  for (const [key, flag] of named) {
    if (JSON.stringify(was[key] ?? null) !== JSON.stringify(now[key] ?? null))
      out.push(`${flag} was ${show(was[key])}, now ${show(now[key])}`);
  }
  return out;
}

export function readRunSettings(output: string): RunSettings | undefined {
  const file = settingsPathFor(output);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as RunSettings;
  } catch {
    throw new InputError(`cannot resume: ${file} is not valid JSON (--force resumes anyway and rewrites it)`);
  }
}

export function writeRunSettings(output: string, settings: RunSettings): void {
  const file = settingsPathFor(output);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(settings, null, 2) + '\n');
  fs.renameSync(tmp, file);
}

/**
 * Before a resume: the output's recorded settings must match this run's. Throws InputError naming every difference
 * (or the missing record) unless `force`.
 */
export function checkResume(output: string, now: RunSettings, force: boolean): void {
  if (force) return;
  let size: number;
  try {
    size = fs.statSync(output).size;
  } catch {
    return; // nothing to resume: a fresh run
  }
  if (size === 0) return;
  const was = readRunSettings(output);
  if (!was) {
    throw new InputError(
      `cannot resume: ${settingsPathFor(output)} is missing, so nothing says which input and settings wrote ${output} (--force resumes anyway)`,
    );
  }
  const diff = settingsDifferences(was, now);
  if (diff.length) throw new InputError(`cannot resume ${output}: ${diff.join('; ')} (--force resumes anyway)`);
}
