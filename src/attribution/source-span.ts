/**
 * The source of a cue: the noun phrase at its left ("X, the spokesman, said"), an inverted one at its right ("said
 * Smith"), or the subject of the clause a subject-less cue stands in ("…, adding that").
 */
import type { SlantDocument, Token } from '../document';
import { base, type Candidate, type Ctx, CUE_REACH, type TokenRange } from './candidate';
import {
  appositiveRight,
  chunkStart,
  isChunkDelimiter,
  isClauseBoundary,
  isNameWord,
  isNpChunk,
  npLeft,
  npRight,
  POSTNOMINAL_ADJECTIVES,
} from './chunker';
import { CUE_PRIORS } from './cue-priors';
import { makeCtx } from './cue-table';
import { feat } from './features';
import { GIVEN_NAMES } from './names';
import { DOCUMENT_NOUNS } from './lexicon';
import {
  CONNECTIVE_ADVERBS,
  GERUND_SUFFIX,
  isBe,
  MEDIUM_NOUNS,
  NOMINATIVE_PRONOUNS,
  SUBORDINATORS,
  TIME_ADVERBS,
  TIME_NOUNS,
} from './grammar';
import { isCapitalized, isComma, isNpHead, isPossessivePronoun, isQuoteMark, isTimeWord, isVerbGroupWord } from './tokens';

/** The subject of the clause in which a subject-less cue ("adding", "and urged") stands: the sentence's first noun phrase before a verb. */
function clauseSubject(ctx: Ctx, lo: number, before: number): TokenRange | undefined {
  const { tokens } = ctx;
  // the nearest verb to the left that has a subject: "X rallied supporters, saying …", "X sued, seeking …"
  for (let k = before - 1; k >= lo; k--) {
    const t = tokens[k];
    if (t.voice === 'quoted' || !(t.pos === 'VERB' || t.pos === 'AUX')) continue;
    if (GERUND_SUFFIX.test(t.normal) && !(k - 1 >= lo && isBe(tokens[k - 1]))) continue;
    if (k - 1 >= lo && tokens[k - 1].normal === 'to') continue;
    // "behind Sen. Ted Cruz": a name word the tagger read as a verb
    if (isNameWord(tokens, k) || (isCapitalized(t) && k - 1 >= lo && tokens[k - 1].isWord && isCapitalized(tokens[k - 1]))) continue;
    // "the town hall hosted by CNN": a participle after its noun, with its agent
    if (t.normal.endsWith('ed') && k - 1 >= lo && isNpHead(tokens[k - 1]) && tokens[k + 1]?.normal === 'by') continue;
    const src = subjectOfVerb(ctx, k, lo);
    // "a strong moment that could play big, denouncing": the subject of a relative clause on a thing is not the
    // clause's; its antecedent's verb lies further left
    if (src && src.first === src.last && (tokens[src.first].normal === 'that' || tokens[src.first].normal === 'which')) {
      k = src.first;
      continue;
    }
    if (src) return src;
  }
  return undefined;
}

/** The subject at the left of the verb at token `k` and its auxiliaries and adverbs ("Trump has repeatedly said"). */
export function subjectOfVerb(ctx: Ctx, k: number, lo: number): TokenRange | undefined {
  const { tokens } = ctx;
  let first = k;
  while (first - 1 >= lo && (isVerbGroupWord(tokens[first - 1]) || tokens[first - 1].pos === 'ADV')) first--;
  const pseudo = base(k, tokens[k].lemma, 'other', 'verb', 0);
  pseudo.first = first;
  return sourceLeft(ctx, pseudo, lo);
}

/**
 * The subject of the clause before token `before` in the sentence starting at `lo` (for "…, adding that"); `ctx`,
 * when given, is the document's detection context (else one is built).
 */
export function clauseSubjectOf(doc: SlantDocument, lo: number, before: number, ctx?: Ctx): TokenRange | undefined {
  const c = ctx && ctx.doc === doc ? ctx : makeCtx(doc, CUE_PRIORS);
  return clauseSubject(c, Math.max(lo, before - CUE_REACH), before) ?? openingClauseSubject(c, lo, before);
}

