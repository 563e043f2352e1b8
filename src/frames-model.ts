import { z } from 'zod';
import { defineResource, finite, type ResourceCompiler } from './resource';

/**
 * The article-level frames model (`models/frames.json`, trained by eval/research/frames-train.mjs): one logistic
 * regression per frame over frame-cue rates and a bag of lemmas. Feature extraction is documented in
 * lexicons/en/frames.md; {@link compileFramesModel} validates a model and lays its weights out in typed arrays.
 */
export const FramesModelSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  description: z.string().optional(),
  license: z.string().optional(),
  trainedOn: z.string().optional(),
  features: z.unknown().optional(),
  labels: z.array(z.string().min(1)).min(1),
  vocabulary: z.array(z.string().min(1)),
  frames: z.record(
    z.string(),
    z.strictObject({
      bias: finite,
      threshold: finite,
      cues: z.array(finite),
      lemmas: z.array(finite),
    }),
  ),
  metrics: z.unknown().optional(),
  config: z.unknown().optional(),
});

/** A frames model as stored in JSON. */
export type FramesModelInput = z.input<typeof FramesModelSchema>;

/** A validated model with its weights in typed arrays, ready to score documents. */
export interface CompiledFramesModel {
  readonly id: string;
  readonly labels: readonly string[];
  /** Frame index by label. */
  readonly labelIndex: ReadonlyMap<string, number>;
  readonly bias: Float64Array;
  readonly threshold: Float64Array;
  /** cueWeights[g * F + f]: weight of cue feature g (frame g's cue rate) in frame f's logit. */
  readonly cueWeights: Float64Array;
  /** Vocabulary index by lemma. */
  readonly lemmaIndex: ReadonlyMap<string, number>;
  /** lemmaWeights[j * F + f]: weight of vocabulary lemma j in frame f's logit (one row per lemma). */
  readonly lemmaWeights: Float32Array;
}

/**
 * Validates a frames model (structure with zod, then shapes: one entry per label, `cues` as long as `labels`,
 * `lemmas` as long as `vocabulary`) and compiles it, once per input object (src/resource.ts). Throws a
 * `LexiconError` naming every problem.
 */
export const compileFramesModel: ResourceCompiler<CompiledFramesModel> = defineResource({
  kind: 'frames model',
  schema: FramesModelSchema,
  compile(m, problems) {
    const F = m.labels.length;
    const V = m.vocabulary.length;
    if (new Set(m.labels).size !== F) problems.push('labels: a label is listed twice');
    if (new Set(m.vocabulary).size !== V) problems.push('vocabulary: a lemma is listed twice');
    for (const label of m.labels) {
      const f = m.frames[label];
      if (!f) {
        problems.push(`frames: no weights for label "${label}"`);
        continue;
      }
      if (f.cues.length !== F) problems.push(`frames.${label}.cues: ${f.cues.length} weights for ${F} labels`);
      if (f.lemmas.length !== V) problems.push(`frames.${label}.lemmas: ${f.lemmas.length} weights for ${V} vocabulary lemmas`);
    }
    for (const key of Object.keys(m.frames)) if (!m.labels.includes(key)) problems.push(`frames.${key}: not one of the labels`);
    if (problems.length) return undefined;
    const bias = new Float64Array(F);
    const threshold = new Float64Array(F);
    const cueWeights = new Float64Array(F * F);
    // single precision halves the memory read per document; the weights carry 3 significant digits
    const lemmaWeights = new Float32Array(V * F);
    m.labels.forEach((label, f) => {
      const w = m.frames[label];
      bias[f] = w.bias;
      threshold[f] = w.threshold;
      for (let g = 0; g < F; g++) cueWeights[g * F + f] = w.cues[g];
      for (let j = 0; j < V; j++) lemmaWeights[j * F + f] = w.lemmas[j];
    });
    return {
      id: m.id,
      labels: m.labels,
      labelIndex: new Map(m.labels.map((l, f) => [l, f])),
      bias,
      threshold,
      cueWeights,
      lemmaIndex: new Map(m.vocabulary.map((v, j) => [v, j])),
      lemmaWeights,
    };
  },
});
