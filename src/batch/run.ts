/**
 * The engine of `slant batch` (Node only): input file → reader → (resume filter) → ordered, bounded analysis in
 * this thread or in worker threads → one output line per input line, in order → optional corpus summary.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../cli/io';
import { InputError } from '../errors';
import { createPipeline, type PipelineOptions } from '../pipeline';
import { toPortableOptions } from './config';
import type { FieldsSpec } from './digest';
import { heapPacer } from './heap';
import { groupedMap } from './ordered';
import { lockOutput } from './lock';
import { csvPathFor, pathConflict } from './paths';
import { readCsv, readJsonl } from './read';
import { inputKey, processInput, processInputs, type LineOptions, type LineResult, type RawInput } from './record';
import { IN_THREAD_GROUP, WORKER_READ_AHEAD } from './analyze-many';
import { readResumeState } from './resume';
import { analyzerIdsOf, checkResume, inputIdentity, slantVersion, writeRunSettings, type RunSettings } from './run-settings';
import { SummaryBuilder, summaryToCsv, type CorpusSummary } from './summary';

export type InputFormat = 'jsonl' | 'csv' | 'tsv';

export interface BatchRunOptions {
  /** Input file, or "-" for standard input. */
  input: string;
  /** Output file; without it, lines go to `write`. */
  output?: string;
  /** Where lines go when there is no output file (default: process.stdout, with backpressure). */
  write?: (chunk: string) => void | Promise<void>;
  /** Default: from the extension (.csv, .tsv), else JSONL. */
  format?: InputFormat;
  idField?: string;
  textField?: string;
  titleField?: string;
  groupBy?: string;
  fields?: FieldsSpec;
  /** Threads analysing; 1 analyses in the main thread (default: number of cores − 1, at least 1). */
  workers?: number;
  /** Articles read ahead of the writer (default: 4 per worker thread, 1 in-thread). */
  maxInFlight?: number;
  resume?: boolean;
  /** Resume even when the output's recorded settings (`<output>.run.json`) differ from this run's, or are missing. */
  force?: boolean;
  /** Write the corpus summary here (JSON) and next to it as CSV (same name, .csv). */
  summary?: string;
  /** Stop (exit code 1) once more than this many lines gave an error (default: never). */
  maxErrors?: number;
  /** Longest text analysed, in bytes of UTF-8 (default 1 MiB), as `slant analyze --max-size`; longer gives TEXT_TOO_LARGE. */
  maxTextBytes?: number;
  pipeline?: PipelineOptions;
  /** Add each analysed text to its output line as "text" (the CLI's sarif and w3c formats need it). */
  withText?: boolean;
  /** Show progress on `stderr` (the CLI does so when standard error is a terminal). */
  progress?: boolean;
  stderr?: (s: string) => void;
}

export interface BatchRunResult {
  /** Output lines written by this run. */
  written: number;
  /** Input lines skipped because --resume found them in the output. */
  skipped: number;
  /** Lines already in the output file when resuming. */
  resumed: number;
  /** Error lines in the whole output (resumed and new), in total and by code. */
  errors: number;
  errorsByCode: Record<string, number>;
  /** True when --max-errors stopped the run. */
  aborted: boolean;
  /** Bytes of an unfinished last line cut off when resuming. */
  truncatedBytes: number;
  elapsedMs: number;
  summary?: CorpusSummary;
}

export const DEFAULT_MAX_TEXT_BYTES = 1024 * 1024;

export const defaultWorkers = (): number =>
  Math.max(1, (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length) - 1);

export function detectFormat(input: string): InputFormat {
  const ext = path.extname(input).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.tsv' ? 'tsv' : 'jsonl';
}