/** Words that may open an adverbial clause before its participle: "While saying …", "In rejecting …", "After …". */
const ADVERBIAL_OPENERS = new Set([
  'while',
  'when',
  'after',
  'before',
  'since',
  'in',
  'by',
  'on',
  'upon',
  'without',
  'despite',
  'addition',
  'to',
]);

/**
 * The subject of the main clause after an adverbial clause that opens the sentence and holds the cue at `at`:
 * "Citing the weather, the mayor said …", "While praising the plan, she warned …". The noun phrase right after the
 * clause's comma, before a verb.
 */
function openingClauseSubject(ctx: Ctx, lo: number, at: number): TokenRange | undefined {
  const { tokens } = ctx;
  for (let k = lo; k < at; k++) if (!(tokens[k].isWord && ADVERBIAL_OPENERS.has(tokens[k].normal))) return undefined;
  if (at - lo > 3) return undefined;
  const sentence = tokens[at].sentence;
  for (let k = at + 1; k < tokens.length && k - at <= 40 && tokens[k].sentence === sentence; k++) {
    if (tokens[k].value === ';' || tokens[k].value === ':') return undefined;
    if (!isComma(tokens[k])) continue;
    let i = k + 1;
    // past the marks closing a quotation (",” the mayor said", ",'' the mayor said")
    let closes = false;
    while (i < tokens.length && isQuoteMark(tokens[i])) closes = ctx.closeMark[i++] >= 0 || closes;
    if (!closes) i = k + 1;
    const hi = Math.min(tokens.length - 1, i + CUE_REACH);
    if (i > hi || tokens[i].sentence !== sentence) return undefined;
    const last = npRight(tokens, i, hi);
    if (last < 0) continue;
    const end = appositiveRight(ctx, last, hi);
    let v = end + 1;
    while (v <= hi && (isComma(tokens[v]) || tokens[v].pos === 'ADV' || isTimeWord(tokens[v]))) v++;
    if (v <= hi && (tokens[v].pos === 'VERB' || tokens[v].pos === 'AUX')) return { first: i, last: end };
  }
  return undefined;
}

const MEDIUM_PREPOSITIONS = new Set(['in', 'on', 'at', 'during']);

/** Skips time adverbials just before a cue ("Trump earlier Tuesday said", "the senator on Tuesday dismissed"). */
function skipAdverbialLeft(tokens: Token[], p: number, lo: number): number {
  let k = p;
  let moved = true;
  while (moved && k >= lo) {
    moved = false;
    const t = tokens[k];
    if (
      isTimeWord(t) ||
      (t.pos === 'ADV' && TIME_ADVERBS.has(t.normal)) ||
      (t.pos === 'NUM' && tokens[k - 1] && isTimeWord(tokens[k - 1]))
    ) {
      k--;
      moved = true;
    } else if (
      t.pos === 'NOUN' &&
      TIME_NOUNS.has(t.normal) &&
      k - 1 >= lo &&
      (TIME_ADVERBS.has(tokens[k - 1].normal) || tokens[k - 1].pos === 'DET' || tokens[k - 1].pos === 'ADJ')
    ) {
      let m = k - 2;
      while (m >= lo && (tokens[m].pos === 'DET' || tokens[m].pos === 'ADJ')) m--;
      // "X in a statement said" skips the medium; in "the statement said" it is the source
      if (MEDIUM_NOUNS.has(t.normal) && !(m >= lo && tokens[m].pos === 'ADP' && MEDIUM_PREPOSITIONS.has(tokens[m].normal))) break;
      k = m;
      moved = true;
    } else if (
      t.pos === 'ADP' &&
      k < p &&
      (t.normal === 'on' || t.normal === 'at' || t.normal === 'in' || t.normal === 'during' || t.normal === 'last')
    ) {
      k--;
      moved = true;
    }
  }
  return k;
}

