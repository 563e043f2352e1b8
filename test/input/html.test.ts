import { readInput } from '../../src/input';
import { eachSpan } from '../../src/input/map-report';
import { analyze } from '../../src/pipeline';
import { createPipeline } from '../../src/pipeline';
import { assertReportInvariants } from '../../src/testing';
import { normalise, stripHtml, stripMarkdown } from './invariant';

const words = (text: string): Array<[number, number]> => [...text.matchAll(/\S+/g)].map((m) => [m.index!, m.index! + m[0].length]);

function expectWordsMap(source: string, format: 'html' | 'markdown'): void {
  const r = readInput(source, format);
  for (const [s, e] of words(r.text)) {
    const src = r.map!.toSource(s, e);
    const back = format === 'html' ? stripHtml(source.slice(src.start, src.end)) : stripMarkdown(source.slice(src.start, src.end));
    expect(normalise(back)).toBe(r.text.slice(s, e));
  }
}

describe('HTML input', () => {
  it('turns blocks into paragraphs, br into a line break, and collapses whitespace inside a paragraph', () => {
    const r = readInput('<div><p>One\n   two</p><p>Three<br>four</p><ul><li>a</li><li>b</li></ul></div>', 'html');
    expect(r.text).toBe('One two\n\nThree\nfour\n\na\n\nb');
  });

  it('skips scripts, styles, templates, head content and page chrome; keeps chrome on request', () => {
    const html =
      '<html><head><title>T</title><style>p{}</style></head><body><header>Site</header><nav>Menu</nav><h1>Head line</h1><script>var a = "<p>x</p>";</script>' +
      '<noscript>no js</noscript><template><p>tpl</p></template><svg><text>svg</text></svg><iframe src="x"></iframe><p>Body text.</p><aside>Ad</aside><footer>Foot</footer></body></html>';
    expect(readInput(html, 'html').text).toBe('Head line\n\nBody text.');
    expect(readInput(html, 'html', { html: { keep: ['nav', 'footer'] } }).text).toBe('Menu\n\nHead line\n\nBody text.\n\nFoot');
  });

  it('decodes entities and maps each decoded character to its reference', () => {
    const html = '<p>Caf&eacute; &amp; bar &pound;5 &#x1F600; &#8220;hi&#8221; &notit; x</p>';
    const r = readInput(html, 'html');
    expect(r.text).toBe('Café & bar £5 😀 “hi” ¬it; x');
    const at = (t: string): string => {
      const i = r.text.indexOf(t);
      const s = r.map!.toSource(i, i + t.length);
      return html.slice(s.start, s.end);
    };
    expect(at('Café')).toBe('Caf&eacute;');
    expect(at('&')).toBe('&amp;');
    expect(at('😀')).toBe('&#x1F600;');
    expect(at('“hi”')).toBe('&#8220;hi&#8221;');
  });

  it('takes the first <h1> as headline, else the <title> (then put first)', () => {
    const withH1 = readInput('<title>Site | X</title><p>Kicker</p><h1>Real headline</h1><p>Body.</p>', 'html');
    expect(withH1.text.slice(withH1.headline!.start, withH1.headline!.end)).toBe('Real headline');
    const titleOnly = '<html><head><title>Only &amp; title</title></head><body><p>Body.</p></body></html>';
    const r = readInput(titleOnly, 'html');
    expect(r.text).toBe('Only & title\n\nBody.');
    expect(r.headline).toEqual({ start: 0, end: 12 });
    const s = r.map!.toSource(0, 12);
    expect(titleOnly.slice(s.start, s.end)).toBe('Only &amp; title');
  });

  it('repairs malformed markup and reads plain text given as HTML', () => {
    expect(readInput('<p>one <b>two<p>three</i> <div title="a>b">four', 'html').text).toBe('one two\n\nthree\n\nfour');
    expect(readInput('Just text, no tags.', 'html').text).toBe('Just text, no tags.');
    expect(readInput('', 'html').text).toBe('');
    expectWordsMap('<p>one <b>two<p>three</i> <div title="a>b">four', 'html');
  });

  it('maps CRLF, comments and CDATA-like bogus comments', () => {
    const html = '<p>alpha\r\nbeta<!-- c > d -->gamma<![CDATA[ x ]]>delta</p>\r\n<p>eps&amp;ilon</p>';
    expect(readInput(html, 'html').text).toBe('alpha betagammadelta\n\neps&ilon');
    expectWordsMap(html, 'html');
  });

  it('puts <blockquote> and <q> in the quoted voice without quotation marks', () => {
    const html =
      '<p>The minister spoke.</p><blockquote><p>We will build the homes.</p><p>Every one of them.</p></blockquote><p>She said it was <q>a disgraceful waste</q> of money.</p>';
    const pipeline = createPipeline();
    const report = pipeline.analyze(html, { input: 'html' });
    const quoted = report.quotations.map((q) => [q.kind, q.content.text]);
    expect(quoted).toEqual([
      ['block', 'We will build the homes.\n\nEvery one of them.'],
      ['direct', 'a disgraceful waste'],
    ]);
    const disgraceful = report.findings.find((f) => f.span.text === 'disgraceful');
    expect(disgraceful?.voice).toBe('quoted');
    // without the markup the same words are not quoted: the writer's paraphrase of what the minister said
    const plain = pipeline.analyze('The minister spoke.\n\nShe said it was a disgraceful waste of money.');
    expect(plain.findings.find((f) => f.span.text === 'disgraceful')?.voice).toBe('reported');
  });

  it('leaves a blockquote that already has its marks to the mark-based quotation', () => {
    const report = createPipeline().analyze('<blockquote>&ldquo;We will win,&rdquo; she said.</blockquote>', { input: 'html' });
    expect(report.quotations.map((q) => q.span.text)).toEqual(['“We will win,” she said.', '“We will win,”']);
  });
});

