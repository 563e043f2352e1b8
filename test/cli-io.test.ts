/** The CLI's inputs and outputs: --input, --format, --offsets, --html-keep, encodings, batch formats. */
import { runCli, tempFiles } from './fixtures/cli';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReportSchema } from '../src/report';
import { checkSarif, checkW3c, sarifValidator } from './format/checks';

const { dir, file } = tempFiles('slant-cli-io-');

const run = runCli;

const html =
  '<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body><nav>Home News</nav><h1>Council &ldquo;slams&rdquo; plan</h1><p>Critics <b>slammed</b> the plan, officials said.</p></body></html>';

describe('slant analyze: input formats', () => {
  it('reads .html as HTML (spans carry source offsets) and .md as Markdown; --input overrides the extension', async () => {
    const page = file('story.html', html);
    const r = await run('analyze', page, '--format', 'json');
    expect(r.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(r.out));
    expect(report.input).toEqual({ format: 'html', characters: html.length, offsets: 'utf16' });
    const f = report.findings.find((x) => x.span.text === 'slammed')!;
    expect(html.slice(f.span.source!.start, f.span.source!.end)).toBe('slammed');

    const md = file('story.md', '# Council slams plan\n\nCritics *slammed* the plan.\n');
    expect(JSON.parse((await run('analyze', md, '--format', 'json')).out).input.format).toBe('markdown');
    const asText = JSON.parse((await run('analyze', md, '--format', 'json', '--input', 'text')).out);
    expect(asText.input.format).toBe('text');
    expect(asText.findings.some((x: { span: { text: string } }) => x.span.text === '*slammed*' || x.span.text === 'slammed')).toBe(true);
  });

  it('keeps page chrome on request', async () => {
    const page = file('chrome.html', html);
    expect((await run('analyze', page)).out).not.toContain('Home News');
    expect((await run('analyze', page, '--html-keep', 'nav')).out).toContain('Home News');
    const bad = await run('analyze', page, '--html-keep', 'menu');
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('valid: nav, header, footer, aside')]);
  });

  it('unknown --input, --format and --offsets values are usage errors naming the valid ones', async () => {
    const page = file('u.html', html);
    expect(await run('analyze', page, '--input', 'pdf')).toMatchObject({
      code: 2,
      err: 'slant analyze: unknown --input "pdf" (valid: text, html, markdown) (slant analyze --help)\n',
    });
    expect(await run('analyze', page, '--format', 'xml')).toMatchObject({
      code: 2,
      err: expect.stringContaining('valid: json, text, html, sarif, w3c, csv'),
    });
    expect(await run('analyze', page, '--offsets', 'bytes')).toMatchObject({
      code: 2,
      err: expect.stringContaining('valid: utf16, codepoint, utf8'),
    });
    expect(await run('analyze', page, '--format', 'sarif', '--offsets', 'utf8')).toMatchObject({ code: 2 });
  });

  it('plain text and malformed markup given as HTML analyse', async () => {
    const t = await run('analyze', file('plain.txt', 'Critics slammed the plan.'), '--input', 'html', '--format', 'json');
    expect(JSON.parse(t.out).findings[0].span).toEqual({ start: 8, end: 15, text: 'slammed', source: { start: 8, end: 15 } });
    const m = await run('analyze', file('broken.html', '<p>Critics <b>slammed <i>the</b> plan<div title="a>b">x'), '--format', 'json');
    expect(m.code).toBe(0);
  });
});

describe('slant analyze: encodings', () => {
  const text = 'Critics “slammed” the plan.';
  it('decodes UTF-16 (LE and BE) with a byte-order mark', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) {
      const r = await run('analyze', file('u16.txt', bytes), '--format', 'json');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).stats.characters).toBe(text.length);
    }
  });

  it('honours a <meta charset> other than UTF-8, and names one it cannot decode', async () => {
    // windows-1252: 0x93/0x94 are curly double quotes, 0xA3 the pound sign
    const latin = Buffer.concat([
      Buffer.from('<meta charset="windows-1252"><p>Critics \x93slammed\x94 the \xA3', 'latin1'),
      Buffer.from('5 plan.</p>', 'latin1'),
    ]);
    const r = await run('analyze', file('cp1252.html', latin), '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.stats.characters).toBe('Critics “slammed” the £5 plan.'.length);
    expect((await run('analyze', join(dir, 'cp1252.html'))).out).toContain('Critics “[slammed][1]” the £5 plan.');
    const unknown = await run('analyze', file('x.html', '<meta charset="x-klingon"><p>Hi there.</p>'));
    expect([unknown.code, unknown.err]).toEqual([
      1,
      'slant analyze: x.html declares charset "x-klingon", which slant cannot decode; convert it to UTF-8 first (e.g. iconv -f x-klingon -t utf-8)\n'.replace(
        'x.html',
        join(dir, 'x.html'),
      ),
    ]);
  });

  it('binary data and invalid UTF-8 keep their one-line errors', async () => {
    const bin = await run('analyze', file('b.html', Buffer.from([0x3c, 0x70, 0x3e, 0x00, 0x01])));
    expect([bin.code, bin.err]).toEqual([1, expect.stringMatching(/looks like a binary file.*\n$/)]);
    const bad = await run('analyze', file('bad.md', Buffer.from([0x41, 0xff, 0x42])));
    expect([bad.code, bad.err]).toEqual([1, expect.stringMatching(/is not valid UTF-8 text/)]);
  });
});