/** Kind of a comma-delimited segment before a cue ("X, the spokesman, said"; "X, who …, said"; "X, 58, said"). */
function segmentKind(tokens: Token[], a: number, b: number): 'appositive' | 'relative' | 'adverbial' | 'other' {
  const t = tokens[a];
  if (t.normal === 'who' || t.normal === 'which' || t.normal === 'whose' || t.normal === 'whom') return 'relative';
  if (a === b && t.pos === 'NUM') return 'adverbial'; // an age
  if (t.pos === 'ADP' || t.pos === 'ADV' || t.pos === 'SCONJ' || isTimeWord(t) || t.pos === 'VERB') return 'adverbial';
  if (
    t.pos === 'DET' ||
    t.pos === 'ADJ' ||
    t.pos === 'NOUN' ||
    t.pos === 'PROPN' ||
    t.pos === 'NUM' ||
    isPossessivePronoun(t) ||
    isQuoteMark(t)
  )
    return 'appositive';
  return 'other';
}

/** "NP who/that VP" ending at `p` (a restrictive relative clause right before the cue): the whole phrase. */
function restrictiveRelative(tokens: Token[], p: number, lo: number): TokenRange | undefined {
  for (let k = p - 1; k >= lo && p - k <= 14; k--) {
    const t = tokens[k];
    if (isComma(t) || t.value === ';' || isQuoteMark(t)) return undefined;
    if ((t.normal === 'who' || (t.normal === 'that' && t.pos === 'PRON')) && k - 1 >= lo) {
      let hasVerb = false;
      for (let m = k + 1; m <= p; m++) if (tokens[m].pos === 'VERB' || tokens[m].pos === 'AUX') hasVerb = true;
      if (!hasVerb) return undefined;
      const f = npLeft(tokens, k - 1, lo);
      if (f < 0 || !(f === lo || isClauseBoundary(tokens[f - 1]))) return undefined;
      return { first: f, last: p };
    }
  }
  return undefined;
}

/**
 * Finds the source at the left of the cue: "X said", "X, the spokesman, said", "X, who …, said", "X, 58, said",
 * "X, for his part, said", "X on Tuesday said", "a report published Wednesday said". Appositives stay in the
 * source; relative clauses, ages and adverbials between commas do not.
 */
