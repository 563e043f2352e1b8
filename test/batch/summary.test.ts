import fs from 'node:fs';
import { Quantiles, SummaryBuilder, summaryToCsv } from '../../src/batch/summary';
import { runBatch } from '../../src/batch/run';
import { main } from '../../src/cli/index';
import { tempDir, zorkCounter, zorkText } from './helpers';

// A tiny corpus written for this test. zork-counter scores zorks / 10 and reports one finding per zork or blip.
//   outlet  zorks  blips
//   north   1      0
//   north   2      1
//   north   3      0
//   north   10     2
//   south   0      4
//   south   5      0
//   (south) one line with a number as text -> INVALID_TEXT
//   (none)  4      0   (no outlet field)
const corpus = [
  { id: 'n1', outlet: 'north', text: zorkText(1) },
  { id: 'n2', outlet: 'north', text: zorkText(2, 1) },
  { id: 'n3', outlet: 'north', text: zorkText(3) },
  { id: 'n4', outlet: 'north', text: zorkText(10, 2) },
  { id: 's1', outlet: 'south', text: zorkText(0, 4) },
  { id: 's2', outlet: 'south', text: zorkText(5) },
  { id: 's3', outlet: 'south', text: 17 },
  { id: 'x1', text: zorkText(4) },
];

describe('corpus summary', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('computes count, mean, median and p90 per group, errors by code, and top terms', async () => {
    fs.writeFileSync(tmp.file('in.jsonl'), corpus.map((r) => JSON.stringify(r)).join('\n'));
    await runBatch({
      input: tmp.file('in.jsonl'),
      output: tmp.file('out.jsonl'),
      summary: tmp.file('summary.json'),
      groupBy: 'outlet',
      workers: 1,
      pipeline: { analyzers: [zorkCounter] },
    });
    const s = JSON.parse(fs.readFileSync(tmp.file('summary.json'), 'utf8'));
    expect(s.groupBy).toBe('outlet');
    expect(Object.keys(s.groups)).toEqual(['(none)', 'north', 'south']);

    const north = s.groups.north;
    expect(north).toMatchObject({ articles: 4, analysed: 4, errors: { total: 0, byCode: {} } });
    // scores 0.1, 0.2, 0.3, 1.0: mean 0.4; median (0.2 + 0.3) / 2; p90 at rank 2.7 = 0.3 + 0.7 * (1.0 - 0.3)
    expect(north.scores['zork-counter'].mean).toBeCloseTo(0.4, 10);
    expect(north.scores['zork-counter'].median).toBeCloseTo(0.25, 10);
    expect(north.scores['zork-counter'].p90).toBeCloseTo(0.79, 10);
    expect(north.scores.overall.n).toBe(4);
    // metrics: zorks 1, 2, 3, 10
    expect(north.metrics['zork-counter.zorks']).toEqual({ n: 4, mean: 4, median: 2.5, p90: expect.closeTo(7.9, 10) });
    expect(north.metrics['zork-counter.blips'].mean).toBeCloseTo(0.75, 10);
    expect(north.topTerms['zork-counter']).toEqual([
      { term: 'zork', count: 16 },
      { term: 'blip', count: 3 },
    ]);

    const south = s.groups.south;
    expect(south).toMatchObject({ articles: 3, analysed: 2, errors: { total: 1, byCode: { INVALID_TEXT: 1 } } });
    expect(south.scores['zork-counter']).toEqual({ n: 2, mean: 0.25, median: 0.25, p90: expect.closeTo(0.45, 10) });
    expect(south.topTerms['zork-counter'][0]).toEqual({ term: 'zork', count: 5 });

    expect(s.groups['(none)']).toMatchObject({ articles: 1, analysed: 1 });
    expect(s.all).toMatchObject({ articles: 8, analysed: 7, errors: { total: 1, byCode: { INVALID_TEXT: 1 } } });
    // all analysed scores: 0.1 0.2 0.3 1.0 0 0.5 0.4 -> sorted 0 .1 .2 .3 .4 .5 1; median 0.3
    expect(s.all.scores['zork-counter'].median).toBeCloseTo(0.3, 10);
    expect(s.all.scores['zork-counter'].mean).toBeCloseTo(2.5 / 7, 10);
    expect(s.all.metrics['stats.words'].n).toBe(7);

    // each output line carries its group
    const groups = fs
      .readFileSync(tmp.file('out.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).group);
    expect(groups).toEqual(['north', 'north', 'north', 'north', 'south', 'south', 'south', '(none)']);
  });

  it('writes the same numbers as CSV, one row per group after "(all)"', () => {
    const csv = fs.readFileSync(tmp.file('summary.csv'), 'utf8').trim().split('\n');
    const header = csv[0].split(',');
    const rows = Object.fromEntries(csv.slice(1).map((l) => [l.split(',')[0], l.split(',')]));
    expect(Object.keys(rows)).toEqual(['(all)', '(none)', 'north', 'south']);
    const col = (name: string) => header.indexOf(name);
    expect(rows.north[col('articles')]).toBe('4');
    expect(rows.south[col('errors.INVALID_TEXT')]).toBe('1');
    expect(Number(rows.north[col('score.zork-counter.p90')])).toBeCloseTo(0.79, 5);
    expect(rows.north[col('top.zork-counter')]).toBe('zork (16); blip (3)');
  });

  it('counts source-type shares over all sources of a group', () => {
    const b = new SummaryBuilder('outlet');
    b.add({ group: 'a', scores: {}, metrics: {}, sourceTypes: { 'named-person': 3, anonymous: 1 } });
    b.add({ group: 'a', scores: {}, metrics: {}, sourceTypes: { 'named-person': 1, 'vague-collective': 3 } });
    b.add({ group: 'a', error: 'INVALID_JSON' });
    const s = b.toJSON();
    expect(s.groups.a.sourceTypes).toEqual({ sources: 8, shares: { anonymous: 0.125, 'named-person': 0.5, 'vague-collective': 0.375 } });
    expect(s.groups.a.errors).toEqual({ total: 1, byCode: { INVALID_JSON: 1 } });
    expect(summaryToCsv(s).split('\n')[0]).toContain('sources.named-person.share');
  });

  it('keeps quantiles within 0.5% beyond the exact range, in bounded memory', () => {
    const q = new Quantiles();
    const values: number[] = [];
    let x = 12345;
    for (let i = 0; i < 20000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31; // deterministic pseudo-random
      const v = i % 10 === 0 ? 0 : (x / 2 ** 31) * 50 - 5; // zeros, negatives and positives
      values.push(v);
      q.add(v);
    }
    values.sort((a, b) => a - b);
    const exact = (p: number) => values[Math.round(p * (values.length - 1))];
    for (const p of [0.1, 0.5, 0.9]) {
      const got = q.quantile(p)!;
      expect(Math.abs(got - exact(p))).toBeLessThanOrEqual(Math.abs(exact(p)) * 0.006 + 0.01);
    }
    expect(q.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 8);
    expect(q.count).toBe(20000);
  });

  it('needs --summary for --group-by on the command line', async () => {
    const io = { out: '', err: '', isTTY: false, stderrIsTTY: false, stdout: () => undefined, stderr: (s: string) => void (io.err += s) };
    expect(await main(['batch', tmp.file('in.jsonl'), '--group-by', 'outlet'], io)).toBe(2);
    expect(io.err).toMatch(/--group-by needs --summary/);
  });
});
