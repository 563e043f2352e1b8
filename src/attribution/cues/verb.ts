/**
 * Candidate builder for verb cues ("said", "declined to say", "was criticised by"): extends the cue over its verb
 * group, finds the source (left, right, by-agent or inherited) and the content.
 */
import type { Token } from '../../document';
import { base, type Candidate, type Ctx, type CuePrior, type SourceSide, type TokenRange } from '../candidate';
import { npRight } from '../chunker';
import { clauseEnd, contentLeft, contentRight, nextKindOf, nextParagraphContent, skipAdverbialRight } from '../content';
import { feat } from '../features';
import { GERUND_SUFFIX, isBe, MEDIUM_NOUNS, PHRASAL } from '../grammar';
import { CUE_AUXILIARIES, EXPERIENCER_PARTICIPLES, PERSON_TITLES, RECIPIENT_VERBS } from '../lexicon';
import { governedDocument, sourceLeft, sourceLeftOfQuotedWord, sourceRight, sourceShape } from '../source-span';
import { finiteVerbAhead, INVERSION_VERBS, quotationEndsSentenceBefore } from './verb-clause';
import { clean, isComma, isNpHead, isPossessivePronoun, isQuoteMark, isTimeWord, isVerbGroupWord, SUBJECT_PRONOUNS } from '../tokens';

const MODALS = new Set(['will', 'would', 'could', 'can', 'should', 'may', 'might', 'must', 'shall', "'ll", '’ll', "'d", '’d']);

const CATENATIVE = new Set([
  'decline',
  'refuse',
  'want',
  'continue',
  'go',
  'begin',
  'start',
  'try',
  'plan',
  'seem',
  'appear',
  'hope',
  'expect',
  'promise',
  'vow',
  'threaten',
  'pledge',
  'need',
  'have',
  'like',
  'love',
  'intend',
  'choose',
  'agree',
  'fail',
  'offer',
  'ask',
  'wish',
  'prefer',
  'dare',
  'tend',
  'use',
  'be',
  'aim',
  'seek',
  'decide',
  'come',
  'get',
  'let',
  'make',
  'help',
]);

const AS_VERBS = new Set([
  'see',
  'regard',
  'describe',
  'view',
  'know',
  'portray',
  'characterize',
  'characterise',
  'label',
  'brand',
  'identify',
  'dub',
  'consider',
  'cast',
  'paint',
  'present',
  'depict',
  'hail',
  'tout',
  'bill',
  'frame',
]);

/** Adverbs that do not belong to a verb group before a cue. */
const NOT_CUE_ADVERBS = new Set([
  'so',
  'as',
  'how',
  'when',
  'where',
  'why',
  'there',
  'here',
  'thus',
  'hence',
  'therefore',
  'instead',
  'rather',
  'too',
  'very',
  'only',
]);

/** Whether a noun-tagged token reads as a verb here ("Critics charge that ..."). */
export function nounReadsAsVerb(tokens: Token[], k: number, lo: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (!prev || k - 1 < lo || !next) return false;
  // an uninflected form reads as a verb only before "that", a quotation or a colon ("the figures show that"), or
  // after a plural subject ("polls show voters …", "economists say", "six in 10 say")
  const pluralSubject =
    ((prev.pos === 'NOUN' || prev.pos === 'PROPN') && (prev.normal !== prev.lemma || k - 1 === lo) && /[a-z]s$/u.test(prev.normal)) ||
    (prev.pos === 'NUM' && k - 2 >= lo && tokens[k - 2].normal === 'in');
  if (
    pluralSubject &&
    t.normal === t.lemma &&
    (next.pos === 'NOUN' || next.pos === 'PRON' || next.pos === 'AUX' || next.pos === 'DET' || next.normal === 'that')
  )
    return true;
  if (t.normal === t.lemma && !(next.normal === 'that' || isQuoteMark(next) || next.value === ':')) return false;
  const prevOk =
    prev.pos === 'PROPN' || (prev.pos === 'PRON' && SUBJECT_PRONOUNS.has(prev.normal) && !isPossessivePronoun(prev)) || prev.pos === 'NOUN';
  const particle = PHRASAL.get(t.lemma)?.includes(next.normal) ?? false;
  const nextOk =
    next.normal === 'that' ||
    next.pos === 'PRON' ||
    next.pos === 'DET' ||
    isQuoteMark(next) ||
    next.value === ':' ||
    particle ||
    next.value === '.' ||
    next.value === ',' ||
    next.pos === 'PROPN' ||
    next.pos === 'NUM';
  return prevOk && nextOk;
}