export function sourceLeft(ctx: Ctx, c: Candidate, lo: number): TokenRange | undefined {
  const { tokens } = ctx;
  let p = skipAdverbialLeft(tokens, c.first - 1, lo);
  if (p < lo) return undefined;
  // "Ann Lee and Tom Hale both campaigned": a quantifier floated off the subject
  if (
    (tokens[p].normal === 'both' || tokens[p].normal === 'all') &&
    p - 1 >= lo &&
    (tokens[p - 1].pos === 'PROPN' || tokens[p - 1].pos === 'NOUN')
  )
    p--;
  if (tokens[p].normal === 'who' || tokens[p].normal === 'which' || (tokens[p].normal === 'that' && tokens[p].pos === 'PRON')) {
    c.features.push('src-relative');
    return { first: p, last: p };
  }
  if (!isChunkDelimiter(tokens[p])) {
    // "a senior official who asked not to be named said": a restrictive relative clause ends right before the cue
    const rel = restrictiveRelative(tokens, p, lo);
    if (rel) {
      c.features.push('src-restrictive-relative');
      return rel;
    }
    // "A news report published Wednesday said": a participle after the noun phrase
    // "those surveyed said", "voters polled said": a participle right before the cue, after a pronoun or noun
    let participle = -1;
    if (
      tokens[p].pos === 'VERB' &&
      tokens[p].normal.endsWith('ed') &&
      p - 1 >= lo &&
      (p < c.first - 1 || (isNpHead(tokens[p - 1]) && !NOMINATIVE_PRONOUNS.has(tokens[p - 1].normal)))
    ) {
      if (p === c.first - 1) participle = p;
      p--;
    }
    let f = npLeft(tokens, p, lo);
    if (f < 0) return undefined;
    // "… to align with Russia on this front signals": a phrase governed by a verb is its object, not a subject
    // (not a subject pronoun, "after it announced", nor a name word read as a verb, "Mr. Peck of SunTrust")
    if (
      f - 2 >= lo &&
      tokens[f - 1].pos === 'ADP' &&
      (tokens[f - 2].pos === 'VERB' || tokens[f - 2].pos === 'AUX') &&
      !isNameWord(tokens, f - 2) &&
      !(f === p && NOMINATIVE_PRONOUNS.has(tokens[f].normal)) &&
      !SUBORDINATORS.has(tokens[f - 1].normal)
    )
      return undefined;
    // "Duff sustained an injury and manager Jose Mourinho said": after a verb the phrase up to "and" is that verb's
    // object, and the clause with the cue starts after the conjunction
    if (f - 1 >= lo && tokens[f - 1].pos === 'VERB' && !isNameWord(tokens, f - 1)) {
      for (let k = p - 1; k > f; k--)
        if (tokens[k].pos === 'CCONJ') {
          f = k + 1;
          break;
        }
    }
    // "Colin Asplin, Blackpool Hotel Association said": a person's name opening the clause, then a comma and the
    // phrase before the cue (an appositive whose closing comma was left out): the source is the name with its role
    if (f - 3 >= lo && isComma(tokens[f - 1]) && tokens[f].pos === 'PROPN') {
      let g = f - 2;
      while (g - 1 >= lo && tokens[g - 1].pos === 'PROPN') g--;
      if (f - 2 - g === 1 && GIVEN_NAMES.has(tokens[g].normal) && (g === lo || isClauseBoundary(tokens[g - 1]))) f = g;
    }
    let last = Math.max(p, participle);
    // "A letter from the American Legion obtained by The Associated Press warns": skip the participle phrase
    if (f - 2 >= lo && tokens[f - 1].normal === 'by' && tokens[f - 2].pos === 'VERB' && tokens[f - 2].normal.endsWith('ed')) {
      const f2 = npLeft(tokens, f - 3, lo);
      if (f2 >= 0) {
        last = f - 3;
        f = f2;
      }
    }
    return { first: f, last };
  }
  // comma-delimited chunks before the cue, right to left, up to a chunk that does not start after a comma
  const chunks: Array<{ a: number; b: number; kind: ReturnType<typeof segmentKind> | 'np' }> = [];
  let e = p; // a comma
  while (chunks.length < 5) {
    const b = e - 1;
    if (b < lo) break;
    const start = chunkStart(ctx, b, lo);
    const comma = start.comma;
    let a = start.a;
    // "Meanwhile Mark Oaten, …, said", "But Ann Lee, …, said": an opening adverb or conjunction is no part of the phrase
    while (
      a < b &&
      (tokens[a].pos === 'ADV' || tokens[a].pos === 'CCONJ') &&
      (isClauseBoundary(tokens[a]) || CONNECTIVE_ADVERBS.has(tokens[a].normal))
    )
      a++;
    if (a > b) break;
    const np = isNpChunk(tokens, a, b);
    const kind = np && segmentKind(tokens, a, b) !== 'relative' ? 'np' : segmentKind(tokens, a, b);
    chunks.push({ a, b, kind });
    if (!comma) break;
    // the next chunk ends at this one's comma ("Mr. Lee, now a TV commentator, said": not at a skipped "now")
    e = start.a - 1;
  }
  chunks.reverse(); // left to right
  // the head is the leftmost noun-phrase chunk; what follows it must be appositives, relatives or adverbials
  let h = chunks.findIndex((x) => x.kind === 'np');
  if (h < 0) return undefined;
  for (let i = h + 1; i < chunks.length; i++) if (chunks[i].kind === 'other') return undefined;
  // the head must start its clause: a sentence start, a boundary, or an adverbial chunk before it
  const head = chunks[h];
  if (!(head.a === lo || isClauseBoundary(tokens[head.a - 1]) || CONNECTIVE_ADVERBS.has(tokens[head.a - 1].normal))) return undefined;
  if (h > 0 && chunks.slice(0, h).some((x) => x.kind !== 'adverbial')) {
    // "The deal is off, officials say, …": a clause before; only a noun phrase right before the cue is the source
    h = chunks.length - 1;
    if (chunks[h].kind !== 'np') return undefined;
  }
  let last = chunks[h].b;
  for (let i = h + 1; i < chunks.length && (chunks[i].kind === 'np' || chunks[i].kind === 'appositive'); i++) last = chunks[i].b + 1;
  c.features.push(
    feat(
      'src-chunks-',
      chunks
        .slice(h)
        .map((x) => x.kind[0])
        .join(''),
    ),
  );
  return { first: chunks[h].a, last };
}

