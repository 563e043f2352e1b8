/**
 * Corpus summaries: per group, article count, errors by code, mean / median / p90 of every score and metric,
 * source-type shares and the most frequent finding terms per analyzer. Browser-safe, memory bounded.
 */
import type { Digest } from './digest';

/** Values kept exactly per statistic before switching to the log-bucket sketch. */
const EXACT_LIMIT = 1000;
/** Relative accuracy of the sketch: quantiles are within 0.5% of a value in the data. */
const ALPHA = 0.005;
const GAMMA = (1 + ALPHA) / (1 - ALPHA);
const LOG_GAMMA = Math.log(GAMMA);
/** Distinct terms kept per analyzer and group; when over, the rarer half is dropped (top terms stay right). */
const TERMS_LIMIT = 5000;

/**
 * Count, mean and quantiles of a stream of numbers in bounded memory: exact (sorted values, linear interpolation
 * between ranks, as numpy's default) up to 1,000 values, then a DDSketch-style log-bucket histogram whose quantiles
 * are within 0.5% (relative) of the exact ones. The mean is always exact.
 */
export class Quantiles {
  count = 0;
  private sum = 0;
  private exact: number[] | undefined = [];
  private positive = new Map<number, number>();
  private negative = new Map<number, number>();
  private zeros = 0;
  private min = Infinity;
  private max = -Infinity;

  add(x: number): void {
    if (!Number.isFinite(x)) return;
    this.count++;
    this.sum += x;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    if (this.exact) {
      this.exact.push(x);
      if (this.exact.length > EXACT_LIMIT) {
        for (const v of this.exact) this.bucket(v);
        this.exact = undefined;
      }
    } else {
      this.bucket(x);
    }
  }

  private bucket(x: number): void {
    if (Math.abs(x) < 1e-12) {
      this.zeros++;
      return;
    }
    const store = x > 0 ? this.positive : this.negative;
    const k = Math.ceil(Math.log(Math.abs(x)) / LOG_GAMMA);
    store.set(k, (store.get(k) ?? 0) + 1);
  }

  get mean(): number | null {
    return this.count ? this.sum / this.count : null;
  }

  /** The q-quantile (0 ≤ q ≤ 1); null with no values. */
  quantile(q: number): number | null {
    if (!this.count) return null;
    if (this.exact) {
      const sorted = [...this.exact].sort((a, b) => a - b);
      const h = (sorted.length - 1) * q;
      const lo = Math.floor(h);
      const hi = Math.min(lo + 1, sorted.length - 1);
      return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
    const rank = q * (this.count - 1);
    let seen = 0;
    const value = (k: number, sign: number): number => (sign * 2 * GAMMA ** k) / (GAMMA + 1);
    const neg = [...this.negative.entries()].sort((a, b) => b[0] - a[0]);
    for (const [k, n] of neg) {
      seen += n;
      if (seen > rank) return this.clamp(value(k, -1));
    }
    seen += this.zeros;
    if (seen > rank) return 0;
    const pos = [...this.positive.entries()].sort((a, b) => a[0] - b[0]);
    for (const [k, n] of pos) {
      seen += n;
      if (seen > rank) return this.clamp(value(k, 1));
    }
    return this.max;
  }

  private clamp(x: number): number {
    return Math.min(this.max, Math.max(this.min, x));
  }

  toJSON(): StatSummary {
    return { n: this.count, mean: this.mean, median: this.quantile(0.5), p90: this.quantile(0.9) };
  }
}

export interface StatSummary {
  n: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

export interface GroupSummary {
  /** Articles (input lines) in the group, analysed or not. */
  articles: number;
  analysed: number;
  errors: { total: number; byCode: Record<string, number> };
  /** `overall` and each analyzer id. */
  scores: Record<string, StatSummary>;
  /** `<analyzer-id>.<metric>` and `stats.<field>`. */
  metrics: Record<string, StatSummary>;
  /** Share of all sources found in the group's articles, by source type. */
  sourceTypes: { sources: number; shares: Record<string, number> };
  /** Most frequent finding terms per analyzer (lexicon term, else rule / entry / message id). */
  topTerms: Record<string, Array<{ term: string; count: number }>>;
}

export interface CorpusSummary {
  groupBy: string | null;
  all: GroupSummary;
  groups: Record<string, GroupSummary>;
}

class GroupAccumulator {
  articles = 0;
  analysed = 0;
  errors = new Map<string, number>();
  scores = new Map<string, Quantiles>();
  metrics = new Map<string, Quantiles>();
  sourceTypes = new Map<string, number>();
  sources = 0;
  terms = new Map<string, Map<string, number>>();

