import type { Report } from '../report';
import { colourSlot, highlightPieces, lineColumn } from '../render/highlight';

const ANSI = ['\x1b[31m', '\x1b[33m', '\x1b[36m', '\x1b[35m', '\x1b[32m', '\x1b[34m'];
const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';
const UNDERLINE = '\x1b[4m';

const fmt = (x: number | null): string => (x === null ? ' n/a' : x.toFixed(2));
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/**
 * The article with every finding highlighted (underlined in colour on a terminal, [brackets] otherwise) and
 * numbered, then the findings, the sources, and the scores with their basis.
 */
export function formatText(report: Report, text: string, colour: boolean): string {
  const ids = Object.keys(report.analyzers);
  const c = (code: string, s: string): string => (colour ? `${code}${s}${RESET}` : s);
  const out: string[] = [];
  const st = report.stats;
  out.push(c(BOLD, `slant report`) + ` — ${st.characters} characters, ${st.words} words, ${st.sentences} sentences, ${st.paragraphs} paragraphs, ${st.quotations} quotations`);
  out.push('');

  let body = '';
  for (const p of highlightPieces(text, report.findings)) {
    if (p.kind === 'plain') {
      body += p.text;
      continue;
    }
    const notes = p.findings.map((i) => i + 1).join(',');
    const slot = colourSlot(report.findings[p.findings[0]].analyzer, ids);
    body += colour ? `${UNDERLINE}${ANSI[slot % ANSI.length]}${p.text}${RESET}${DIM}[${notes}]${RESET}` : `[${p.text}][${notes}]`;
  }
  out.push(body.trimEnd());
  out.push('');

  out.push(c(BOLD, `Findings (${report.findings.length})`));
  if (!report.findings.length) out.push('  none');
  report.findings.forEach((f, i) => {
    const { line, column } = lineColumn(text, f.span.start);
    const slot = colourSlot(f.analyzer, ids);
    const where = pad(`${line}:${column}`, 7);
    const head = `${pad(String(i + 1), 4)}${where}${c(ANSI[slot % ANSI.length], pad(f.analyzer, 24))}${pad(f.voice, 7)}`;
    const alt = f.suggestions.length ? ` → ${f.suggestions.join(' / ')}` : '';
    out.push(`  ${head}"${oneLine(f.span.text)}" — ${f.message}${alt}`);
  });

  if (report.sources.length) {
    out.push('');
    out.push(c(BOLD, `Sources (${report.sources.length})`));
    out.push(`  ${pad('name', 42)}${pad('type', 20)}${pad('attributions', 14)}mentions`);
    for (const s of report.sources) {
      const name = s.role ? `${s.name}, ${s.role}` : s.name;
      out.push(`  ${pad(truncate(oneLine(name), 40), 42)}${pad(s.type, 20)}${pad(String(s.attributions), 14)}${s.mentions.length}`);
    }
  }

  out.push('');
  out.push(c(BOLD, 'Scores') + c(DIM, ' (0 = no signal, 1 = strongest)'));
  for (const [id, r] of Object.entries(report.analyzers)) {
    const status = r.status === 'failed' ? c('\x1b[31m', ' FAILED') : '';
    out.push(`  ${pad(id, 26)}${fmt(r.score)}${status}  ${r.basis}`);
  }
  out.push(`  ${pad('overall', 26)}${fmt(report.score.overall)}  ${report.score.basis}`);
  return out.join('\n') + '\n';
}

const oneLine = (s: string): string => s.replace(/\s+/gu, ' ');
const truncate = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + '…' : s);
