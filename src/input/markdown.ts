/**
 * Markdown input (CommonMark, through mdast-util-from-markdown, with YAML/TOML front matter): the prose of the
 * document with every character's position in the source. Code blocks, inline code, raw HTML, images and front
 * matter are skipped; link text is kept and URLs dropped; headings are paragraphs; block quotes are quotations.
 * Browser-safe.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import type { Nodes, Parents } from 'mdast';
import { TextBuilder, trimRange } from './builder';
import { decodeEntity } from './html';
import type { ExtractedInput, TextRange } from './types';

const SKIP = new Set([
  'code',
  'inlineCode',
  'html',
  'image',
  'imageReference',
  'definition',
  'footnoteDefinition',
  'footnoteReference',
  'yaml',
  'toml',
]);
const BLOCK = new Set(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'thematicBreak', 'table', 'tableRow', 'tableCell']);
const SPACE = /[ \t\n\r\f]/;
const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/y;

/** Extracts the prose of a Markdown document. Never throws on content. */
export function readMarkdown(md: string): ExtractedInput {
  const tree = fromMarkdown(md, {
    extensions: [frontmatter(['yaml', 'toml'])],
    mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml'])],
  });
  const b = new TextBuilder();
  const quotations: TextRange[] = [];
  let headline: TextRange | undefined;
  let seenHeading = false;

  /** Aligns a text node's value with its source, which may hold escapes, entities, line breaks and `>` prefixes. */
  const textNode = (value: string, start: number, end: number): void => {
    let i = start;
    let j = 0;
    let runStart = -1; // source offset where the current verbatim run began
    let runText = '';
    const flushRun = (): void => {
      if (runText) b.text(runText, runStart, runStart + runText.length);
      runText = '';
      runStart = -1;
    };
    while (j < value.length) {
      const c = value[j];
      if (SPACE.test(c)) {
        flushRun();
        let k = j;
        while (k < value.length && SPACE.test(value[k])) k++;
        const s = i;
        while (i < end && SPACE.test(md[i])) i++;
        // container prefixes of continuation lines ("> ", list indentation) are not in the value
        if (k < value.length && value[k] !== '>') while (i < end && (md[i] === '>' || SPACE.test(md[i]))) i++;
        b.text(value.slice(j, k), s, i);
        j = k;
        continue;
      }
      if (i < end && md[i] === c && c !== '\\' && c !== '&') {
        if (runStart < 0) runStart = i;
        runText += c;
        i++;
        j++;
        continue;
      }
      if (md[i] === '\\' && md[i + 1] === c) {
        flushRun();
        b.text(c, i, i + 2);
        i += 2;
        j++;
        continue;
      }
      if (md[i] === '&') {
        ENTITY.lastIndex = i;
        const m = ENTITY.exec(md);
        const decoded = m ? decodeEntity(m[0]) : '';
        if (m && decoded && value.startsWith(decoded, j)) {
          flushRun();
          b.text(decoded, i, i + m[0].length);
          i += m[0].length;
          j += decoded.length;
          continue;
        }
      }
      if (md[i] === c) {
        // a literal "\" or "&"
        if (runStart < 0) runStart = i;
        runText += c;
        i++;
        j++;
        continue;
      }
      // cannot align (should not happen): the rest of the value stands for the rest of the node
      flushRun();
      for (const m of value.slice(j).matchAll(/[ \t\n\r\f]+|[^ \t\n\r\f]+/g)) b.text(m[0], i, end);
      return;
    }
    flushRun();
  };

  const walk = (node: Nodes): void => {
    if (SKIP.has(node.type)) return;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (node.type === 'text') {
      textNode(node.value, start, end);
      return;
    }
    if (node.type === 'break') {
      b.lineBreak(start);
      return;
    }
    const block = BLOCK.has(node.type);
    if (block) b.paragraph(start);
    const from = b.length;
    if ('children' in node) for (const child of (node as Parents).children) walk(child as Nodes);
    if (block) b.paragraph(end);
    if (node.type === 'blockquote') quotations.push({ start: from, end: b.length });
    if (node.type === 'heading' && !seenHeading) {
      seenHeading = true;
      if (node.depth === 1) headline = { start: from, end: b.length };
    }
  };
  walk(tree);

  const text = b.toString();
  const trimmed = (r: TextRange): TextRange => trimRange(text, r.start, Math.min(r.end, text.length));
  const out: ExtractedInput = { text, map: b.map, format: 'markdown', quotations: quotations.map(trimmed).filter((r) => r.end > r.start) };
  if (headline) {
    const h = trimmed(headline);
    if (h.end > h.start) out.headline = h;
  }
  return out;
}
