import type { Report, Severity } from '../report';
import { colourSlot, highlightPieces } from '../render/highlight';
import { lineIndex } from './lines';

const ANSI = ['\x1b[31m', '\x1b[33m', '\x1b[36m', '\x1b[35m', '\x1b[32m', '\x1b[34m'];
const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';
const UNDERLINE = '\x1b[4m';

const fmt = (x: number | null): string => (x === null ? ' n/a' : x.toFixed(2));
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));

export interface TextFormatOptions {
  colour: boolean;
  /**
   * Findings below this severity are counted but not listed. Info findings (every frame cue, tone and hedge) can
   * outnumber the rest several times over and bury them on a terminal; JSON and HTML always carry all of them.
   */
  minSeverity: Severity;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1 };

/**
 * The article with the shown findings highlighted (underlined in colour on a terminal, [brackets] otherwise) and
 * numbered, then those findings, a count of the hidden ones, the sources, and the scores with their basis.
 */
export function formatText(report: Report, text: string, { colour, minSeverity }: TextFormatOptions): string {
  const ids = Object.keys(report.analyzers);
  const shown = report.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[minSeverity]);
  const c = (code: string, s: string): string => (colour ? `${code}${s}${RESET}` : s);
  const out: string[] = [];
  const st = report.stats;
  out.push(
    c(BOLD, `slant report`) +
      ` — ${st.characters} characters, ${st.words} words, ${st.sentences} sentences, ${st.paragraphs} paragraphs, ${st.quotations} quotations`,
  );
  for (const w of report.warnings ?? []) out.push(c('\x1b[33m', `warning: ${w.message}`));
  out.push('');

  let body = '';
  for (const p of highlightPieces(text, shown)) {
    if (p.kind === 'plain') {
      body += p.text;
      continue;
    }
    const notes = p.findings.map((i) => i + 1).join(',');
    const slot = colourSlot(shown[p.findings[0]].analyzer, ids);
    body += colour ? `${UNDERLINE}${ANSI[slot % ANSI.length]}${p.text}${RESET}${DIM}[${notes}]${RESET}` : `[${p.text}][${notes}]`;
  }
  out.push(body.trimEnd());
  out.push('');

  const hidden = report.findings.length - shown.length;
  out.push(c(BOLD, hidden ? `Findings (${shown.length} of ${report.findings.length})` : `Findings (${shown.length})`));
  if (hidden) out.push(c(DIM, `  ${hiddenSummary(report, shown, minSeverity)}`));
  if (!shown.length) out.push('  none');
  const lineColumn = lineIndex(text);
  shown.forEach((f, i) => {
    const { line, column } = lineColumn(f.span.start);
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
  const confidence = report.score.confidence;
  out.push(
    c(BOLD, 'Scores') + c(DIM, ` (0 = no signal, 1 = strongest${confidence !== undefined ? `; confidence ${confidence.toFixed(2)}` : ''})`),
  );
  // Which scores the overall averages, and why the others are shown but not averaged.
  const entries = Object.entries(report.analyzers);
  const counted = entries.filter(([, r]) => r.weight > 0);
  const descriptive = entries.filter(([, r]) => r.weight <= 0);
  const line = ([id, r]: (typeof entries)[number]): string => {
    const status = r.status === 'failed' ? c('\x1b[31m', ' FAILED') : '';
    return `  ${pad(id, 26)}${fmt(r.score)}${status}  ${r.basis}`;
  };
  if (counted.length) {
    out.push(c(DIM, `  Counted in overall (weight above 0): how the article sources and words its own claims.`));
    counted.forEach((e) => out.push(line(e)));
  }
  if (descriptive.length) {
    out.push(c(DIM, `  Descriptive, not in overall (weight 0): they describe the subject and style (frames, tone, certainty, passives),`));
    out.push(c(DIM, `  which change with the topic as much as with the reporting; shown for context, not averaged.`));
    descriptive.forEach((e) => out.push(line(e)));
  }
  out.push(`  ${pad('overall', 26)}${fmt(report.score.overall)}  ${report.score.basis}`);
  return out.join('\n') + '\n';
}

/** "63 info findings not listed (framing 50, tone 9, certainty 4); --min-severity info lists them" */
function hiddenSummary(report: Report, shown: Report['findings'], minSeverity: Severity): string {
  const listed = new Set(shown);
  const byAnalyzer = new Map<string, number>();
  for (const f of report.findings) if (!listed.has(f)) byAnalyzer.set(f.analyzer, (byAnalyzer.get(f.analyzer) ?? 0) + 1);
  const parts = [...byAnalyzer].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${n}`);
  const below = Object.keys(SEVERITY_RANK).filter((s) => SEVERITY_RANK[s as Severity] < SEVERITY_RANK[minSeverity]);
  const total = report.findings.length - shown.length;
  return `${total} ${below.join('/')} finding${total === 1 ? '' : 's'} not listed (${parts.join(', ')}); --min-severity ${below[0]} lists them`;
}

const oneLine = (s: string): string => s.replace(/\s+/gu, ' ');
const truncate = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + '…' : s);
