/**
 * Post-passes over a finished report (analyzers never see them): source offsets for every span when the input was
 * markup, and offsets in other units (code points, UTF-8 bytes) for consumers outside JavaScript. Browser-safe.
 */
import type { Report, ReportSpan } from '../report';
import type { OffsetMap } from './offset-map';

/** Units of every offset in a report: UTF-16 code units (JavaScript, the default), Unicode code points (Python), UTF-8 bytes (Rust, Go). */
export const OFFSET_UNITS = ['utf16', 'codepoint', 'utf8'] as const;
export type OffsetUnit = (typeof OFFSET_UNITS)[number];

/** Calls `fn` on every span of the report (findings, quotations, attributions, sources' mentions, sentences). */
export function eachSpan(report: Report, fn: (span: ReportSpan) => void): void {
  for (const f of report.findings) fn(f.span);
  for (const q of report.quotations) {
    fn(q.span);
    fn(q.content);
    for (const s of q.segments) fn(s);
  }
  for (const a of report.attributions) {
    fn(a.cue);
    if (a.source) fn(a.source);
    if (a.content) fn(a.content);
    for (const p of a.contentParts ?? []) fn(p);
  }
  for (const s of report.sources) for (const m of s.mentions) fn(m);
  for (const s of report.sentences) fn(s.span);
}

/**
 * Adds `source: { start, end }` (UTF-16, into the original input) to every span. Spans may be shared between parts
 * of the report (an attribution's content is also a quotation's): each is mapped once.
 */
export function mapReportToSource(report: Report, map: OffsetMap): void {
  const seen = new Set<ReportSpan>();
  eachSpan(report, (span) => {
    if (seen.has(span)) return;
    seen.add(span);
    span.source = map.toSource(span.start, span.end);
  });
}

/** Converts UTF-16 offsets of `text` to code points or UTF-8 bytes (binary search over the non-ASCII positions). */
export function offsetConverter(text: string, unit: OffsetUnit): (offset: number) => number {
  if (unit === 'utf16') return (o) => o;
  // positions where the per-unit weight differs from 1, with the cumulative adjustment after each
  const at: number[] = [];
  const adj: number[] = [];
  let acc = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    let d: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // a surrogate pair: one code point, four UTF-8 bytes, for two UTF-16 units
      d = unit === 'codepoint' ? -1 : 2;
      i++;
    } else d = unit === 'codepoint' ? 0 : c < 0x800 ? 1 : 2;
    if (!d) continue;
    acc += d;
    at.push(i + 1); // offsets >= i+1 get the adjustment
    adj.push(acc);
  }
  return (o) => {
    let lo = 0;
    let hi = at.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (at[mid] <= o) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return o + (found >= 0 ? adj[found] : 0);
  };
}

/**
 * Converts every offset of a UTF-16 report to `unit`: spans' start/end into `text` (the analysed text) and their
 * `source` ranges into `source` (the original input). Records the unit in `report.input.offsets`.
 */
export function convertReportOffsets(report: Report, unit: OffsetUnit, text: string, source: string = text): void {
  if (unit === (report.input?.offsets ?? 'utf16')) return;
  if ((report.input?.offsets ?? 'utf16') !== 'utf16') throw new Error('convertReportOffsets: the report is not in UTF-16 offsets');
  const t = offsetConverter(text, unit);
  const s = source === text ? t : offsetConverter(source, unit);
  const seen = new Set<ReportSpan>();
  eachSpan(report, (span) => {
    if (seen.has(span)) return;
    seen.add(span);
    span.start = t(span.start);
    span.end = t(span.end);
    if (span.source) span.source = { start: s(span.source.start), end: s(span.source.end) };
  });
  report.input = { ...report.input, offsets: unit };
}