describe('slant analyze: output formats', () => {
  it('sarif and w3c outputs pass their checks', async () => {
    const page = file('out.html', html);
    const report = JSON.parse((await run('analyze', page, '--format', 'json')).out);
    checkSarif(JSON.parse((await run('analyze', page, '--format', 'sarif')).out), html, report, sarifValidator());
    checkW3c(JSON.parse((await run('analyze', page, '--format', 'w3c')).out), html, report);
  });

  it('--offsets codepoint converts json offsets and says so', async () => {
    const t = file('cp.txt', '😀😀 Critics slammed the plan.');
    const report = JSON.parse((await run('analyze', t, '--format', 'json', '--offsets', 'codepoint')).out);
    expect(report.input.offsets).toBe('codepoint');
    expect(report.findings.find((f: { span: { text: string } }) => f.span.text === 'slammed').span.start).toBe(11);
  });
});

describe('slant batch: output formats', () => {
  const corpus = file(
    'c.jsonl',
    [
      '{"id":"a1","text":"Critics slammed the plan. Officials said it would work."}',
      '{"id":"a2"}',
      '{"id":"a3","text":"The company is expected to appeal."}',
    ].join('\n') + '\n',
  );

  it('--format csv: a header, one row per article (an error row too); --findings-csv: one row per finding', async () => {
    const findings = join(dir, 'findings.csv');
    const r = await run('batch', corpus, '--workers', '1', '--format', 'csv', '--findings-csv', findings);
    expect(r.code).toBe(0);
    const rows = r.out.trimEnd().split('\r\n');
    expect(rows[0].startsWith('id,input,overall,')).toBe(true);
    expect(rows.map((l) => l.split(',')[0])).toEqual(['id', 'a1', 'a2', 'a3']);
    expect(rows[2]).toMatch(/MISSING_TEXT/);
    const jsonl = (await run('batch', corpus, '--workers', '1')).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const total = jsonl.reduce((n, l) => n + (l.report ? l.report.findings.length : 0), 0);
    const frows = readFileSync(findings, 'utf8').trimEnd().split('\r\n');
    expect(frows[0]).toBe('id,analyzer,messageId,severity,voice,start,end,sourceStart,sourceEnd,text,message');
    expect(frows).toHaveLength(total + 1);
    expect(frows).toContain('a1,loaded-language,charged-word,warning,writer,8,15,8,15,slammed,"Charged word ""slammed"""');
  });

  it('--format sarif / w3c: one document per article line, error records kept; -o writes them to a file', async () => {
    const out = join(dir, 'out.sarif.jsonl');
    const r = await run('batch', corpus, '--workers', '1', '--format', 'sarif', '-o', out);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.version ?? l.error?.code)).toEqual(['2.1.0', 'MISSING_TEXT', '2.1.0']);
    const validate = sarifValidator();
    expect(validate(lines[0])).toEqual([]);
    expect(lines[0].runs[0].results[0].locations[0].physicalLocation.region.snippet.text).toBe('slammed');
    const w3c = (await run('batch', corpus, '--workers', '1', '--format', 'w3c')).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(w3c[2].first.items[0].target.selector[0].exact).toBe('is expected to');
  });

  it('refuses combinations that would lose data', async () => {
    expect((await run('batch', corpus, '--format', 'xml')).err).toMatch(/valid: jsonl, csv, sarif, w3c/);
    expect((await run('batch', corpus, '--format', 'csv', '--resume', '-o', join(dir, 'r.csv'))).code).toBe(2);
    expect((await run('batch', corpus, '--format', 'sarif', '--fields', 'scores')).code).toBe(2);
  });
});
