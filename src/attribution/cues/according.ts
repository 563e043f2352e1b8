/**
 * Candidate builder for "according to X".
 */
import { base, type Candidate, type Ctx } from '../candidate';
import { appositiveRight, npRight, npRightOfMisreadNoun } from '../chunker';
import { clauseEnd, contentLeft, contentRight } from '../content';
import { feat } from '../features';
import { isComma } from '../tokens';

export function according(ctx: Ctx, k: number, lo: number, hi: number): Candidate | undefined {
  const { tokens } = ctx;
  const c = base(k, 'according to', 'speech', 'according', 0.95);
  c.last = k + 1;
  const l = tokens[k + 2]?.pos === 'VERB' && k + 2 <= hi ? npRightOfMisreadNoun(tokens, k + 2, hi) : npRight(tokens, k + 2, hi);
  // "According to X, …" or "…, according to X."
  const atStart =
    k === lo ||
    (k > lo && (isComma(tokens[k - 1]) ? false : !tokens[k - 1].isWord || tokens[k - 1].pos === 'CCONJ' || tokens[k - 1].pos === 'ADV'));
  if (l >= 0) {
    let last = appositiveRight(ctx, l, hi);
    // at the front an appositive ends at a comma before the content ("According to Ann Lee, the minister, …");
    // "According to reports, the minister resigned." has none
    if (atStart && last > l && !isComma(tokens[last + 1])) last = l;
    c.source = { first: k + 2, last };
    c.sourceSide = 'right';
  }
  c.features.push('according', feat('side-', c.sourceSide));
  const afterSource = c.source ? c.source.last + 1 : k + 2;
  if (atStart) {
    c.features.push('according-initial');
    contentRight(ctx, c, afterSource, hi);
  } else {
    contentLeft(ctx, c, k - 1, lo);
    if (afterSource <= hi && isComma(tokens[afterSource])) {
      const e = clauseEnd(ctx, afterSource + 1, hi);
      if (e > afterSource) c.content.push({ first: afterSource + 1, last: e });
    }
  }
  if (!c.content.length) c.features.push('no-content');
  return c;
}
