/**
 * `slant/testing`: table-driven tests for analyzers, in the manner of ESLint's RuleTester. Expected spans are
 * marked inline: `Critics [[slammed]] the bill.`
 */
import { use, type Analyzer } from '../analyzer';
import type { Voice } from '../document';
import type { LexiconInput } from '../lexicon/schema';
import { createPipeline, type Pipeline } from '../pipeline';
import { ReportSchema, type Finding, type Report } from '../report';

export interface CleanCase {
  text: string;
  /** Why this text must stay clean; say it for every non-obvious case. */
  why?: string;
  options?: Record<string, unknown>;
}

export interface FlaggedCase {
  /** Text with every expected finding's span marked as [[span]]. */
  text: string;
  /**
   * Expected message id of every marked finding (or one per mark, in order). Required, as in ESLint's RuleTester: a
   * flagged case without one throws.
   */
  messageId: string | string[];
  voice?: Voice | Voice[];
  category?: string | string[];
  options?: Record<string, unknown>;
  /** When false, findings beyond the marked ones are allowed (default true: exactly the marked spans). */
  exact?: boolean;
  why?: string;
}

export interface TesterCases {
  clean?: Array<string | CleanCase>;
  flagged?: FlaggedCase[];
}

export interface TesterConfig {
  /** Extra lexicons (e.g. a small test lexicon replacing a built-in by id). */
  lexicons?: LexiconInput[];
}

/** Removes [[ ]] marks and returns the plain text with the marked spans' offsets. */
export function parseMarks(marked: string): { text: string; spans: Array<{ start: number; end: number; text: string }> } {
  const spans: Array<{ start: number; end: number; text: string }> = [];
  let text = '';
  let i = 0;
  let open = -1;
  while (i < marked.length) {
    if (marked.startsWith('[[', i) && open < 0) {
      open = text.length;
      i += 2;
    } else if (marked.startsWith(']]', i) && open >= 0) {
      spans.push({ start: open, end: text.length, text: text.slice(open) });
      open = -1;
      i += 2;
    } else {
      text += marked[i];
      i++;
    }
  }
  if (open >= 0) throw new Error(`unclosed [[ in test text: ${marked}`);
  return { text, spans };
}

type TestFn = (name: string, fn: () => void) => void;
interface TestGlobals {
  describe?: (name: string, fn: () => void) => void;
  it?: TestFn;
}

const pick = <T>(v: T | T[] | undefined, i: number): T | undefined => (Array.isArray(v) ? v[i] : v);
const show = (f: Finding): string => `${f.messageId} [${f.span.start},${f.span.end}) "${f.span.text}" (${f.voice})`;

/** Checks the invariants every report must hold, whatever the analyzer. */
export function assertReportInvariants(report: Report, text: string): void {
  const parsed = ReportSchema.safeParse(report);
  if (!parsed.success) throw new Error(`report does not match ReportSchema: ${parsed.error.message}`);
  const spans = [
    ...report.findings.map((f) => f.span),
    ...report.quotations.flatMap((q) => [q.span, q.content, ...q.segments]),
    ...report.attributions.flatMap((a) => [a.cue, a.source, a.content].filter((s) => s !== undefined)),
    ...report.sources.flatMap((s) => s.mentions),
    ...report.sentences.map((s) => s.span),
  ];
  for (const s of spans) {
    if (!s) continue;
    if (s.start < 0 || s.end > text.length || s.start > s.end || text.slice(s.start, s.end) !== s.text) {
      throw new Error(`span [${s.start},${s.end}) "${s.text}" does not equal the text's slice "${text.slice(s.start, s.end)}"`);
    }
  }
}

