import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { formatReport, isReportFormat, REPORT_FORMATS } from '../format';
import { HTML_CHROME, INPUT_FORMATS, inputFormatFromPath, isInputFormat, readInput as extract } from '../input';
import { OFFSET_UNITS, type OffsetUnit } from '../input/map-report';
import { createPipeline } from '../pipeline';
import { SeveritySchema } from '../report';
import { DEFAULT_MAX_BYTES, parseSize, readInput } from './input';
import { UsageError, type Io } from './io';

export const ANALYZE_USAGE = `usage: slant analyze <file|-> [options]

  --input text|html|markdown  how to read the file (default: from its extension: .html/.htm → html,
                            .md/.markdown → markdown, else text). HTML and Markdown spans also get
                            "source" offsets into the file.
  --format ${REPORT_FORMATS.join('|')}
                            output format (default: text)
  --offsets utf16|codepoint|utf8
                            unit of the offsets in json output (default: utf16; sarif and w3c
                            are always UTF-16)
  --html-keep <tags>        HTML: page chrome to keep, comma-separated (${HTML_CHROME.join(', ')}; skipped by default)
  -o, --output <file>       write to a file instead of standard output
  --analyzers <ids>         comma-separated analyzer ids (default: the recommended preset)
  --max-size <size>         refuse larger input, in bytes (e.g. 512KB, 5MB; default: 5MB)
  --color / --no-color      force colour on or off (default: on when the output is a terminal)
  --min-severity <level>    text: list, html: highlight findings of this severity and above
                            (info|warning; default: warning; text counts the rest, html lists them
                            unhighlighted). JSON has them all.
  --compact                 JSON (json, sarif, w3c) on one line`;

export async function analyzeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      input: { type: 'string' },
      offsets: { type: 'string', default: 'utf16' },
      'html-keep': { type: 'string' },
      output: { type: 'string', short: 'o' },
      analyzers: { type: 'string' },
      'max-size': { type: 'string' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      'min-severity': { type: 'string', default: 'warning' },
      compact: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(ANALYZE_USAGE + '\n');
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length
        ? `analyze takes one file (or - for standard input); got ${positionals.length}. For many articles use "slant batch" on a JSONL or CSV file`
        : 'missing input file (or - for standard input)',
    );
  }
  const format = values.format;
  if (!isReportFormat(format)) throw new UsageError(`unknown --format "${format}" (valid: ${REPORT_FORMATS.join(', ')})`);
  const inputFormat = values.input ?? (positionals[0] === '-' ? 'text' : inputFormatFromPath(positionals[0]));
  if (!isInputFormat(inputFormat)) throw new UsageError(`unknown --input "${inputFormat}" (valid: ${INPUT_FORMATS.join(', ')})`);
  const offsets = values.offsets as OffsetUnit;
  if (!(OFFSET_UNITS as readonly string[]).includes(offsets))
    throw new UsageError(`unknown --offsets "${offsets}" (valid: ${OFFSET_UNITS.join(', ')})`);
  if (offsets !== 'utf16' && (format === 'sarif' || format === 'w3c'))
    throw new UsageError(`--offsets ${offsets} applies to json output (${format} states UTF-16 positions)`);
  const keep = values['html-keep']
    ? values['html-keep']
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean)
    : [];
  const unknownKeep = keep.filter((k) => !(HTML_CHROME as readonly string[]).includes(k));
  if (unknownKeep.length)
    throw new UsageError(`--html-keep: unknown element(s) ${unknownKeep.join(', ')} (valid: ${HTML_CHROME.join(', ')})`);
  const minSeverity = SeveritySchema.safeParse(values['min-severity']);
  if (!minSeverity.success)
    throw new UsageError(`unknown --min-severity "${values['min-severity']}" (${SeveritySchema.options.join(' or ')})`);
  const maxBytes = values['max-size'] ? parseSize(values['max-size']) : DEFAULT_MAX_BYTES;
  const analyzers = values.analyzers
    ? values.analyzers
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

  const pipeline = createPipeline(analyzers ? { analyzers } : {});
  const source = await readInput(positionals[0], maxBytes, inputFormat);
  const extracted = extract(source, inputFormat, { html: { keep } });
  // text and html show no offsets: only json carries them in another unit
  const report = pipeline.analyzeExtracted(extracted, source, format === 'json' ? offsets : 'utf16');
  // The text view shows the report's warnings; with other formats "not English" (no scores) also goes to stderr.
  if (format !== 'text')
    for (const w of report.warnings)
      if (w.code === 'NOT_ENGLISH')
        io.stderr(`slant analyze: warning: ${w.message}
`);

  const toTerminal = !values.output && io.isTTY;
  const output = formatReport(report, format, {
    source,
    text: extracted.text,
    uri: positionals[0] === '-' ? undefined : positionals[0],
    compact: values.compact,
    colour: values['no-color'] ? false : values.color ? true : toTerminal && !process.env.NO_COLOR,
    minSeverity: minSeverity.data,
    title: positionals[0] === '-' ? 'slant report' : `slant report: ${positionals[0]}`,
    id: positionals[0],
  });
  if (values.output) fs.writeFileSync(values.output, output);
  else io.stdout(output);
  return 0;
}
