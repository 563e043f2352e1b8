import fs from 'node:fs';
import { Readable } from 'node:stream';
import { readCsv, readJsonl } from '../../src/batch/read';
import type { RawInput } from '../../src/batch/record';
import { runBatch } from '../../src/batch/run';
import { readRecords, tempDir, zorkCounter } from './helpers';

const collect = async (it: AsyncIterable<RawInput>): Promise<RawInput[]> => {
  const out: RawInput[] = [];
  for await (const r of it) out.push(r);
  return out;
};

// Written for this test: quoted fields with commas, doubled quotes, and newlines (LF and CRLF).
const CSV = [
  'id,title,text,outlet',
  'c1,Plain,A simple zork line.,north',
  'c2,"Quotes, commas","She said ""zork"", twice: ""zork"".",south',
  'c3,Multi,"First paragraph about a zork.',
  '',
  'Second paragraph, after a blank line.",north',
  '',
  'c4,Short row',
  'c5,CRLF,"One\r\nTwo zork",south',
].join('\n');

describe('CSV input', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('reads quoted fields with embedded newlines, commas and doubled quotes, giving each row its starting line', async () => {
    const rows = await collect(readCsv(Readable.from([Buffer.from(CSV)])));
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 8, 9]);
    const records = rows.map((r) => (r.kind === 'record' ? r.record : undefined));
    expect(records[1]).toEqual({ id: 'c2', title: 'Quotes, commas', text: 'She said "zork", twice: "zork".', outlet: 'south' });
    expect(records[2]!.text).toBe('First paragraph about a zork.\n\nSecond paragraph, after a blank line.');
    expect(records[3]).toEqual({ id: 'c4', title: 'Short row' });
    expect(records[4]!.text).toBe('One\r\nTwo zork');
  });

  it('reads the same rows when the bytes arrive in tiny chunks', async () => {
    const bytes = Buffer.from(CSV);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const whole = await collect(readCsv(Readable.from([bytes])));
    expect(await collect(readCsv(Readable.from(chunks)))).toEqual(whole);
  });

  it('scores a CSV file: one output line per row, the title as headline, short rows as MISSING_TEXT', async () => {
    fs.writeFileSync(tmp.file('in.csv'), CSV);
    const result = await runBatch({
      input: tmp.file('in.csv'),
      output: tmp.file('out.jsonl'),
      workers: 1,
      titleField: 'title',
      pipeline: { analyzers: [zorkCounter] },
    });
    const out = readRecords(tmp.file('out.jsonl'));
    expect(out.map((r) => r.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(out.map((r) => r.error?.code ?? r.report.analyzers['zork-counter'].metrics.zorks)).toEqual([1, 2, 1, 'MISSING_TEXT', 1]);
    expect(out[3].line).toBe(8);
    const f = out[1].report.findings[0];
    expect(f.span.text).toBe('zork');
    expect(f.span.start).toBe('Quotes, commas\n\nShe said "'.length);
    expect(result.errors).toBe(1);
  });

  it('gives a CSV_INVALID record for a row csv-parse cannot read (a quote left open at the end)', async () => {
    const rows = await collect(readCsv(Readable.from([Buffer.from('id,text\nok1,fine\nbad,"never closed\n')])));
    expect(rows.map((r) => r.kind)).toEqual(['record', 'bad']);
    expect(rows[1]).toMatchObject({ line: 3, error: { code: 'CSV_INVALID' } });
  });

  it('reads TSV with --input-format tsv and custom field names', async () => {
    fs.writeFileSync(tmp.file('in.txt'), 'doc\tbody\nt1\tOne zork here.\nt2\t"Quoted\ttab zork"\n');
    await runBatch({
      input: tmp.file('in.txt'),
      output: tmp.file('tsv.jsonl'),
      format: 'tsv',
      idField: 'doc',
      textField: 'body',
      workers: 1,
      pipeline: { analyzers: [zorkCounter] },
    });
    expect(readRecords(tmp.file('tsv.jsonl')).map((r) => [r.id, r.report.stats.characters])).toEqual([
      ['t1', 'One zork here.'.length],
      ['t2', 'Quoted\ttab zork'.length],
    ]);
  });
});

describe('JSONL reader limits', () => {
  it('does not decode an over-long line; reads its id from its start; later lines are intact', async () => {
    const long = JSON.stringify({ id: 'big "one"', text: 'x'.repeat(5000) });
    const chunks = [long.slice(0, 100), long.slice(100) + '\n{"id":"next","text":"ok"}', '\n\uFEFF\n'];
    const rows = await collect(readJsonl(Readable.from(chunks.map((c) => Buffer.from(c))), { maxLineBytes: 1000, idField: 'id' }));
    expect(rows[0]).toMatchObject({ kind: 'bad', line: 1, id: 'big "one"', error: { code: 'TEXT_TOO_LARGE' } });
    expect(rows[1]).toEqual({ kind: 'json', line: 2, text: '{"id":"next","text":"ok"}' });
    expect(rows).toHaveLength(3);
  });

  it('counts a last line without a newline, and drops a byte-order mark at the start', async () => {
    const rows = await collect(readJsonl(Readable.from([Buffer.from('\uFEFF{"a":1}\n{"b":2}')]), { maxLineBytes: 100, idField: 'id' }));
    expect(rows.map((r) => (r.kind === 'json' ? r.text : r.kind))).toEqual(['{"a":1}', '{"b":2}']);
  });
});