/** A flagged case must name the message id of every marked span, and only ids the analyzer declares. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function checkMessageIds(analyzer: Analyzer<string, any>, c: FlaggedCase, marks: number): void {
  const declared = Object.keys(analyzer.meta.messages);
  const ids = Array.isArray(c.messageId) ? c.messageId : [c.messageId];
  if (c.messageId === undefined || ids.length === 0 || ids.some((id) => typeof id !== 'string' || id === '')) {
    throw new Error(
      `flagged case "${c.text}" has no messageId: every flagged case must name the message id of its findings ` +
        `(one of ${declared.map((id) => `"${id}"`).join(', ')}), or one per [[mark]] as an array`,
    );
  }
  if (Array.isArray(c.messageId) && c.messageId.length !== marks) {
    throw new Error(`flagged case "${c.text}" has ${marks} [[marks]] but ${c.messageId.length} message ids; give one, or one per mark`);
  }
  const unknown = ids.filter((id) => !declared.includes(id));
  if (unknown.length) {
    throw new Error(
      `flagged case "${c.text}": analyzer "${analyzer.meta.id}" declares no message ${unknown.map((id) => `"${id}"`).join(', ')} ` +
        `(it declares ${declared.map((id) => `"${id}"`).join(', ')})`,
    );
  }
}

export class AnalyzerTester {
  private readonly config: TesterConfig;
  private readonly pipelines = new Map<string, Pipeline>();

  constructor(config: TesterConfig = {}) {
    this.config = config;
  }

  /**
   * Registers one test per case with the test framework's global `describe`/`it` (jest, mocha, vitest with
   * globals), or runs them at once and throws on the first failure when there is none.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run(name: string, analyzer: Analyzer<string, any>, cases: TesterCases): void {
    const g = globalThis as TestGlobals;
    const tests: Array<[string, () => void]> = [];
    for (const c of cases.clean ?? []) {
      const cc = typeof c === 'string' ? { text: c } : c;
      tests.push([`clean: ${cc.text}${cc.why ? ` (${cc.why})` : ''}`, () => this.checkClean(analyzer, cc)]);
    }
    for (const c of cases.flagged ?? []) tests.push([`flagged: ${c.text}`, () => this.checkFlagged(analyzer, c)]);
    if (g.describe && g.it) {
      const it = g.it;
      g.describe(name, () => {
        for (const [title, fn] of tests) it(title, fn);
      });
    } else {
      for (const [, fn] of tests) fn();
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private analyze(analyzer: Analyzer<string, any>, text: string, options?: Record<string, unknown>): Report {
    const key = `${analyzer.meta.id}:${JSON.stringify(options ?? {})}`;
    let pipeline = this.pipelines.get(key);
    if (!pipeline) {
      pipeline = createPipeline({ analyzers: [use(analyzer, { options })], lexicons: this.config.lexicons });
      this.pipelines.set(key, pipeline);
    }
    const report = pipeline.analyze(text);
    assertReportInvariants(report, text);
    const result = report.analyzers[analyzer.meta.id];
    if (result?.status === 'failed') throw new Error(`analyzer "${analyzer.meta.id}" failed: ${result.error?.message}`);
    return report;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private checkClean(analyzer: Analyzer<string, any>, c: CleanCase): void {
    const report = this.analyze(analyzer, c.text, c.options);
    const own = report.findings.filter((f) => f.analyzer === analyzer.meta.id);
    if (own.length) throw new Error(`expected no findings in "${c.text}", got:\n  ${own.map(show).join('\n  ')}`);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private checkFlagged(analyzer: Analyzer<string, any>, c: FlaggedCase): void {
    const { text, spans } = parseMarks(c.text);
    if (!spans.length) throw new Error(`flagged case has no [[marks]]: ${c.text}`);
    checkMessageIds(analyzer, c, spans.length);
    const report = this.analyze(analyzer, text, c.options);
    const own = report.findings.filter((f) => f.analyzer === analyzer.meta.id);
    const used = new Set<Finding>();
    spans.forEach((s, i) => {
      const f = own.find((x) => !used.has(x) && x.span.start === s.start && x.span.end === s.end);
      if (!f)
        throw new Error(
          `expected a finding at [${s.start},${s.end}) "${s.text}" in "${text}", got:\n  ${own.map(show).join('\n  ') || '(none)'}`,
        );
      used.add(f);
      const messageId = pick(c.messageId, i);
      if (f.messageId !== messageId) throw new Error(`"${s.text}": expected messageId ${messageId}, got ${f.messageId}`);
      const voice = pick(c.voice, i);
      if (voice && f.voice !== voice) throw new Error(`"${s.text}": expected voice ${voice}, got ${f.voice}`);
      const category = pick(c.category, i);
      if (category && f.category !== category) throw new Error(`"${s.text}": expected category ${category}, got ${f.category}`);
    });
    if (c.exact !== false) {
      const extra = own.filter((f) => !used.has(f));
      if (extra.length) throw new Error(`unexpected findings in "${text}":\n  ${extra.map(show).join('\n  ')}`);
    }
  }
}
