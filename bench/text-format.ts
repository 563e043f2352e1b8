/**
 * The text view against JSON on a large article (#14 item 6): both should grow linearly with the findings.
 * Line:column used to be found by scanning from the start for every finding (2 MB: 39 s as text, 2.4 s as JSON).
 *
 *   npx tsx bench/text-format.ts [megabytes=2]
 *
 * Prints the time to format one analysed report as text and as JSON, and their ratio (same run, same report).
 */
import { formatText } from '../src/format/text';
import { createPipeline } from '../src/pipeline';
import { lineColumn } from '../src/render/highlight';
import { lineIndex } from '../src/format/lines';

// Written for this benchmark: a paragraph with loaded words, hedges and an unsourced claim, repeated.
const PARAGRAPH =
  'Critics slammed the so-called reform on Tuesday, and the minister reportedly admitted that costs may rise.\n' +
  'The plan is clearly a disaster, one observer said, while officials insisted it would pass.\n\n';

const mb = Number(process.argv[2] ?? 2);
const text = PARAGRAPH.repeat(Math.ceil((mb * 1024 * 1024) / PARAGRAPH.length));
const report = createPipeline().analyze(text);

const time = (f: () => unknown): number => {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const json = time(() => JSON.stringify(report, null, 2));
const asText = time(() => formatText(report, text, { colour: false, minSeverity: 'info' }));
// The old per-finding scan, on 2,000 findings spread over the text (all of them would take minutes), extrapolated.
const step = Math.max(1, Math.floor(report.findings.length / 2000));
const sample = report.findings.filter((_, i) => i % step === 0);
const scan = time(() => sample.forEach((f) => lineColumn(text, f.span.start)));
const index = lineIndex(text);
const indexed = time(() => report.findings.forEach((f) => index(f.span.start)));
console.log(
  `${(text.length / 1024 / 1024).toFixed(1)} MB, ${report.findings.length} findings: text ${asText.toFixed(0)} ms, JSON ${json.toFixed(0)} ms ` +
    `(text/JSON ${(asText / json).toFixed(2)}x); line:column of every finding: indexed ${indexed.toFixed(1)} ms, ` +
    `scanning from the start ~${((scan / sample.length) * report.findings.length).toFixed(0)} ms (extrapolated from ${sample.length})`,
);
