/**
 * The HTTP service over real HTTP on 127.0.0.1 (ephemeral ports): every endpoint and every status it answers.
 * Two servers: `main` (2 workers, default limits) and `strict` (1 worker, no queue, 300 ms timeout, 256 KB bodies,
 * a bearer token and one CORS origin).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { builtinAnalyzers } from '../../src/analyzers';
import { formatReport } from '../../src/format';
import { processInput, type LineOptions } from '../../src/batch/record';
import { createPipeline } from '../../src/pipeline';
import { ReportSchema, reportJsonSchema } from '../../src/report';
import { createServer, type SlantServer } from '../../src/node';
import { article, postUnfinished } from './helpers';

jest.setTimeout(180_000);

const pipeline = createPipeline();
const json = (r: Response): Promise<any> => r.json();
const PROBLEM = 'application/problem+json';

let main: SlantServer;
let strict: SlantServer;
let mainUrl = '';
let strictUrl = '';
const mainLog: string[] = [];
const TOKEN = 'test-token-5b1f';
const auth = { authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  main = createServer({ port: 0, workers: 2, timeout: '60s', log: (l) => mainLog.push(l) });
  strict = createServer({
    port: 0,
    workers: 1,
    queue: 0,
    timeout: '300ms',
    maxBody: '256KB',
    token: TOKEN,
    cors: ['https://cms.example.org'],
    log: false,
  });
  mainUrl = (await main.listen()).url;
  strictUrl = (await strict.listen()).url;
  await Promise.all([main.ready(), strict.ready()]);
});

afterAll(async () => {
  await Promise.all([main?.close(), strict?.close()]);
});

const post = (url: string, body: string, contentType = 'application/json', headers: Record<string, string> = {}): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });

async function problem(res: Response, status: number): Promise<Record<string, any>> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe(PROBLEM);
  const p = await json(res);
  expect(p.status).toBe(status);
  expect(p.type).toMatch(/^https:\/\/slant\.dev\/problems\/[a-z-]+$/);
  expect(typeof p.title).toBe('string');
  expect(typeof p.detail).toBe('string');
  return p;
}

describe('probes and documents', () => {
  it('GET /healthz and /readyz answer 200 once the workers are up', async () => {
    expect(await await json(await fetch(`${mainUrl}/healthz`))).toEqual({ status: 'ok' });
    const ready = await fetch(`${mainUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await json(ready)).toEqual({ status: 'ready' });
  });

  it('GET /openapi.json describes every endpoint, with the report schema the library validates with', async () => {
    const res = await fetch(`${mainUrl}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await json(res);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/healthz', '/readyz', '/v1/analyze', '/v1/analyzers', '/v1/batch']);
    const { $schema: _, ...report } = reportJsonSchema();
    expect(doc.components.schemas.Report).toEqual(report);
    expect(doc.paths['/v1/analyze'].post.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Report',
    });
    expect(Object.keys(doc.components.schemas.AnalyzeRequest.properties)).toEqual([
      'text',
      'html',
      'markdown',
      'analyzers',
      'settings',
      'format',
    ]);
  });

  it('GET /v1/analyzers lists every built-in analyzer with its messages and options schema', async () => {
    const { analyzers } = await await json(await fetch(`${mainUrl}/v1/analyzers`));
    expect(analyzers.map((a: { id: string }) => a.id)).toEqual(Object.keys(builtinAnalyzers));
    for (const a of analyzers) {
      const meta = builtinAnalyzers[a.id].meta;
      expect(Object.keys(a.messages)).toEqual(Object.keys(meta.messages));
      expect(a.description).toBe(meta.description);
      expect(a.options === null).toBe(!meta.options);
    }
  });
});

describe('POST /v1/analyze', () => {
  it('answers the same report as analyze() in-process, for JSON and for a text/plain body', async () => {
    const text = article(3);
    const expected = JSON.parse(JSON.stringify(pipeline.analyze(text)));
    const viaJson = await post(`${mainUrl}/v1/analyze`, JSON.stringify({ text }));
    expect(viaJson.status).toBe(200);
    expect(viaJson.headers.get('content-type')).toBe('application/json');
    const report = ReportSchema.parse(await json(viaJson));
    expect(report).toEqual(expected);
    for (const f of report.findings) expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text);
    const viaText = await post(`${mainUrl}/v1/analyze`, text, 'text/plain; charset=utf-8');
    expect(await json(viaText)).toEqual(expected);
  });

  it('runs only the analyzers asked for, with their settings', async () => {
    const text = article(0);
    const res = await post(
      `${mainUrl}/v1/analyze`,
      JSON.stringify({ text, analyzers: ['loaded-language', 'tone'], settings: { 'loaded-language': { weight: 3 } } }),
    );
    const report = await json(res);
    expect(Object.keys(report.analyzers)).toEqual(['loaded-language', 'tone']);
    expect(report.analyzers['loaded-language'].weight).toBe(3);
    const raw = await post(`${mainUrl}/v1/analyze?analyzers=sourcing`, text, 'text/plain');
    expect(Object.keys((await json(raw)).analyzers)).toEqual(['sourcing']);
  });

  it('reads HTML and Markdown (JSON field or raw body) as analyze(source, { input }) does, spans pointing into the source', async () => {
    const html = `<html><head><title>Vote</title></head><body><nav>Home</nav><h1>Plan heads to a vote</h1><p>${article(2).split('\n\n')[1].replace('"This will not work,"', '<q>This will not work,</q>')}</p></body></html>`;
    const expected = JSON.parse(JSON.stringify(pipeline.analyze(html, { input: 'html' })));
    const viaJson = await json(await post(`${mainUrl}/v1/analyze`, JSON.stringify({ html })));
    expect(viaJson).toEqual(expected);
    expect(viaJson.input.format).toBe('html');
    const viaRaw = await json(await post(`${mainUrl}/v1/analyze`, html, 'text/html; charset=utf-8'));
    expect(viaRaw).toEqual(expected);
    for (const f of viaJson.findings) expect(html.slice(f.span.source.start, f.span.source.end).length).toBeGreaterThan(0);
    const markdown = `# Plan heads to a vote\n\n${article(4).split('\n\n')[1]}\n`;
    const md = await json(await post(`${mainUrl}/v1/analyze`, markdown, 'text/markdown'));
    expect(md).toEqual(JSON.parse(JSON.stringify(pipeline.analyze(markdown, { input: 'markdown' }))));
  });

  it('answers sarif and w3c with their content types, as formatReport writes them', async () => {
    const text = article(6);
    const report = pipeline.analyze(text);
    const sarif = await post(`${mainUrl}/v1/analyze`, JSON.stringify({ text, format: 'sarif' }));
    expect(sarif.headers.get('content-type')).toBe('application/sarif+json');
    expect(await json(sarif)).toEqual(JSON.parse(formatReport(report, 'sarif', { source: text })));
    const w3c = await post(`${mainUrl}/v1/analyze?format=w3c`, text, 'text/plain');
    expect(w3c.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    expect(await json(w3c)).toEqual(JSON.parse(formatReport(report, 'w3c', { source: text })));
  });

  it('answers the HTML page for format html', async () => {
    const res = await post(`${mainUrl}/v1/analyze`, JSON.stringify({ text: article(1), format: 'html' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await res.text();
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<mark');
  });

  it('400 for malformed JSON, naming the position', async () => {
    const p = await problem(await post(`${mainUrl}/v1/analyze`, '{"text": "unterminated'), 400);
    expect(p.type).toBe('https://slant.dev/problems/malformed-json');
    expect(p.detail).toMatch(/not valid JSON/);
  });

  it('400 for an unknown field, with the closest one', async () => {
    const p = await problem(await post(`${mainUrl}/v1/analyze`, JSON.stringify({ txet: 'x' })), 400);
    expect(p).toMatchObject({ type: 'https://slant.dev/problems/unknown-field', field: 'txet', closest: 'text' });
    expect(p.detail).toContain('Did you mean "text"?');
    const s = await problem(await post(`${mainUrl}/v1/analyze`, JSON.stringify({ text: 'x', settings: { tone: { wieght: 2 } } })), 400);
    expect(s).toMatchObject({ field: 'settings.tone.wieght', closest: 'weight' });
  });

  it('400 for an unknown analyzer, with the closest id, in the body or the query', async () => {
    const p = await problem(
      await post(`${mainUrl}/v1/analyze`, JSON.stringify({ text: 'x', analyzers: ['tone', 'loaded-langauge'] })),
      400,
    );
    expect(p).toMatchObject({ type: 'https://slant.dev/problems/unknown-analyzer', field: 'analyzers[1]', closest: 'loaded-language' });
    const q = await problem(await post(`${mainUrl}/v1/analyze?analyzers=sorcing`, 'x', 'text/plain'), 400);
    expect(q.closest).toBe('sourcing');
    const s = await problem(
      await post(`${mainUrl}/v1/analyze`, JSON.stringify({ text: 'x', analyzers: ['tone'], settings: { sourcing: {} } })),
      400,
    );
    expect(s.field).toBe('settings.sourcing');
  });

  it('400 for invalid values: a wrong type, bad analyzer options, an unknown format, no text', async () => {
    const t = await problem(await post(`${mainUrl}/v1/analyze`, JSON.stringify({ text: 42 })), 400);
    expect(t.field).toBe('text');
    const o = await problem(
      await post(`${mainUrl}/v1/analyze`, JSON.stringify({ text: 'x', settings: { 'loaded-language': { options: { nonsense: true } } } })),
      400,
    );
    expect(o.type).toBe('https://slant.dev/problems/invalid-configuration');
    expect(o.detail).toContain('loaded-language');
    const f = await problem(await post(`${mainUrl}/v1/analyze`, JSON.stringify({ text: 'x', format: 'jsn' })), 400);
    expect(f).toMatchObject({ field: 'format', closest: 'json' });
    const n = await problem(await post(`${mainUrl}/v1/analyze`, JSON.stringify({ analyzers: ['tone'] })), 400);
    expect(n.field).toBe('text');
    const a = await problem(await post(`${mainUrl}/v1/analyze`, '["x"]'), 400);
    expect(a.field).toBe('body');
  });

  it('415 for a content type it does not read', async () => {
    const p = await problem(await post(`${mainUrl}/v1/analyze`, 'x', 'application/xml'), 415);
    expect(p.field).toBe('Content-Type');
    expect(p.supported).toContain('application/json');
    await problem(await post(`${mainUrl}/v1/analyze`, 'x', 'text/plain; charset=latin1'), 415);
  });

  it('405 with Allow for a wrong method; 404 for an unknown path', async () => {
    const res = await fetch(`${mainUrl}/v1/analyze`);
    const p = await problem(res, 405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(p.supported).toEqual(['POST']);
    const d = await fetch(`${mainUrl}/v1/analyzers`, { method: 'DELETE' });
    await problem(d, 405);
    expect(d.headers.get('allow')).toBe('GET, HEAD');
    await problem(await fetch(`${mainUrl}/v2/analyze`), 404);
  });

  it('50 concurrent requests are all answered, each with the report of its own text', async () => {
    const texts = Array.from({ length: 50 }, (_, i) => article(100 + i));
    const answers = await Promise.all(
      texts.map((text) =>
        post(`${mainUrl}/v1/analyze`, JSON.stringify({ text })).then(async (r) => ({ status: r.status, body: await json(r) })),
      ),
    );
    answers.forEach((a, i) => {
      expect(a.status).toBe(200);
      expect(a.body).toEqual(JSON.parse(JSON.stringify(pipeline.analyze(texts[i]))));
    });
  });

  it('writes one JSON access-log line per request, with its duration', async () => {
    mainLog.length = 0;
    await fetch(`${mainUrl}/healthz`);
    await post(`${mainUrl}/v1/analyze`, '{', 'application/json');
    const lines = mainLog.map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.method, l.path, l.status])).toEqual([
      ['GET', '/healthz', 200],
      ['POST', '/v1/analyze', 400],
    ]);
    for (const l of lines) {
      expect(typeof l.ms).toBe('number');
      expect(Number.isNaN(Date.parse(l.time))).toBe(false);
    }
  });
});

describe('POST /v1/batch', () => {
  it('200 NDJSON lines with 5% garbage give 200 lines, in order, the same as slant batch writes', async () => {
    const garbage = ['not json at all', '[1, 2, 3]', '{"id": "g", "txt": "typo"}', '{"id": {"x": 1}, "text": "bad id"}', ''];
    const lines = Array.from({ length: 200 }, (_, i) =>
      i % 20 === 7 ? garbage[Math.floor(i / 20) % garbage.length] : JSON.stringify({ id: `a${i}`, text: article(i), source: 'test' }),
    );
    const res = await post(`${mainUrl}/v1/batch`, lines.join('\n') + '\n', 'application/x-ndjson');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const out = (await res.text()).split('\n');
    expect(out.pop()).toBe('');
    expect(out).toHaveLength(200);
    const opts: LineOptions = { idField: 'id', textField: 'text', fields: 'full', maxTextBytes: 5 * 1024 * 1024, digest: false };
    const expected = lines.map((text, i) => processInput(pipeline, { kind: 'json', line: i + 1, text }, opts).out);
    expect(out).toEqual(expected);
    expect(out.filter((l) => l.includes('"error":'))).toHaveLength(10);
  });

  it('a batch line may carry html or markdown instead of text', async () => {
    const html = `<article><h1>Plan heads to a vote</h1><p>${article(8).split('\n\n')[1]}</p></article>`;
    const body = [
      JSON.stringify({ id: 'h', html }),
      JSON.stringify({ id: 'm', markdown: '# Vote\n\nCritics slammed the plan.' }),
      JSON.stringify({ id: 'bad', html: 42 }),
    ].join('\n');
    const out = (await (await post(`${mainUrl}/v1/batch`, body, 'application/x-ndjson')).text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out[0]).toEqual({ id: 'h', report: JSON.parse(JSON.stringify(pipeline.analyze(html, { input: 'html' }))) });
    expect(out[1].report.input.format).toBe('markdown');
    expect(out[2]).toMatchObject({ id: 'bad', line: 3, error: { code: 'INVALID_TEXT' } });
  });

  it('a batch line over --max-body gives TEXT_TOO_LARGE; the other lines are analysed', async () => {
    const big = JSON.stringify({ id: 'big', text: 'word '.repeat(60_000) });
    const body = [JSON.stringify({ id: 'x1', text: article(1) }), big, JSON.stringify({ id: 'x2', text: article(2) })].join('\n');
    const res = await post(`${strictUrl}/v1/batch`, body, 'application/x-ndjson', auth);
    const out = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((r) => r.id)).toEqual(['x1', 'big', 'x2']);
    expect(out[1].error.code).toBe('TEXT_TOO_LARGE');
    expect(out[0].report.stats.characters).toBe(article(1).length);
  });

  it('415 for a body that is not NDJSON; 400 for an unknown analyzer', async () => {
    await problem(await post(`${mainUrl}/v1/batch`, '{}', 'application/json'), 415);
    const p = await problem(await post(`${mainUrl}/v1/batch?analyzers=tonne`, '{}', 'application/x-ndjson'), 400);
    expect(p.closest).toBe('tone');
  });
});

describe('README and example', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## HTTP service'), readme.indexOf('\n## ', readme.indexOf('## HTTP service') + 5));
  /** The output lines the README shows after the command line that contains `marker`. */
  const shown = (marker: string): string[] => {
    const lines = section.split('\n');
    const at = lines.findIndex((l) => l.startsWith('$ ') && l.includes(marker));
    expect(at).toBeGreaterThanOrEqual(0);
    const out: string[] = [];
    for (const l of lines.slice(at + 1)) {
      if (l.startsWith('$ ') || l.startsWith('```')) break;
      out.push(l);
    }
    return out;
  };
  const articleFile = (name: string): string => fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'articles', name), 'utf8');

  it('shows the real answers of the curl examples', async () => {
    expect(shown('/readyz')).toEqual([JSON.stringify(await json(await fetch(`${mainUrl}/readyz`)))]);
    const report = await json(await post(`${mainUrl}/v1/analyze`, articleFile('s400-india.txt'), 'text/plain'));
    const warnings = report.findings.filter((f: { severity: string }) => f.severity === 'warning').slice(0, 3);
    expect(shown('s400-india.txt')).toEqual([
      String(report.score.overall),
      ...warnings.map((f: any) => JSON.stringify([f.span.start, f.span.end, f.analyzer, f.span.text])),
    ]);
    const sarif = await json(await post(`${mainUrl}/v1/analyze?format=sarif`, articleFile('water-fine.html'), 'text/html'));
    expect(shown('format=sarif')).toEqual([JSON.stringify(sarif.runs[0].results[0].locations[0].physicalLocation.region)]);
    const batch =
      '{"id":"a1","text":"Officials said the bridge would reopen."}\nnot json\n{"id":"a3","markdown":"# Vote\\n\\nCritics slammed the plan."}\n';
    const lines = (await (await post(`${mainUrl}/v1/batch`, batch, 'application/x-ndjson')).text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(shown('/v1/batch')).toEqual(
      lines.map((r) => JSON.stringify({ id: r.id, score: r.report?.score.overall ?? null, error: r.error ?? null })),
    );
    const refused = await post(`${mainUrl}/v1/analyze`, '{"text": "Critics slammed the reckless plan.", "analyzers": ["loaded-langauge"]}');
    expect(shown('loaded-langauge')).toEqual([await refused.text()]);
  });

  it('examples/http-client.ts prints the scores, findings and a problem from the service', async () => {
    // Asynchronously: the server answering it runs in this process.
    const { stdout: out } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '..', '..', 'examples', 'http-client.ts')],
      {
        encoding: 'utf8',
        env: { ...process.env, SLANT_URL: mainUrl },
      },
    );
    expect(out).toMatch(/^overall score [\d.]+; \d+ findings$/m);
    expect(out).toContain('[110, 121) unattributed-assertions: "underscores"');
    expect(out).toContain(
      'refused: 400 Unknown analyzer: analyzers[0]: unknown analyzer "loaded-langauge". Did you mean "loaded-language"?',
    );
  });
});

