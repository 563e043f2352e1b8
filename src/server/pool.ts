/**
 * The HTTP service's worker pool (Node only): piscina threads running ./worker, with admission control in front.
 *
 * - At most `workers + queue` tasks are admitted at once (running or waiting); a request that finds no room is
 *   refused at once (`tryAcquire` false → 503 with Retry-After), so the queue, and the latency, stay bounded.
 * - Every task has a deadline: when it passes, piscina rejects the task and, if it is running, terminates its thread
 *   and starts a fresh one (a pathological text cannot hold a worker forever).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ConfigError } from '../errors';
import type { AnalyzerInfo, ReadyResult, ServerTask } from './protocol';

declare const __SLANT_MODULE_URL__: string | undefined; // import.meta.url, defined by the ESM build only

function moduleDir(): string {
  if (typeof __dirname === 'string') return __dirname;
  if (typeof __SLANT_MODULE_URL__ === 'string') return path.dirname(fileURLToPath(__SLANT_MODULE_URL__));
  throw new ConfigError('CONFIG_INVALID', 'Cannot locate the server worker script in this environment; the HTTP service needs Node.');
}

/** dist/server-worker.js next to the bundle; from the TypeScript sources, a bootstrap that loads worker.ts through tsx. */
function workerScript(): string {
  const dir = moduleDir();
  const built = path.join(dir, 'server-worker.js');
  if (fs.existsSync(built)) return built;
  const dev = path.join(dir, 'worker-dev.cjs');
  if (fs.existsSync(dev)) return dev;
  throw new ConfigError('CONFIG_INVALID', `Cannot start the server's worker threads: ${built} is missing (rebuild the package).`);
}

/** The task ran past its deadline; its thread was replaced. */
export class TaskTimeoutError extends Error {
  constructor(ms: number) {
    super(`analysis took longer than ${ms} ms`);
    this.name = 'TaskTimeoutError';
  }
}

export interface ServerPoolOptions {
  workers: number;
  /** Tasks that may wait for a thread, beyond those running. */
  queue: number;
  /** Deadline of one task, from admission, in milliseconds. */
  timeoutMs: number;
}

export class ServerPool {
  readonly capacity: number;
  private readonly pool: Piscina;
  private active = 0;
  private waiters: Array<() => void> = [];
  private catalogue: Promise<AnalyzerInfo[]> | undefined;

  constructor(private readonly options: ServerPoolOptions) {
    this.capacity = options.workers + options.queue;
    this.pool = new Piscina({
      filename: workerScript(),
      minThreads: options.workers,
      maxThreads: options.workers,
      idleTimeout: Infinity,
      concurrentTasksPerWorker: 1,
    });
  }

  get threads(): number {
    return this.options.workers;
  }

  /** Tasks admitted and not finished (running or queued). */
  get load(): number {
    return this.active;
  }

  /** Takes a slot if one is free; false means "refuse the request" (503). */
  tryAcquire(): boolean {
    if (this.active >= this.capacity) return false;
    this.active++;
    return true;
  }

  /** Waits for a slot (used by /v1/batch, which has already been admitted and must not drop lines). */
  acquire(): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next)
      next(); // the slot passes to the waiter
    else this.active--;
  }

  /** Runs one admitted task with the deadline; rejects with TaskTimeoutError past it. */
  async run<T>(task: ServerTask): Promise<T> {
    const ms = this.options.timeoutMs;
    const signal = AbortSignal.timeout(ms);
    try {
      return (await this.pool.run(task, { signal })) as T;
    } catch (e) {
      if (signal.aborted) throw new TaskTimeoutError(ms);
      throw e;
    }
  }

  /**
   * Resolves once every thread has built the default pipeline and analysed a sample (the model is loaded), with the
   * analyzer catalogue. Not subject to the deadline: a cold start on a busy machine may take a while.
   */
  ready(): Promise<AnalyzerInfo[]> {
    this.catalogue ??= Promise.all(
      Array.from({ length: this.options.workers }, () => this.pool.run({ kind: 'ready' } satisfies ServerTask) as Promise<ReadyResult>),
    ).then((answers) => answers[0].analyzers);
    return this.catalogue;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