/** Buffered appends to a file descriptor: few system calls, and only whole lines are ever handed to the OS. */
class FileSink {
  private chunks: string[] = [];
  private size = 0;
  constructor(private readonly fd: number) {}
  write(s: string): void {
    this.chunks.push(s);
    this.size += s.length;
    if (this.size >= 1 << 18) this.flush();
  }
  flush(): void {
    if (!this.chunks.length) return;
    fs.writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

async function stdoutWrite(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}

const formatDuration = (s: number): string => {
  if (!Number.isFinite(s)) return '?';
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
};

export async function runBatch(options: BatchRunOptions): Promise<BatchRunResult> {
  const started = Date.now();
  const stderr = options.stderr ?? ((s: string) => void process.stderr.write(s));
  const workers = options.workers ?? defaultWorkers();
  const format = options.format ?? detectFormat(options.input);
  const lineOptions: LineOptions = {
    idField: options.idField ?? 'id',
    textField: options.textField ?? 'text',
    fields: options.fields ?? 'full',
    maxTextBytes: options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES,
    digest: options.summary !== undefined,
  };
  if (options.titleField !== undefined) lineOptions.titleField = options.titleField;
  if (options.groupBy !== undefined) lineOptions.groupField = options.groupBy;
  if (options.withText) lineOptions.withText = true;
  if (options.resume && !options.output) throw new InputError('--resume needs an output file (-o)');
  const conflict = pathConflict(options);
  if (conflict) throw new UsageError(conflict);

  let inputSize = 0;
  if (options.input !== '-') {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(options.input);
    } catch {
      throw new InputError(`no such file: ${options.input}`);
    }
    if (!stat.isFile()) throw new InputError(`${options.input} is not a regular file`);
    inputSize = stat.size;
  }

  // Configuration errors surface before any file is touched. With worker threads the main thread does not build a
  // pipeline (nor load the language model): a worker builds it and answers with its analyzer ids or its error.
  const pipeline = workers > 1 ? null : createPipeline(options.pipeline ?? {});
  const portable = workers > 1 ? toPortableOptions(options.pipeline ?? {}) : undefined;

  // One run at a time per output file; released when the run ends, however it ends.
  const lock = options.output ? lockOutput(options.output) : undefined;
  try {
    return await runLocked(options, { started, stderr, workers, format, lineOptions, inputSize, pipeline, portable });
  } finally {
    lock?.release();
  }
}

interface RunState {
  started: number;
  stderr: (s: string) => void;
  workers: number;
  format: InputFormat;
  lineOptions: LineOptions;
  inputSize: number;
  pipeline: ReturnType<typeof createPipeline> | null;
  portable: ReturnType<typeof toPortableOptions> | undefined;
}

async function runLocked(options: BatchRunOptions, st: RunState): Promise<BatchRunResult> {
  const { started, stderr, workers, format, lineOptions, inputSize, pipeline, portable } = st;
  const summary = options.summary !== undefined ? new SummaryBuilder(options.groupBy ?? null) : undefined;
  const errorsByCode: Record<string, number> = {};
  let errors = 0;
  const countError = (code: string): void => {
    errors++;
    errorsByCode[code] = (errorsByCode[code] ?? 0) + 1;
  };
  let settings: RunSettings | undefined;
  if (options.output) {
    settings = {
      slant: slantVersion(),
      input: inputIdentity(options.input),
      format,
      idField: lineOptions.idField,
      textField: lineOptions.textField,
      titleField: lineOptions.titleField ?? null,
      groupBy: lineOptions.groupField ?? null,
      fields: lineOptions.fields,
      analyzers: analyzerIdsOf(options.pipeline ?? {}),
      settings: options.pipeline?.settings ?? null,
      maxTextBytes: lineOptions.maxTextBytes,
    };
    if (options.resume) checkResume(options.output, settings, options.force ?? false);
  }
  let present = new Map<string, number>();
  let resumed = 0;
  let truncatedBytes = 0;
  if (options.resume) {
    const state = await readResumeState(options.output!, (digest, error) => {
      if (error) countError(error);
      summary?.add(digest);
    });
    present = state.present;
    resumed = state.lines;
    truncatedBytes = state.truncatedBytes;
  }

  let bytesRead = 0;
  const onBytes = (n: number): void => void (bytesRead += n);
  const stream = options.input === '-' ? process.stdin : fs.createReadStream(options.input, { highWaterMark: 1 << 20 });
  const reader: AsyncIterable<RawInput> =
    format === 'jsonl'
      ? readJsonl(stream, { maxLineBytes: Math.max(8 * lineOptions.maxTextBytes, 1 << 20), idField: lineOptions.idField, onBytes })
      : readCsv(stream, {
          delimiter: format === 'tsv' ? '\t' : ',',
          onBytes,
          idField: lineOptions.idField,
          onHeader: (columns) => checkColumns(columns, options, lineOptions),
        });
  // The first row is read before the output is opened: a CSV without the needed columns stops here, output untouched.
  const rows = reader[Symbol.asyncIterator]();
  let first: IteratorResult<RawInput> | undefined;
  async function* all(): AsyncGenerator<RawInput> {
    if (!first || first.done) return;
    yield first.value;
    for (;;) {
      const r = await rows.next();
      if (r.done) return;
      yield r.value;
    }
  }

  let skipped = 0;
  let toSkip = 0;
  for (const n of present.values()) toSkip += n;
  async function* unseen(): AsyncGenerator<RawInput> {
    for await (const input of all()) {
      if (toSkip > 0) {
        const key = inputKey(input, lineOptions);
        const n = present.get(key);
        if (n) {
          if (n === 1) present.delete(key);
          else present.set(key, n - 1);
          toSkip--;
          skipped++;
          continue;
        }
      }
      yield input;
    }
  }

  const pools = portable ? await import('./pool') : undefined;
  const pool = portable ? pools!.createWorkerPool(workers, { pipeline: portable, line: lineOptions }) : undefined;
  let analyzerIds: readonly string[];
  let sink: FileSink | undefined;
  try {
    analyzerIds = pool ? await pool.ready() : pipeline!.analyzerIds;
    first = await rows.next();
    if (options.output && settings) writeRunSettings(options.output, settings);
    sink = options.output ? new FileSink(fs.openSync(options.output, options.resume ? 'a' : 'w')) : undefined;
  } catch (e) {
    await pool?.close();
    if (stream !== process.stdin) (stream as fs.ReadStream).destroy();
    throw e;
  }
  const write = options.write ?? stdoutWrite;
  const maxInFlight = options.maxInFlight ?? (pool ? workers * WORKER_READ_AHEAD : IN_THREAD_GROUP);
  const maxErrors = options.maxErrors ?? Infinity;

  const pace = heapPacer(); // in-thread analysis, or the main thread's own garbage with workers
  // The thread died on this input (even alone): record it like any other failure; piscina starts a new thread.
  const died = (input: RawInput, e: unknown): LineResult =>
    processInput(
      pipeline,
      { kind: 'bad', line: input.line, id: null, error: { code: 'WORKER_FAILED', message: e instanceof Error ? e.message : String(e) } },
      lineOptions,
    );
  // Lines are analysed in groups (each analyzer over the whole group, faster than one by one): in this thread one
  // group of up to maxInFlight at a time; with workers groups of up to WORKER_GROUP, two per thread in flight.
  const results = pool
    ? pools!.linesInPool(pool, unseen(), maxInFlight, died)
    : groupedMap(unseen(), maxInFlight, (inputs) => {
        for (const _ of inputs) pace();
        return processInputs(pipeline, inputs, lineOptions);
      });

  let written = 0;
  let aborted = false;
  let lastProgress = 0;
  const progress = (final = false): void => {
    const now = Date.now();
    if (!options.progress || (!final && now - lastProgress < 250)) return;
    lastProgress = now;
    const secs = (now - started) / 1000;
    const rate = written / Math.max(secs, 1e-3);
    const share = inputSize ? Math.min(1, bytesRead / inputSize) : 0;
    const eta = share > 0 ? (secs * (1 - share)) / share : NaN;
    stderr(
      `\r\x1b[K${written + skipped} articles · ${rate.toFixed(0)}/s · ${errors} errors${inputSize ? ` · ${(share * 100).toFixed(0)}% · ETA ${formatDuration(eta)}` : ''}${final ? '\n' : ''}`,
    );
  };

  try {
    for await (const result of results) {
      if (pool) pace();
      const line = result.out + '\n';
      if (sink) sink.write(line);
      else await write(line);
      written++;
      if (result.error) countError(result.error);
      if (summary && result.digest) summary.add(result.digest);
      if (errors > maxErrors) {
        aborted = true;
        break;
      }
      progress();
    }
  } finally {
    sink?.close();
    await pool?.close();
    if (written) progress(true);
  }

  const result: BatchRunResult = {
    written,
    skipped,
    resumed,
    errors,
    errorsByCode,
    aborted,
    truncatedBytes,
    elapsedMs: Date.now() - started,
  };
  if (summary && options.summary) {
    const s = summary.toJSON();
    result.summary = s;
    const doc = {
      input: options.input,
      analyzers: analyzerIds,
      complete: !aborted,
      ...s,
    };
    fs.writeFileSync(options.summary, JSON.stringify(doc, null, 2) + '\n');
    fs.writeFileSync(csvPathFor(options.summary), summaryToCsv(s));
  }
  return result;
}

export { csvPathFor };

/** A CSV must have the text column, and the id, title and group columns when they were named: one error for all. */
function checkColumns(columns: string[], options: BatchRunOptions, line: LineOptions): void {
  const wanted: Array<[string | undefined, string]> = [
    [line.textField, '--text-field'],
    [options.idField, '--id-field'],
    [options.titleField, '--title-field'],
    [options.groupBy, '--group-by'],
  ];
  const missing = wanted.filter(([name]) => name !== undefined && !columns.includes(name)).map(([name, flag]) => `"${name}" (${flag})`);
  if (missing.length) {
    throw new UsageError(
      `${options.input === '-' ? 'the input' : options.input} has no column ${missing.join(', ')}; its columns are: ${columns.length ? columns.map((c) => `"${c}"`).join(', ') : '(none: the file is empty)'}`,
    );
  }
}