  add(d: Digest): void {
    this.articles++;
    if (d.error) {
      this.errors.set(d.error, (this.errors.get(d.error) ?? 0) + 1);
      return;
    }
    this.analysed++;
    for (const [k, v] of Object.entries(d.scores ?? {})) {
      let q = this.scores.get(k);
      if (!q) this.scores.set(k, (q = new Quantiles()));
      if (v !== null) q.add(v);
    }
    for (const [k, v] of Object.entries(d.metrics ?? {})) {
      let q = this.metrics.get(k);
      if (!q) this.metrics.set(k, (q = new Quantiles()));
      q.add(v);
    }
    for (const [type, n] of Object.entries(d.sourceTypes ?? {})) {
      this.sourceTypes.set(type, (this.sourceTypes.get(type) ?? 0) + n);
      this.sources += n;
    }
    for (const [analyzer, byTerm] of Object.entries(d.terms ?? {})) {
      let counts = this.terms.get(analyzer);
      if (!counts) this.terms.set(analyzer, (counts = new Map()));
      for (const [term, n] of Object.entries(byTerm)) counts.set(term, (counts.get(term) ?? 0) + n);
      if (counts.size > TERMS_LIMIT) {
        const kept = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, TERMS_LIMIT / 2);
        this.terms.set(analyzer, new Map(kept));
      }
    }
  }

  toJSON(top: number): GroupSummary {
    const stats = (m: Map<string, Quantiles>): Record<string, StatSummary> =>
      Object.fromEntries(
        [...m.entries()]
          .sort(([a], [b]) => (a === 'overall' ? -1 : b === 'overall' ? 1 : a.localeCompare(b)))
          .map(([k, q]) => [k, q.toJSON()]),
      );
    const shares: Record<string, number> = {};
    for (const [type, n] of [...this.sourceTypes.entries()].sort()) shares[type] = this.sources ? n / this.sources : 0;
    const topTerms: GroupSummary['topTerms'] = {};
    for (const [analyzer, counts] of [...this.terms.entries()].sort()) {
      topTerms[analyzer] = [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, top)
        .map(([term, count]) => ({ term, count }));
    }
    let total = 0;
    for (const n of this.errors.values()) total += n;
    return {
      articles: this.articles,
      analysed: this.analysed,
      errors: { total, byCode: Object.fromEntries([...this.errors.entries()].sort()) },
      scores: stats(this.scores),
      metrics: stats(this.metrics),
      sourceTypes: { sources: this.sources, shares },
      topTerms,
    };
  }
}

/** Accumulates digests into a corpus summary, overall and per group. */
export class SummaryBuilder {
  private readonly all = new GroupAccumulator();
  private readonly groups = new Map<string, GroupAccumulator>();

  constructor(
    readonly groupBy: string | null = null,
    private readonly top = 20,
  ) {}

  add(d: Digest): void {
    this.all.add(d);
    if (this.groupBy === null) return;
    const key = d.group ?? '(none)';
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = new GroupAccumulator()));
    g.add(d);
  }

  toJSON(): CorpusSummary {
    const groups: Record<string, GroupSummary> = {};
    for (const key of [...this.groups.keys()].sort()) groups[key] = this.groups.get(key)!.toJSON(this.top);
    return { groupBy: this.groupBy, all: this.all.toJSON(this.top), groups };
  }
}

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : typeof v === 'number' ? String(Number(v.toPrecision(6))) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The summary as CSV: one row for all articles (group "(all)") then one per group; columns for counts, each score
 * and metric (mean, median, p90), source-type shares and top terms ("term (count); ...", 10 per analyzer).
 */
export function summaryToCsv(summary: CorpusSummary): string {
  const rows: Array<[string, GroupSummary]> = [['(all)', summary.all], ...Object.entries(summary.groups)];
  const union = (pick: (g: GroupSummary) => Record<string, unknown>): string[] => {
    const keys = new Set<string>();
    for (const [, g] of rows) for (const k of Object.keys(pick(g))) keys.add(k);
    return [...keys];
  };
  const scoreKeys = union((g) => g.scores);
  const metricKeys = union((g) => g.metrics).sort();
  const typeKeys = union((g) => g.sourceTypes.shares).sort();
  const termKeys = union((g) => g.topTerms).sort();
  const codes = union((g) => g.errors.byCode).sort();
  const header = ['group', 'articles', 'analysed', 'errors', ...codes.map((c) => `errors.${c}`)];
  for (const k of scoreKeys) header.push(`score.${k}.mean`, `score.${k}.median`, `score.${k}.p90`);
  for (const k of metricKeys) header.push(`${k}.mean`, `${k}.median`, `${k}.p90`);
  header.push('sources', ...typeKeys.map((t) => `sources.${t}.share`), ...termKeys.map((a) => `top.${a}`));
  const lines = [header.map(csvCell).join(',')];
  for (const [name, g] of rows) {
    const cells: unknown[] = [name, g.articles, g.analysed, g.errors.total, ...codes.map((c) => g.errors.byCode[c] ?? 0)];
    for (const k of scoreKeys) cells.push(g.scores[k]?.mean, g.scores[k]?.median, g.scores[k]?.p90);
    for (const k of metricKeys) cells.push(g.metrics[k]?.mean, g.metrics[k]?.median, g.metrics[k]?.p90);
    cells.push(g.sourceTypes.sources, ...typeKeys.map((t) => g.sourceTypes.shares[t] ?? 0));
    for (const a of termKeys)
      cells.push(
        (g.topTerms[a] ?? [])
          .slice(0, 10)
          .map((t) => `${t.term} (${t.count})`)
          .join('; '),
      );
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}
