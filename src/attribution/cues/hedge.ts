/**
 * Candidate builders for hedging words: attributive participles ("the alleged attack") and adverbs ("reportedly").
 */
import type { Token } from '../../document';
import { base, type Candidate, type Ctx } from '../candidate';
import { npRight } from '../chunker';
import { clauseEnd } from '../content';
import { priorOf } from '../cue-table';
import type { CueClass } from '../lexicon';
import { isPossessiveMarker, isPossessivePronoun } from '../tokens';

/** "a reported approval", "the alleged attack": a participle between a determiner and a noun. */
export function isAttributive(tokens: Token[], k: number, lo: number, hi: number): boolean {
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (!prev || k - 1 < lo || !next || k + 1 > hi) return false;
  const prevOk =
    prev.pos === 'DET' ||
    isPossessivePronoun(prev) ||
    isPossessiveMarker(prev) ||
    prev.pos === 'ADJ' ||
    prev.pos === 'NUM' ||
    prev.normal === 'and';
  const nextOk = next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN' || next.pos === 'NUM';
  return prevOk && nextOk;
}

export function modifier(ctx: Ctx, k: number, hi: number): Candidate | undefined {
  const { tokens } = ctx;
  const t = tokens[k];
  const p = priorOf(ctx, t.normal, 'm') ?? { prior: 0.5, cls: 'adverb' as CueClass };
  const c = base(k, t.normal, 'adverb', 'modifier', p.prior);
  c.features.push('modifier');
  // the noun phrase it modifies, with a following prepositional phrase ("approval by the ministry")
  let l = npRight(tokens, k + 1, hi);
  if (l >= k + 1) {
    // and its complements up to the next clause break: "approval by the ministry on Monday to buy five systems"
    const end = clauseEnd(ctx, l + 1, hi);
    for (
      let m = l + 1;
      m <= end &&
      tokens[m].value !== ',' &&
      !(
        tokens[m].pos === 'VERB' &&
        !(tokens[m].normal.endsWith('ed') || tokens[m].normal.endsWith('ing')) &&
        tokens[m - 1].normal !== 'to'
      );
      m++
    )
      l = m;
    c.content.push({ first: k + 1, last: l });
  }
  return c;
}

export function adverb(ctx: Ctx, k: number, lo: number, hi: number): Candidate | undefined {
  const { tokens } = ctx;
  const t = tokens[k];
  const p = priorOf(ctx, t.normal, 'v') ?? { prior: 0.6, cls: 'adverb' as CueClass };
  const c = base(k, t.normal, 'adverb', 'adverb', p.prior);
  c.features.push('adverb');
  // the clause without the adverb, on both sides
  let s = k - 1;
  while (s >= lo && !(tokens[s].value === ',' || tokens[s].value === ';' || tokens[s].pos === 'SCONJ' || tokens[s].value === ':')) s--;
  s++;
  if (s <= k - 1) {
    let e = k - 1;
    while (e >= s && !tokens[e].isWord) e--;
    if (e >= s) c.content.push({ first: s, last: e });
  }
  let r = k + 1;
  while (r <= hi && !tokens[r].isWord && ctx.openMark[r] < 0) r++;
  if (r <= hi) {
    const e = clauseEnd(ctx, r, hi);
    if (e >= r) c.content.push({ first: r, last: e });
  }
  return c;
}
