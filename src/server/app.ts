/**
 * The HTTP service's routes (Hono), described in an OpenAPI 3.1 document generated from the same zod schemas
 * that validate the requests (and from ReportSchema for the answers). Node only.
 */
import { timingSafeEqual } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { sniffId, readJsonl } from '../batch/read';
import { errorLine } from '../batch/record';
import { closest, didYouMean } from '../errors';
import { bufferChunks, decodeUtf8, mediaType, readBody } from './body';
import { registerOpenApi } from './openapi';
import { TaskTimeoutError, type ServerPool } from './pool';
import { HttpProblem, problemResponse, problems, type Problem } from './problem';
import { OUTPUT_FORMATS, type AnalyzeResult, type AnalyzerInfo, type LineResult, type OutputFormat, type RequestConfig } from './protocol';
import { AnalyzeRequestSchema, INPUT_FIELDS, type InputField } from './schemas';

declare const SLANT_VERSION: string | undefined;

export interface AppOptions {
  pool: ServerPool;
  /** Largest request body of /v1/analyze, and largest line of /v1/batch, in bytes. */
  maxBody: number;
  timeoutMs: number;
  /** Origins allowed by CORS; none (the default) sends no CORS headers. */
  cors?: string[];
  /** When set, /v1/* and /openapi.json need `Authorization: Bearer <token>`. */
  token?: string;
  /** Receives one JSON access-log line per request (without the newline); undefined = no log. */
  log?: (line: string) => void;
}

export interface AppState {
  /** The analyzer catalogue, once the workers are ready. */
  catalogue?: AnalyzerInfo[];
  draining: boolean;
  /** Requests being answered (a streamed batch counts until its last line is sent). */
  inFlight: number;
  /** Called whenever inFlight drops to zero. */
  onIdle?: () => void;
}

type Env = { Variables: { done?: Promise<void> } };

const RAW_TYPES: Record<string, InputField> = { 'text/plain': 'text', 'text/html': 'html', 'text/markdown': 'markdown' };
const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines'];

const ROUTES: Record<string, string[]> = {
  '/v1/analyze': ['POST'],
  '/v1/batch': ['POST'],
  '/v1/analyzers': ['GET', 'HEAD'],
  '/openapi.json': ['GET', 'HEAD'],
  '/healthz': ['GET', 'HEAD'],
  '/readyz': ['GET', 'HEAD'],
};