/** "asked not to be named", "spoke on condition of anonymity": part of a source phrase, not an attribution. */
export function anonymityIdiom(tokens: Token[], k: number, hi: number): boolean {
  const l = tokens[k].lemma;
  if (l !== 'ask' && l !== 'speak' && l !== 'request' && l !== 'decline' && l !== 'insist' && l !== 'talk' && l !== 'agree') return false;
  for (let m = k + 1; m <= hi && m - k <= 6; m++) {
    const n = tokens[m].normal;
    if (n === 'anonymity' || n === 'anonymously' || ((n === 'named' || n === 'identified') && tokens[m - 1].normal === 'be')) return true;
  }
  return false;
}

/** "As Mr Prior remarks": a capitalised word after a title or an honorific is a name the tagger read as an adverb. */
const nameInside = (tokens: Token[], j: number): boolean =>
  j > 0 &&
  /^\p{Lu}/u.test(tokens[j].value) &&
  tokens[j - 1].sentence === tokens[j].sentence &&
  PERSON_TITLES.has(clean(tokens[j - 1].normal));

/** Extends a verb cue over its auxiliaries, negation and adverbs to the left, and particles to the right. */
function extendVerbCue(ctx: Ctx, c: Candidate, lo: number, hi: number): void {
  const { tokens } = ctx;
  let j = c.head - 1;
  let n = 0;
  while (j >= lo && n < 4) {
    const t = tokens[j];
    if (
      isVerbGroupWord(t) ||
      (t.pos === 'ADV' &&
        !NOT_CUE_ADVERBS.has(t.normal) &&
        !nameInside(tokens, j) &&
        (CUE_AUXILIARIES.has(t.normal) || t.normal.endsWith('ly') || (j - 1 >= lo && isVerbGroupWord(tokens[j - 1])) || n === 0)) ||
      // "has since said": "since" (read as a preposition) between the auxiliary and the verb
      (t.normal === 'since' && n === 0 && j - 1 >= lo && tokens[j - 1].lemma === 'have') ||
      // "have all attacked", "Obama and Clinton both agree": a quantifier floated off the subject
      ((t.normal === 'all' || t.normal === 'both') &&
        j - 1 >= lo &&
        (isVerbGroupWord(tokens[j - 1]) || isNpHead(tokens[j - 1]) || tokens[j - 1].pos === 'PRON'))
    ) {
      j--;
      n++;
      continue;
    }
    break;
  }

  // "declined to say", "went on to say", "wants to know": the catenative verb joins the cue
  if (j - 1 >= lo && tokens[j].normal === 'to' && tokens[j].pos === 'PART') {
    let v = j - 1;
    if (tokens[v].normal === 'on' && v - 1 >= lo) v--;
    if (tokens[v].pos === 'VERB' && CATENATIVE.has(tokens[v].lemma)) {
      c.features.push('catenative');
      j = v - 1;
      n = 0;
      while (j >= lo && n < 4 && (isVerbGroupWord(tokens[j]) || (tokens[j].pos === 'ADV' && CUE_AUXILIARIES.has(tokens[j].normal)))) {
        j--;
        n++;
      }
    }
  }
  c.first = j + 1;
  for (let m = c.first; m < c.head; m++) {
    if (isBe(tokens[m]) && tokens[c.head].normal !== tokens[c.head].lemma && !GERUND_SUFFIX.test(tokens[c.head].normal)) c.passive = true;
  }
  // right: particles, "in a statement", "as", a colon
  let r = c.head;
  const next = tokens[r + 1];
  if (next && r + 1 <= hi) {
    const particles = PHRASAL.get(c.lemma);
    if (particles && particles.includes(next.normal) && (next.pos === 'ADP' || next.pos === 'ADV' || next.pos === 'PART')) r++;
    else if (next.normal === 'as' && AS_VERBS.has(c.lemma)) r++;
  }
  const n1 = tokens[r + 1];
  if (n1 && r + 1 <= hi && (n1.normal === 'in' || n1.normal === 'on' || n1.normal === 'during') && c.cls !== 'evidence') {
    // "said in a statement", "wrote in a blog post", "said on Twitter"
    const n2 = tokens[r + 2];
    const n3 = tokens[r + 3];
    const n4 = tokens[r + 4];
    if (n2 && (n2.normal === 'twitter' || n2.normal === 'facebook' || n2.normal === 'instagram')) r += 2;
    else if (n2 && n3 && (n2.pos === 'DET' || isPossessivePronoun(n2)) && MEDIUM_NOUNS.has(n3.normal) && r + 3 <= hi) {
      r += 3;
      if (n4 && n4.normal === 'post' && r + 1 <= hi) r++;
    } else if (
      n2 &&
      n3 &&
      n4 &&
      (n2.pos === 'DET' || isPossessivePronoun(n2)) &&
      (n3.pos === 'ADJ' || n3.pos === 'NOUN' || n3.pos === 'PROPN') &&
      MEDIUM_NOUNS.has(n4.normal) &&
      r + 4 <= hi
    )
      r += 4;
  }
  if (tokens[r + 1] && r + 1 <= hi && tokens[r + 1].value === ':') r++;
  c.last = r;
}

