import fs from 'node:fs';
import { runBatch } from '../../src/batch/run';
import { main } from '../../src/cli/index';
import type { Io } from '../../src/cli/io';
import { readRecords, tempDir, zorkCounter, zorkText } from './helpers';

jest.setTimeout(120_000);

const fakeIo = (): Io & { out: string; err: string } => {
  const io = {
    out: '',
    err: '',
    isTTY: false,
    stderrIsTTY: false,
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
  };
  return io;
};

// One line per kind of problem, between good lines; the expected code per line (null = analysed).
const lines: Array<[string | Buffer, string | null]> = [
  [JSON.stringify({ id: 'good-1', text: zorkText(1) }), null],
  ['{"id": "broken", "text": "no closing brace"', 'INVALID_JSON'],
  ['[1, 2, 3]', 'NOT_AN_OBJECT'],
  ['"just a string"', 'NOT_AN_OBJECT'],
  ['', 'EMPTY_LINE'],
  [JSON.stringify({ id: { a: 1 }, text: 'x' }), 'INVALID_ID'],
  [JSON.stringify({ id: 'no-text', body: 'wrong field' }), 'MISSING_TEXT'],
  [JSON.stringify({ id: 'null-text', text: null }), 'MISSING_TEXT'],
  [JSON.stringify({ id: 'number-text', text: 12345 }), 'INVALID_TEXT'],
  [JSON.stringify({ id: 'array-text', text: ['a', 'b'] }), 'INVALID_TEXT'],
  [JSON.stringify({ id: 'bad-title', title: 5, text: 'Fine text.' }), 'INVALID_TITLE'],
  [JSON.stringify({ id: 'too-long', text: 'word '.repeat(500) }), 'TEXT_TOO_LARGE'],
  [Buffer.concat([Buffer.from('{"id":"latin1","text":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]), 'INVALID_UTF8'],
  [JSON.stringify({ id: 'huge-line', text: 'z'.repeat(200_000) }), 'TEXT_TOO_LARGE'],
  [JSON.stringify({ id: 'explodes', text: 'This text says KABOOM.' }), 'ANALYZER_FAILED'],
  [JSON.stringify({ text: 'No id: the line number stands in.' }), null],
  [JSON.stringify({ id: 'good-2', title: 'A headline', text: zorkText(2) }), null],
];

function writeInput(file: string, crlf = false): void {
  const nl = Buffer.from(crlf ? '\r\n' : '\n');
  fs.writeFileSync(file, Buffer.concat(lines.flatMap(([l]) => [Buffer.isBuffer(l) ? l : Buffer.from(l), nl])));
}

describe('slant batch: every input line gives exactly one output line', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('writes an error record for each kind of bad line, in order, and goes on', async () => {
    writeInput(tmp.file('in.jsonl'));
    const result = await runBatch({
      input: tmp.file('in.jsonl'),
      output: tmp.file('out.jsonl'),
      workers: 1,
      pipeline: { analyzers: [zorkCounter] },
      titleField: 'title',
      maxTextBytes: 2000,
    });
    const out = readRecords(tmp.file('out.jsonl'));
    expect(out).toHaveLength(lines.length);
    expect(out.map((r) => r.error?.code ?? null)).toEqual(lines.map(([, code]) => code));
    // every error record carries its input line number
    expect(out.flatMap((r) => (r.error ? [r.line] : []))).toEqual(lines.flatMap(([, code], i) => (code ? [i + 1] : [])));
    expect(result.errors).toBe(lines.filter(([, c]) => c).length);
    expect(result.aborted).toBe(false);
    // ids: as given, read from the start of an undecodable or over-long line, the line number when absent
    expect(out.map((r) => r.id)).toEqual([
      'good-1',
      null,
      null,
      null,
      null,
      null,
      'no-text',
      'null-text',
      'number-text',
      'array-text',
      'bad-title',
      'too-long',
      'latin1',
      'huge-line',
      'explodes',
      16,
      'good-2',
    ]);
    // the title is the headline, then a blank line, then the text
    expect(out[16].report.findings[0].span.start).toBe('A headline\n\n'.length + zorkText(2).indexOf('zork'));
  });

  it('reads CRLF line endings the same way', async () => {
    writeInput(tmp.file('crlf.jsonl'), true);
    await runBatch({
      input: tmp.file('crlf.jsonl'),
      output: tmp.file('crlf-out.jsonl'),
      workers: 1,
      pipeline: { analyzers: [zorkCounter] },
      titleField: 'title',
      maxTextBytes: 2000,
    });
    expect(fs.readFileSync(tmp.file('crlf-out.jsonl'), 'utf8')).toBe(fs.readFileSync(tmp.file('out.jsonl'), 'utf8'));
  });

  it('gives the same output with two worker threads', async () => {
    writeInput(tmp.file('in.jsonl'));
    // Built-in analyzers only can cross to threads; compare against the same pipeline in this thread.
    const common = { input: tmp.file('in.jsonl'), titleField: 'title', maxTextBytes: 2000 } as const;
    await runBatch({ ...common, output: tmp.file('one.jsonl'), workers: 1 });
    const result = await runBatch({ ...common, output: tmp.file('two.jsonl'), workers: 2 });
    expect(fs.readFileSync(tmp.file('two.jsonl'), 'utf8')).toBe(fs.readFileSync(tmp.file('one.jsonl'), 'utf8'));
    expect(readRecords(tmp.file('two.jsonl'))).toHaveLength(lines.length);
    // without the throwing test analyzer, that line is analysed
    expect(result.errors).toBe(lines.filter(([, c]) => c && c !== 'ANALYZER_FAILED').length);
  });

  it('exits 0 with garbage lines, and 1 once --max-errors is exceeded', async () => {
    writeInput(tmp.file('in.jsonl'));
    const io = fakeIo();
    expect(await main(['batch', tmp.file('in.jsonl'), '-o', tmp.file('cli.jsonl'), '--workers', '1', '--max-size', '2000'], io)).toBe(0);
    expect(readRecords(tmp.file('cli.jsonl'))).toHaveLength(lines.length);
    expect(io.err).toBe(''); // stderr is not a terminal: silent

    const io2 = fakeIo();
    expect(await main(['batch', tmp.file('in.jsonl'), '-o', tmp.file('cli2.jsonl'), '--workers', '1', '--max-errors', '2'], io2)).toBe(1);
    expect(io2.err).toMatch(/more than 2 errors/);
    expect(readRecords(tmp.file('cli2.jsonl')).filter((r) => r.error)).toHaveLength(3);
  });

  it('writes to standard output without -o, and reports usage errors with exit code 2', async () => {
    fs.writeFileSync(tmp.file('two-lines.jsonl'), '{"id":"a","text":"One."}\n{"id":"b","text":"Two."}');
    const io = fakeIo();
    expect(await main(['batch', tmp.file('two-lines.jsonl'), '--workers', '1', '--fields', 'stats'], io)).toBe(0);
    expect(
      io.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { id: 'a', report: { stats: expect.objectContaining({ words: 1 }) } },
      { id: 'b', report: { stats: expect.objectContaining({ words: 1 }) } },
    ]);
    for (const args of [['--fields', 'nope'], ['--workers', '0'], ['--resume'], ['--group-by', 'x'], ['--input-format', 'xml']]) {
      const e = fakeIo();
      expect(await main(['batch', tmp.file('two-lines.jsonl'), ...args], e)).toBe(2);
    }
    const missing = fakeIo();
    expect(await main(['batch', tmp.file('nope.jsonl'), '-o', tmp.file('x.jsonl')], missing)).toBe(1);
    expect(missing.err).toMatch(/no such file/);
  });
});

describe('slant batch refuses to overwrite its input', () => {
  it('stops before touching the file when -o names the input', async () => {
    const tmp = tempDir();
    fs.writeFileSync(tmp.file('same.jsonl'), '{"id":"a","text":"One."}\n');
    await expect(runBatch({ input: tmp.file('same.jsonl'), output: tmp.file('same.jsonl'), workers: 1 })).rejects.toThrow(
      /the output \(-o\) would overwrite the input/,
    );
    expect(fs.readFileSync(tmp.file('same.jsonl'), 'utf8')).toBe('{"id":"a","text":"One."}\n');
    tmp.cleanup();
  });
});

describe('slant batch progress', () => {
  it('shows progress on standard error only when it is a terminal, and not with --quiet', async () => {
    const tmp = tempDir();
    fs.writeFileSync(tmp.file('in.jsonl'), '{"id":"a","text":"One."}\n{"id":"b","text":"Two."}\n');
    const run = async (tty: boolean, ...extra: string[]) => {
      const io = { ...fakeIo(), stderrIsTTY: tty };
      const err: string[] = [];
      io.stderr = (s: string) => void err.push(s);
      expect(await main(['batch', tmp.file('in.jsonl'), '-o', tmp.file('out.jsonl'), '--workers', '1', ...extra], io)).toBe(0);
      return err.join('');
    };
    expect(await run(true)).toMatch(/2 articles .* errors[\s\S]*2 lines written/);
    expect(await run(false)).toBe('');
    expect(await run(true, '--quiet')).toBe('');
    tmp.cleanup();
  });
});
