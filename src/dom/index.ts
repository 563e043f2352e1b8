/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * slant/dom — findings of a report shown in a page, framework-free (browser only).
 *
 * The analysed text of an element is defined by `indexText(root, { mode })`:
 * - `'textContent'` (default): exactly `root.textContent`, every Text node in document order (use it for an article
 *   whose text you analysed as `element.textContent`);
 * - `'blocks'`: the text as a reader sees its lines: Text nodes, `\n` for each `<br>`, and a blank line between block
 *   elements (p, div, li, h1–h6, blockquote, …), with the content of script, style, template and noscript skipped.
 *   Use it for a `contenteditable` or pasted rich HTML, and analyse `indexText(root, { mode: 'blocks' }).text`.
 *
 * Spans of the report (UTF-16 offsets into that text) become DOM Ranges across Text nodes and inline markup.
 * `highlightFindings` wraps them in `<mark data-slant-finding="<index>" data-slant-analyzer="<id>">` elements and
 * `remove()` restores the DOM (same Text nodes, same data); `decorateFindings` only decorates, through the CSS Custom
 * Highlight API, and never touches the DOM (for editors that own it: ProseMirror, CKEditor, Lexical).
 */
import type { Finding, Report, ReportSpan as Span } from '../report';

export type TextMode = 'textContent' | 'blocks';

export interface IndexOptions {
  /** How the element's text is read (see the module comment). Default `'textContent'`. */
  mode?: TextMode;
}

/** An element's text, and the map from its UTF-16 offsets back to DOM positions. */
export interface TextIndex {
  readonly root: Node;
  readonly mode: TextMode;
  /** The text to analyse (or that was analysed). */
  readonly text: string;
  /** The DOM Range of text[start, end); offsets on a `\n` added for `<br>` or a block snap to the nearest text. */
  rangeOf(start: number, end: number): Range;
  /** The text offset of a DOM position (a selection end, a caret), or -1 when it is not under the root. */
  offsetOf(node: Node, offset: number): number;
  /** The Text-node pieces of text[start, end), in document order (empty pieces left out). */
  pieces(start: number, end: number): Array<{ node: Text; start: number; end: number }>;
}