/** A verb cue at token k (lemma `lemma`, cue-table entry `p`), with its features, source and content. */
export function verb(ctx: Ctx, k: number, lo: number, hi: number, p: CuePrior, lemma: string): Candidate | undefined {
  const { tokens } = ctx;
  const t = tokens[k];
  const c = base(k, lemma, p.cls, 'verb', p.prior);
  extendVerbCue(ctx, c, lo, hi);
  const f = c.features;
  const prev = tokens[c.first - 1];
  const prevIn = c.first - 1 >= lo;
  const gerund = GERUND_SUFFIX.test(t.normal);
  const infinitive = prevIn && prev.normal === 'to';
  if (gerund) f.push('gerund');
  if (infinitive) f.push('infinitive');
  if (c.passive) f.push('passive');
  if (t.pos !== 'VERB') f.push(feat('pos-', t.pos));
  for (let m = c.first; m < c.head; m++) {
    if (MODALS.has(tokens[m].normal)) f.push('modal');
    if (tokens[m].normal === 'not' || tokens[m].normal === "n't" || tokens[m].normal === 'n’t' || tokens[m].normal === 'never')
      f.push('negated');
  }
  if (k === lo || (k === lo + 1 && !tokens[lo].isWord)) f.push('sentence-initial');
  // "figures released on Tuesday", "the bill passed by the House": a participle modifying the noun before it
  if (c.first === k && prevIn && (prev.pos === 'NOUN' || prev.pos === 'PROPN') && t.normal.endsWith('ed') && t.normal !== t.lemma) {
    const nx = tokens[k + 1];
    // (not "responded by saying": "by" with a gerund is no agent)
    const byGerund = nx && nx.normal === 'by' && tokens[k + 2] !== undefined && GERUND_SUFFIX.test(tokens[k + 2].normal);
    if (
      !byGerund &&
      (!nx || k + 1 > hi || nx.normal === 'by' || ((nx.pos === 'ADP' || isTimeWord(nx)) && finiteVerbAhead(tokens, k + 1, hi)))
    ) {
      f.push('postnominal-participle');
      c.passive = true; // a reduced passive: its subject is what it modifies, its agent follows "by"
    }
  }
  if (tokens[k].paragraph === 0) f.push('first-paragraph');
  // "“Why now?” asked Smith": the quotation's question mark ended the sentence, but the quotation is still this cue's
  const from = INVERSION_VERBS.has(c.lemma) ? quotationEndsSentenceBefore(ctx, c, lo) : lo;
  verbSource(ctx, c, from, hi, gerund, infinitive);
  verbContent(ctx, c, from, hi);
  if (!c.content.length) f.push('no-content');
  else if (c.quotation !== undefined) f.push('content-quote');
  return c;
}

/**
 * The source of a verb cue and the side it stands on (left, inverted right, a by-agent, inherited from the clause
 * before, or none), with the features that describe them.
 */