/**
 * The source at the left of a cue right after a quotation that opened inside a phrase, after a word: "Tom Hale, who
 * calls the mayor a “liar,” said", "Noah Lamb, the executive in charge of “Today,” said". A quotation that opens the
 * sentence or follows punctuation is the cue's content, and its source is not on the left.
 */
export function sourceLeftOfQuotedWord(ctx: Ctx, c: Candidate, lo: number): TokenRange | undefined {
  const { tokens } = ctx;
  const close = c.first - 1;
  const q = ctx.closeMark[close];
  if (close - 1 < lo || q < 0 || !isComma(tokens[close - 1])) return undefined;
  const open = ctx.doc.tokenIndexAt(ctx.doc.quotations[q].start);
  if (open - 1 < lo || !tokens[open - 1].isWord || close - open > 8) return undefined;
  // the chunks before the comma inside the closing mark, as if the mark were not there
  return sourceLeft(ctx, { ...c, first: close }, lo);
}

/** Finds an inverted source at the right of the cue: "said Smith", "said Dmitry Peskov, the press secretary". */
export function sourceRight(ctx: Ctx, c: Candidate, hi: number): TokenRange | undefined {
  const { tokens } = ctx;
  const i = c.last + 1;
  if (i > hi) return undefined;
  const t = tokens[i];
  let last: number;
  if (misreadNameRight(tokens, i, hi)) {
    // "“…,” said Skelly": a surname the tagger read as a verb or adverb
    last = i;
    while (last + 1 <= hi && (tokens[last + 1].pos === 'PROPN' || isNameWord(tokens, last + 1))) last++;
  } else {
    if (!(
      t.pos === 'PROPN' ||
      t.pos === 'DET' ||
      t.pos === 'NOUN' ||
      t.pos === 'ADJ' ||
      // "said one longtime adviser", "said two officials"
      (t.pos === 'NUM' && i + 1 <= hi && tokens[i + 1].isWord) ||
      (t.pos === 'PRON' && (t.normal === 'he' || t.normal === 'she' || t.normal === 'they' || t.normal === 'i' || t.normal === 'we')) ||
      isPossessivePronoun(t)
    ))
      return undefined;
    last = npRight(tokens, i, hi);
    if (last < 0) return undefined;
    last = postModifierRight(tokens, last, hi);
  }
  const after = tokens[last + 1];
  // the phrase must end the clause (or be followed by a comma/appositive/time adverb)
  if (
    after &&
    last + 1 <= hi &&
    !(
      after.value === ',' ||
      after.value === '.' ||
      after.value === ';' ||
      after.value === ':' ||
      after.value === '—' ||
      after.normal === 'in' ||
      after.normal === 'on' ||
      after.normal === 'at' ||
      isQuoteMark(after) ||
      after.pos === 'PUNCT' ||
      isTimeWord(after) ||
      after.pos === 'ADV'
    )
  )
    return undefined;
  const end = appositiveRight(ctx, last, hi);
  return { first: i, last: end };
}