interface Segment {
  /** Offset of the segment in the text. */
  at: number;
  /** A Text node, or null for characters the mode adds (`\n` for `<br>` and blocks). */
  node: Text | null;
  length: number;
}

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** Reads an element's text (see TextMode) and indexes it. Re-index after the DOM changes. */
export function indexText(root: Node, options: IndexOptions = {}): TextIndex {
  const mode = options.mode ?? 'textContent';
  const segments: Segment[] = [];
  let text = '';
  const add = (node: Text | null, s: string): void => {
    if (!s) return;
    segments.push({ at: text.length, node, length: s.length });
    text += s;
  };
  /** In blocks mode: ensure the text ends with `n` newlines (collapsing, never at the very start). */
  const breakLines = (n: number): void => {
    if (!text) return;
    let have = 0;
    while (have < n && text[text.length - 1 - have] === '\n') have++;
    add(null, '\n'.repeat(n - have));
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      add(node as Text, (node as Text).data);
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (mode === 'blocks') {
      if (SKIP.has(name)) return;
      if (name === 'BR') {
        add(null, '\n');
        return;
      }
    }
    const block = mode === 'blocks' && node !== root && BLOCK.has(name);
    if (block) breakLines(2);
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) breakLines(2);
  };
  walk(root);
  if (mode === 'blocks') {
    // Trailing newlines added for the last block are not part of the text.
    while (segments.length && segments[segments.length - 1].node === null && text.endsWith('\n')) {
      const last = segments.pop()!;
      text = text.slice(0, last.at);
    }
  }

  /** Index of the last segment starting at or before `offset`. */
  const find = (offset: number): number => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid].at <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;

  /** A DOM position for a text offset; `forward` prefers the start of the next Text node at a boundary. */
  const position = (offset: number, forward: boolean): [Node, number] => {
    if (!segments.length) return [root, 0];
    let i = find(offset);
    // At a boundary between segments, the end of a range belongs to the earlier one, the start to the later one.
    if (!forward && i > 0 && segments[i].at === offset) i--;
    let seg = segments[i];
    if (seg.node) return [seg.node, Math.max(0, Math.min(seg.length, offset - seg.at))];
    // An added newline: snap to the nearest Text node in the direction given.
    for (let j = i; forward ? j < segments.length : j >= 0; j += forward ? 1 : -1) {
      seg = segments[j];
      if (seg.node) return [seg.node, forward ? 0 : seg.length];
    }
    return [root, forward ? root.childNodes.length : 0];
  };

  return {
    root,
    mode,
    text,
    rangeOf(start, end) {
      checkOffsets(start, end, text.length);
      const range = doc.createRange();
      const [sn, so] = position(start, true);
      range.setStart(sn, so);
      if (end === start) range.collapse(true);
      else {
        const [en, eo] = position(end, false);
        range.setEnd(en, eo);
      }
      return range;
    },
    offsetOf(node, offset) {
      if (node.nodeType === 3) {
        const seg = segments.find((s) => s.node === node);
        return seg ? seg.at + Math.min(offset, seg.length) : -1;
      }
      // An element position: the text offset of its offset-th child boundary.
      if (node !== root && !root.contains(node)) return -1;
      const child = node.childNodes[offset];
      if (!child) return offsetAfter(node);
      return offsetBefore(child);
    },
    pieces(start, end) {
      checkOffsets(start, end, text.length);
      const out: Array<{ node: Text; start: number; end: number }> = [];
      if (start === end || !segments.length) return out;
      for (let i = find(start); i < segments.length && segments[i].at < end; i++) {
        const seg = segments[i];
        if (!seg.node) continue;
        const s = Math.max(start, seg.at) - seg.at;
        const e = Math.min(end, seg.at + seg.length) - seg.at;
        if (e > s) out.push({ node: seg.node, start: s, end: e });
      }
      return out;
    },
  };

  function offsetBefore(node: Node): number {
    // The first segment whose node is this node or inside it, else the first one after it in document order.
    for (const seg of segments) {
      if (seg.node && (seg.node === node || node.contains(seg.node) || (node.compareDocumentPosition(seg.node) & 4) !== 0)) return seg.at;
    }
    return text.length;
  }
  function offsetAfter(node: Node): number {
    let out = 0;
    for (const seg of segments) {
      if (seg.node && (node === seg.node || node.contains(seg.node) || (node.compareDocumentPosition(seg.node) & 2) !== 0))
        out = seg.at + seg.length;
    }
    return out;
  }
}

function checkOffsets(start: number, end: number, length: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
    throw new RangeError(`slant/dom: span [${start}, ${end}) is not inside the element's text (length ${length}).`);
  }
}

/** Throws when a span's text is not what the element holds at its offsets (the report is of another text). */
function checkSpan(index: TextIndex, span: Span, what: string): void {
  const found = index.text.slice(span.start, span.end);
  if (found !== span.text) {
    throw new Error(
      `slant/dom: ${what} [${span.start}, ${span.end}) reads ${JSON.stringify(found.slice(0, 40))} in the element, not ${JSON.stringify(span.text.slice(0, 40))}: the report is not of this element's text (mode "${index.mode}").`,
    );
  }
}

/** A span to wrap, with the attributes of its elements. */
export interface WrapSpan {
  start: number;
  end: number;
  attributes: Record<string, string>;
}

export interface WrapOptions extends IndexOptions {
  /** Element wrapped around each piece (default `mark`). */
  tagName?: string;
  /** Class of each wrapper (default `slant-mark`); `remove()` and `removeHighlights()` find wrappers by it. */
  className?: string;
  /** Called once per wrapper element, e.g. to add `tabindex`, `title` or ARIA attributes. */
  decorate?: (element: HTMLElement, span: WrapSpan, index: number) => void;
}

export interface HighlightHandle {
  /** Every wrapper element, in document order (a span over several Text nodes has one per piece). */
  readonly elements: HTMLElement[];
  /** The wrapper elements of span `index` (in the order given), in document order. */
  elementsOf(index: number): HTMLElement[];
  /** Removes the wrappers and merges the Text nodes it split: the DOM is as before (text edits since are kept). */
  remove(): void;
}

/**
 * Wraps each span in elements, across Text nodes and inline markup: every Text-node piece of a span gets its own
 * wrapper, and where spans overlap the wrappers nest (the earlier span outside). Block boundaries are never
 * crossed by one wrapper, so the markup stays valid.
 */
