import { builtinAnalyzers, createPipeline, isConfigError, use } from '../../src/index';
import type { BatchResult } from '../../src/batch/types';
import { analyzeMany } from '../../src/node';
import { analyzeItem, analyzeItems } from '../../src/batch/analyze-many';
import { analyzeManyInPool } from '../../src/batch/analyze-many-workers';
import { analyzeGroupInPool, type WorkerPool, type WorkerTask } from '../../src/batch/pool';
import { zorkCounter, zorkText } from './helpers';

jest.setTimeout(120_000);

const collect = async (it: AsyncIterable<BatchResult>): Promise<BatchResult[]> => {
  const out: BatchResult[] = [];
  for await (const r of it) out.push(r);
  return out;
};

// Long texts first, so that with two threads the short ones behind them finish earlier.
const items = [
  { id: 'long-1', text: 'The committee met again on Tuesday. '.repeat(400) },
  { id: 'short-1', text: 'Rain is expected.' },
  { id: 'bad-text', text: 42 as unknown as string },
  { id: 'long-2', text: 'Officials said the plan would change. '.repeat(300) },
  { id: 7, text: 'A numeric id is fine.' },
  { id: 'empty', text: '' },
  { id: 'short-2', text: 'The vote passed.' },
];

describe('pipeline.analyzeMany', () => {
  it('analyses a group of articles to the reports analyze() gives each on its own', async () => {
    const texts = [
      'Critics slammed the “reckless” plan, which officials said would cut costs. It was reportedly delayed.',
      '“We will not back down,” Mayor Jane Ortiz told reporters on Monday.\n\nThe so-called reform is a disaster.',
      'Prices rose 3% in May, according to the statistics office.',
    ];
    const pipeline = createPipeline();
    const one = texts.map((t) => pipeline.analyze(t));
    expect(pipeline.analyzeTexts(texts)).toEqual(one);
    const results = await collect(pipeline.analyzeMany(texts.map((text, id) => ({ id, text }))));
    expect(results.map((r) => r.report)).toEqual(one);
  });

  it('analyses each item on its own when the group fails, so that only the bad item is an error', () => {
    const good = createPipeline();
    const flaky = {
      analyze: (text: string) => {
        if (text === 'poison') throw new Error('cannot read this one');
        return good.analyze(text);
      },
      analyzeTexts: (): never => {
        throw new Error('one text failed');
      },
    };
    const results = analyzeItems(flaky, [
      { id: 1, text: 'The vote passed.' },
      { id: 2, text: 'poison' },
      { id: 3, text: 'Rain is expected.' },
    ]);
    expect(results.map((r) => r.error?.code ?? 'ok')).toEqual(['ok', 'ANALYZER_FAILED', 'ok']);
    expect(results[2].report).toEqual(good.analyze('Rain is expected.'));
  });

  it('yields one result per item, in input order, in this thread', async () => {
    const results = await collect(createPipeline().analyzeMany(items));
    expect(results.map((r) => r.id)).toEqual(items.map((i) => i.id));
    expect(results[2].error).toMatchObject({ code: 'INVALID_TEXT' });
    expect(results[5].report?.stats.characters).toBe(0);
  });

  it('gives the same results, in the same order, with two worker threads (slant/node)', async () => {
    const pipeline = createPipeline();
    const inThread = await collect(pipeline.analyzeMany(items));
    const withWorkers = await collect(analyzeMany(pipeline, items, { workers: 2, maxInFlight: 6 }));
    expect(withWorkers.map((r) => r.id)).toEqual(items.map((i) => i.id));
    expect(withWorkers).toEqual(inThread);
  });

  it('gives the same results with two worker threads analysing groups (the default read-ahead)', async () => {
    const pipeline = createPipeline();
    const many = [...items, ...items.map((it) => ({ ...it, id: `again-${String(it.id)}` }))];
    const inThread = await collect(pipeline.analyzeMany(many));
    expect(await collect(analyzeMany(pipeline, many, { workers: 2 }))).toEqual(inThread);
  });

  it('on a pool, reads ahead at most maxInFlight items and sends only checked items to the threads', async () => {
    const pipeline = createPipeline();
    const tasks: WorkerTask[] = [];
    const pool: WorkerPool = {
      threads: 2,
      run: <T>(task: WorkerTask) => {
        tasks.push(task);
        if (task.kind !== 'items') throw new Error(`unexpected task ${task.kind}`);
        return Promise.resolve(JSON.stringify(analyzeItems(pipeline, task.items)) as T);
      },
      ready: () => Promise.resolve([...pipeline.analyzerIds]),
      close: () => Promise.resolve(),
    };
    let read = 0;
    let yielded = 0;
    let most = 0;
    function* source() {
      for (let i = 0; i < 40; i++) {
        read++;
        most = Math.max(most, read - yielded);
        yield i === 5 ? ({ id: 'no-text' } as never) : { id: i, text: `Officials said item ${i} was fine.` };
      }
    }
    const results: BatchResult[] = [];
    for await (const r of analyzeManyInPool(pool, source(), 12)) {
      results.push(r);
      yielded++;
    }
    expect(results.map((r) => r.id)).toEqual(Array.from({ length: 40 }, (_, i) => (i === 5 ? 'no-text' : i)));
    expect(results[5].error?.code).toBe('MISSING_TEXT');
    expect(results[7]).toEqual(analyzeItem(pipeline, { id: 7, text: 'Officials said item 7 was fine.' }));
    expect(most).toBeLessThanOrEqual(12);
    // groups of 3 (12 read ahead, two groups per thread), the item without text never sent
    expect(tasks.map((t) => (t.kind === 'items' ? t.items.length : 0))).toEqual([3, 2, ...Array<number>(11).fill(3), 1]);
  });

  it('when a thread dies on a group, tries each item on its own, so that only the item that kills it fails', async () => {
    const pool: WorkerPool = {
      threads: 1,
      run: <T>(task: WorkerTask) => {
        if (task.kind === 'items') return Promise.reject(new Error('worker exited'));
        if (task.kind !== 'item') throw new Error('unexpected task');
        if (task.text === 'poison') return Promise.reject(new Error('worker exited: out of memory'));
        return Promise.resolve(JSON.stringify(analyzeItem(createPipeline(), { id: task.id, text: task.text })) as T);
      },
      ready: () => Promise.resolve([]),
      close: () => Promise.resolve(),
    };
    const results = await analyzeGroupInPool(pool, [
      { id: 1, text: 'The vote passed.' },
      { id: 2, text: 'poison' },
      { id: 3, text: 'Rain is expected.' },
    ]);
    expect(results.map((r) => r.error?.code ?? 'ok')).toEqual(['ok', 'WORKER_FAILED', 'ok']);
    expect(results[1]).toEqual({ id: 2, error: { code: 'WORKER_FAILED', message: 'worker exited: out of memory' } });
    expect(results[2].report).toEqual(createPipeline().analyze('Rain is expected.'));
  });

  it('reads an async source lazily and yields error records for items that are not { id, text }', async () => {
    async function* source() {
      yield { id: 'a', text: 'First.' };
      yield null as never;
      yield { id: { nested: true }, text: 'x' } as never;
      yield { id: 'no-text' } as never;
      yield { id: 'b', text: 'Last.' };
    }
    const results = await collect(createPipeline().analyzeMany(source()));
    expect(results.map((r) => r.error?.code ?? 'ok')).toEqual(['ok', 'NOT_AN_OBJECT', 'INVALID_ID', 'MISSING_TEXT', 'ok']);
    expect(results.map((r) => r.id)).toEqual(['a', null, null, 'no-text', 'b']);
  });

  it('turns an analyzer failure into an ANALYZER_FAILED record and goes on', async () => {
    const pipeline = createPipeline({ analyzers: [zorkCounter] });
    const results = await collect(
      pipeline.analyzeMany([
        { id: 1, text: zorkText(2) },
        { id: 2, text: 'KABOOM here.' },
        { id: 3, text: zorkText(1) },
      ]),
    );
    expect(results.map((r) => r.error?.code ?? 'ok')).toEqual(['ok', 'ANALYZER_FAILED', 'ok']);
    expect(results[1].error?.message).toContain('zork-counter');
    expect(results[0].report?.analyzers['zork-counter'].metrics.zorks).toBe(2);
  });

  it('refuses worker threads for a custom analyzer object, with a ConfigError naming it', async () => {
    const pipeline = createPipeline({ analyzers: [zorkCounter] });
    const error = await collect(analyzeMany(pipeline, [{ id: 1, text: 'x' }], { workers: 2 })).catch((e: unknown) => e);
    expect(isConfigError(error)).toBe(true);
    expect((error as Error).message).toMatch(/zork-counter.*not a built-in analyzer/);
  });

  it('accepts built-in analyzers given as objects or through use() for worker threads', async () => {
    const ids = Object.keys(builtinAnalyzers);
    expect(ids.length).toBeGreaterThan(1);
    const pipeline = createPipeline({ analyzers: [builtinAnalyzers[ids[0]], ...ids.slice(1).map((id) => use(builtinAnalyzers[id]))] });
    const results = await collect(analyzeMany(pipeline, [{ id: 1, text: 'Officials said the bridge would reopen.' }], { workers: 2 }));
    expect(Object.keys(results[0].report!.analyzers)).toEqual(ids);
  });

  it('in the core, refuses worker threads with a ConfigError that points to slant/node', async () => {
    const error = await collect(createPipeline().analyzeMany([{ id: 1, text: 'x' }], { workers: 2 })).catch((e: unknown) => e);
    expect(isConfigError(error)).toBe(true);
    expect((error as Error).message).toContain("import { analyzeMany } from 'slant/node'");
  });

  it('slant/node analyzeMany with one worker (the default) analyses in this thread, like pipeline.analyzeMany', async () => {
    const pipeline = createPipeline({ analyzers: [zorkCounter] }); // a custom analyzer is fine without threads
    const texts = [
      { id: 1, text: zorkText(2) },
      { id: 2, text: 'KABOOM here.' },
    ];
    expect(await collect(analyzeMany(pipeline, texts))).toEqual(await collect(pipeline.analyzeMany(texts)));
  });

  it('rejects bad options', async () => {
    await expect(collect(analyzeMany(createPipeline(), [], { workers: 0 }))).rejects.toThrow(/workers/);
    await expect(collect(createPipeline().analyzeMany([], { workers: 0 }))).rejects.toThrow(/workers/);
    await expect(collect(createPipeline().analyzeMany([], { wrokers: 2 } as never))).rejects.toThrow(
      /Unknown analyzeMany\(\) option "wrokers"/,
    );
  });
});