const REQUEST_FIELDS = Object.keys(AnalyzeRequestSchema.shape);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createApp(options: AppOptions, state: AppState): OpenAPIHono<Env> {
  const { pool, maxBody, timeoutMs } = options;
  const app = new OpenAPIHono<Env>();
  let avgTaskMs = 200; // running mean of task durations, for Retry-After

  const retryAfter = (): string => String(Math.min(60, Math.max(1, Math.ceil((avgTaskMs * pool.capacity) / pool.threads / 1000))));

  /** Runs one admitted task and keeps the running mean of durations. */
  const timed = async <T>(task: Parameters<ServerPool['run']>[0]): Promise<T> => {
    const t0 = performance.now();
    try {
      return await pool.run<T>(task);
    } finally {
      avgTaskMs = avgTaskMs * 0.9 + (performance.now() - t0) * 0.1;
      pool.release();
    }
  };

  const catalogue = async (): Promise<AnalyzerInfo[]> => (state.catalogue ??= await pool.ready());

  // Access log and in-flight count (outermost, so it sees every answer, problems included).
  app.use('*', async (c, next) => {
    const t0 = performance.now();
    state.inFlight++;
    const finish = (): void => {
      if (options.log) {
        options.log(
          JSON.stringify({
            time: new Date().toISOString(),
            method: c.req.method,
            path: c.req.path,
            status: c.res.status,
            ms: Math.round((performance.now() - t0) * 10) / 10,
            ...(c.res.headers.get('content-length') ? { bytes: Number(c.res.headers.get('content-length')) } : {}),
          }),
        );
      }
      if (--state.inFlight === 0) state.onIdle?.();
    };
    try {
      await next();
    } finally {
      const done = c.get('done');
      if (done) void done.then(finish);
      else finish();
    }
  });

  // Draining (after SIGTERM or close()): everything but the liveness probe is refused.
  app.use('*', async (c, next) => {
    if (state.draining && c.req.path !== '/healthz') {
      return problemResponse(problems.busy('the service is shutting down; retry on another instance'), {
        'retry-after': '5',
        connection: 'close',
      });
    }
    await next();
  });

  if (options.cors?.length)
    app.use(
      '*',
      cors({ origin: options.cors, allowHeaders: ['Authorization', 'Content-Type'], exposeHeaders: ['Retry-After'], maxAge: 600 }),
    );

  if (options.token) {
    const token = options.token;
    const guard = async (c: Context<Env>, next: () => Promise<void>): Promise<Response | void> => {
      const header = c.req.header('authorization') ?? '';
      const m = /^Bearer\s+(.+)$/i.exec(header);
      if (!m || !sameToken(m[1].trim(), token)) {
        return problemResponse(
          problems.unauthorized(
            m ? 'the bearer token is not the one this service expects' : 'send the token as "Authorization: Bearer <token>" (SLANT_TOKEN)',
          ),
          {
            'www-authenticate': 'Bearer realm="slant"',
          },
        );
      }
      await next();
    };
    app.use('/v1/*', guard);
    app.use('/openapi.json', guard);
  }

  app.onError((e, c) => {
    if (e instanceof HttpProblem) return problemResponse(e.problem, e.headers);
    if (e instanceof TaskTimeoutError) return problemResponse(problems.timeout(timeoutMs));
    options.log?.(
      JSON.stringify({
        time: new Date().toISOString(),
        level: 'error',
        path: c.req.path,
        error: e instanceof Error ? (e.stack ?? e.message) : String(e),
      }),
    );
    return problemResponse(problems.internal(`the request could not be answered: ${e instanceof Error ? e.message : String(e)}`));
  });

  app.notFound((c) => {
    const allowed = ROUTES[c.req.path];
    if (allowed) return problemResponse(problems.methodNotAllowed(c.req.method, c.req.path, allowed), { allow: allowed.join(', ') });
    return problemResponse(problems.notFound(c.req.path));
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.get('/readyz', (c) => {
    if (state.catalogue && !state.draining) return c.json({ status: 'ready' });
    return problemResponse(
      problems.busy(state.draining ? 'the service is shutting down' : 'the worker threads are still loading the model'),
      { 'retry-after': '1' },
    );
  });

  app.get('/v1/analyzers', async (c) => c.json({ analyzers: await catalogue() }));

  /** Checks analyzer ids and settings keys against the built-in analyzers: 400 with the closest id. */
  const checkConfig = (ids: string[], config: RequestConfig, field: (i: number) => string): void => {
    for (const [i, id] of (config.analyzers ?? []).entries()) {
      if (!ids.includes(id)) {
        const near = closest(id, ids);
        throw new HttpProblem(
          problems.unknownAnalyzer(`${field(i)}: unknown analyzer "${id}".${didYouMean(id, ids)} Analyzers: ${ids.join(', ')}.`, {
            field: field(i),
            supported: ids,
            ...(near ? { closest: near } : {}),
          }),
        );
      }
    }
    const inPipeline = config.analyzers ?? ids.filter((id) => state.catalogue?.find((a) => a.id === id)?.recommended);
    for (const id of Object.keys(config.settings ?? {})) {
      if (!inPipeline.includes(id)) {
        const near = closest(id, inPipeline);
        throw new HttpProblem(
          problems.unknownAnalyzer(
            `settings: names analyzer "${id}", which is not in this request's pipeline.${didYouMean(id, inPipeline)} Analyzers: ${inPipeline.join(', ')}.`,
            {
              field: `settings.${id}`,
              supported: [...inPipeline],
              ...(near ? { closest: near } : {}),
            },
          ),
        );
      }
    }
  };

  const checkFormat = (format: string | undefined, field: string): OutputFormat => {
    if (format === undefined) return 'json';
    const supported = Object.keys(OUTPUT_FORMATS);
    if (supported.includes(format)) return format as OutputFormat;
    const near = closest(format, supported);
    throw new HttpProblem(
      problems.invalidRequest(
        `${field}: unknown output format "${format}".${didYouMean(format, supported)} Formats: ${supported.join(', ')}.`,
        {
          field,
          supported,
          ...(near ? { closest: near } : {}),
        },
      ),
    );
  };

  /** The analyzers query parameter (comma-separated ids) of raw-body and batch requests. */
  const queryAnalyzers = (c: Context<Env>): string[] | undefined => {
    const q = c.req.query('analyzers');
    return q === undefined
      ? undefined
      : q
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  };

  app.post('/v1/analyze', async (c) => {
    const mt = mediaType(c.req.header('content-type'));
    const accepted = ['application/json', ...Object.keys(RAW_TYPES)];
    if (!accepted.includes(mt.type)) throw new HttpProblem(problems.unsupportedType(mt.type || '(none)', accepted));
    if (mt.charset && mt.charset !== 'utf-8' && mt.charset !== 'utf8') {
      throw new HttpProblem(
        problems.unsupportedType(c.req.header('content-type')!, accepted, {
          detail: `charset "${mt.charset}" is not accepted; send UTF-8`,
        }),
      );
    }
    const body = decodeUtf8(await readBody(c.req.raw, maxBody));

    let input: InputField;
    let source: string;
    let config: RequestConfig = {};
    let format: OutputFormat;
    if (mt.type === 'application/json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch (e) {
        throw new HttpProblem(problems.malformedJson(`the request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`));
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new HttpProblem(
          problems.invalidRequest(
            `the request body must be a JSON object like {"text": "…"}; got ${Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : typeof parsed}`,
            { field: 'body' },
          ),
        );
      }
      for (const key of Object.keys(parsed)) {
        if (!REQUEST_FIELDS.includes(key)) {
          const near = closest(key, REQUEST_FIELDS);
          throw new HttpProblem(
            problems.unknownField(
              `unknown field "${key}" in the request body.${didYouMean(key, REQUEST_FIELDS)} Fields: ${REQUEST_FIELDS.join(', ')}.`,
              {
                field: key,
                supported: REQUEST_FIELDS,
                ...(near ? { closest: near } : {}),
              },
            ),
          );
        }
      }
      const result = AnalyzeRequestSchema.safeParse(parsed);
      if (!result.success) {
        const issue = result.error.issues[0];
        const path = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
        if (issue.code === 'unrecognized_keys') {
          const known = ['enabled', 'weight', 'severity', 'options', 'ignore'];
          const key = issue.keys[0];
          const near = closest(key, known);
          throw new HttpProblem(
            problems.unknownField(`${path}: unknown setting "${key}".${didYouMean(key, known)} Settings are: ${known.join(', ')}.`, {
              field: `${path}.${key}`,
              supported: known,
              ...(near ? { closest: near } : {}),
            }),
          );
        }
        throw new HttpProblem(problems.invalidRequest(`${path || 'body'}: ${issue.message}`, { field: path || 'body' }));
      }
      const req = result.data;
      const given = INPUT_FIELDS.filter((f) => req[f] !== undefined);
      if (given.length !== 1) {
        throw new HttpProblem(
          problems.invalidRequest(
            given.length
              ? `give one of ${given.join(', ')}, not ${given.length}`
              : 'the request body has no "text" (or "html", or "markdown")',
            {
              field: given.length ? given.join(',') : 'text',
            },
          ),
        );
      }
      input = given[0];
      source = req[input]!;
      if (req.analyzers) config.analyzers = req.analyzers;
      if (req.settings) config.settings = req.settings;
      format = checkFormat(req.format, 'format');
    } else {
      input = RAW_TYPES[mt.type];
      source = body;
      const analyzers = queryAnalyzers(c);
      if (analyzers) config = { analyzers };
      format = checkFormat(c.req.query('format'), 'format (query parameter)');
    }

    const ids = (await catalogue()).map((a) => a.id);
    checkConfig(ids, config, (i) => (mt.type === 'application/json' ? `analyzers[${i}]` : `analyzers (query parameter), item ${i + 1}`));
    if (!pool.tryAcquire()) {
      throw new HttpProblem(
        problems.busy(`all ${pool.threads} workers are busy and the queue (${pool.capacity - pool.threads}) is full; retry later`),
        { 'retry-after': retryAfter() },
      );
    }
    const result = await timed<AnalyzeResult>({ kind: 'analyze', source, input, config, format });
    if ('configError' in result) {
      const field = config.settings ? 'settings' : 'analyzers';
      throw new HttpProblem(problems.invalidConfig(`${field}: ${result.configError.message}`, { field }));
    }
    return c.body(result.body, 200, { 'content-type': OUTPUT_FORMATS[format] });
  });

  app.post('/v1/batch', async (c) => {
    const mt = mediaType(c.req.header('content-type'));
    if (!NDJSON_TYPES.includes(mt.type)) throw new HttpProblem(problems.unsupportedType(mt.type || '(none)', NDJSON_TYPES));
    const config: RequestConfig = {};
    const analyzers = queryAnalyzers(c);
    if (analyzers) config.analyzers = analyzers;
    checkConfig(
      (await catalogue()).map((a) => a.id),
      config,
      (i) => `analyzers (query parameter), item ${i + 1}`,
    );
    if (pool.load >= pool.capacity) {
      throw new HttpProblem(problems.busy(`all ${pool.threads} workers are busy and the queue is full; retry later`), {
        'retry-after': retryAfter(),
      });
    }
    const window = Math.max(2, pool.threads * 2);

    /** Analyses one line in an admitted slot (released by timed()). */
    const runLine = async (line: number, text: string): Promise<string> => {
      try {
        const r = await timed<LineResult>({ kind: 'line', line, text, config, maxTextBytes: maxBody });
        if ('configError' in r)
          return errorLine(sniffId(text.slice(0, 65536), 'id'), line, { code: 'ANALYZER_FAILED', message: r.configError.message });
        return r.out;
      } catch (e) {
        const message =
          e instanceof TaskTimeoutError
            ? `${e.message} (--timeout); its worker was replaced`
            : `worker failed: ${e instanceof Error ? e.message : String(e)}`;
        return errorLine(sniffId(text.slice(0, 65536), 'id'), line, { code: 'WORKER_FAILED', message });
      }
    };

    async function* lines(): AsyncGenerator<string, void, undefined> {
      const pending: Promise<string>[] = [];
      for await (const input of readJsonl(bufferChunks(c.req.raw.body), { maxLineBytes: maxBody, idField: 'id' })) {
        if (input.kind === 'bad') pending.push(Promise.resolve(errorLine(input.id, input.line, input.error)));
        else if (input.kind === 'json') {
          // Wait for a slot before reading further: the request body is read no faster than it is analysed.
          await pool.acquire();
          pending.push(runLine(input.line, input.text));
        }
        while (pending.length >= window) yield await pending.shift()!;
      }
      while (pending.length) yield await pending.shift()!;
    }

    let settle!: () => void;
    c.set('done', new Promise<void>((resolve) => (settle = resolve)));
    const it = lines();
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async pull(ctrl) {
        try {
          const r = await it.next();
          if (r.done) {
            ctrl.close();
            settle();
          } else ctrl.enqueue(encoder.encode(r.value + '\n'));
        } catch (e) {
          ctrl.error(e);
          settle();
        }
      },
      async cancel() {
        settle();
        await it.return(undefined);
      },
    });
    return c.body(stream, 200, { 'content-type': 'application/x-ndjson' });
  });

  registerOpenApi(app, { version: typeof SLANT_VERSION === 'string' ? SLANT_VERSION : 'dev', maxBody, bearer: Boolean(options.token) });
  return app;
}

export type { Problem };
