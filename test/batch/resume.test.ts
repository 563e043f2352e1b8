import fs from 'node:fs';
import { runBatch } from '../../src/batch/run';
import { settingsPathFor } from '../../src/batch/run-settings';
import { readLines, readRecords, tempDir, zorkCounter, zorkText } from './helpers';

jest.setTimeout(60_000);

const input = Array.from({ length: 12 }, (_, i) =>
  i === 4
    ? '{"id": "broken-json"'
    : i === 7
      ? ''
      : JSON.stringify({ id: i === 9 ? 'dup' : i === 10 ? 'dup' : `a${i}`, text: zorkText(i % 4, i % 3) }),
);
const base = { pipeline: { analyzers: [zorkCounter] }, workers: 1 } as const;

describe('slant batch --resume', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const inFile = tmp.file('in.jsonl');
  fs.writeFileSync(inFile, input.join('\n') + '\n');

  let complete: string;
  beforeAll(async () => {
    await runBatch({ ...base, input: inFile, output: tmp.file('complete.jsonl'), summary: tmp.file('complete-summary.json') });
    complete = fs.readFileSync(tmp.file('complete.jsonl'), 'utf8');
  });

  /** The output of a run killed after `k` whole lines, in the middle of writing line k+1. */
  function interrupted(name: string, k: number, partialBytes: number): string {
    const whole = complete
      .split('\n')
      .slice(0, k)
      .map((l) => l + '\n')
      .join('');
    const next = complete.split('\n')[k];
    fs.writeFileSync(tmp.file(name), whole + next.slice(0, partialBytes));
    fs.copyFileSync(settingsPathFor(tmp.file('complete.jsonl')), settingsPathFor(tmp.file(name))); // the run's recorded settings
    return tmp.file(name);
  }

  it.each([
    [0, 0],
    [0, 15],
    [3, 0],
    [3, 20],
    [5, 1], // after the INVALID_JSON record (id null: matched by line number)
    [10, 30], // inside the duplicated id
    [12, 0], // already complete
  ])('after %i whole lines and %i bytes of the next: every line exactly once, as in an uninterrupted run', async (k, partial) => {
    const out = interrupted(`out-${k}-${partial}.jsonl`, k, partial);
    const result = await runBatch({ ...base, input: inFile, output: out, resume: true });
    expect(fs.readFileSync(out, 'utf8')).toBe(complete);
    expect(result.resumed).toBe(k);
    expect(result.written).toBe(input.length - k);
    expect(result.truncatedBytes).toBe(partial);
  });

  it('rebuilds the summary from the lines already written', async () => {
    const out = interrupted('out-summary.jsonl', 6, 10);
    await runBatch({ ...base, input: inFile, output: out, resume: true, summary: tmp.file('resumed-summary.json') });
    expect(JSON.parse(fs.readFileSync(tmp.file('resumed-summary.json'), 'utf8'))).toEqual(
      JSON.parse(fs.readFileSync(tmp.file('complete-summary.json'), 'utf8')),
    );
  });

  it('skips an id given twice in the input only as often as it was written', async () => {
    const out = interrupted('out-dup.jsonl', 10, 0); // the first "dup" written, the second not
    await runBatch({ ...base, input: inFile, output: out, resume: true });
    expect(readRecords(out).filter((r) => r.id === 'dup')).toHaveLength(2);
  });

  it('starts afresh when the output file does not exist yet', async () => {
    const result = await runBatch({ ...base, input: inFile, output: tmp.file('new.jsonl'), resume: true });
    expect(result.resumed).toBe(0);
    expect(fs.readFileSync(tmp.file('new.jsonl'), 'utf8')).toBe(complete);
  });

  it('refuses to resume into a file whose complete lines are not batch records', async () => {
    fs.writeFileSync(tmp.file('other.jsonl'), complete.split('\n').slice(0, 2).join('\n') + '\nhello world\n');
    fs.copyFileSync(settingsPathFor(tmp.file('complete.jsonl')), settingsPathFor(tmp.file('other.jsonl')));
    await expect(runBatch({ ...base, input: inFile, output: tmp.file('other.jsonl'), resume: true })).rejects.toThrow(
      /line 3 .* is not a "slant batch" output record/,
    );
    expect(readLines(tmp.file('other.jsonl'))).toHaveLength(3); // left as it was
  });
});
