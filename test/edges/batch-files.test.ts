/**
 * #14 items 1-4: `slant batch` never writes over its input or output, one run at a time per output file, a resume
 * with other settings is refused, and a malformed CSV row costs only itself.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { Readable } from 'node:stream';
import { runCli as cli } from '../fixtures/cli';
import { lockPathFor } from '../../src/batch/lock';
import { readCsv } from '../../src/batch/read';
import type { RawInput } from '../../src/batch/record';
import { runBatch } from '../../src/batch/run';
import { settingsPathFor } from '../../src/batch/run-settings';
import { readRecords, tempDir, zorkCounter, zorkText } from '../batch/helpers';

jest.setTimeout(60_000);

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const base = { pipeline: { analyzers: [zorkCounter] }, workers: 1 } as const;
const jsonl = (ids: string[]): string => ids.map((id, i) => JSON.stringify({ id, text: zorkText(i % 3) })).join('\n') + '\n';

describe('item 1: the summary never overwrites the input or the output', () => {
  const csv = 'id,text\nc1,A zork here.\nc2,Nothing.\n';

  it('refuses --summary in.json when the CSV summary would be the input in.csv (usage error, input intact)', async () => {
    fs.writeFileSync(tmp.file('in.csv'), csv);
    const r = await cli(
      'batch',
      tmp.file('in.csv'),
      '-o',
      tmp.file('o1.jsonl'),
      '--summary',
      tmp.file('in.json'),
      '--workers',
      '1',
      '--analyzers',
      'loaded-language',
    );
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('would overwrite the input');
    expect(fs.readFileSync(tmp.file('in.csv'), 'utf8')).toBe(csv);
    expect(fs.existsSync(tmp.file('o1.jsonl'))).toBe(false);
  });

  it('refuses --summary equal to -o, leaving an existing output as it was', async () => {
    fs.writeFileSync(tmp.file('in2.csv'), csv);
    fs.writeFileSync(tmp.file('keep.jsonl'), 'earlier results\n');
    const r = await cli('batch', tmp.file('in2.csv'), '-o', tmp.file('keep.jsonl'), '--summary', tmp.file('keep.jsonl'), '--workers', '1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/summary \(--summary\) would overwrite the output/);
    expect(fs.readFileSync(tmp.file('keep.jsonl'), 'utf8')).toBe('earlier results\n');
  });

  it('refuses a CSV summary that would land on the output (--summary out.json with -o out.csv)', async () => {
    fs.writeFileSync(tmp.file('in3.jsonl'), jsonl(['a']));
    await expect(
      runBatch({ ...base, input: tmp.file('in3.jsonl'), output: tmp.file('out3.csv'), summary: tmp.file('out3.json') }),
    ).rejects.toThrow(/CSV summary .* would overwrite the output/);
  });

  it('refuses --findings-csv on the input or the output, before opening anything', async () => {
    fs.writeFileSync(tmp.file('in4.csv'), csv);
    const r = await cli(
      'batch',
      tmp.file('in4.csv'),
      '--format',
      'csv',
      '-o',
      tmp.file('o4.csv'),
      '--findings-csv',
      tmp.file('in4.csv'),
      '--workers',
      '1',
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('the findings CSV (--findings-csv) would overwrite the input');
    expect(fs.readFileSync(tmp.file('in4.csv'), 'utf8')).toBe(csv);
    expect(fs.existsSync(tmp.file('o4.csv'))).toBe(false);
  });

  it('--format csv: a CSV without the text column leaves an existing output untouched', async () => {
    fs.writeFileSync(tmp.file('in5.csv'), 'id,body\nc1,A zork.\n');
    fs.writeFileSync(tmp.file('o5.csv'), 'earlier\n');
    const r = await cli('batch', tmp.file('in5.csv'), '--format', 'csv', '-o', tmp.file('o5.csv'), '--workers', '1');
    expect(r.code).toBe(2);
    expect(fs.readFileSync(tmp.file('o5.csv'), 'utf8')).toBe('earlier\n');
    expect(fs.existsSync(lockPathFor(tmp.file('o5.csv')))).toBe(false);
  });

  it('says in --help where the CSV summary goes', async () => {
    expect((await cli('batch', '--help')).out).toContain('as CSV to <file>.csv');
  });
});

describe('item 2: one run at a time per output file', () => {
  it('a second concurrent run on the same output fails naming the lock; the output has each id once', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `x${i}`);
    fs.writeFileSync(tmp.file('lock-in.jsonl'), jsonl(ids));
    const out = tmp.file('lock-out.jsonl');
    const runs = await Promise.allSettled(
      [0, 1].map(() => runBatch({ ...base, input: tmp.file('lock-in.jsonl'), output: out, resume: true })),
    );
    const rejected = runs.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(String(rejected[0].reason.message)).toContain(lockPathFor(out));
    expect(readRecords(out).map((r) => r.id)).toEqual(ids);
    expect(fs.existsSync(lockPathFor(out))).toBe(false); // released
  });

  it('the CLI exits 1 with one line when a live process holds the lock', async () => {
    fs.writeFileSync(tmp.file('held-in.jsonl'), jsonl(['a', 'b']));
    const out = tmp.file('held-out.jsonl');
    fs.writeFileSync(lockPathFor(out), JSON.stringify({ pid: process.pid, hostname: os.hostname(), started: 'earlier' }));
    const r = await cli('batch', tmp.file('held-in.jsonl'), '-o', out, '--workers', '1', '--analyzers', 'loaded-language');
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(`pid ${process.pid}`);
    expect(r.err).toContain(lockPathFor(out));
    expect(fs.existsSync(out)).toBe(false);
    fs.rmSync(lockPathFor(out));
  });

  it('takes over a stale lock (its process is gone)', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    fs.writeFileSync(tmp.file('stale-in.jsonl'), jsonl(['a', 'b']));
    const out = tmp.file('stale-out.jsonl');
    fs.writeFileSync(lockPathFor(out), JSON.stringify({ pid: dead, hostname: os.hostname(), started: 'earlier' }));
    const result = await runBatch({ ...base, input: tmp.file('stale-in.jsonl'), output: out });
    expect(result.written).toBe(2);
    expect(fs.existsSync(lockPathFor(out))).toBe(false);
  });
});

describe('item 3: --resume refuses a run with other settings', () => {
  const a = tmp.file('set-a.jsonl');
  const b = tmp.file('set-b.jsonl');
  fs.writeFileSync(a, jsonl(['a1', 'a2', 'a3']));
  fs.writeFileSync(b, jsonl(['b1', 'b2', 'b3']));

  async function firstRun(name: string): Promise<string> {
    const out = tmp.file(name);
    await runBatch({ ...base, input: a, output: out });
    fs.writeFileSync(out, fs.readFileSync(out, 'utf8').split('\n').slice(0, 1).join('\n') + '\n'); // interrupted after 1 line
    return out;
  }

  it('records the settings next to the output', async () => {
    const out = await firstRun('rec.jsonl');
    const s = JSON.parse(fs.readFileSync(settingsPathFor(out), 'utf8'));
    expect(s).toMatchObject({ input: { path: a, size: fs.statSync(a).size }, fields: 'full', analyzers: ['zork-counter'] });
  });

  it.each([
    ['another input', { input: b }, /the input was .*set-a\.jsonl, now .*set-b\.jsonl/],
    ['other --fields', { fields: 'scores' as const }, /--fields was full, now scores/],
    [
      'other --analyzers',
      { pipeline: { analyzers: ['loaded-language'] } },
      /--analyzers was \["zork-counter"\], now \["loaded-language"\]/,
    ],
  ])('refuses a resume with %s, naming the difference, and leaves the output as it was', async (_what, change, message) => {
    const out = await firstRun(`diff-${_what.replace(/\W/g, '')}.jsonl`);
    const before = fs.readFileSync(out, 'utf8');
    await expect(runBatch({ ...base, input: a, output: out, resume: true, ...change })).rejects.toThrow(message);
    expect(fs.readFileSync(out, 'utf8')).toBe(before);
  });

  it('refuses when the input file changed in place', async () => {
    const c = tmp.file('set-c.jsonl');
    fs.writeFileSync(c, jsonl(['c1', 'c2']));
    const out = tmp.file('changed.jsonl');
    await runBatch({ ...base, input: c, output: out });
    fs.writeFileSync(c, jsonl(['c9', 'c2']));
    await expect(runBatch({ ...base, input: c, output: out, resume: true })).rejects.toThrow(/the input .*set-c\.jsonl changed/);
  });

  it('refuses when the output has no recorded settings; --force resumes anyway', async () => {
    const out = await firstRun('nosettings.jsonl');
    fs.rmSync(settingsPathFor(out));
    await expect(runBatch({ ...base, input: a, output: out, resume: true })).rejects.toThrow(/run\.json is missing/);
    const r = await runBatch({ ...base, input: a, output: out, resume: true, force: true });
    expect(r.resumed).toBe(1);
    expect(readRecords(out).map((x) => x.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it('the CLI: exit 1, one line; --force accepted', async () => {
    const out = await firstRun('cli.jsonl');
    const r = await cli('batch', b, '-o', out, '--resume', '--workers', '1', '--analyzers', 'zork-counter');
    expect(r.code).not.toBe(0);
    const refused = await cli('batch', b, '-o', out, '--resume', '--workers', '1');
    expect(refused.code).toBe(1);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(refused.err).toMatch(/cannot resume .*the input was .*--force/);
  });
});

const collect = async (it: AsyncIterable<RawInput>): Promise<RawInput[]> => {
  const out: RawInput[] = [];
  for await (const r of it) out.push(r);
  return out;
};
const rowsOf = (csv: string): Promise<RawInput[]> => collect(readCsv(Readable.from([Buffer.from(csv)])));
const summary = (rows: RawInput[]): Array<[number, string]> => rows.map((r) => [r.line, r.kind === 'record' ? String(r.record.id) : `ERR`]);

describe('item 4: a malformed CSV record costs only itself', () => {
  it('a stray opening quote that is never closed: an error record with its line, every later row read', async () => {
    const rows = await rowsOf('id,text\nc1,ok\nc2,"stray quote text\nc3,fine\nc4,fine too\n');
    expect(summary(rows)).toEqual([
      [2, 'c1'],
      [3, 'ERR'],
      [4, 'c3'],
      [5, 'c4'],
    ]);
    expect(rows[1]).toMatchObject({ kind: 'bad', error: { code: 'CSV_INVALID', message: expect.stringContaining('line 3') } });
  });

  it('a stray quote closed later by another quote is an error, not a row that swallows the next ones', async () => {
    expect(summary(await rowsOf('id,text,o\nc1,ok,x\nc2,"stray text,x\nc3,"fine",y\nc4,a,b\n'))).toEqual([
      [2, 'c1'],
      [3, 'ERR'],
      [4, 'c3'],
      [5, 'c4'],
    ]);
    expect(summary(await rowsOf('id,text,o\nc1,ok,x\nc2,"stray text,x\nc3,ok,"\nc4,a,b\n'))).toEqual([
      [2, 'c1'],
      [3, 'ERR'],
      [4, 'ERR'],
      [5, 'c4'],
    ]);
  });

  it('a quote inside an unquoted field is kept as a character', async () => {
    const rows = await rowsOf('id,text\nc1,He said "hi" there\nc2,x\n');
    expect(rows.map((r) => (r.kind === 'record' ? r.record.text : r.kind))).toEqual(['He said "hi" there', 'x']);
  });

  it('a row with more fields than the header is an error record with its id', async () => {
    const rows = await rowsOf('id,text\nc1,Hello, world\nc2,x\n');
    expect(rows[0]).toMatchObject({ kind: 'bad', line: 2, id: 'c1', error: { code: 'CSV_INVALID' } });
    expect(rows[1]).toMatchObject({ kind: 'record', line: 3 });
  });

  it('in a batch run every id is in the output, the broken one as an error line', async () => {
    fs.writeFileSync(tmp.file('stray.csv'), 'id,text\nc1,A zork.\nc2,"An open quote and a zork\nc3,zork zork.\nc4,Fine.\n');
    const result = await runBatch({ ...base, input: tmp.file('stray.csv'), output: tmp.file('stray.jsonl') });
    const out = readRecords(tmp.file('stray.jsonl'));
    expect(out.map((r) => [r.id, r.error?.code ?? 'ok'])).toEqual([
      ['c1', 'ok'],
      [null, 'CSV_INVALID'],
      ['c3', 'ok'],
      ['c4', 'ok'],
    ]);
    expect(out[1].line).toBe(3);
    expect(result.errors).toBe(1);
  });

  it('a CSV without the text column: one usage error listing the columns found, no output', async () => {
    fs.writeFileSync(tmp.file('cols.csv'), 'id,body,outlet\nc1,A zork.,n\nc2,Two.,s\n');
    const r = await cli('batch', tmp.file('cols.csv'), '-o', tmp.file('cols.jsonl'), '--workers', '1');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('no column "text" (--text-field)');
    expect(r.err).toContain('"id", "body", "outlet"');
    expect(fs.existsSync(tmp.file('cols.jsonl'))).toBe(false);
  });

  it('a named --id-field missing from the header is part of the same error', async () => {
    fs.writeFileSync(tmp.file('cols2.csv'), 'key,body\nc1,A zork.\n');
    const r = await cli('batch', tmp.file('cols2.csv'), '--id-field', 'doc', '--workers', '1');
    expect(r.code).toBe(2);
    expect(r.err).toContain('no column "text" (--text-field), "doc" (--id-field); its columns are: "key", "body"');
    expect(r.out).toBe('');
  });
});
