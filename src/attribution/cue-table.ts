/**
 * The cue table (measured prior and class per word and form) and the per-document detection context built on it.
 */
import type { SlantDocument, Token } from '../document';
import type { Ctx, CuePrior } from './candidate';
import { CUE_PRIORS } from './cue-priors';
import { ATTRIBUTION_ADVERBS, ATTRIBUTIVE_PARTICIPLES } from './lexicon';

/** The cue table split by form ("v", "n", "m", "p"), built once per table. */
const splitCache = new WeakMap<object, Map<string, Map<string, CuePrior>>>();

function byForm(priors: ReadonlyMap<string, CuePrior>, form: string): Map<string, CuePrior> | undefined {
  if (!(priors instanceof Map)) return undefined; // a computed table (training): look keys up one by one
  let split = splitCache.get(priors);
  if (!split) {
    split = new Map();
    for (const [key, value] of priors) {
      const bar = key.lastIndexOf('|');
      const f = key.slice(bar + 1);
      let m = split.get(f);
      if (!m) split.set(f, (m = new Map()));
      m.set(key.slice(0, bar), value);
    }
    splitCache.set(priors, split);
  }
  return split.get(form) ?? EMPTY;
}

const EMPTY = new Map<string, CuePrior>();

/** The cue table entry of `lemma` in `form`. */
export function priorOf(ctx: Ctx, lemma: string, form: string): CuePrior | undefined {
  const m = form === 'v' ? ctx.verbPriors : form === 'n' ? ctx.nounPriors : byForm(ctx.priors, form);
  return m ? m.get(lemma) : ctx.priors.get(`${lemma}|${form}`);
}

/** The detection context of a document with the built-in cue table (for building relations without detection). */
export function detectionContext(doc: SlantDocument): Ctx {
  return makeCtx(doc, CUE_PRIORS);
}

/** Builds the per-document context. */
export function makeCtx(doc: SlantDocument, priors: ReadonlyMap<string, CuePrior>): Ctx {
  const n = doc.tokens.length;
  const openMark = new Int32Array(n).fill(-1);
  const closeMark = new Int32Array(n).fill(-1);
  for (const q of doc.quotations) {
    const o = doc.tokenIndexAt(q.start);
    if (o < n && doc.tokens[o].start === q.start) openMark[o] = q.index;
    if (q.closed && q.end > 0) {
      const c = doc.tokenIndexAt(q.end - 1);
      if (c < n && doc.tokens[c].end === q.end) closeMark[c] = q.index;
    }
  }
  return {
    doc,
    tokens: doc.tokens,
    openMark,
    closeMark,
    priors,
    verbPriors: byForm(priors, 'v'),
    nounPriors: byForm(priors, 'n'),
    bodyNames: undefined,
  };
}

/** The cue table entry of a token, and the lemma it was found under. */
export function lookupPrior(ctx: Ctx, t: Token, form: 'v' | 'n'): { prior: CuePrior; lemma: string } | undefined {
  let lemma = t.lemma;
  let prior = priorOf(ctx, lemma, form);
  if (!prior && t.normal !== t.lemma) prior = priorOf(ctx, (lemma = t.normal), form);
  // a participle the tagger read as an adjective keeps itself as lemma ("alleged"): try the verb ("allege")
  if (!prior && form === 'v' && t.normal.endsWith('ed')) return participlePrior(ctx, t.normal);
  return prior ? { prior, lemma } : undefined;
}

/** Per verb table: the entry found for a word ending in "ed" through its verb, or null (most such words have none). */
const participleCache = new WeakMap<Map<string, CuePrior>, Map<string, { prior: CuePrior; lemma: string } | null>>();

/** The cue table entry of the verb of an "-ed" word ("alleged" -> "allege", "voiced" -> "voice"), memoised per table. */
function participlePrior(ctx: Ctx, word: string): { prior: CuePrior; lemma: string } | undefined {
  const table = ctx.verbPriors;
  let memo = table && participleCache.get(table);
  if (table && !memo) participleCache.set(table, (memo = new Map()));
  const known = memo?.get(word);
  if (known !== undefined) return known ?? undefined;
  let lemma = word.slice(0, -1);
  let prior = priorOf(ctx, lemma, 'v');
  if (!prior) prior = priorOf(ctx, (lemma = word.slice(0, -2)), 'v');
  const found = prior ? { prior, lemma } : null;
  if (memo && memo.size < 50_000) memo.set(word, found);
  return found ?? undefined;
}

/**
 * Words that head a cue of their own form ("according to", "in" a statement, a hedging participle or adverb), so
 * that one lookup per word tells which, if any, applies. The four groups share no word.
 */
export const SPECIAL_CUE_WORDS = new Map<string, 'according' | 'in' | 'participle' | 'adverb'>([
  ['according', 'according'],
  ['in', 'in'],
  ...[...ATTRIBUTIVE_PARTICIPLES].map((w): [string, 'participle'] => [w, 'participle']),
  ...ATTRIBUTION_ADVERBS.map((w): [string, 'adverb'] => [w, 'adverb']),
]);
