/**
 * `createServer()`: slant as an HTTP service (Node only), the same one `slant serve` runs. Analysis runs on a pool
 * of worker threads with a bounded queue; the event loop only parses requests and streams answers.
 *
 * @example
 * import { createServer } from 'slant/node';
 * const server = createServer({ port: 8080, workers: 2 });
 * const { url } = await server.listen();
 * process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
 */
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { ConfigError } from '../errors';
import { createApp, type AppState } from './app';
import { ServerPool } from './pool';

export interface ServerOptions {
  /** Interface to listen on (default 127.0.0.1; use 0.0.0.0 behind a proxy in a container). */
  host?: string;
  /** Port (default 8080; 0 picks a free one). */
  port?: number;
  /** Worker threads analysing (default: cores − 1, at least 1). */
  workers?: number;
  /** Largest request body of /v1/analyze and largest line of /v1/batch: bytes, or "5MB", "512KB" (default 5 MB). */
  maxBody?: number | string;
  /** Longest analysis of one text: milliseconds, or "10s", "500ms" (default 10 s); past it, 504 and a new worker. */
  timeout?: number | string;
  /** Requests that may wait for a worker beyond those running (default 64); past it, 503 with Retry-After. */
  queue?: number;
  /** Origins allowed by CORS (default none: no CORS headers). */
  cors?: string[];
  /** Bearer token required on /v1/* and /openapi.json (default: the SLANT_TOKEN environment variable, if set). */
  token?: string;
  /** Access log: one JSON line per request (default: standard error); false for none. */
  log?: ((line: string) => void) | false;
}

export interface SlantServer {
  /** The Hono app's fetch handler (for tests, or to mount in another server). */
  readonly fetch: (request: Request) => Response | Promise<Response>;
  /** Starts listening; resolves with the address (the workers keep loading: see ready()). */
  listen(): Promise<{ host: string; port: number; url: string }>;
  /** Resolves once the workers have loaded the model (what /readyz reports). */
  ready(): Promise<void>;
  /**
   * Graceful stop: new requests get 503, requests in flight (streamed batches included) finish, then the socket
   * and the workers close.
   */
  close(): Promise<void>;
}

export const defaultWorkers = (): number => Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1);

/** "5MB", "512k", "1048576" → bytes. */
export function parseSize(value: number | string, name = 'maxBody'): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(String(value));
  if (!m || Number(m[1]) <= 0)
    throw new ConfigError('CONFIG_INVALID', `${name}: invalid size "${value}" (use e.g. 5MB, 512KB or a number of bytes)`);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * factor);
}

/** "10s", "500ms", "2m", 1500 → milliseconds. */
export function parseDuration(value: number | string, name = 'timeout'): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/i.exec(String(value));
  if (!m || Number(m[1]) <= 0) throw new ConfigError('CONFIG_INVALID', `${name}: invalid duration "${value}" (use e.g. 10s, 500ms or 2m)`);
  const unit = (m[2] ?? 'ms').toLowerCase();
  return Math.round(Number(m[1]) * (unit === 'm' ? 60_000 : unit === 's' ? 1000 : 1));
}

function positiveInt(value: number | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min)
    throw new ConfigError('CONFIG_INVALID', `${name} must be an integer >= ${min}; got ${String(value)}`);
  return value;
}

export function createServer(options: ServerOptions = {}): SlantServer {
  const host = options.host ?? '127.0.0.1';
  const port = positiveInt(options.port, 'port', 8080, 0);
  const workers = positiveInt(options.workers, 'workers', defaultWorkers(), 1);
  const queue = positiveInt(options.queue, 'queue', 64, 0);
  const maxBody = parseSize(options.maxBody ?? 5 * 1024 * 1024);
  const timeoutMs = parseDuration(options.timeout ?? 10_000);
  const token = options.token ?? (process.env.SLANT_TOKEN || undefined);
  const log = options.log === false ? undefined : (options.log ?? ((line: string) => process.stderr.write(line + '\n')));

  const pool = new ServerPool({ workers, queue, timeoutMs });
  const state: AppState = { draining: false, inFlight: 0 };
  const app = createApp(
    { pool, maxBody, timeoutMs, ...(options.cors ? { cors: options.cors } : {}), ...(token ? { token } : {}), ...(log ? { log } : {}) },
    state,
  );
  const readiness = pool.ready().then((catalogue) => {
    state.catalogue = catalogue;
  });
  readiness.catch((e: unknown) =>
    log?.(
      JSON.stringify({
        time: new Date().toISOString(),
        level: 'error',
        error: `workers failed to start: ${e instanceof Error ? e.message : String(e)}`,
      }),
    ),
  );

  let server: Server | undefined;
  let closing: Promise<void> | undefined;
  // Responses not yet fully written to their sockets (the app's own count ends when a handler returns its
  // Response, before the body is sent; closing sockets then would cut answers short).
  let open = 0;
  let onDrained: (() => void) | undefined;

  return {
    fetch: (request) => app.fetch(request),
    listen() {
      if (server) throw new ConfigError('CONFIG_INVALID', 'listen() was already called');
      const s = createAdaptorServer({ fetch: app.fetch, hostname: host, port }) as Server;
      server = s;
      s.prependListener('request', (_req, res) => {
        open++;
        res.once('close', () => {
          if (--open === 0) onDrained?.();
        });
      });
      return new Promise((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, host, () => {
          s.off('error', reject);
          const a = s.address() as AddressInfo;
          const shown = a.family === 'IPv6' ? `[${a.address}]` : a.address;
          resolve({ host: a.address, port: a.port, url: `http://${shown}:${a.port}` });
        });
      });
    },
    ready: () => readiness,
    close() {
      closing ??= (async () => {
        state.draining = true;
        if (server) {
          const s = server;
          if (open > 0) await new Promise<void>((resolve) => (onDrained = resolve));
          // Every answer is written; what remains are idle keep-alive sockets.
          await new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeAllConnections();
          });
        } else if (state.inFlight > 0) {
          await new Promise<void>((resolve) => (state.onIdle = resolve));
        }
        await readiness.catch(() => undefined);
        await pool.close();
      })();
      return closing;
    },
  };
}
