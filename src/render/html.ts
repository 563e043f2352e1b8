import type { Report, Severity } from '../report';
import { colourSlot, highlightPieces } from './highlight';

const COLOURS = ['#ffd6d6', '#fff0b3', '#cdeffd', '#ecd9ff', '#d7f5d0', '#dde3ff', '#ffe0c2', '#d9f2ee'];

export interface HtmlOptions {
  title?: string;
  /**
   * Findings below this severity are listed in the table but not highlighted in the article, so that frame cues and
   * tone (info) do not cover the loaded words and unsourced claims. Default: `warning`; `info` highlights all.
   */
  highlight?: Severity;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

/**
 * A self-contained HTML page: the article with highlighted spans, a legend, the findings and the scores. Every piece
 * of text is escaped; the page loads nothing. Browser-safe (no Node APIs), so a CMS can render it too.
 */
export function renderHtml(report: Report, text: string, { title = 'slant report', highlight = 'warning' }: HtmlOptions = {}): string {
  const ids = Object.keys(report.analyzers);
  const e = escapeHtml;
  // indexes into report.findings of the highlighted ones, so the numbers match the findings table
  const marked = report.findings.flatMap((f, i) => (highlight === 'info' || f.severity !== 'info' ? [i] : []));
  let article = '';
  for (const piece of highlightPieces(
    text,
    marked.map((i) => report.findings[i]),
  )) {
    if (piece.kind === 'plain') {
      article += e(piece.text);
      continue;
    }
    const p = { text: piece.text, findings: piece.findings.map((k) => marked[k]) };
    const first = report.findings[p.findings[0]];
    const tip = p.findings.map((i) => `${i + 1}. ${report.findings[i].analyzer}: ${report.findings[i].message}`).join('\n');
    const refs = p.findings.map((i) => `<a href="#f${i + 1}">${i + 1}</a>`).join(',');
    article += `<mark class="a${colourSlot(first.analyzer, ids)}" title="${e(tip)}">${e(p.text)}</mark><sup>${refs}</sup>`;
  }
  const legend = ids.map((id, i) => `<li><span class="swatch a${i}"></span>${e(id)} (${report.analyzers[id].findings})</li>`).join('');
  const findings = report.findings
    .map(
      (f, i) =>
        `<tr id="f${i + 1}"><td>${i + 1}</td><td>${e(f.analyzer)}</td><td>${e(f.category)}</td><td>${e(f.voice)}</td><td>${e(f.span.text)}</td><td>${e(f.message)}${f.suggestions.length ? ` → ${e(f.suggestions.join(' / '))}` : ''}</td></tr>`,
    )
    .join('\n');
  const scores = Object.entries(report.analyzers)
    .map(([id, r]) => `<tr><td>${e(id)}</td><td>${r.score === null ? 'n/a' : r.score.toFixed(2)}</td><td>${e(r.basis)}</td></tr>`)
    .join('\n');
  const sources = report.sources
    .map(
      (s) =>
        `<tr><td>${e(s.name)}${s.role ? `, ${e(s.role)}` : ''}</td><td>${e(s.type)}</td><td>${s.attributions}</td><td>${s.mentions.length}</td></tr>`,
    )
    .join('\n');
  const css = COLOURS.map((c, i) => `.a${i}{background:${c}}`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:16px/1.6 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
article{white-space:pre-wrap;border:1px solid #ddd;padding:1rem;border-radius:6px}
mark{border-radius:3px;padding:0 1px}sup{font-size:.65em;color:#555}sup a{color:inherit}
table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border-bottom:1px solid #eee;padding:.25rem .4rem;text-align:left;vertical-align:top}
.legend{list-style:none;padding:0;display:flex;gap:1rem;flex-wrap:wrap}.swatch{display:inline-block;width:1em;height:1em;margin-right:.3em;vertical-align:middle;border-radius:2px}
${css}
</style></head><body>
<h1>${e(title)}</h1>
<p>${report.stats.words} words, ${report.stats.sentences} sentences, ${report.stats.quotations} quotations. Overall score ${report.score.overall === null ? 'n/a' : report.score.overall.toFixed(2)} (${e(report.score.basis)}). Highlights are signals for a reader to weigh, not verdicts.</p>
<ul class="legend">${legend}</ul>
<article>${article}</article>
<h2>Findings (${report.findings.length})</h2>
${marked.length < report.findings.length ? `<p>${report.findings.length - marked.length} info findings (frame cues, tone, hedges) are listed here but not highlighted above.</p>` : ''}
<table><thead><tr><th>#</th><th>analyzer</th><th>category</th><th>voice</th><th>text</th><th>message</th></tr></thead><tbody>
${findings}
</tbody></table>
${report.sources.length ? `<h2>Sources</h2><table><thead><tr><th>source</th><th>type</th><th>attributions</th><th>mentions</th></tr></thead><tbody>\n${sources}\n</tbody></table>` : ''}
<h2>Scores</h2>
<table><thead><tr><th>analyzer</th><th>score</th><th>basis</th></tr></thead><tbody>
${scores}
</tbody></table>
</body></html>
`;
}
