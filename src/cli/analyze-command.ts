import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createPipeline } from '../pipeline';
import { SeveritySchema } from '../report';
import { DEFAULT_MAX_BYTES, parseSize, readInput } from './input';
import { renderHtml } from '../render/html';
import { formatText } from './format-text';
import { UsageError, type Io } from './io';

export const ANALYZE_USAGE = `usage: slant analyze <file|-> [options]

  --format text|json|html   output format (default: text)
  -o, --output <file>       write to a file instead of standard output
  --analyzers <ids>         comma-separated analyzer ids (default: the recommended preset)
  --max-size <size>         refuse larger input, in bytes (e.g. 512KB, 5MB; default: 5MB)
  --color / --no-color      force colour on or off (default: on when the output is a terminal)
  --min-severity <level>    text: list, html: highlight findings of this severity and above
                            (info|warning; default: warning; text counts the rest, html lists them
                            unhighlighted). JSON has them all.
  --compact                 JSON on one line`;

export async function analyzeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
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
  if (format !== 'text' && format !== 'json' && format !== 'html') throw new UsageError(`unknown --format "${format}" (text, json or html)`);
  const minSeverity = SeveritySchema.safeParse(values['min-severity']);
  if (!minSeverity.success) throw new UsageError(`unknown --min-severity "${values['min-severity']}" (${SeveritySchema.options.join(' or ')})`);
  const maxBytes = values['max-size'] ? parseSize(values['max-size']) : DEFAULT_MAX_BYTES;
  const analyzers = values.analyzers ? values.analyzers.split(',').map((s) => s.trim()).filter(Boolean) : undefined;

  const pipeline = createPipeline(analyzers ? { analyzers } : {});
  const text = await readInput(positionals[0], maxBytes);
  const report = pipeline.analyze(text);
  // The text view shows the report's warnings; with other formats "not English" (no scores) also goes to stderr.
  if (format !== 'text') for (const w of report.warnings) if (w.code === 'NOT_ENGLISH') io.stderr(`slant analyze: warning: ${w.message}\n`);

  let output: string;
  if (format === 'json') output = JSON.stringify(report, null, values.compact ? undefined : 2) + '\n';
  else if (format === 'html') output = renderHtml(report, text, {
      title: positionals[0] === '-' ? 'slant report' : `slant report: ${positionals[0]}`,
      highlight: minSeverity.data,
    });
  else {
    const toTerminal = !values.output && io.isTTY;
    const colour = values['no-color'] ? false : values.color ? true : toTerminal && !process.env.NO_COLOR;
    output = formatText(report, text, { colour, minSeverity: minSeverity.data });
  }
  if (values.output) fs.writeFileSync(values.output, output);
  else io.stdout(output);
  return 0;
}
