/**
 * Ordered, bounded concurrency over an (async) iterable. Browser-safe.
 *
 * `orderedMap(source, limit, fn)` starts `fn` on up to `limit` items ahead of the consumer and yields the results in
 * input order. It never pulls more than `limit` items that have not been yielded yet, so memory is bounded by
 * `limit` articles whatever the size of the source, and a slow consumer slows the reader down (backpressure).
 */
export async function* orderedMap<T, R>(
  source: Iterable<T> | AsyncIterable<T>,
  limit: number,
  fn: (item: T) => R | Promise<R>,
): AsyncGenerator<R, void, undefined> {
  const max = Math.max(1, Math.floor(limit) || 1);
  const iterator: Iterator<T> | AsyncIterator<T> =
    Symbol.asyncIterator in source ? (source as AsyncIterable<T>)[Symbol.asyncIterator]() : (source as Iterable<T>)[Symbol.iterator]();
  const pending: Array<Promise<R>> = [];
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && pending.length < max) {
        const next = await iterator.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const item = next.value;
        const result = new Promise<R>((resolve, reject) => {
          try {
            resolve(fn(item));
          } catch (e) {
            reject(e);
          }
        });
        result.catch(() => undefined); // rejections surface when the result is awaited, in order
        pending.push(result);
      }
      const head = pending.shift();
      if (!head) return;
      yield await head;
    }
  } finally {
    if (!exhausted) await iterator.return?.();
    // Let work already started settle so that nothing runs on after the consumer stopped.
    await Promise.allSettled(pending);
  }
}

/**
 * `fn` over groups of up to `size` items, in input order: reads a group, hands it to `fn`, yields the group's results
 * (one per item, in order), then reads the next group. Never more than `size` items read and not yet yielded.
 */
export async function* groupedMap<T, R>(
  source: Iterable<T> | AsyncIterable<T>,
  size: number,
  fn: (items: T[]) => R[],
): AsyncGenerator<R, void, undefined> {
  const max = Math.max(1, Math.floor(size) || 1);
  const iterator: Iterator<T> | AsyncIterator<T> =
    Symbol.asyncIterator in source ? (source as AsyncIterable<T>)[Symbol.asyncIterator]() : (source as Iterable<T>)[Symbol.iterator]();
  let exhausted = false;
  try {
    while (!exhausted) {
      const group: T[] = [];
      while (group.length < max) {
        const next = await iterator.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        group.push(next.value);
      }
      if (group.length) yield* fn(group);
    }
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}

/** The items of `source` in arrays of up to `size`, in order, each read only when it is asked for. */
export async function* chunked<T>(source: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[], void, undefined> {
  yield* groupedMap(source, size, (items) => [items]);
}
