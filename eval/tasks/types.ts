import type { Report } from '../../src/report';
import type { GoldDoc, PredLine, ScoreResult, Task } from '../score';

/** One evaluation: a corpus, how a report becomes predictions, and which numbers to show and floor. */
export interface EvalTask {
  /** Unique, stable id used in eval/floors.json, e.g. "ptc/loaded". */
  id: string;
  /** The analyzer this task measures (for grouping in the README table). */
  analyzer: string;
  /** Folder under the data directory, e.g. "ptc_semeval2020". */
  corpus: string;
  /** Reference-scorer task and its options. */
  score: { task: Task; goldLabels?: string[]; predLabel?: string; goldKey?: string; goldPos?: string; goldExclude?: string[] };
  /** The numbers to report, by name (e.g. "span_f1"), read from the scorer's result. */
  metrics: Record<string, (r: ScoreResult) => number | null>;
  /** Runs once before the first `predict`, with every gold document of the corpus (e.g. to cross-validate a model). */
  prepare?(gold: GoldDoc[]): void;
  /** Turns slant's report on a gold document into a prediction line (without id). */
  predict(report: Report, doc: GoldDoc): Omit<PredLine, 'id'>;
  /** What a peer or baseline scores on the same split, for the README table (metric name -> value). */
  peers?: Record<string, Record<string, number>>;
}
