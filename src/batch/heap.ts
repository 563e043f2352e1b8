/**
 * Keeps the heap of a long batch run flat (Node only). V8 lets the old generation grow to several times the live
 * data before a full collection, and under CPU contention (other processes, or the other analysis threads) its
 * concurrent marking falls behind, so the peak RSS of a run grows with its length though nothing leaks (the heap
 * after a collection stays the same). The pacer asks for a full collection when the heap has grown to `factor`
 * times what the last collection left (and above `floorMb`), at most once per `minIntervalMs`. Measured on the
 * bench corpus: one forced collection every few seconds, 40–90 ms each (about 2% of CPU time), for a flat profile.
 *
 * Library code never changes V8's process-wide flags: the pacer works where `gc` can be had because the program
 * asked for it (`node --expose-gc`, or the `slant` command, whose entry bin/slant.cjs sets the flag before anything
 * else loads), and does nothing otherwise (a program using `slant/node` keeps V8's own pacing).
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let exposed: (() => void) | null | undefined;

/**
 * `gc()` of this thread: the global one under --expose-gc, else the one of a new context, which exists when the
 * flag was set at run time by the program after this context was made (the technique of the expose-gc package).
 */
function gcFunction(): (() => void) | null {
  if (exposed !== undefined) return exposed;
  const global = (globalThis as { gc?: () => void }).gc;
  if (typeof global === 'function') return (exposed = global);
  try {
    const fn: unknown = vm.runInNewContext('typeof gc === "function" ? gc : undefined');
    exposed = typeof fn === 'function' ? (fn as () => void) : null;
  } catch {
    exposed = null;
  }
  return exposed;
}

export interface HeapPacerOptions {
  factor?: number;
  floorMb?: number;
  minIntervalMs?: number;
  /** Look at the heap every this many calls (reading heap statistics is cheap, but not free). */
  every?: number;
}

/** Returns a function to call after each article. Does nothing where gc() cannot be had. */
export function heapPacer(options: HeapPacerOptions = {}): () => void {
  const { factor = 2.5, floorMb = 64, minIntervalMs = 2000, every = 16 } = options;
  const gc = gcFunction();
  if (!gc) return () => undefined;
  const used = (): number => v8.getHeapStatistics().used_heap_size;
  let baseline = used();
  let last = 0;
  let calls = 0;
  return () => {
    if (++calls % every) return;
    const heap = used();
    if (heap < Math.max(floorMb * 2 ** 20, baseline * factor)) return;
    const now = Date.now();
    if (now - last < minIntervalMs) return;
    gc();
    baseline = used();
    last = Date.now();
  };
}