/** A capitalised word after the cue, not first in its sentence, that the tagger read as a verb, adjective or adverb, before the end of the clause or another name word. */
function misreadNameRight(tokens: Token[], i: number, hi: number): boolean {
  const t = tokens[i];
  if (!t.isWord || !(t.pos === 'VERB' || t.pos === 'ADV' || t.pos === 'ADJ') || !isCapitalized(t) || i === 0) return false;
  if (tokens[i - 1].sentence !== t.sentence) return false;
  const next = tokens[i + 1];
  return !next || i + 1 > hi || next.pos === 'PROPN' || (!next.isWord && !isQuoteMark(next) && next.value !== '(' && next.value !== '-');
}

/**
 * The end of what follows an inverted source's noun phrase ending at `last` and still belongs to it: a prepositional
 * phrase ("a longtime adviser to the mayor", "a professor of law at the University of Leeds"), an adjective with its
 * phrase ("a person close to the family"), a participle phrase ("the station chief known as Bob") or a restrictive
 * relative clause ("a council member who backs the plan"), each running to the end of its clause.
 */
function postModifierRight(tokens: Token[], last: number, hi: number): number {
  let end = last;
  for (let n = 0; n < 3; n++) {
    const k = end + 1;
    if (k > hi) break;
    const t = tokens[k];
    const head = tokens[end];
    const pp =
      t.pos === 'ADP' && (t.normal === 'of' || (t.normal === 'to' && head.pos === 'NOUN'))
        ? k + 1
        : POSTNOMINAL_ADJECTIVES.has(t.normal) && head.pos === 'NOUN' && k + 1 <= hi && tokens[k + 1].pos === 'ADP'
          ? k + 2
          : -1;
    if (pp >= 0) {
      const l = npRight(tokens, pp, hi);
      if (l < 0) break;
      end = l;
      continue;
    }
    const relative = t.normal === 'who' || t.normal === 'whom' || (t.normal === 'that' && t.pos === 'PRON');
    const participle = t.pos === 'VERB' && (t.normal.endsWith('ing') || t.normal.endsWith('ed') || t.normal === 'known');
    if (relative || participle) {
      let m = k + 1;
      while (m <= hi && m - k <= 25 && !isClauseEnd(tokens[m])) {
        if (participle && tokens[m].pos === 'AUX') return end;
        m++;
      }
      if (m - k > 25 || m === k + 1) return end;
      return m - 1;
    }
    break;
  }
  return end;
}

const isClauseEnd = (t: Token): boolean =>
  isComma(t) || t.value === '.' || t.value === ';' || t.value === ':' || t.value === '—' || t.value === '(' || isQuoteMark(t);

/** Whether `r` is a document or medium ("a statement", "a letter") that a verb or preposition before it governs. */
export function governedDocument(tokens: Token[], r: TokenRange, lo: number): boolean {
  let h = r.last;
  while (h > r.first && isTimeWord(tokens[h])) h--;
  const head = tokens[h];
  if (head.pos !== 'NOUN' || !(DOCUMENT_NOUNS.has(head.normal) || MEDIUM_NOUNS.has(head.normal))) return false;
  const g = tokens[r.first - 1];
  if (!g || r.first - 1 < lo) return false;
  if (g.pos === 'VERB' || (g.pos === 'ADP' && r.first - 2 >= lo && tokens[r.first - 2].pos === 'VERB')) return true;
  // "put out a statement", "fired back a response"
  return (g.pos === 'ADP' || g.pos === 'ADV') && r.first - 2 >= lo && tokens[r.first - 2].pos === 'VERB';
}

export function sourceShape(tokens: Token[], r: TokenRange): string {
  const head = tokens[r.last].value === ',' ? tokens[r.last - 1] : tokens[r.last];
  if (r.first === r.last && tokens[r.first].pos === 'PRON') {
    const n = tokens[r.first].normal;
    return n === 'it' ? 'it' : n === 'who' || n === 'which' || n === 'that' ? 'rel' : 'pron';
  }
  let proper = false;
  for (let k = r.first; k <= r.last; k++) if (tokens[k].pos === 'PROPN') proper = true;
  if (proper) return 'name';
  if (head && head.pos === 'NOUN') return 'noun';
  return 'other';
}
