// Types for the parts of frames-train.mjs that eval/tasks/framing.ts uses.
export interface FrameDoc {
  id: string;
  /** 1 when the article has the frame (labels order). */
  y: number[];
  W: number;
  /** Lower-cased lemma -> number of word tokens with it. */
  lemmas: Map<string, number>;
  /** log1p(100 * cue weight sum / W) per frame (labels order). */
  cue: number[];
}
export interface FittedModel {
  labels: string[];
  vocab: string[];
}
export interface TrainConfig {
  seed: number;
  folds: number;
  [key: string]: unknown;
}
export const CFG: TrainConfig;
export function nestedFoldModels(
  docs: FrameDoc[],
  labels: string[],
  cfg: TrainConfig,
  seed: number,
): Array<{ test: number[]; model: FittedModel; thr: number[] }>;
export function modelJson(model: FittedModel, thr: number[], extra?: Record<string, unknown>): Record<string, unknown>;
