import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { BATCH_FORMATS, createBatchFormatter, needsText, type BatchFormat } from '../format/batch';
import { FINDINGS_CSV_HEADER } from '../format/csv';
import { createPipeline } from '../pipeline';
import { REPORT_KEYS, type FieldsSpec } from '../batch/digest';
import { csvPathFor, defaultWorkers, runBatch, type InputFormat } from '../batch/run';
import { parseSize } from './input';
import { processIo, UsageError, type Io } from './io';

export const BATCH_USAGE = `usage: slant batch <input|-> [-o output.jsonl] [options]

Scores a corpus: one JSON line out per input line (or CSV row), in input order. A line that cannot be analysed
gives {"id","line","error":{"code","message"}} and the run goes on.

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
  --workers <n>             threads analysing (default: cores − 1 = ${defaultWorkers()}; 1 = no worker threads)
  --resume                  skip articles already in the output file and append the rest
  --summary <file.json>     write a corpus summary (JSON, and CSV next to it)
  --group-by <field>        summarise per value of this input field (also added to each output line)
  --max-errors <n>          stop with exit code 1 once more than n lines gave an error
  --max-size <size>         longest text analysed, in characters (default: 1000000)
  --quiet                   no progress (shown on standard error only when it is a terminal)`;

function intOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} takes an integer >= ${min}; got "${value}"`);
  return Number(value);
}

function parseFields(value: string | undefined): FieldsSpec {
  if (value === undefined || value === 'full') return 'full';
  if (value === 'scores') return 'scores';
  const keys = value.split(',').map((s) => s.trim()).filter(Boolean);
  const known: readonly string[] = REPORT_KEYS;
  const unknown = keys.filter((k) => !known.includes(k));
  if (!keys.length || unknown.length) {
    throw new UsageError(`--fields: unknown ${unknown.length ? `key(s) ${unknown.join(', ')}` : 'value'} (use full, scores, or some of ${REPORT_KEYS.join(', ')})`);
  }
  return keys;
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
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'batch takes one input file (or - for standard input)' : 'missing input file (or - for standard input)');
  const format = values['input-format'];
  if (format !== undefined && format !== 'jsonl' && format !== 'csv' && format !== 'tsv') throw new UsageError(`unknown --input-format "${format}" (jsonl, csv or tsv)`);
  if (values['group-by'] !== undefined && values.summary === undefined) throw new UsageError('--group-by needs --summary <file.json>');
  if (values.resume && !values.output) throw new UsageError('--resume needs -o <output file>');
  const analyzers = values.analyzers ? values.analyzers.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  const outFormat = values.format as BatchFormat;
  if (!(BATCH_FORMATS as readonly string[]).includes(outFormat)) throw new UsageError(`unknown --format "${outFormat}" (valid: ${BATCH_FORMATS.join(', ')})`);
  const converted = outFormat !== 'jsonl' || values['findings-csv'] !== undefined;
  if (converted && values.resume) throw new UsageError('--resume works with --format jsonl only (and without --findings-csv)');
  if ((needsText(outFormat) || values['findings-csv'] !== undefined) && values.fields !== undefined && values.fields !== 'full') {
    throw new UsageError(`--fields ${values.fields} drops the findings that --format ${outFormat}${values['findings-csv'] !== undefined ? ' / --findings-csv' : ''} needs`);
  }
  let write: ((s: string) => void | Promise<void>) | undefined = io === processIo ? undefined : (s) => io.stdout(s);
  let output = values.output;
  let close = (): void => {};
  if (converted) {
    // The lines are converted here, on their way out; the batch engine writes JSONL as always.
    const formatter = createBatchFormatter(outFormat, createPipeline(analyzers ? { analyzers } : {}).analyzerIds, { group: values['group-by'] !== undefined });
    const outFd = values.output !== undefined ? fs.openSync(values.output, 'w') : undefined;
    const findingsFd = values['findings-csv'] !== undefined ? fs.openSync(values['findings-csv'], 'w') : undefined;
    const emit = write ?? ((s: string) => new Promise<void>((resolve) => (process.stdout.write(s) ? resolve() : process.stdout.once('drain', resolve))));
    const put = (s: string): void | Promise<void> => (outFd !== undefined ? void fs.writeSync(outFd, s) : s ? emit(s) : undefined);
    if (findingsFd !== undefined) fs.writeSync(findingsFd, FINDINGS_CSV_HEADER);
    let started = false;
    write = (chunk) => {
      const { out, findings } = formatter.line(chunk);
      if (findingsFd !== undefined && findings) fs.writeSync(findingsFd, findings);
      const head = started ? '' : formatter.header;
      started = true;
      return put(head + out);
    };
    close = () => {
      if (!started && formatter.header) put(formatter.header);
      if (outFd !== undefined) fs.closeSync(outFd);
      if (findingsFd !== undefined) fs.closeSync(findingsFd);
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
    workers: intOption(values.workers, 'workers', 1) ?? defaultWorkers(),
    resume: values.resume,
    maxErrors: intOption(values['max-errors'], 'max-errors', 0) ?? Infinity,
    maxTextLength: values['max-size'] ? parseSize(values['max-size']) : 1_000_000,
    pipeline: analyzers ? { analyzers } : {},
    progress: io.stderrIsTTY && !values.quiet,
    stderr: (s) => io.stderr(s),
  }).finally(close);

  const parts = [`${result.written} lines written`];
  if (result.resumed) parts.push(`${result.resumed} already in the output`);
  if (result.skipped !== result.resumed) parts.push(`${result.skipped} input lines skipped as already done`);
  if (result.truncatedBytes) parts.push(`an unfinished last line (${result.truncatedBytes} bytes) was cut off and redone`);
  const codes = Object.entries(result.errorsByCode).map(([c, n]) => `${c} ${n}`).join(', ');
  parts.push(`${result.errors} errors${codes ? ` (${codes})` : ''}`);
  if (values.summary) parts.push(`summary in ${values.summary} and ${csvPathFor(values.summary)}`);
  if (result.aborted) {
    io.stderr(`slant batch: stopped: more than ${values['max-errors']} errors (--max-errors); ${parts.join('; ')}\n`);
    return 1;
  }
  if (!values.quiet && io.stderrIsTTY) io.stderr(`slant batch: ${parts.join('; ')}\n`);
  return 0;
}
