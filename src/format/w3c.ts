/**
 * W3C Web Annotation Data Model (JSON-LD): an AnnotationCollection with one annotation per finding. Each target
 * points into the source the report was made from with a TextQuoteSelector (exact, 32 characters of prefix and
 * suffix) and a TextPositionSelector. Positions count UTF-16 code units of the source as given (markup included
 * for HTML), like every offset of the report; the collection says so in `slant:offsets`. Pure.
 */
import type { Finding, Report } from '../report';
import { requireSource, sourceRange, type FormatOptions } from './options';

export const W3C_CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { slant: 'https://slant.dev/ns#' }] as const;
const AFFIX = 32;

export function toW3c(report: Report, options: FormatOptions = {}): Record<string, unknown> {
  const source = requireSource(report, options, 'w3c');
  const uri = options.uri ?? `article.${report.input.format === 'markdown' ? 'md' : report.input.format === 'html' ? 'html' : 'txt'}`;
  const annotation = (f: Finding, i: number): Record<string, unknown> => {
    const { start, end } = sourceRange(f.span);
    const body: Record<string, unknown> = {
      type: 'TextualBody',
      purpose: 'commenting',
      format: 'text/plain',
      value: f.message,
      'slant:analyzer': f.analyzer,
      'slant:messageId': f.messageId,
      'slant:severity': f.severity,
      'slant:voice': f.voice,
      'slant:category': f.category,
    };
    if (f.explanation) body['slant:explanation'] = f.explanation;
    return {
      id: `urn:slant:${encodeURIComponent(uri)}:finding:${i + 1}`,
      type: 'Annotation',
      motivation: 'assessing',
      body: [body, { type: 'TextualBody', purpose: 'tagging', value: f.analyzer }],
      target: {
        source: uri,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: source.slice(start, end),
            prefix: source.slice(Math.max(0, start - AFFIX), start),
            suffix: source.slice(end, end + AFFIX),
          },
          { type: 'TextPositionSelector', start, end },
        ],
      },
    };
  };
  const items = report.findings.map(annotation);
  return {
    '@context': W3C_CONTEXT,
    type: 'AnnotationCollection',
    label: `slant findings for ${uri}`,
    total: items.length,
    'slant:offsets': 'utf16',
    'slant:input': report.input.format,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
