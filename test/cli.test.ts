import { runCli, tempFiles } from './fixtures/cli';
import { join } from 'node:path';
import { escapeHtml } from '../src/render/html';
import { parseSize } from '../src/cli/input';
import { ReportSchema } from '../src/report';

const { dir, file } = tempFiles('slant-cli-');

const run = runCli;

const article = file(
  'article.txt',
  'Officials said the bridge would reopen. "We are confident," the mayor said.\nCritics <b>disagree</b> & wait.',
);

describe('slant analyze', () => {
  it('prints a JSON report that matches the schema', async () => {
    const { code, out, err } = await run('analyze', article, '--format', 'json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(out));
    expect(report.stats.paragraphs).toBe(2);
    expect(report.quotations[0].content.text).toBe('We are confident,');
  });

  it('prints the article and a summary as text, without colour when not a terminal', async () => {
    const { code, out } = await run('analyze', article);
    expect(code).toBe(0);
    expect(out).toContain('slant report');
    expect(out).toContain('the bridge would reopen.');
    expect(out).toContain('Scores');
    expect(out).not.toContain('\x1b[');
  });

  it('lists warnings in text by default and counts the info findings it leaves out', async () => {
    const loaded = file('loaded.txt', 'The regime slammed the reforms. Trade talks on tariffs and the economy resumed.');
    const json = ReportSchema.parse(JSON.parse((await run('analyze', loaded, '--format', 'json')).out));
    const info = json.findings.filter((f) => f.severity === 'info');
    const warnings = json.findings.filter((f) => f.severity === 'warning');
    expect(info.length).toBeGreaterThan(0);
    expect(warnings.map((f) => f.span.text)).toContain('slammed');

    const byDefault = (await run('analyze', loaded)).out;
    expect(byDefault).toContain(`Findings (${warnings.length} of ${json.findings.length})`);
    expect(byDefault).toContain(`${info.length} info finding${info.length === 1 ? '' : 's'} not listed`);
    expect(byDefault).toContain('[slammed]');
    const unlisted = info.filter((i) => !warnings.some((w) => w.span.start < i.span.end && i.span.start < w.span.end));
    expect(unlisted.length).toBeGreaterThan(0);
    for (const f of unlisted) {
      expect(byDefault).not.toContain(`[${f.span.text}]`);
    }

    const all = (await run('analyze', loaded, '--min-severity', 'info')).out;
    expect(all).toContain(`Findings (${json.findings.length})`);
    expect(all).not.toContain('not listed');
  });

  it('writes a self-contained HTML page with every piece of text escaped', async () => {
    const { code, out } = await run('analyze', article, '--format', 'html');
    expect(code).toBe(0);
    expect(out.startsWith('<!doctype html>')).toBe(true);
    expect(out).toContain('Critics &lt;b&gt;disagree&lt;/b&gt; &amp; wait.');
    expect(out).not.toContain('<b>disagree</b>');
    expect(out).not.toMatch(/<script|<link|src=/);
  });

  it('highlights warnings in HTML by default and still lists every finding in its table', async () => {
    const loaded = file('loaded2.txt', 'The regime slammed the reforms. Trade talks on tariffs and the economy resumed.');
    const json = ReportSchema.parse(JSON.parse((await run('analyze', loaded, '--format', 'json')).out));
    const html = (await run('analyze', loaded, '--format', 'html')).out;
    const rows = html.match(/<tr id="f\d+">/g) ?? [];
    expect(rows).toHaveLength(json.findings.length);
    const marks = [...html.matchAll(/<mark[^>]*>([^<]*)<\/mark>/g)].map((m) => m[1]);
    expect(marks).toContain('slammed');
    const warned = json.findings.filter((f) => f.severity === 'warning').map((f) => f.span.text);
    for (const m of marks) expect(warned.some((w) => w.includes(m) || m.includes(w))).toBe(true);
    const allMarks = (await run('analyze', loaded, '--format', 'html', '--min-severity', 'info')).out.match(/<mark/g) ?? [];
    expect(allMarks.length).toBeGreaterThan(marks.length);
  });

  it('escapes all five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('writes to a file with -o', async () => {
    const target = join(dir, 'out.json');
    const { code, out } = await run('analyze', article, '--format', 'json', '-o', target);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(ReportSchema.safeParse(JSON.parse(require('node:fs').readFileSync(target, 'utf8'))).success).toBe(true);
  });

  it.each([
    ['a missing file', [join(dir, 'nope.txt')], /^slant analyze: no such file: .*nope\.txt\n$/],
    ['a directory', [dir], /is a directory/],
    ['binary input', [file('bin.dat', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]))], /looks like a binary file/],
    ['invalid UTF-8', [file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]))], /not valid UTF-8/],
    ['input over the size limit', [article, '--max-size', '10b'], /over the 10 bytes limit/],
  ])('exits 1 with one line for %s', async (_name, args, message) => {
    const { code, out, err } = await run('analyze', ...(args as string[]));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(message as RegExp);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [['analyze'], /missing input file/],
    [['analyze', article, '--format', 'xml'], /unknown --format "xml"/],
    [['analyze', article, '--min-severity', 'loud'], /unknown --min-severity "loud" \(info or warning\)/],
    [['analyze', article, '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['analyze', article, '--max-size', 'lots'], /--max-size: invalid size "lots"/],
    [['batch', article, '--max-size', 'lots'], /--max-size: invalid size "lots"/],
  ])('exits 2 with one line for usage errors: %j', async (argv, message) => {
    const { code, err } = await run(...(argv as string[]));
    expect(code).toBe(2);
    expect(err).toMatch(message as RegExp);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('exits 1 with one line when the output file cannot be written', async () => {
    const { code, out, err } = await run('analyze', article, '--format', 'json', '-o', join(dir, 'no-such-dir', 'out.json'));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^slant analyze: ENOENT: no such file or directory, open '.*out\.json'\n$/);
  });

  it('exits 1 naming the closest analyzer id for a typo', async () => {
    const { code, err } = await run('analyze', article, '--analyzers', 'no-such-analyzer');
    expect(code).toBe(1);
    expect(err).toMatch(/Unknown analyzer id "no-such-analyzer"/);
  });

  it('prints the same JSON Schema as schema/report.schema.json', async () => {
    const { code, out } = await run('schema');
    expect(code).toBe(0);
    expect(out).toBe(require('node:fs').readFileSync(join(__dirname, '..', 'schema', 'report.schema.json'), 'utf8'));
  });

  it('parses sizes', () => {
    expect(parseSize('5MB')).toBe(5 * 1024 * 1024);
    expect(parseSize('512k')).toBe(512 * 1024);
    expect(parseSize('100')).toBe(100);
    expect(() => parseSize('lots')).toThrow(/invalid size/);
  });
});
