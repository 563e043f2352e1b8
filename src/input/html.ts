/**
 * HTML input: the readable text of a page, with every character's position in the source. Browser-safe (parse5
 * is pure JavaScript). parse5 parses as browsers do, so malformed markup is repaired, never refused.
 */
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { TextBuilder, trimRange } from './builder';
import type { ExtractedInput, TextRange } from './types';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

export interface HtmlInputOptions {
  /**
   * Page-chrome elements to keep. By default `nav`, `header`, `footer` and `aside` are skipped with what they hold
   * (menus, bylines boxes, related links, ads); name any of them to keep its text.
   */
  keep?: readonly string[];
}

/** Page chrome skipped unless kept. */
export const HTML_CHROME = ['nav', 'header', 'footer', 'aside'] as const;

/** Never text of the article. */
const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'audio',
  'video',
  'select',
  'button',
  'input',
  'textarea',
]);

/** Elements whose start and end are paragraph breaks of the extracted text. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

// Character references, line breaks, whitespace, other text, and tags the parser ignored inside one text node
// (`<span><p>a</span>b` reads "ab" as one node: the stray end tag is dropped).
const TOKEN =
  /&(?:#[xX][0-9a-fA-F]*;?|#[0-9]*;?|[A-Za-z][A-Za-z0-9]*;?)|\r\n?|[ \t\n\f]+|<\/?[A-Za-z](?:[^>"']|"[^"]*"|'[^']*')*>|[^&<\r \t\n\f]+|[&<]/g;

const entityCache = new Map<string, string>();

/** Decodes one character reference exactly as parse5 does in text (cached: pages repeat few distinct entities). */
export function decodeEntity(ref: string): string {
  let out = entityCache.get(ref);
  if (out === undefined) {
    const frag = parseFragment(ref);
    out = frag.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('');
    if (entityCache.size < 5000) entityCache.set(ref, out);
  }
  return out;
}

const isElement = (n: Node): n is Element => 'tagName' in n;

function hasHidden(el: Element): boolean {
  return el.attrs.some((a) => a.name === 'hidden' || (a.name === 'aria-hidden' && a.value === 'true'));
}

/** Extracts the text of an HTML document or fragment. Never throws on content. */
export function readHtml(html: string, options: HtmlInputOptions = {}): ExtractedInput {
  const keep = new Set((options.keep ?? []).map((k) => k.toLowerCase()));
  const chrome = new Set<string>(HTML_CHROME.filter((c) => !keep.has(c)));
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const b = new TextBuilder();
  const quotations: TextRange[] = [];
  let headline: TextRange | undefined;

  const skipped = (el: Element): boolean => SKIPPED.has(el.tagName) || chrome.has(el.tagName) || hasHidden(el);

  // The headline: the first <h1> of the content, else the <title> (then put first, as the first line).
  let firstH1: Element | undefined;
  let title: Element | undefined;
  const find = (parent: ParentNode): void => {
    for (const n of parent.childNodes) {
      if (firstH1) return;
      if (!isElement(n)) continue;
      if (n.tagName === 'title' && !title) title = n;
      if (n.tagName === 'h1' && !skipped(n)) firstH1 = n;
      else if (n.tagName === 'head' || !skipped(n)) find(n);
    }
  };
  find(doc);

  const textNode = (value: string, start: number, end: number, pre: boolean): void => {
    const raw = html.slice(start, end);
    const pieces: Array<[string, number, number]> = [];
    let joined = '';
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(raw); m; m = TOKEN.exec(raw)) {
      const tok = m[0];
      const piece =
        tok[0] === '&' && tok.length > 1 ? decodeEntity(tok) : tok[0] === '<' && tok.length > 1 ? '' : tok[0] === '\r' ? '\n' : tok;
      pieces.push([piece, start + m.index, start + m.index + tok.length]);
      joined += piece;
    }
    if (joined !== value) {
      // parse5 read this text differently (a NUL, text moved by the parser): map it as a whole, word by word.
      pieces.length = 0;
      for (const m of value.matchAll(/[ \t\n\f\r]+|[^ \t\n\f\r]+/g)) pieces.push([m[0], start, end]);
    }
    for (const [piece, s, e] of pieces) {
      if (!piece) continue;
      if (pre && /[\n]/.test(piece) && /^\s+$/.test(piece)) {
        for (let k = 0; k < (piece.match(/\n/g) ?? []).length; k++) b.lineBreak(s);
      } else b.text(piece, s, e);
    }
  };

  const walk = (parent: ParentNode, pre: boolean): void => {
    for (const n of parent.childNodes) {
      if (n.nodeName === '#text') {
        const loc = n.sourceCodeLocation;
        if (loc) textNode((n as DefaultTreeAdapterMap['textNode']).value, loc.startOffset, loc.endOffset, pre);
        continue;
      }
      if (!isElement(n)) continue; // comments, doctype
      const tag = n.tagName;
      const loc = n.sourceCodeLocation;
      const startAt = loc?.startOffset ?? 0;
      const endAt = loc?.endOffset ?? startAt;
      if (tag === 'br') {
        b.lineBreak(startAt);
        continue;
      }
      if (skipped(n)) continue;
      const block = BLOCKS.has(tag);
      if (block) b.paragraph(startAt);
      const from = b.length;
      walk(n, pre || tag === 'pre');
      if (block) b.paragraph(loc?.endTag?.startOffset ?? endAt);
      if (tag === 'blockquote' || tag === 'q') quotations.push({ start: from, end: b.length });
      if (n === firstH1) headline = { start: from, end: b.length };
    }
  };

  if (!firstH1 && title) {
    walk(title, false);
    if (b.length) headline = { start: 0, end: b.length };
    b.paragraph(title.sourceCodeLocation?.endOffset ?? 0);
  }
  walk(doc, false);
  const text = b.toString();
  const trimmed = (r: TextRange): TextRange => trimRange(text, r.start, Math.min(r.end, text.length));
  const out: ExtractedInput = {
    text,
    map: b.map,
    format: 'html',
    quotations: quotations.map(trimmed).filter((r) => r.end > r.start),
  };
  if (headline) {
    const h = trimmed(headline);
    if (h.end > h.start) out.headline = h;
  }
  return out;
}
