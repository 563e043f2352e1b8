/**
 * Candidate builder for attribution nouns ("his claim that", "criticism of", "a statement by X").
 */
import { base, type Candidate, type Ctx, type CuePrior } from '../candidate';
import { npLeft, npRight } from '../chunker';
import { contentRight, nextKindOf } from '../content';
import { feat } from '../features';
import { isPossessiveMarker, isPossessivePronoun } from '../tokens';

/** Prepositions that join an attribution noun to its content: "criticism of", "support for". */
const NOUN_CUE_PREPOSITIONS = new Set(['of', 'about', 'over', 'on', 'for', 'against', 'with', 'to', 'toward', 'towards']);

export function noun(ctx: Ctx, k: number, lo: number, hi: number, p: CuePrior): Candidate | undefined {
  const { tokens } = ctx;
  const t = tokens[k];
  const c = base(k, t.lemma, p.cls === 'noun' ? 'noun' : p.cls, 'noun', p.prior);
  const f = c.features;
  f.push('noun');
  // source: possessive before ("his claim", "Trump's criticism"), or "by/from X" after
  let j = k - 1;
  while (j >= lo && tokens[j].pos === 'ADJ') j--;
  if (j >= lo && isPossessivePronoun(tokens[j])) {
    c.source = { first: j, last: j };
    c.sourceSide = 'possessive';
  } else if (j >= lo && isPossessiveMarker(tokens[j])) {
    const f0 = npLeft(tokens, j - 1, lo);
    if (f0 >= 0) {
      c.source = { first: f0, last: j - 1 };
      c.sourceSide = 'possessive';
    }
  }
  let r = k + 1;
  const nx = tokens[r];
  if (!c.source && nx && r <= hi && (nx.normal === 'by' || nx.normal === 'from') && r + 1 <= hi) {
    const l = npRight(tokens, r + 1, hi);
    if (l >= 0) {
      c.source = { first: r + 1, last: l };
      c.sourceSide = 'by';
      r = l + 1;
    }
  }
  f.push(feat('side-', c.sourceSide));
  const nk = r > hi ? 'end' : nextKindOf(ctx, r);
  f.push(feat('next-', nk));
  if (nk === 'that' || nk === 'to') {
    contentRight(ctx, c, r, hi);
  } else if (nk === 'adp' && NOUN_CUE_PREPOSITIONS.has(tokens[r].normal)) {
    c.last = r; // "criticism of", "support for": the preposition belongs to the cue
    f.push(feat('noun-prep-', tokens[r].normal));
    const l = npRight(tokens, r + 1, hi);
    if (l >= 0) c.content.push({ first: r + 1, last: l });
  } else if (nk === 'colon' || nk === 'quote') {
    contentRight(ctx, c, r, hi);
  }
  if (!c.content.length) f.push('no-content');
  return c;
}
