import { groupedMap, orderedMap } from '../../src/batch/ordered';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('orderedMap', () => {
  it('yields results in input order although later items finish first', async () => {
    const delays = [30, 1, 20, 0, 10, 5, 0, 25];
    const out: number[] = [];
    for await (const r of orderedMap(
      delays.map((d, i) => ({ d, i })),
      4,
      async ({ d, i }) => {
        await sleep(d);
        return i;
      },
    ))
      out.push(r);
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('never has more than `limit` items pulled from the source and not yet yielded', async () => {
    let pulled = 0;
    let yielded = 0;
    let maxAhead = 0;
    async function* source() {
      for (let i = 0; i < 50; i++) {
        pulled++;
        maxAhead = Math.max(maxAhead, pulled - yielded);
        yield i;
      }
    }
    for await (const _ of orderedMap(source(), 3, async (i) => {
      await sleep(i % 3);
      return i;
    })) {
      yielded++;
      await sleep(1); // a slow consumer
    }
    expect(yielded).toBe(50);
    expect(maxAhead).toBeLessThanOrEqual(3);
  });

  it('stops reading the source when the consumer stops', async () => {
    let pulled = 0;
    function* source() {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield i;
      }
    }
    for await (const r of orderedMap(source(), 5, (i) => i)) if (r === 9) break;
    expect(pulled).toBeLessThanOrEqual(15);
  });

  it('surfaces an error from fn at that item, in order', async () => {
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const r of orderedMap([0, 1, 2, 3], 4, (i) => {
          if (i === 2) throw new Error('boom at 2');
          return i;
        }))
          seen.push(r);
      })(),
    ).rejects.toThrow('boom at 2');
    expect(seen).toEqual([0, 1]);
  });
});

describe('groupedMap', () => {
  it('hands fn groups of at most `size` items and yields their results in input order', async () => {
    const groups: number[][] = [];
    const out: string[] = [];
    for await (const r of groupedMap([0, 1, 2, 3, 4, 5, 6], 3, (items) => {
      groups.push(items);
      return items.map((i) => `r${i}`);
    }))
      out.push(r);
    expect(groups).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(out).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
  });

  it('never has more than `size` items pulled from an async source and not yet yielded, and stops when the consumer stops', async () => {
    let pulled = 0;
    let yielded = 0;
    let maxAhead = 0;
    async function* source() {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        maxAhead = Math.max(maxAhead, pulled - yielded);
        yield i;
      }
    }
    for await (const r of groupedMap(source(), 4, (items) => items)) {
      yielded++;
      if (r === 9) break;
    }
    expect(maxAhead).toBeLessThanOrEqual(4);
    expect(pulled).toBe(12);
  });
});