export function wrapSpans(root: Node, spans: readonly WrapSpan[], options: WrapOptions = {}): HighlightHandle {
  const index = indexText(root, options);
  const tagName = options.tagName ?? 'mark';
  const className = options.className ?? 'slant-mark';
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;

  // Boundaries per Text node, and which spans cover each of its pieces.
  const perNode = new Map<Text, { cuts: Set<number>; covers: Array<{ span: number; start: number; end: number }> }>();
  spans.forEach((span, i) => {
    for (const p of index.pieces(span.start, span.end)) {
      let entry = perNode.get(p.node);
      if (!entry) perNode.set(p.node, (entry = { cuts: new Set([0, p.node.data.length]), covers: [] }));
      entry.cuts.add(p.start).add(p.end);
      entry.covers.push({ span: i, start: p.start, end: p.end });
    }
  });

  const wrappers: Array<{ element: HTMLElement; span: number }> = [];
  /** Each original Text node, and the nodes it was split into (itself first). */
  const splits = new Map<Text, Text[]>();
  for (const [node, { cuts, covers }] of perNode) {
    const points = [...cuts].sort((a, b) => a - b);
    // Split from the end so earlier offsets stay valid; `node` keeps the first piece.
    const parts: Text[] = [node];
    for (let k = points.length - 2; k >= 1; k--) parts.splice(1, 0, node.splitText(points[k]));
    // parts[k] holds [points[k], points[k + 1]).
    if (parts.length > 1) splits.set(node, parts);
    for (let k = 0; k < parts.length; k++) {
      const [a, b] = [points[k], points[k + 1]];
      const covering = covers
        .filter((c) => c.start <= a && c.end >= b)
        .map((c) => c.span)
        .sort((x, y) => x - y);
      let inner: Node = parts[k];
      // Innermost wrapper is the last span: wrap from the inside out.
      for (let c = covering.length - 1; c >= 0; c--) {
        const el = doc.createElement(tagName);
        el.className = className;
        const span = spans[covering[c]];
        for (const [name, value] of Object.entries(span.attributes)) el.setAttribute(name, value);
        inner.parentNode!.insertBefore(el, inner);
        el.appendChild(inner);
        inner = el;
        wrappers.push({ element: el, span: covering[c] });
      }
    }
  }
  // Document order.
  wrappers.sort((x, y) => (x.element === y.element ? 0 : x.element.compareDocumentPosition(y.element) & 4 ? -1 : 1));
  wrappers.forEach((w) => options.decorate?.(w.element, spans[w.span], w.span));

  let removed = false;
  return {
    elements: wrappers.map((w) => w.element),
    elementsOf: (i) => wrappers.filter((w) => w.span === i).map((w) => w.element),
    remove() {
      if (removed) return;
      removed = true;
      for (const { element } of [...wrappers].reverse()) unwrap(element);
      for (const [node, parts] of splits) {
        // Merge back the pieces that are still where splitting put them (after the original, as siblings).
        let data = node.data;
        for (const p of parts.slice(1)) {
          if (p.parentNode && p.parentNode === node.parentNode) {
            data += p.data;
            p.remove();
          }
        }
        if (node.data !== data) node.data = data;
      }
    },
  };
}

function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

/**
 * Removes every wrapper (by class, default `slant-mark`) left under `root`, e.g. in HTML saved with highlights,
 * and merges adjacent Text nodes. Returns how many it removed.
 */
export function removeHighlights(root: Element | DocumentFragment, className = 'slant-mark'): number {
  const found = Array.from(root.querySelectorAll(`.${CSS_escape(className)}`));
  for (const el of found.reverse()) unwrap(el);
  if (found.length) root.normalize();
  return found.length;
}

function CSS_escape(s: string): string {
  return typeof CSS !== 'undefined' && typeof CSS.escape === 'function' ? CSS.escape(s) : s.replace(/[^\w-]/g, (c) => `\\${c}`);
}

export interface FindingOptions extends WrapOptions {
  /** Which findings to show (default: all). The index is the finding's index in `report.findings`. */
  filter?: (finding: Finding, index: number) => boolean;
  /** Called once per wrapper element of a finding. */
  decorateFinding?: (element: HTMLElement, finding: Finding, index: number) => void;
}

/**
 * Wraps the report's findings in `<mark class="slant-mark" data-slant-finding="<index in report.findings>"
 * data-slant-analyzer="<analyzer id>" data-slant-severity="info|warning">`. Throws when a finding's text is not at
 * its offsets in the element (the report is of another text, or another text mode).
 */
