/**
 * `slant queue export`: writes one line per input line, in input order, exactly once, with the line shapes of
 * `slant batch`. It streams shard after shard (one shard in memory at a time); with `wait` it runs alongside the
 * workers and waits for each next shard. A shard that failed all its attempts gives one error record per input line,
 * code SHARD_FAILED.
 */
import fs from 'node:fs';
import { project, type FieldsSpec } from '../batch/digest';
import { prepare, type LineOptions, type RawInput } from '../batch/record';
import { InputError } from '../errors';
import type { Report } from '../report';
import { statusOf } from './status';
import { jobId, readSettings, openRun, runKeys, unpackLines, type RunSettings } from './shared';

export interface ExportOptions {
  name: string;
  redis?: string;
  /** Output file; without it, lines go to `write` (default standard output). */
  output?: string;
  write?: (chunk: string) => void | Promise<void>;
  /** Narrower fields than those stored (only when the run stored full reports). */
  fields?: FieldsSpec;
  /** Wait for shards not done yet instead of refusing an unfinished run. */
  wait?: boolean;
  /** How often to look for the next shard while waiting (default 250 ms). */
  pollMs?: number;
}

export interface ExportResult {
  lines: number;
  shards: number;
  /** Error records written, including those of failed shards. */
  errors: number;
  failedShards: number[];
}

/** The code of the error records that stand for the lines of a shard that failed all its attempts. */
export const SHARD_FAILED = 'SHARD_FAILED';

/** An error record (`{"id":…,"line":n,"error":…}`) as opposed to a report line (`{"id":…,"report":…}`). */
const ERROR_LINE = /^\{"id":(?:null|[-\d.eE+]+|"(?:[^"\\]|\\.)*")(?:,"group":"(?:[^"\\]|\\.)*")?,"line":/;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function reproject(stored: RunSettings['fields'], wanted: FieldsSpec | undefined): ((line: string) => string) | null {
  if (wanted === undefined || JSON.stringify(wanted) === JSON.stringify(stored)) return null;
  if (stored !== 'full') {
    throw new InputError(
      `the run stored --fields ${Array.isArray(stored) ? stored.join(',') : stored}; export can only give those (add with --fields full to choose at export)`,
    );
  }
  return (line) => {
    const record = JSON.parse(line) as { report?: Report };
    if (!record.report) return line;
    return JSON.stringify({ ...record, report: project(record.report, wanted) });
  };
}

function failedLines(inputs: RawInput[], settings: RunSettings, message: string): string[] {
  const opts: LineOptions = {
    idField: settings.idField,
    textField: settings.textField,
    fields: settings.fields,
    maxTextBytes: settings.maxTextBytes,
    digest: false,
  };
  if (settings.titleField !== undefined) opts.titleField = settings.titleField;
  return inputs.map((input) => {
    let id: string | number | null = null;
    try {
      id = prepare(input, opts).id;
    } catch {
      // an input that cannot even be read: no id
    }
    return JSON.stringify({ id, line: input?.line ?? null, error: { code: SHARD_FAILED, message } });
  });
}

export async function exportRun(options: ExportOptions): Promise<ExportResult> {
  const { run, redis, queue, close } = await openRun(options.name, options.redis);
  const keys = runKeys(run);
  let out: fs.WriteStream | undefined;
  try {
    let settings = await readSettings(redis, run);
    // With --wait, export may start before `add`: it waits for the run to appear.
    while (!settings && options.wait) {
      await sleep(options.pollMs ?? 250);
      settings = await readSettings(redis, run);
    }
    if (!settings) throw new InputError(`no run "${run}" in Redis (slant queue add … --name ${run} first)`);
    const transform = reproject(settings.fields, options.fields);
    if (!options.wait) {
      const s = await statusOf(redis, queue, run);
      if (!s.complete) {
        throw new InputError(
          `run "${run}" is not finished: ${s.shards.done} of ${s.shards.total}${s.added ? '' : '+'} shards stored, ${s.shards.failed} failed; export --wait writes as shards finish`,
        );
      }
    }
    let write: (chunk: string) => void | Promise<void>;
    if (options.output !== undefined) {
      const stream = (out = fs.createWriteStream(options.output));
      await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
      write = (chunk) => (stream.write(chunk) ? undefined : new Promise<void>((resolve) => stream.once('drain', resolve)));
    } else {
      write =
        options.write ??
        ((chunk) => (process.stdout.write(chunk) ? undefined : new Promise<void>((resolve) => process.stdout.once('drain', resolve))));
    }

    const result: ExportResult = { lines: 0, shards: 0, errors: 0, failedShards: [] };
    const pollMs = options.pollMs ?? 250;
    let total: number | null = settings.shards ?? null;
    for (let shard = 0; ; shard++) {
      let lines: string[] | null = null;
      for (let waited = 0; lines === null; waited++) {
        if (total === null) {
          const t = await redis.hget(keys.meta, 'shards');
          if (t !== null) total = Number(t);
        }
        if (total !== null && shard >= total) break;
        const packed = await redis.hgetBuffer(keys.out, String(shard));
        if (packed) {
          lines = unpackLines(packed);
          const registered = await redis.hget(keys.in, String(shard));
          const expected = registered === null ? lines.length : Number(registered.split(' ')[0]);
          if (lines.length !== expected)
            throw new Error(`shard ${shard} of run "${run}" holds ${lines.length} lines; ${expected} were added`);
          if (transform) lines = lines.map(transform);
          break;
        }
        const id = jobId(run, shard);
        if ((await queue.getJobState(id)) === 'failed') {
          const job = await queue.getJob(id);
          const inputs = job?.data?.inputs ?? [];
          lines = failedLines(
            inputs,
            settings,
            `shard ${shard} failed after ${job?.attemptsMade ?? '?'} attempts: ${job?.failedReason ?? 'unknown reason'}`,
          );
          result.failedShards.push(shard);
          result.errors += lines.length;
          break;
        }
        if (!options.wait) throw new InputError(`shard ${shard} of run "${run}" is not stored (was the run cleaned meanwhile?)`);
        await sleep(Math.min(pollMs * (1 + waited), 4 * pollMs));
      }
      if (lines === null) break;
      if (!result.failedShards.includes(shard)) for (const line of lines) if (ERROR_LINE.test(line)) result.errors++;
      await write(lines.join('\n') + '\n');
      result.lines += lines.length;
      result.shards++;
    }
    return result;
  } finally {
    if (out) await new Promise<void>((resolve) => out!.end(resolve));
    await close();
  }
}
