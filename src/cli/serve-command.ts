import { parseArgs } from 'node:util';
import { UsageError, type Io } from './io';

export const SERVE_USAGE = `usage: slant serve [options]

Runs slant as an HTTP service: POST /v1/analyze, POST /v1/batch (NDJSON), GET /v1/analyzers, GET /openapi.json,
GET /healthz, GET /readyz. Set SLANT_TOKEN to require "Authorization: Bearer <token>" on /v1/* and /openapi.json.
SIGTERM (or Ctrl-C) stops accepting, lets requests in flight finish, then exits 0.

  --host <addr>         interface to listen on (default: 127.0.0.1)
  --port <n>            port (default: 8080; 0 picks a free one)
  --workers <n>         analysis threads (default: cores − 1, at least 1)
  --max-body <size>     largest request body, and largest /v1/batch line (default: 5MB)
  --timeout <duration>  longest analysis of one text; past it 504 and a fresh worker (default: 10s)
  --queue <n>           requests waiting for a worker, at most; past it 503 + Retry-After (default: 64)
  --cors <origins>      comma-separated origins allowed by CORS (default: no CORS)
  --quiet               no access log (one JSON line per request on standard error)`;

function intOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} takes an integer >= ${min}; got "${value}"`);
  return Number(value);
}

/** Runs the service until SIGTERM or SIGINT; resolves with the exit code once it has drained. */
export async function serveCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      workers: { type: 'string' },
      'max-body': { type: 'string' },
      timeout: { type: 'string' },
      queue: { type: 'string' },
      cors: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(SERVE_USAGE + '\n');
    return 0;
  }
  if (positionals.length) throw new UsageError(`serve takes no arguments; got "${positionals[0]}"`);
  const { createServer, parseDuration, parseSize } = await import('../server');
  const usage = <T>(f: () => T, name: string): T => {
    try {
      return f();
    } catch (e) {
      throw new UsageError(`--${name}: ${(e as Error).message.replace(/^\w+: /, '')}`);
    }
  };
  const cors = values.cors
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (values.cors !== undefined && !cors?.length)
    throw new UsageError('--cors takes a comma-separated list of origins, e.g. https://cms.example.org');
  const server = createServer({
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values.port !== undefined ? { port: intOption(values.port, 'port', 0) } : {}),
    ...(values.workers !== undefined ? { workers: intOption(values.workers, 'workers', 1) } : {}),
    ...(values.queue !== undefined ? { queue: intOption(values.queue, 'queue', 0) } : {}),
    ...(values['max-body'] !== undefined ? { maxBody: usage(() => parseSize(values['max-body']!), 'max-body') } : {}),
    ...(values.timeout !== undefined ? { timeout: usage(() => parseDuration(values.timeout!), 'timeout') } : {}),
    ...(cors ? { cors } : {}),
    log: values.quiet ? false : (line) => io.stderr(line + '\n'),
  });
  let address: { url: string };
  try {
    address = await server.listen();
  } catch (e) {
    await server.close();
    throw e;
  }
  if (!values.quiet) io.stderr(`slant serve: listening on ${address.url}\n`);
  server.ready().then(
    () => !values.quiet && io.stderr(`slant serve: ready (${address.url}/readyz)\n`),
    () => undefined, // logged by the server
  );

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) {
        io.stderr(`slant serve: ${signal} again: exiting without waiting\n`);
        process.exit(1);
      }
      stopping = true;
      if (!values.quiet) io.stderr(`slant serve: ${signal}: finishing requests in flight, then exiting\n`);
      void server.close().then(() => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        resolve(0);
        // Everything is closed; should a stray handle keep the loop alive, do not hang the orchestrator's stop.
        setTimeout(() => process.exit(0), 2000).unref();
      });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
