/**
 * Clause-level checks of a verb cue: whether a finite verb follows (a participle modifying its noun, not the clause's
 * verb), where a cue that opens its sentence right after a quotation looks back to, and idioms that are no cue.
 */
import type { Token } from '../../document';
import { type Candidate, type Ctx, CUE_REACH } from '../candidate';
import { GERUND_SUFFIX } from '../grammar';
import { isPossessivePronoun, isQuoteMark } from '../tokens';

/**
 * Where a verb cue that opens its sentence right after a closing quotation mark in the same paragraph ("“…?” asked
 * Smith", "“…!” tweeted Jo") looks back to: the start of the sentence that the quotation ended; else `lo`.
 */
export function quotationEndsSentenceBefore(ctx: Ctx, c: Candidate, lo: number): number {
  const { tokens } = ctx;
  const q = c.first - 1;
  if (c.first !== lo || q < 0 || ctx.closeMark[q] < 0) return lo;
  if (tokens[q].paragraph !== tokens[c.first].paragraph) return lo;
  return Math.max(ctx.doc.sentences[tokens[q].sentence].tokenStart, lo - CUE_REACH);
}

/**
 * Whether a finite verb follows in the clause from token `from` (before "that", a comma or other clause break): "the
 * figures released on Tuesday show …" (a participle modifying its noun), unlike "Trump called for a prosecutor" or
 * "Clinton argued during the debate that …" or "Lee complained about the tone but defended …" (the participle is the
 * clause's own verb).
 */
export function finiteVerbAhead(tokens: Token[], from: number, hi: number): boolean {
  for (let m = from; m <= hi; m++) {
    const t = tokens[m];
    if (!t.isWord) {
      if (t.value === ',' || t.value === ';' || t.value === ':' || t.value === '.' || isQuoteMark(t)) return false;
      continue;
    }
    if (t.normal === 'that' || t.pos === 'SCONJ' || t.normal === 'who' || t.normal === 'which') return false;
    // "Lee complained about the tone but defended …": a verb after a conjunction is coordinated with this one
    if (t.pos === 'CCONJ') {
      let n = m + 1;
      while (n <= hi && tokens[n].pos === 'ADV') n++;
      if (n <= hi && (tokens[n].pos === 'VERB' || tokens[n].pos === 'AUX')) return false;
    }
    // ("the alleged deal", "pay-to-play": a participle after a determiner or in a compound modifies a noun;
    // "nationals convicted of": a participle after its noun)
    const before = tokens[m - 1];
    if (
      (t.pos === 'VERB' || t.pos === 'AUX') &&
      before.normal !== 'to' &&
      before.pos !== 'DET' &&
      before.value !== '-' &&
      !isPossessivePronoun(before) &&
      !(t.normal.endsWith('ed') && (before.pos === 'NOUN' || before.pos === 'PROPN')) &&
      !GERUND_SUFFIX.test(t.normal) &&
      t.normal !== 'been'
    )
      return true;
  }
  return false;
}

/** "speaks volumes", "speaks for itself": idioms of showing, never anybody's words reported. */
export function showingIdiom(tokens: Token[], k: number, hi: number): boolean {
  if (tokens[k].lemma !== 'speak' || k + 1 > hi) return false;
  const n1 = tokens[k + 1].normal;
  if (n1 === 'volumes') return true;
  return n1 === 'for' && k + 2 <= hi && (tokens[k + 2].normal === 'itself' || tokens[k + 2].normal === 'themselves');
}

/** Verbs that invert with their source after a quotation: "“…,” said Smith". */
export const INVERSION_VERBS = new Set([
  'say',
  'add',
  'write',
  'ask',
  'explain',
  'note',
  'continue',
  'reply',
  'respond',
  'answer',
  'argue',
  'insist',
  'recall',
  'declare',
  'warn',
  'observe',
  'concede',
  'admit',
  'conclude',
  'remark',
  'joke',
  'quip',
  'exclaim',
  'counter',
  'shout',
  'complain',
  'tell',
  'tweet',
  'state',
  'acknowledge',
  'claim',
  'suggest',
  'report',
  'announce',
  'predict',
  'promise',
  'muse',
  'offer',
  'cry',
  'yell',
  'whisper',
  'agree',
  'retort',
  'interject',
  'scoff',
  'boast',
  'lament',
  'assert',
  'caution',
  'recount',
  'vow',
]);
