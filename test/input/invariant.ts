/**
 * The source-offset invariant, checked independently of the adapters: a source range, with markup removed (tags,
 * comments, skipped elements) and character references decoded (by the `entities` package, not by parse5), reads
 * as the span's text, whitespace normalised.
 */
import { decodeHTML } from 'entities';

const SKIPPED =
  'script|style|template|noscript|svg|math|iframe|object|embed|canvas|audio|video|select|button|textarea|nav|header|footer|aside|head';
const BLOCK = new Set(
  'address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul br title'.split(
    ' ',
  ),
);
const TAG = /<\/?([A-Za-z][^\s/>]*)(?:\s*[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>/g;

export const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function stripHtml(src: string): string {
  let s = src
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<![^>]*>/g, '')
    .replace(/<\?[^>]*>/g, '');
  s = s.replace(new RegExp(`<(${SKIPPED})\\b[^>]*>[\\s\\S]*?</\\1\\s*>`, 'gi'), ' ');
  s = s.replace(TAG, (_m, name: string) => (BLOCK.has(name.toLowerCase()) ? ' ' : ''));
  return decodeHTML(s);
}

/** Markdown: escapes and references decoded, container markers (>, list bullets, #) and emphasis marks removed. */
export function stripMarkdown(src: string): string {
  return decodeHTML(
    src
      .replace(/^```[^\n]*\n[\s\S]*?^```/gm, ' ')
      .replace(/^[ \t]*(?:>[ \t]?)+/gm, ' ')
      .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, ' ')
      .replace(/^#{1,6}[ \t]+/gm, ' ')
      .replace(/\]\([^)]*\)/g, '')
      .replace(/\[/g, '')
      .replace(/(^|[^\\])[*_]+/g, '$1')
      .replace(/\\([!-/:-@[-`{-~])/g, '$1'),
  );
}
