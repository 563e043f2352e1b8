/**
 * Groups of features, chosen or pruned as a whole by cross-validation by document (eval/attribution/cv.ts
 * --ablate): a model lists the groups it uses (`groups` in models/attribution-cue-model.json).
 * - `class`, `form`, `lemma`: the cue's class, form and word (identity biases);
 * - `context`: the named context features of the candidate builders (source side, passive, nesting, …);
 * - `class-cross`, `lemma-cross`, `nested-cross`: each context feature crossed with the cue class, the cue word, or
 *   the nesting level;
 * - `window-words`, `window-tags`: the two words before and after the cue, and their tags;
 * - `head-form`: the cue word as written; `source-shape`: the source's head word and length;
 * - `content-shape`: the content's length and whether it holds a clause, the source's kind (content-shape.ts).
 */
export const FEATURE_GROUPS = [
  'class',
  'form',
  'lemma',
  'context',
  'class-cross',
  'lemma-cross',
  'nested-cross',
  'window-words',
  'window-tags',
  'head-form',
  'source-shape',
  'content-shape',
] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];
export const G = Object.fromEntries(FEATURE_GROUPS.map((g, i) => [g, 1 << i])) as Record<FeatureGroup, number>;
/** Every group. */
export const ALL_GROUPS = (1 << FEATURE_GROUPS.length) - 1;

/** The bit mask of a list of group names (unknown names throw). */
export function groupMask(names: readonly string[]): number {
  let m = 0;
  for (const n of names) {
    const bit = G[n as FeatureGroup];
    if (bit === undefined) throw new Error(`unknown cue feature group "${n}" (known: ${FEATURE_GROUPS.join(', ')})`);
    m |= bit;
  }
  return m;
}
