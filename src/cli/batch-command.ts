import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { BATCH_FORMATS, createBatchFormatter, needsText, type BatchFormat } from '../format/batch';
import { FINDINGS_CSV_HEADER } from '../format/csv';
import { createPipeline } from '../pipeline';
import { REPORT_KEYS, type FieldsSpec } from '../batch/digest';
import { lockOutput } from '../batch/lock';
import { pathConflict } from '../batch/paths';
import { csvPathFor, DEFAULT_MAX_TEXT_BYTES, defaultWorkers, runBatch, type InputFormat } from '../batch/run';
import { parseSize } from './input';
import { processIo, UsageError, type Io } from './io';

const cores = (): number => (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);

export const BATCH_USAGE = `usage: slant batch <input|-> [-o output.jsonl] [options]

Scores a corpus: one JSON line out per input line (or CSV row), in input order. A line that cannot be analysed
gives {"id","line","error":{"code","message"}} and the run goes on. While a run writes to -o <file>, it holds
<file>.lock; a second run on the same output stops with exit code 1.

  -o, --output <file>       write JSONL here (default: standard output)
  --format <f>              jsonl (default), csv (one row per article: id, scores, counts; an error row for
                            an article that failed), sarif or w3c (one SARIF log / W3C AnnotationCollection
                            per line, in the article's text coordinates; error records stay JSON)
  --findings-csv <file>     also write one CSV row per finding (id, analyzer, messageId, severity, voice,
                            start, end, sourceStart, sourceEnd, text, message)
  --input-format <f>        jsonl, csv or tsv (default: from the extension; standard input is jsonl)
  --id-field <name>         field holding the article id (default: id; missing → the line number)
  --text-field <name>       field holding the text (default: text)
  --title-field <name>      field prepended to the text as its headline, followed by a blank line
  --fields <set>            full (default), scores (scores, metrics and counts only), or report keys
                            separated by commas (e.g. score,analyzers,findings)
  --analyzers <ids>         comma-separated analyzer ids (default: the recommended preset)
  --workers <n>             threads analysing (default: cores − 1 = ${defaultWorkers()}; 1 = no worker threads;
                            at most the number of cores, ${cores()})
  --resume                  skip articles already in the output file and append the rest; refused when
                            <output>.run.json (written by every run with -o) records another input,
                            --fields, --analyzers or slant version
  --force                   resume even so
  --summary <file.json>     write a corpus summary as JSON to <file.json> and as CSV to <file>.csv
                            (neither may be the input or the output)
  --group-by <field>        summarise per value of this input field (also added to each output line)
  --max-errors <n>          stop with exit code 1 once more than n lines gave an error
  --max-size <size>         longest text analysed, in bytes of UTF-8 as for analyze (e.g. 512KB, 2MB;
                            default: 1MB); a longer one gives a TEXT_TOO_LARGE error line
  --quiet                   no progress (shown on standard error only when it is a terminal)`;

function intOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} takes an integer >= ${min}; got "${value}"`);
  return Number(value);
}

function parseFields(value: string | undefined): FieldsSpec {
  if (value === undefined || value === 'full') return 'full';
  if (value === 'scores') return 'scores';
  const keys = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known: readonly string[] = REPORT_KEYS;
  const unknown = keys.filter((k) => !known.includes(k));
  if (!keys.length || unknown.length) {
    throw new UsageError(
      `--fields: unknown ${unknown.length ? `key(s) ${unknown.join(', ')}` : 'value'} (use full, scores, or some of ${REPORT_KEYS.join(', ')})`,
    );
  }
  return keys;
}

/** More threads than cores only add memory (each holds a pipeline: 64 took 4.4 GB): capped, with a note. */
function cappedWorkers(asked: number | undefined, io: Io): number {
  if (asked === undefined) return defaultWorkers();
  const max = cores();
  if (asked <= max) return asked;
  io.stderr(`slant batch: note: --workers ${asked} capped to ${max}, the number of cores (more threads only add memory)\n`);
  return max;
}

export async function batchCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      'input-format': { type: 'string' },
      'id-field': { type: 'string' },
      'text-field': { type: 'string' },
      'title-field': { type: 'string' },
      fields: { type: 'string' },
      analyzers: { type: 'string' },
      workers: { type: 'string' },
      resume: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      summary: { type: 'string' },
      'group-by': { type: 'string' },
      'max-errors': { type: 'string' },
      'max-size': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      format: { type: 'string', default: 'jsonl' },
      'findings-csv': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(BATCH_USAGE + '\n');
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length ? 'batch takes one input file (or - for standard input)' : 'missing input file (or - for standard input)',
    );
  const format = values['input-format'];
  if (format !== undefined && format !== 'jsonl' && format !== 'csv' && format !== 'tsv')
    throw new UsageError(`unknown --input-format "${format}" (jsonl, csv or tsv)`);
  if (values['group-by'] !== undefined && values.summary === undefined) throw new UsageError('--group-by needs --summary <file.json>');
  if (values.resume && !values.output) throw new UsageError('--resume needs -o <output file>');
  const analyzers = values.analyzers
    ? values.analyzers
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
  const outFormat = values.format as BatchFormat;
  if (!(BATCH_FORMATS as readonly string[]).includes(outFormat))
    throw new UsageError(`unknown --format "${outFormat}" (valid: ${BATCH_FORMATS.join(', ')})`);
  const converted = outFormat !== 'jsonl' || values['findings-csv'] !== undefined;
  if (converted && values.resume) throw new UsageError('--resume works with --format jsonl only (and without --findings-csv)');
  if ((needsText(outFormat) || values['findings-csv'] !== undefined) && values.fields !== undefined && values.fields !== 'full') {
    throw new UsageError(
      `--fields ${values.fields} drops the findings that --format ${outFormat}${values['findings-csv'] !== undefined ? ' / --findings-csv' : ''} needs`,
    );
  }
  // Nothing is written over the input, nor one output over another (checked before any file is opened).
  const conflict = pathConflict({
    input: positionals[0],
    output: values.output,
    summary: values.summary,
    findingsCsv: values['findings-csv'],
  });
  if (conflict) throw new UsageError(conflict);
  let write: ((s: string) => void | Promise<void>) | undefined = io === processIo ? undefined : (s) => io.stdout(s);
  let output = values.output;
  let close = (_ok: boolean): void => {};
  if (converted) {
    // The lines are converted here, on their way out; the batch engine writes JSONL as always. The files are opened
    // at the first line (a run that stops before it, e.g. on a CSV without the text column, leaves them untouched),
    // under the output's lock.
    const formatter = createBatchFormatter(outFormat, createPipeline(analyzers ? { analyzers } : {}).analyzerIds, {
      group: values['group-by'] !== undefined,
    });
    const lock = values.output !== undefined ? lockOutput(values.output) : undefined;
    let outFd: number | undefined;
    let findingsFd: number | undefined;
    let opened = false;
    const open = (): void => {
      if (opened) return;
      opened = true;
      outFd = values.output !== undefined ? fs.openSync(values.output, 'w') : undefined;
      findingsFd = values['findings-csv'] !== undefined ? fs.openSync(values['findings-csv'], 'w') : undefined;
      if (findingsFd !== undefined) fs.writeSync(findingsFd, FINDINGS_CSV_HEADER);
    };
    const emit =
      write ??
      ((s: string) => new Promise<void>((resolve) => (process.stdout.write(s) ? resolve() : process.stdout.once('drain', resolve))));
    const put = (s: string): void | Promise<void> => {
      open();
      return outFd !== undefined ? void fs.writeSync(outFd, s) : s ? emit(s) : undefined;
    };
    let started = false;
    write = (chunk) => {
      open();
      const { out, findings } = formatter.line(chunk);
      if (findingsFd !== undefined && findings) fs.writeSync(findingsFd, findings);
      const head = started ? '' : formatter.header;
      started = true;
      return put(head + out);
    };
    close = (ok) => {
      try {
        if (ok && !started) {
          open();
          if (formatter.header) put(formatter.header);
        }
        if (outFd !== undefined) fs.closeSync(outFd);
        if (findingsFd !== undefined) fs.closeSync(findingsFd);
      } finally {
        lock?.release();
      }
    };
    output = undefined;
  }

  const result = await runBatch({
    input: positionals[0],
    ...(output !== undefined ? { output } : {}),
    write,
    ...(needsText(outFormat) ? { withText: true } : {}),
    ...(format ? { format: format as InputFormat } : {}),
    ...(values['id-field'] !== undefined ? { idField: values['id-field'] } : {}),
    ...(values['text-field'] !== undefined ? { textField: values['text-field'] } : {}),
    ...(values['title-field'] !== undefined ? { titleField: values['title-field'] } : {}),
    ...(values['group-by'] !== undefined ? { groupBy: values['group-by'] } : {}),
    ...(values.summary !== undefined ? { summary: values.summary } : {}),
    fields: parseFields(values.fields),
    workers: cappedWorkers(intOption(values.workers, 'workers', 1), io),
    resume: values.resume,
    force: values.force,
    maxErrors: intOption(values['max-errors'], 'max-errors', 0) ?? Infinity,
    maxTextBytes: values['max-size'] ? parseSize(values['max-size']) : DEFAULT_MAX_TEXT_BYTES,
    pipeline: analyzers ? { analyzers } : {},
    progress: io.stderrIsTTY && !values.quiet,
    stderr: (s) => io.stderr(s),
  }).then(
    (r) => {
      close(true);
      return r;
    },
    (e: unknown) => {
      close(false);
      throw e;
    },
  );

  const parts = [`${result.written} lines written`];
  if (result.resumed) parts.push(`${result.resumed} already in the output`);
  if (result.skipped !== result.resumed) parts.push(`${result.skipped} input lines skipped as already done`);
  if (result.truncatedBytes) parts.push(`an unfinished last line (${result.truncatedBytes} bytes) was cut off and redone`);
  const codes = Object.entries(result.errorsByCode)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  parts.push(`${result.errors} errors${codes ? ` (${codes})` : ''}`);
  if (values.summary) parts.push(`summary in ${values.summary} and ${csvPathFor(values.summary)}`);
  if (result.aborted) {
    io.stderr(`slant batch: stopped: more than ${values['max-errors']} errors (--max-errors); ${parts.join('; ')}\n`);
    return 1;
  }
  if (!values.quiet && io.stderrIsTTY) io.stderr(`slant batch: ${parts.join('; ')}\n`);
  return 0;
}
