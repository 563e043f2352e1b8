/**
 * The content of a cue: the clause or quotation it introduces (to the right), the clause or quotation it closes (to
 * the left), or the next paragraph after a colon.
 */
import { type Candidate, type Ctx, CUE_REACH } from './candidate';
import { priorOf } from './cue-table';
import { CLAUSE_CUT_CONJ, GERUND_SUFFIX, MEDIUM_NOUNS, TIME_ADVERBS, TIME_NOUNS, WH_WORDS } from './grammar';
import { isComma, isPossessivePronoun, isQuoteMark, isTimeWord, SUBJECT_PRONOUNS } from './tokens';

/** Tokens that end a clause for a content running rightwards. */
export function clauseEnd(ctx: Ctx, from: number, hi: number): number {
  const { tokens, openMark, closeMark } = ctx;
  let inQuote = 0;
  let end = Math.min(hi, from + CUE_REACH);
  const last = end;
  for (let k = from; k <= last; k++) {
    const t = tokens[k];
    if (openMark[k] >= 0) inQuote++;
    if (closeMark[k] >= 0 && inQuote > 0) inQuote--;
    if (inQuote > 0 || t.voice === 'quoted' || t.isWord) continue; // only punctuation ends a clause
    if (t.value === ';' || t.value === '(' || t.value === '—' || t.value === '--' || t.value === '–') {
      end = k - 1;
      break;
    }
    if (isComma(t) && k + 1 <= hi) {
      const nx = tokens[k + 1];
      if (CLAUSE_CUT_CONJ.has(nx.normal) || (nx.normal === 'according' && tokens[k + 2]?.normal === 'to')) {
        end = k - 1;
        break;
      }
      // ", adding that", ", saying": a new attribution by the same source
      if (nx.pos === 'VERB' && GERUND_SUFFIX.test(nx.normal) && (priorOf(ctx, nx.lemma, 'v')?.prior ?? 0) >= 0.3) {
        end = k - 1;
        break;
      }
    }
  }
  // drop final punctuation (but keep a closing quotation mark and what it closes)
  while (end >= from && !tokens[end].isWord && closeMark[end] < 0 && tokens[end].value !== ')') end--;
  return end;
}

/** Content to the right of token `r` (exclusive start): skips "that" and a colon; runs to the clause end. */
export function contentRight(ctx: Ctx, c: Candidate, r: number, hi: number): void {
  const { tokens, openMark, closeMark } = ctx;
  let k = r;
  while (k <= hi && (tokens[k].value === ',' || tokens[k].value === ':' || tokens[k].value === '—')) k++;
  if (
    k <= hi &&
    tokens[k].normal === 'that' &&
    (tokens[k].pos === 'SCONJ' || tokens[k].pos === 'PRON' || tokens[k].pos === 'DET') &&
    tokens[k + 1] &&
    tokens[k + 1].pos !== 'VERB' &&
    tokens[k + 1].pos !== 'AUX'
  )
    k++;
  if (k > hi) return;
  let end = clauseEnd(ctx, k, hi);
  if (openMark[k] >= 0) {
    const q = ctx.doc.quotations[openMark[k]];
    c.quotation = q.index;
    // a quotation may run over several sentences: take it whole
    let qe = ctx.doc.tokenIndexAt(q.end) - 1;
    if (qe < k) qe = k;
    if (qe > end) end = qe;
  }
  if (end >= k) c.content.push({ first: k, last: end });
  void closeMark;
}

/** Content to the left of token `p` (inclusive end): the quotation that closes there, or the clause before it. */
export function contentLeft(ctx: Ctx, c: Candidate, p: number, lo: number): void {
  const { tokens, closeMark } = ctx;
  let e = p;
  while (e >= lo && (tokens[e].value === ',' || tokens[e].value === '—')) e--;
  if (e < lo) return;
  // "“…,” she said" / "“…”, she said"
  let q = closeMark[e];
  if (q < 0 && e - 1 >= lo && !tokens[e].isWord && closeMark[e - 1] >= 0) q = closeMark[e - 1];
  if (q >= 0) {
    const quotation = ctx.doc.quotations[q];
    const open = ctx.doc.tokenIndexAt(quotation.start);
    c.quotation = q;
    c.content.push({ first: Math.min(open, e), last: e });
    return;
  }
  // the clause before: from the sentence start (or the last clause break) to e
  let s = e;
  while (s - 1 >= lo) {
    const t = tokens[s - 1];
    if (t.value === ';' || t.value === ':' || (t.value === '—' && tokens[s - 2]?.voice !== 'quoted')) break;
    s--;
  }
  while (s <= e && !tokens[s].isWord && ctx.openMark[s] < 0) s++;
  if (s <= e) c.content.push({ first: s, last: e });
}