function verbSource(ctx: Ctx, c: Candidate, lo: number, hi: number, gerund: boolean, infinitive: boolean): void {
  const { tokens } = ctx;
  const t = tokens[c.head];
  const f = c.features;
  const prev = tokens[c.first - 1];
  const prevIn = c.first - 1 >= lo;
  let source: TokenRange | undefined;
  let side: SourceSide = 'none';
  const prevKind = !prevIn
    ? 'start'
    : ctx.closeMark[c.first - 1] >= 0
      ? 'close-quote'
      : isComma(prev)
        ? ctx.closeMark[c.first - 2] >= 0
          ? 'close-quote'
          : 'comma'
        : prev.value === '—' || prev.value === '–' || prev.value === '--'
          ? 'dash'
          : prev.pos === 'CCONJ'
            ? 'cconj'
            : isNpHead(prev) || prev.value === ')'
              ? 'np'
              : prev.pos === 'ADP' || prev.pos === 'SCONJ'
                ? 'adp'
                : prev.pos === 'ADV'
                  ? 'adv'
                  : 'other';
  f.push(feat('prev-', prevKind));
  const participleStart = prevKind === 'start' && (gerund || t.normal.endsWith('ed')) && t.normal !== t.lemma;
  if (c.passive || participleStart) {
    // passive: "was criticized by X"; otherwise no source. "Asked about it, she …": no source either.
    let b = c.last + 1;
    while (
      b <= hi &&
      b - c.last < 7 &&
      tokens[b].normal !== 'by' &&
      (isTimeWord(tokens[b]) ||
        tokens[b].pos === 'ADV' ||
        tokens[b].pos === 'ADP' ||
        tokens[b].pos === 'DET' ||
        tokens[b].pos === 'NOUN' ||
        tokens[b].pos === 'ADJ' ||
        tokens[b].pos === 'PROPN')
    )
      b++;
    if (b <= hi && tokens[b].normal === 'by') {
      const l = npRight(tokens, b + 1, hi);
      if (l >= 0) {
        source = { first: b + 1, last: l };
        side = 'by';
      }
    }
    // "the union is worried about": no agent, and the subject holds the feeling
    if (side === 'none' && c.passive && EXPERIENCER_PARTICIPLES.has(t.normal)) {
      source = sourceLeft(ctx, c, lo);
      if (source) side = 'left';
    }
    if (participleStart) f.push('participle-start');
    // "Citing the weather, the mayor said": an opening participle clause shares the main clause's subject
    if (participleStart && gerund && side === 'none') side = 'inherited';
  } else if (c.cls === 'appearance') {
    side = 'none'; // "seems", "appears": the subject is part of the content
  } else if (
    (infinitive && !f.includes('catenative')) ||
    // (a participle clause, not a progressive: "Lee, the chair, is supporting" has its subject on the left)
    (gerund &&
      !tokens.slice(c.first, c.head).some((x) => isBe(x)) &&
      (prevKind === 'comma' || prevKind === 'adp' || prevKind === 'cconj' || prevKind === 'close-quote' || prevKind === 'dash')) ||
    prevKind === 'cconj'
  ) {
    side = 'inherited';
  } else {
    if (prevKind !== 'close-quote' && prevKind !== 'start') {
      source = sourceLeft(ctx, c, lo);
      if (source) side = 'left';
      // "the office put out a statement saying …": a document that a verb before it governs (or any phrase a verb
      // governs) does not speak; the subject of that verb does
      if (gerund && prevKind === 'np' && (!source || governedDocument(tokens, source, lo))) {
        source = undefined;
        side = 'inherited';
      }
    }
    if (
      !source &&
      INVERSION_VERBS.has(c.lemma) &&
      !c.passive &&
      (prevKind === 'close-quote' || prevKind === 'comma' || prevKind === 'start')
    ) {
      source = sourceRight(ctx, c, hi);
      if (source) side = 'right';
    }
    // "Tom Hale, who calls the mayor a “liar,” said": a quoted word inside the subject's phrase
    if (!source && prevKind === 'close-quote' && (source = sourceLeftOfQuotedWord(ctx, c, lo))) side = 'left';
    // "the board rejected both objections, ruled Cruz eligible": a verb after a comma shares its subject
    if (!source && (prevKind === 'comma' || prevKind === 'dash') && !gerund) side = 'inherited';
  }
  c.source = source;
  c.sourceSide = side;
  f.push(feat('side-', side));
  if (source) f.push(feat('src-', sourceShape(tokens, source)));
}

/**
 * The content of a verb cue: postposed after a quotation ("“…,” she said …"), postposed after a clause ("…,
 * officials said"), or following the cue ("said that …", "told reporters …", "said: …").
 */
