/**
 * The pass over a document's tokens that collects candidate cues of every form, marks the ones nested in a likely
 * attribution's content, and adds their window features.
 */
import type { SlantDocument, Token } from '../document';
import { type Candidate, type Ctx, CUE_REACH, type CuePrior } from './candidate';
import { CUE_PRIORS } from './cue-priors';
import { lookupPrior, makeCtx, priorOf, SPECIAL_CUE_WORDS } from './cue-table';
import { according } from './cues/according';
import { colon } from './cues/colon';
import { adverb, isAttributive, modifier } from './cues/hedge';
import { noun } from './cues/noun';
import { preposition, prepositionNounAhead } from './cues/preposition';
import { anonymityIdiom, nounReadsAsVerb, verb } from './cues/verb';
import { showingIdiom } from './cues/verb-clause';
import { windowFeatures } from './features';
import { contentShapeFeatures } from './content-shape';
import { soCalledFrom } from '../distancing';
import { isBe } from './grammar';
import { ADJECTIVE_COMPLEMENTS } from './lexicon';

/** "is confident that", "was not sure whether": an adjective after a form of "be" (adverbs and "not" between). */
function predicative(tokens: Token[], k: number, lo: number): boolean {
  let j = k - 1;
  while (j >= lo && j > k - 4 && (tokens[j].pos === 'ADV' || tokens[j].pos === 'PART')) j--;
  const next = tokens[k + 1];
  return j >= lo && isBe(tokens[j]) && next !== undefined && ADJECTIVE_COMPLEMENTS.has(next.normal);
}

/** All candidate cues of the document, with sources, contents and features (not yet scored or selected). */
export function findCandidates(
  doc: SlantDocument,
  priors: ReadonlyMap<string, CuePrior> = CUE_PRIORS,
): { ctx: Ctx; candidates: Candidate[] } {
  const ctx = makeCtx(doc, priors);
  const { tokens } = ctx;
  const candidates: Candidate[] = [];
  for (const s of doc.sentences) {
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = tokens[k];
      if (t.voice === 'quoted') continue;
      // "so-called X" is the writer's distance from a name (src/distancing.ts), not anybody's words reported
      if (soCalledFrom(tokens, k) >= 0) continue;
      const lo = Math.max(s.tokenStart, k - CUE_REACH);
      const hi = Math.min(s.tokenEnd - 1, k + CUE_REACH);
      let c: Candidate | undefined;
      if (!t.isWord) {
        // of the cues, only a colon is punctuation
        if (t.value === ':') c = colon(ctx, k, lo, hi, s.paragraph);
        if (c) candidates.push(c);
        continue;
      }
      const kind = SPECIAL_CUE_WORDS.get(t.normal);
      if (kind === 'according' && tokens[k + 1]?.normal === 'to' && k + 1 <= hi) {
        c = according(ctx, k, lo, hi);
        k++;
      } else if (kind === 'in' && t.pos === 'ADP') {
        if (prepositionNounAhead(tokens, k, hi)) c = preposition(ctx, k, lo, hi);
      } else if (kind === 'participle' && isAttributive(tokens, k, lo, hi)) {
        c = modifier(ctx, k, hi);
      } else if (kind === 'adverb' && t.pos === 'ADV') {
        c = adverb(ctx, k, lo, hi);
      } else {
        const verbish =
          t.pos === 'VERB' ||
          (t.pos === 'ADJ' && (t.normal.endsWith('ed') || t.normal.endsWith('en') || predicative(tokens, k, lo))) ||
          (t.pos === 'NOUN' && priorOf(ctx, t.lemma, 'v') !== undefined && nounReadsAsVerb(tokens, k, lo));
        if (verbish) {
          const p = lookupPrior(ctx, t, 'v');
          if (p && !anonymityIdiom(tokens, k, hi) && !showingIdiom(tokens, k, hi)) c = verb(ctx, k, lo, hi, p.prior, p.lemma);
        } else if (t.pos === 'NOUN') {
          const p = lookupPrior(ctx, t, 'n');
          if (p) c = noun(ctx, k, lo, hi, p.prior);
        }
      }
      if (c) candidates.push(c);
    }
  }
  // a candidate inside the content of a likely attribution is usually reported speech within reported speech
  const cover = new Float32Array(tokens.length);
  for (const c of candidates) {
    if (c.prior < 0.3) continue;
    for (const r of c.content) for (let k = r.first; k <= r.last; k++) if (cover[k] < c.prior) cover[k] = c.prior;
  }
  for (const c of candidates) {
    const v = cover[c.head];
    // a hedge word ("reportedly", "a reported offer") qualifies its own phrase wherever it stands: no nesting
    const local = c.form === 'modifier' || c.form === 'adverb';
    if (local) {
      // no nesting feature
    } else if (v >= 0.7) c.features.push('nested-strong');
    else if (v >= 0.3) c.features.push('nested-weak');
    windowFeatures(ctx, c);
    contentShapeFeatures(ctx, c);
  }
  return { ctx, candidates };
}