/** Skips time and manner adverbials after the cue ("said Saturday", "said on Tuesday", "asked rhetorically"). */
export function skipAdverbialRight(ctx: Ctx, r: number, hi: number): number {
  const { tokens } = ctx;
  let k = r;
  let guard = 0;
  while (k <= hi && guard++ < 6) {
    const t = tokens[k];
    const n1 = tokens[k + 1];
    if (
      isTimeWord(t) ||
      (t.pos === 'ADV' &&
        (TIME_ADVERBS.has(t.normal) ||
          (t.normal.endsWith('ly') && n1 && (n1.normal === 'that' || n1.value === ',' || n1.value === ':' || isQuoteMark(n1)))))
    ) {
      k++;
      continue;
    }
    if (t.pos === 'NOUN' && TIME_NOUNS.has(t.normal) && k > r && (TIME_ADVERBS.has(tokens[k - 1].normal) || isTimeWord(tokens[k - 1]))) {
      k++;
      continue;
    }
    if (
      (t.normal === 'last' || t.normal === 'this' || t.normal === 'earlier' || t.normal === 'later' || t.normal === 'next') &&
      n1 &&
      k + 1 <= hi &&
      (isTimeWord(n1) || TIME_NOUNS.has(n1.normal))
    ) {
      k += 2;
      continue;
    }
    if ((t.normal === 'on' || t.normal === 'in' || t.normal === 'during' || t.normal === 'at') && n1 && k + 1 <= hi) {
      // "on Tuesday", "in an interview", "at a rally in Ohio"
      if (isTimeWord(n1)) {
        k += 2;
        continue;
      }
      let m = k + 1;
      while (
        m <= hi &&
        m - k < 6 &&
        (tokens[m].pos === 'DET' ||
          tokens[m].pos === 'ADJ' ||
          tokens[m].pos === 'NUM' ||
          isPossessivePronoun(tokens[m]) ||
          tokens[m].pos === 'PROPN')
      )
        m++;
      if (
        m <= hi &&
        (MEDIUM_NOUNS.has(tokens[m].normal) || TIME_NOUNS.has(tokens[m].normal)) &&
        tokens[m + 1] &&
        m + 1 <= hi &&
        (tokens[m + 1].normal === 'that' ||
          tokens[m + 1].value === ',' ||
          tokens[m + 1].value === ':' ||
          isQuoteMark(tokens[m + 1]) ||
          tokens[m + 1].pos === 'PRON')
      ) {
        k = m + 1;
        continue;
      }
    }
    break;
  }
  return k;
}

/** "He declared:" closing a paragraph: the content is the next paragraph (its quotation, when it is one). */
export function nextParagraphContent(ctx: Ctx, c: Candidate, hi: number): void {
  const { doc, tokens } = ctx;
  const next = hi + 1;
  if (next >= tokens.length || tokens[next].paragraph === tokens[hi].paragraph) return;
  const q = ctx.openMark[next];
  if (q >= 0) {
    c.quotation = q;
    c.content.push({ first: next, last: Math.max(next, doc.tokenIndexAt(doc.quotations[q].end) - 1) });
    return;
  }
  const para = doc.paragraphs[tokens[next].paragraph];
  const last = doc.tokenIndexAt(para.end) - 1;
  if (last >= next) c.content.push({ first: next, last });
}

export function nextKindOf(ctx: Ctx, r: number): string {
  const t = ctx.tokens[r];
  if (ctx.openMark[r] >= 0 || isQuoteMark(t)) return 'quote';
  if (t.normal === 'that') return 'that';
  if (t.value === ':') return 'colon';
  if (t.value === ',') return 'comma';
  if (t.normal === 'to' && t.pos === 'PART') return 'to';
  if (WH_WORDS.has(t.normal)) return 'wh';
  if (isTimeWord(t)) return 'time';
  if (!t.isWord) return 'punct';
  if (t.pos === 'PRON') return SUBJECT_PRONOUNS.has(t.normal) && !isPossessivePronoun(t) ? 'pron' : 'np';
  if (t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM') return 'np';
  if (t.pos === 'ADP') return 'adp';
  if (t.pos === 'VERB' || t.pos === 'AUX') return 'verb';
  if (t.pos === 'ADV') return 'adv';
  return 'other';
}