export function highlightFindings(root: Node, report: Pick<Report, 'findings'>, options: FindingOptions = {}): HighlightHandle {
  const index = indexText(root, options);
  const chosen: Array<{ finding: Finding; index: number }> = [];
  report.findings.forEach((finding, i) => {
    if (options.filter && !options.filter(finding, i)) return;
    checkSpan(index, finding.span, `finding ${i}`);
    chosen.push({ finding, index: i });
  });
  const spans: WrapSpan[] = chosen.map(({ finding, index: i }) => ({
    start: finding.span.start,
    end: finding.span.end,
    attributes: { 'data-slant-finding': String(i), 'data-slant-analyzer': finding.analyzer, 'data-slant-severity': finding.severity },
  }));
  const handle = wrapSpans(root, spans, {
    ...options,
    decorate: (el, span, k) => {
      options.decorate?.(el, span, k);
      options.decorateFinding?.(el, chosen[k].finding, chosen[k].index);
    },
  });
  const byFinding = new Map(chosen.map((c, k) => [c.index, k]));
  return {
    elements: handle.elements,
    elementsOf: (findingIndex) => {
      const k = byFinding.get(findingIndex);
      return k === undefined ? [] : handle.elementsOf(k);
    },
    remove: () => handle.remove(),
  };
}

export interface DecorateOptions extends IndexOptions {
  /** Which findings to show (default: all). */
  filter?: (finding: Finding, index: number) => boolean;
  /** Highlight names are `<prefix>-<analyzer id>` (default prefix `slant`): style them with `::highlight(slant-tone)`. */
  prefix?: string;
}

export interface DecorateHandle {
  /** Whether the browser has the CSS Custom Highlight API (`CSS.highlights`); without it nothing is painted. */
  readonly supported: boolean;
  /** The Ranges by highlight name. */
  readonly ranges: ReadonlyMap<string, Range[]>;
  /** Unregisters the highlights this call registered. */
  remove(): void;
}

/**
 * Decorates the findings without touching the DOM, through the CSS Custom Highlight API: one `Highlight` per
 * analyzer, registered as `<prefix>-<analyzer id>`. Ranges are live: re-run after the text changes.
 */
export function decorateFindings(root: Node, report: Pick<Report, 'findings'>, options: DecorateOptions = {}): DecorateHandle {
  const index = indexText(root, options);
  const prefix = options.prefix ?? 'slant';
  const ranges = new Map<string, Range[]>();
  report.findings.forEach((finding, i) => {
    if (options.filter && !options.filter(finding, i)) return;
    checkSpan(index, finding.span, `finding ${i}`);
    const name = `${prefix}-${finding.analyzer}`;
    if (!ranges.has(name)) ranges.set(name, []);
    ranges.get(name)!.push(index.rangeOf(finding.span.start, finding.span.end));
  });
  const registry = typeof CSS !== 'undefined' ? (CSS as unknown as { highlights?: Map<string, unknown> }).highlights : undefined;
  const HighlightCtor = (globalThis as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  const supported = !!registry && typeof HighlightCtor === 'function';
  const registered = new Map<string, unknown>();
  if (supported) {
    for (const [name, list] of ranges) {
      const h = new HighlightCtor!(...list);
      registry!.set(name, h);
      registered.set(name, h);
    }
  }
  return {
    supported,
    ranges,
    remove() {
      for (const [name, h] of registered) if (registry!.get(name) === h) registry!.delete(name);
      registered.clear();
    },
  };
}

/** The current selection as text offsets into `index` (e.g. to keep the caret while highlights change), or null. */
export function selectionOffsets(
  index: TextIndex,
  selection: Selection | null = index.root.ownerDocument?.getSelection() ?? null,
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0) return null;
  const r = selection.getRangeAt(0);
  const start = index.offsetOf(r.startContainer, r.startOffset);
  const end = index.offsetOf(r.endContainer, r.endOffset);
  return start < 0 || end < 0 ? null : { start, end };
}

/** Selects text[start, end) of `index` (a caret when equal). */
export function selectOffsets(index: TextIndex, start: number, end = start): void {
  const sel = index.root.ownerDocument?.getSelection();
  if (!sel) return;
  const s = Math.min(start, index.text.length);
  const e = Math.min(Math.max(end, s), index.text.length);
  sel.removeAllRanges();
  sel.addRange(index.rangeOf(s, e));
}