describe('limits, auth and CORS (strict server)', () => {
  it('401 without the bearer token, or with a wrong one; probes stay open', async () => {
    const none = await post(`${strictUrl}/v1/analyze`, JSON.stringify({ text: 'x' }));
    await problem(none, 401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="slant"');
    await problem(
      await post(`${strictUrl}/v1/analyze`, JSON.stringify({ text: 'x' }), 'application/json', { authorization: 'Bearer nope' }),
      401,
    );
    await problem(await fetch(`${strictUrl}/openapi.json`), 401);
    expect((await fetch(`${strictUrl}/healthz`)).status).toBe(200);
    const ok = await post(`${strictUrl}/v1/analyze`, JSON.stringify({ text: 'The mayor said so.' }), 'application/json', auth);
    expect(ok.status).toBe(200);
  });

  it('CORS headers only for the configured origin, and none on a server without --cors', async () => {
    const allowed = await fetch(`${strictUrl}/healthz`, { headers: { origin: 'https://cms.example.org' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://cms.example.org');
    const other = await fetch(`${strictUrl}/healthz`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${strictUrl}/v1/analyze`, {
      method: 'OPTIONS',
      headers: { origin: 'https://cms.example.org', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    const off = await fetch(`${mainUrl}/healthz`, { headers: { origin: 'https://cms.example.org' } });
    expect(off.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('413 for a body over the limit: at once from Content-Length, and while streaming before the body ends', async () => {
    const big = JSON.stringify({ text: 'word '.repeat(60_000) }); // ~300 KB > 256 KB
    const p = await problem(await post(`${strictUrl}/v1/analyze`, big, 'application/json', auth), 413);
    expect(p.field).toBe('body');
    const streamed = await postUnfinished(
      `${strictUrl}/v1/analyze`,
      { 'content-type': 'text/plain', ...auth },
      Buffer.alloc(300 * 1024, 'a'),
    );
    expect(streamed.status).toBe(413);
    expect(streamed.headers['content-type']).toBe(PROBLEM);
  });

  it('503 with Retry-After when the worker is busy and the queue (0) is full', async () => {
    const text = article(5).repeat(40); // a few hundred ms of analysis
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => post(`${strictUrl}/v1/analyze`, JSON.stringify({ text }), 'application/json', auth)),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s !== 503).length).toBeGreaterThanOrEqual(1); // admitted: answered (200, or 504 on a very slow machine)
    const busy = answers.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    for (const r of busy) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await problem(r, 503)).type).toBe('https://slant.dev/problems/overloaded');
    }
  });

  it('504 past --timeout, and the worker is replaced: the next request is answered', async () => {
    const text = Array.from({ length: 750 }, (_, i) => article(i)).join('\n\n'); // ~190 KB: over 0.4 s of analysis, past the 300 ms timeout
    const p = await problem(await post(`${strictUrl}/v1/analyze`, JSON.stringify({ text }), 'application/json', auth), 504);
    expect(p.detail).toMatch(/worker was replaced/);
    // The new thread loads the model before it takes work; until then requests wait (and may time out in the queue).
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      const r = await post(`${strictUrl}/v1/analyze`, JSON.stringify({ text: 'The mayor said so.' }), 'application/json', auth);
      status = r.status;
      await r.arrayBuffer();
      if (status !== 200) await new Promise((res) => setTimeout(res, 500));
    }
    expect(status).toBe(200);
  });
});