describe('Markdown input', () => {
  const md = [
    '---',
    'title: Front "matter"',
    '---',
    '# The headline',
    '',
    'Some *emphasis* and **strong** text with a [link](https://example.com "t") and `inline code` here,',
    'continued on a second line &amp; an escaped \\*star\\*.',
    '',
    '> A block quote',
    '> over two lines.',
    '',
    '```js',
    'const x = "code";',
    '```',
    '',
    '- item one',
    '- item two',
    '',
  ].join('\n');

  it('keeps prose, drops code, URLs and front matter; headings are paragraphs', () => {
    const r = readInput(md, 'markdown');
    expect(r.text).toBe(
      'The headline\n\nSome emphasis and strong text with a link and here, continued on a second line & an escaped *star*.\n\nA block quote over two lines.\n\nitem one\n\nitem two',
    );
    expect(r.text.slice(r.headline!.start, r.headline!.end)).toBe('The headline');
    expect(r.quotations!.map((q) => r.text.slice(q.start, q.end))).toEqual(['A block quote over two lines.']);
    expectWordsMap(md, 'markdown');
  });

  it('block quotes are quotations in the quoted voice', () => {
    const report = createPipeline().analyze('Intro line here.\n\n> It was a shameless giveaway.\n', { input: 'markdown' });
    expect(report.findings.find((f) => f.span.text === 'shameless')?.voice).toBe('quoted');
    expect(report.input).toEqual({ format: 'markdown', characters: 49, offsets: 'utf16' });
  });
});

describe('analyze() options', () => {
  it('keeps analyze(text) and analyze(text, pipelineOptions) and takes input options in the same object', () => {
    const text = 'Critics slammed the plan.';
    const plain = analyze(text);
    expect(plain.input).toEqual({ format: 'text', characters: text.length, offsets: 'utf16' });
    expect(plain.findings.every((f) => f.span.source === undefined)).toBe(true);
    const some = analyze(text, { analyzers: ['loaded-language'] });
    expect(Object.keys(some.analyzers)).toEqual(['loaded-language']);
    const html = analyze('<p>Critics <b>slammed</b> the plan.</p>', { analyzers: ['loaded-language'], input: 'html' });
    expect(html.findings.map((f) => [f.span.text, f.span.source])).toEqual([['slammed', { start: 14, end: 21 }]]);
    expect(() => analyze(text, { inputs: 'html' } as never)).toThrow(/Unknown option "inputs".*input/);
    expect(() => analyze(text, { input: 'pdf' } as never)).toThrow(/Unknown input format "pdf"; valid: text, html, markdown/);
  });

  it('every span of an HTML report carries a source range that reads as its text', () => {
    const html =
      '<article><h1>Council &ldquo;slammed&rdquo;</h1><p>Critics said the <em>shameless</em> plan would fail, officials said.</p><p>&ldquo;It is a disaster,&rdquo; said Ann Lee, a councillor.</p></article>';
    const report = createPipeline().analyze(html, { input: 'html' });
    const text = readInput(html, 'html').text;
    assertReportInvariants(report, text);
    let n = 0;
    eachSpan(report, (span) => {
      n++;
      expect(span.source).toBeDefined();
      expect(normalise(stripHtml(html.slice(span.source!.start, span.source!.end)))).toBe(normalise(span.text));
    });
    expect(n).toBeGreaterThan(10);
  });
});
