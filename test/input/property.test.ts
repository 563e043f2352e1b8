/**
 * The source-offset invariant over generated markup: for every word-aligned range of the extracted text, the
 * source range it maps to, with markup removed and references decoded (independently, see ./invariant), reads as
 * the range's text, whitespace normalised. Generated: nesting, entities, comments, CDATA, CRLF, unclosed tags,
 * attributes containing ">", skipped elements and page chrome.
 */
import fc from 'fast-check';
import { readInput } from '../../src/input';
import { normalise, stripHtml, stripMarkdown } from './invariant';

const ENTITIES = [
  '&amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&#39;',
  '&apos;',
  '&nbsp;',
  '&copy;',
  '&pound;',
  '&mdash;',
  '&ldquo;',
  '&rdquo;',
  '&rsquo;',
  '&#x263A;',
  '&#128512;',
  '&#8220;',
  '&eacute;',
];
const WORDS = ['council', 'said', 'Ann', 'the', 'plan', '“quoted”', 'won’t', '42%', 'Zoë', '😀', 'a<b', 'x>y'];
const SPACE = [' ', '  ', '\n', '\r\n', '\t', ' \r\n  '];

const word = fc.oneof(
  fc.constantFrom(...WORDS).map((w) => w.replace(/</g, '&lt;')),
  fc.constantFrom(...ENTITIES),
  fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...ENTITIES)).map(([w, e]) => w.replace(/</g, '&lt;') + e),
);
const textRun = fc
  .array(fc.tuple(word, fc.constantFrom(...SPACE)), { minLength: 1, maxLength: 6 })
  .map((ps) => ps.map(([w, s]) => w + s).join(''));
const attrs = fc.constantFrom(
  '',
  ' class="x"',
  ' title="a>b"',
  " data-x='>'",
  ' id=plain',
  ' hidden=""'.replace(' hidden=""', ' lang="en"'),
);

const { node } = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textRun,
    textRun,
    fc.constantFrom(
      '<!-- a comment > with a mark -->',
      '<![CDATA[ cdata text ]]>',
      '<br>',
      '<br/>',
      '<script>if (a < b) { x = "</p>"; }</script>',
      '<style>p > b { color: red }</style>',
      '<nav>Menu <a href="/">Home</a></nav>',
      '<aside><p>Advert</p></aside>',
    ),
    fc
      .tuple(
        fc.constantFrom('p', 'div', 'b', 'i', 'em', 'a', 'span', 'li', 'blockquote', 'q', 'h2', 'section', 'strong'),
        attrs,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.boolean(),
      )
      .map(
        ([tag, a, children, close]) =>
          `<${tag}${a}>${(children as string[]).join('')}${close || !['p', 'li', 'b', 'i', 'span'].includes(tag) ? `</${tag}>` : ''}`,
      ),
  ),
}));

const documentArb = fc.tuple(fc.array(node, { minLength: 1, maxLength: 6 }), fc.boolean()).map(([nodes, wrap]) => {
  const body = (nodes as string[]).join('');
  return wrap ? `<!DOCTYPE html>\r\n<html><head><title>Title &amp; more</title></head><body>${body}</body></html>` : body;
});

/** Word-aligned ranges: from the start of one run of non-space to the end of a later one. */
function ranges(text: string, picks: Array<[number, number]>): Array<[number, number]> {
  const runs = [...text.matchAll(/\S+/g)].map((m) => [m.index!, m.index! + m[0].length]);
  if (!runs.length) return [];
  return picks.map(([a, b]) => {
    const i = a % runs.length;
    const j = i + (b % Math.min(8, runs.length - i));
    return [runs[i][0], runs[j][1]];
  });
}

describe('source offsets: property', () => {
  it('HTML: every mapped range reads as the extracted text (500 documents)', () => {
    fc.assert(
      fc.property(documentArb, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }), (html, picks) => {
        const r = readInput(html, 'html');
        for (const [s, e] of ranges(r.text, picks)) {
          const src = r.map!.toSource(s, e);
          expect(src.start).toBeLessThanOrEqual(src.end);
          expect(src.end).toBeLessThanOrEqual(html.length);
          expect(normalise(stripHtml(html.slice(src.start, src.end)))).toBe(normalise(r.text.slice(s, e)));
        }
      }),
      { numRuns: 500 },
    );
  });

  const mdWord = fc.oneof(
    fc.constantFrom('council', 'said', 'plan', '“quoted”', '42%', 'Zoë', '😀', 'a\\*b', '&amp;', '&copy;', 'x&lt;y'),
    fc.constantFrom('*em*', '**strong**', '[link](http://x.org)'),
  );
  const mdPara = fc.array(fc.tuple(mdWord, fc.constantFrom(' ', ' ', '\n', '\r\n')), { minLength: 1, maxLength: 8 }).map((ps) =>
    ps
      .map(([w, s]) => w + s)
      .join('')
      .trim(),
  );
  const mdBlock = fc.oneof(
    mdPara,
    mdPara.map((p) => `# ${p.replace(/\r?\n/g, ' ')}`),
    mdPara.map((p) =>
      p
        .split(/\r?\n/)
        .map((l) => `> ${l}`)
        .join('\n'),
    ),
    mdPara.map((p) => `- ${p.replace(/\r?\n/g, ' ')}`),
    fc.constant('```\ncode block\n```'),
  );

  it('Markdown: every mapped range reads as the extracted text (300 documents)', () => {
    fc.assert(
      fc.property(
        fc.array(mdBlock, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }),
        (blocks, picks) => {
          const md = blocks.join('\n\n');
          const r = readInput(md, 'markdown');
          for (const [s, e] of ranges(r.text, picks)) {
            const src = r.map!.toSource(s, e);
            expect(normalise(stripMarkdown(md.slice(src.start, src.end)))).toBe(normalise(r.text.slice(s, e)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