function verbContent(ctx: Ctx, c: Candidate, lo: number, hi: number): void {
  const { tokens } = ctx;
  const f = c.features;
  const side = c.sourceSide;
  const source = c.source;
  const leftEdge = side === 'left' && source ? source.first : c.first;
  const before = leftEdge - 1 >= lo ? leftEdge - 1 : -1;
  const quoteBefore =
    before >= 0 && (ctx.closeMark[before] >= 0 || (isComma(tokens[before]) && before - 1 >= lo && ctx.closeMark[before - 1] >= 0));
  const afterIdx = side === 'right' || side === 'by' ? source!.last + 1 : c.last + 1;
  if (quoteBefore) {
    f.push('quote-before');
    contentLeft(ctx, c, before, lo);
    // "“…,” he said, “…”": a second part of the same quotation after the cue
    for (let m = afterIdx; m <= hi; m++) {
      if (ctx.openMark[m] >= 0 && m > afterIdx && (isComma(tokens[m - 1]) || tokens[m - 1].value === ':')) {
        const q = ctx.doc.quotations[ctx.openMark[m]];
        c.content.push({ first: m, last: Math.max(m, ctx.doc.tokenIndexAt(q.end) - 1) });
        break;
      }
      if (tokens[m].value === '.' || tokens[m].value === ';') break;
    }
  } else {
    let r = afterIdx;
    const nx = tokens[r];
    let nextKind = r > hi ? 'end' : nextKindOf(ctx, r);
    if (RECIPIENT_VERBS.has(c.lemma) && (nextKind === 'np' || nextKind === 'pron')) {
      // "told reporters that ...", "urged him to resign": skip the person addressed
      const objLast = nx.pos === 'PRON' ? r : npRight(tokens, r, hi);
      if (objLast >= r) {
        const after = objLast + 1 <= hi ? nextKindOf(ctx, objLast + 1) : 'end';
        if (
          after === 'that' ||
          after === 'to' ||
          after === 'quote' ||
          after === 'colon' ||
          after === 'pron' ||
          after === 'comma' ||
          after === 'wh' ||
          after === 'time' ||
          after === 'adp' ||
          (after === 'np' && TELL_VERBS.has(c.lemma))
        ) {
          f.push('recipient');
          r = objLast + 1;
        }
      }
    }
    // adverbials between the cue and the content: "said Saturday that", "said on Tuesday", "asked rhetorically"
    r = skipAdverbialRight(ctx, r, hi);
    nextKind = r > hi ? 'end' : nextKindOf(ctx, r);
    f.push(feat('next-', nextKind));
    const rightEmpty =
      nextKind === 'end' || (nextKind === 'punct' && tokens[r].value !== ':' && tokens[r].value !== ',' && tokens[r].value !== '—');
    const clauseBefore = before >= lo && isComma(tokens[before]) && before > lo;
    if (clauseBefore && (rightEmpty || nextKind === 'comma')) {
      // "The deal is off, officials said." / "…, the Times said, including …"
      f.push('clause-before');
      contentLeft(ctx, c, before, lo);
      if (nextKind === 'comma' && r + 1 <= hi) {
        const e = clauseEnd(ctx, r + 1, hi);
        if (e >= r + 1) c.content.push({ first: r + 1, last: e });
      }
    } else if (!rightEmpty) {
      contentRight(ctx, c, r, hi);
      // "is expected to win", "seemed to be": the subject is part of the content
      if ((c.passive || c.cls === 'appearance') && side !== 'by' && side !== 'left' && c.content.length) {
        const sl = sourceLeft(ctx, { ...c, features: [] }, lo);
        if (sl && !(sl.first === sl.last && tokens[sl.first].normal === 'it')) c.content.unshift(sl);
      }
    }
    // "he declared:" at the end of a paragraph: the content is the next paragraph
    if (!c.content.length && (tokens[c.last].value === ':' || tokens[r]?.value === ':') && (r > hi || tokens[r].value === ':'))
      nextParagraphContent(ctx, c, hi);
  }
}

/** Verbs that always take the person addressed before the content: "told reporters the vote was close". */
const TELL_VERBS = new Set(['tell', 'inform', 'assure', 'reassure', 'remind', 'notify', 'convince', 'persuade', 'warn', 'promise']);
