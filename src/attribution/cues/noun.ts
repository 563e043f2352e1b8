/**
 * Candidate builder for attribution nouns ("his claim that", "criticism of", "a statement by X").
 */
import { base, type Candidate, type Ctx, type CuePrior } from '../candidate';
import { npLeft, npRight } from '../chunker';
import { contentRight, nextKindOf } from '../content';
import { feat } from '../features';
import { isPossessiveMarker, isPossessivePronoun } from '../tokens';
import type { Token } from '../../document';
import { isBe } from '../grammar';
import { AGENT_LIGHT_VERBS } from '../lexicon';
import { subjectOfVerb } from '../source-span';

/** Prepositions that join an attribution noun to its content: "criticism of", "support for". */
const NOUN_CUE_PREPOSITIONS = new Set(['of', 'about', 'over', 'on', 'for', 'against', 'with', 'to', 'toward', 'towards']);

/** A word between a possessive and its noun: an adjective, adverb, participle, number or compound hyphen. */
function isNounModifier(t: Token): boolean {
  if (t.pos === 'ADJ' || t.pos === 'ADV' || t.pos === 'NUM' || t.value === '-') return true;
  return t.pos === 'VERB' && (t.normal.endsWith('ed') || t.normal.endsWith('ing'));
}

export function noun(ctx: Ctx, k: number, lo: number, hi: number, p: CuePrior): Candidate | undefined {
  const { tokens } = ctx;
  const t = tokens[k];
  const c = base(k, t.lemma, p.cls === 'noun' ? 'noun' : p.cls, 'noun', p.prior);
  const f = c.features;
  f.push('noun');
  // source: possessive before ("his claim", "Trump's criticism"), or "by/from X" after
  // past the noun's modifiers: "his renewed endorsement", "Trump's by-now-familiar claims", "the campaign's earlier claim"
  let j = k - 1;
  while (j >= lo && k - j <= 6 && (isNounModifier(tokens[j]) || tokens[j + 1].value === '-')) j--;
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
  // "Hale raised questions about", "they gave assurances that": the subject of a verb that takes the noun as object
  if (!c.source) {
    let v = k - 1;
    while (v >= lo && (tokens[v].pos === 'DET' || tokens[v].pos === 'NUM' || tokens[v].pos === 'ADJ')) v--;
    if (v >= lo && (tokens[v].pos === 'ADP' || tokens[v].pos === 'PART') && v - 1 >= lo && tokens[v - 1].pos === 'VERB') v--;
    const verb = tokens[v];
    if (v >= lo && verb.pos === 'VERB' && AGENT_LIGHT_VERBS.has(verb.lemma) && !(v - 1 >= lo && isBe(tokens[v - 1]))) {
      const s = subjectOfVerb(ctx, v, lo);
      if (s) {
        c.source = s;
        c.sourceSide = 'left';
      }
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
