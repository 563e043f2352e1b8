import { z } from 'zod';
import { defineAnalyzer } from '../analyzer';
import type { SlantDocument, Token } from '../document';
import type { LexiconMatch } from '../lexicon/matcher';
import { findHeadline, isHeadlineSentence } from '../headline';
import { titleCaseSentences, withHeadlineLemmas } from '../document/casing';
import { round } from '../round';
import { defineNegationLayer, negatedBefore, type NegationRule } from '../document/negation';
import { builtinLexicons } from '../lexicon/builtin';
import { compileLexicon } from '../lexicon/load';
import { builtinLoadedWordModel, builtinVectors } from '../models/builtin';
import { compileVectors } from '../models/vectors';
import { compileWordModel, modelDecisions, type LoadedCategory, type MatchInfo } from './loaded-language-model';
import { findingVoice, reportedAttributionOf, reportedSpeech } from '../attribution/reported';
import { findDistancing } from '../distancing';

/**
 * Loaded language: words and phrases that carry judgement or emotion beyond the fact reported — charged verbs,
 * adjectives and nouns ("slammed", "brutal", "fiasco"), labels ("thugs", "deep state"), exaggeration and minimisation
 * ("unprecedented", "downplay"), puffery ("a testament to", "cutting-edge") and evaluative intensifiers and
 * superlatives ("utterly", "one of the most").
 *
 * How it decides (every step measured on annotated dev corpora, see lexicons/en/loaded-language.md):
 * 1. Match the lexicon `en/loaded-language` (lemma- and POS-aware, multi-word phrases). Title-Case headline
 *    words, which the tagger reads as proper names, are re-read in lower case first ("Slams" → slam).
 * 2. Where matches overlap keep the longest; at equal length an exact-form entry beats a lemma entry
 *    ("greatest" the superlative, not "great"), then the higher weight.
 * 3. Report a match when its entry's weight (the measured share of its occurrences that annotators marked as
 *    loaded) is at least `minWeight`.
 * 4. Negation: a charged verb or noun, exaggeration, superlative, intensifier, puffery or minimisation right after
 *    "not", "never", "no"… is not reported ("did not lie", "no fiasco", "not unprecedented", "not the best"): the
 *    charge is denied, not made. A negated charged adjective or label still evaluates on the same scale ("not
 *    brutal", "not a thug") and is reported with `evidence.negated`. (Measured: annotators marked 18% of negated
 *    charged verbs and nouns but 39% of negated charged adjectives, against 43% of all reported matches.)
 * 5. Voice: a finding inside a direct or block quotation is `quoted` and carries the quotation's index; one in the
 *    content of an indirect attribution to an identified source ("a spokesperson said the case was one of the
 *    worst") is `reported` and carries the attribution's index; scare quotes stay in the writer's voice. The score
 *    counts the writer's voice only (findings and words).
 */

const LEXICON = 'en/loaded-language';

export type LoadedLanguageMessageId =
  'charged-word' | 'label' | 'exaggeration' | 'minimisation' | 'puffery' | 'intensifier' | 'superlative' | 'scare-quote' | 'so-called';

const MESSAGE_OF_CATEGORY: Record<LoadedCategory, LoadedLanguageMessageId> = {
  'charged-verb': 'charged-word',
  'charged-adjective': 'charged-word',
  'charged-noun': 'charged-word',
  label: 'label',
  exaggeration: 'exaggeration',
  minimisation: 'minimisation',
  puffery: 'puffery',
  intensifier: 'intensifier',
  superlative: 'superlative',
};
/** The message of a lexicon category; a category of a user's lexicon that the table does not know is a charged word. */
function messageOf(category: string): LoadedLanguageMessageId {
  return (MESSAGE_OF_CATEGORY as Partial<Record<string, LoadedLanguageMessageId>>)[category] ?? 'charged-word';
}

/** Categories whose charge a preceding negation denies: "not unprecedented" is no exaggeration, "did not lie" no accusation. */
const NEGATION_FLIPS = new Set(['exaggeration', 'superlative', 'intensifier', 'puffery', 'minimisation', 'charged-verb', 'charged-noun']);
/**
 * Negation of a match: a negator up to three words before it ("was not very", "is not the best"); "not only", "not
 * just" are an intensifying construction, not a negation.
 */
const NEGATION: NegationRule = {
  negators: new Set(['not', 'never', 'no', 'nor', 'hardly', 'scarcely', 'barely', 'without', 'neither']),
  notNegatingAfter: new Set(['only', 'just', 'merely', 'simply', 'least', 'less', 'doubt']),
  window: 3,
  hyphenContinues: true,
};

/**
 * The score is rate / (rate + HALF_SCORE_RATE), where rate = writer's-voice findings per 100 writer's-voice words:
 * 0 → 0, 1 per 100 words → 0.5, 3 → 0.75. Measured medians (default options): BBC news 0.43 per 100 words (score
 * 0.30), BASIL US politics 0.63 (0.39), PTC propaganda-annotated articles 1.03 (0.51), PTC 90th percentile 2.3 (0.70).
 */
export const HALF_SCORE_RATE = 1;

const OptionsSchema = z.strictObject({
  /**
   * Report a match only when its entry's weight is at least this (0–1). The weight is the measured share of the
   * term's occurrences that annotators marked as loaded. 0.23 is the one threshold that keeps the cross-validated
   * PTC, BABE word and BABE sentence scores all above their targets with the widest margin (loaded-language.md);
   * lower finds more and is less precise.
   */
  minWeight: z.number().min(0).max(1).default(0.23),
  /** Skip charged verbs and nouns, exaggerations, superlatives, intensifiers, puffery and minimisers right after a negation. */
  negation: z.boolean().default(true),
  /** Re-read Title-Case headline sentences in lower case so that "Slams" matches "slam". */
  headlines: z.boolean().default(true),
  /** Lexicon categories to report (default: all). */
  categories: z.array(z.string().min(1)).optional(),
  /**
   * The word-level model (models/loaded-words.json, lexicons/en/loaded-language.md "The word-level model"): also
   * report weaker lexicon matches and words the lexicon does not list when the model, which weighs the word's vector,
   * part of speech and context, rates them at least `modelThreshold`. Raises the cross-validated F1 on PTC, BABE and
   * MBIC. Default: on with the built-in lexicon, off when a lexicon given in `lexicons` replaces it (the model was
   * trained on the built-in weights, and a term removed from a custom lexicon must not come back as a model finding).
   */
  model: z.boolean().optional(),
  /**
   * Probability from which the word-level model reports a word (default: the model's own, 0.3, chosen by
   * cross-validation with the model's veto: a lexicon match whose every word the model rates under 0.1 is dropped).
   */
  modelThreshold: z.number().min(0).max(1).optional(),
  /**
   * Report distancing devices (src/distancing.ts): "so-called X" and scare quotes (a few words in quotation marks
   * with no speaker), as `info` findings of category `distancing`. They have their own metrics (`distancing`,
   * `distancingPer100Words`, writer's voice) and are not counted in the score: on PTC only 13% of them overlap an
   * annotated propaganda span (loaded words are 44%), so counting them would dilute a measured rate.
   */
  distancing: z.boolean().default(true),
});

export type LoadedLanguageOptions = z.output<typeof OptionsSchema>;

type Candidate = LexiconMatch;

export const loadedLanguage = defineAnalyzer<LoadedLanguageMessageId, LoadedLanguageOptions>({
  meta: {
    id: 'loaded-language',
    description:
      'Charged words, labels, exaggeration, minimisation, puffery and evaluative intensifiers, from a lexicon whose weights are measured on annotated news; the score grows with the writer’s-voice rate per 100 words (1 per 100 words gives 0.5).',
    category: 'loaded-language',
    messages: {
      'charged-word': 'Charged word "{{term}}"',
      label: 'Label "{{term}}"',
      exaggeration: 'Exaggeration "{{term}}"',
      minimisation: 'Minimising word "{{term}}"',
      puffery: 'Puffery "{{term}}"',
      intensifier: 'Intensifier "{{term}}"',
      superlative: 'Evaluative superlative "{{term}}"',
      'scare-quote': 'Scare quotes around "{{term}}": the writer keeps a distance from the word',
      'so-called': '"so-called" before "{{term}}": the writer keeps a distance from the name',
    },
    options: OptionsSchema,
    lexicons: [LEXICON],
    defaults: { severity: 'warning', weight: 1 },
    docs: 'docs/analyzers/loaded-language.md',
  },
  analyze({ doc, options, lexicon, report }) {
    const lex = lexicon(LEXICON);
    const categories = options.categories ? new Set(options.categories) : undefined;
    const headline = findHeadline(doc);
    const view = matchingView(doc, options.headlines ? titleCaseSentences(doc) : new Set());
    // the view's matches: the document's own (a layer, also read by unattributed-assertions) outside re-read sentences
    const chosen = resolveOverlaps(view === doc ? lex.matcher.match(doc) : lex.matcher.matchView(view, doc));

    let writerFindings = 0;
    let quotedFindings = 0;
    let reportedFindings = 0;
    let negatedFindings = 0;
    let writerWeight = 0;
    const byCategory: Record<string, number> = {};
    const flaggedSentences = new Set<number>();
    // matches at any weight that pass the rules below: the word-level model's context
    const kept: typeof chosen = [];
    const keptNegated: boolean[] = [];
    for (const m of chosen) {
      const { entry } = m;
      if (categories && !categories.has(entry.category)) continue;
      if (isLegalCharge(doc.tokens, m.first, m.last)) continue;
      const negated = doc.layer(NEGATION_SCOPES)[m.first] === 1;
      if (negated && options.negation && NEGATION_FLIPS.has(entry.category)) continue;
      kept.push(m);
      keptNegated.push(negated);
    }
    const useModel = options.model ?? lex.lexicon === builtinLoadedLexicon().lexicon;
    const model = useModel ? wordModel(lex.lexicon.entries, options.minWeight) : undefined;
    const infos: MatchInfo[] = kept.map((m, j) => ({
      first: m.first,
      last: m.last,
      weight: m.entry.weight,
      category: m.entry.category,
      negated: keptNegated[j],
    }));
    const decided = model ? modelDecisions(doc, infos, model, options.minWeight, options.modelThreshold) : undefined;
    const modelEvidence = (probability: number) => ({ model: model!.model.id, probability: round(probability) });

    for (let j = 0; j < kept.length; j++) {
      const m = kept[j];
      const { entry } = m;
      const rescued = decided?.rescued.get(j);
      if (entry.weight < options.minWeight && rescued === undefined) continue;
      // the word-level model rates every word of this match as unlikely to be read as loaded here
      if (decided?.vetoed.has(j)) continue;
      const negated = keptNegated[j];
      const quoted = doc.isQuoted(m.first, m.last);
      const quotation = quoted ? doc.quotationOf(m.start, m.end) : undefined;
      const reported = quoted ? undefined : reportedAttributionOf(doc, m.start, m.end);
      const sentence = doc.tokens[m.first].sentence;
      const messageId = messageOf(entry.category);
      report({
        messageId,
        span: { start: m.start, end: m.end },
        data: { term: doc.text.slice(m.start, m.end) },
        category: entry.category,
        voice: quoted ? 'quoted' : reported !== undefined ? 'reported' : 'writer',
        explanation: entry.explanation,
        evidence: {
          lexicon: lex.id,
          entry: entry.id,
          term: m.term,
          weight: entry.weight,
          source: entry.source,
          ...(quotation ? { quotation: quotation.index } : {}),
          ...(reported !== undefined ? { attribution: reported } : {}),
          ...(isHeadlineSentence(headline, sentence) ? { headline: true } : {}),
          ...(negated ? { negated: true } : {}),
          ...(rescued !== undefined ? modelEvidence(rescued) : {}),
        },
        suggestions: entry.alternatives ?? [],
      });
      if (negated) negatedFindings++;
      if (quoted || reported !== undefined) {
        if (quoted) quotedFindings++;
        else reportedFindings++;
        continue;
      }
      writerFindings++;
      writerWeight += entry.weight;
      flaggedSentences.add(sentence);
      byCategory[entry.category] = (byCategory[entry.category] ?? 0) + 1;
    }
    let modelFindings = 0;
    for (const w of decided?.words ?? []) {
      const t = doc.tokens[w.k];
      if (categories && !categories.has(w.category)) continue;
      const quoted = t.voice === 'quoted';
      const quotation = quoted ? doc.quotationOf(t.start, t.end) : undefined;
      const reported = quoted ? undefined : reportedAttributionOf(doc, t.start, t.end);
      const close = w.closeTo.length ? ` Close to: ${w.closeTo.join(', ')}.` : '';
      report({
        messageId: messageOf(w.category),
        span: { start: t.start, end: t.end },
        data: { term: t.value },
        category: w.category,
        voice: quoted ? 'quoted' : reported !== undefined ? 'reported' : 'writer',
        explanation: `Not in the lexicon: the word-level model (the word's vector, part of speech and context) rates it as likely to be read as loaded (p = ${round(w.probability, 2)}).${close}`,
        evidence: {
          ...modelEvidence(w.probability),
          closeTo: w.closeTo,
          ...(quotation ? { quotation: quotation.index } : {}),
          ...(reported !== undefined ? { attribution: reported } : {}),
          ...(isHeadlineSentence(headline, t.sentence) ? { headline: true } : {}),
        },
        suggestions: [],
      });
      modelFindings++;
      if (quoted || reported !== undefined) {
        if (quoted) quotedFindings++;
        else reportedFindings++;
        continue;
      }
      writerFindings++;
      flaggedSentences.add(t.sentence);
      byCategory[w.category] = (byCategory[w.category] ?? 0) + 1;
    }

    let distancing = 0;
    for (const d of options.distancing ? findDistancing(doc) : []) {
      if (categories && !categories.has('distancing')) break;
      const voice = findingVoice(doc, d.termStart, d.termEnd);
      const reported = voice === 'reported' ? reportedAttributionOf(doc, d.termStart, d.termEnd) : undefined;
      const sentence = doc.sentenceAt(d.start)?.index ?? 0;
      report({
        messageId: d.kind,
        severity: 'info',
        span: { start: d.start, end: d.end },
        data: { term: doc.text.slice(d.termStart, d.termEnd) },
        category: 'distancing',
        voice,
        explanation: DISTANCING_EXPLANATION[d.kind],
        evidence: {
          rule: d.kind,
          ...(d.quotation !== undefined ? { quotation: d.quotation } : {}),
          ...(reported !== undefined ? { attribution: reported } : {}),
          ...(isHeadlineSentence(headline, sentence) ? { headline: true } : {}),
        },
        suggestions: [],
      });
      // reported, and in the metrics, but not in the score: see DISTANCING_EXPLANATION's note in the docs
      if (voice === 'writer') distancing++;
    }

    let writerWords = 0;
    for (const s of doc.sentences) writerWords += s.writerWordCount;
    const quotedWords = doc.wordCount - writerWords;
    // reported speech of an identified source is the source's framing: out of the writer's voice and its rate
    const reportedWords = reportedSpeech(doc).words;
    writerWords -= reportedWords;
    const rate = writerWords ? (100 * writerFindings) / writerWords : 0;
    const quotedRate = quotedWords ? (100 * quotedFindings) / quotedWords : 0;
    const metrics: Record<string, number> = {
      writerFindings,
      quotedFindings,
      negatedFindings,
      writerWords,
      quotedWords,
      reportedFindings,
      reportedWords,
      per100Words: round(rate),
      quotedPer100Words: round(quotedRate),
      writerWeight: round(writerWeight),
      flaggedSentences: flaggedSentences.size,
      modelFindings,
      modelVetoed: decided?.vetoed.size ?? 0,
      distancing,
      distancingPer100Words: round(writerWords > 0 ? (100 * distancing) / writerWords : 0),
    };
    for (const [cat, n] of Object.entries(byCategory)) metrics[`category.${cat}`] = n;
    if (!writerWords) {
      return {
        score: null,
        basis: quotedWords
          ? `No words in the writer's voice; ${quotedFindings} loaded term${quotedFindings === 1 ? '' : 's'} in ${quotedWords} quoted words.`
          : 'No words to score.',
        metrics,
      };
    }
    const score = rate / (rate + HALF_SCORE_RATE);
    const quotedPart = quotedWords ? `; quoted material: ${quotedFindings} in ${quotedWords} words (${round(quotedRate, 1)} per 100)` : '';
    return {
      score,
      basis:
        `${writerFindings} loaded term${writerFindings === 1 ? '' : 's'} in ${writerWords} words of the writer's voice ` +
        `(${round(rate, 2)} per 100 words; score = rate / (rate + ${HALF_SCORE_RATE}), so ${HALF_SCORE_RATE} per 100 words gives 0.5)${quotedPart}` +
        (reportedFindings ? `; reported speech of identified sources: ${reportedFindings} in ${reportedWords} words` : '') +
        (distancing ? `; ${distancing} distancing device${distancing === 1 ? '' : 's'} ("so-called", scare quotes), not scored` : '') +
        '.',
      metrics,
    };
  },
});

const DISTANCING_EXPLANATION = {
  'scare-quote':
    'A few words in quotation marks with no speaker: the marks hold the word at a distance (doubt, irony or disapproval) without saying why or whose word it is.',
  'so-called':
    '"so-called" marks a name as somebody else\'s and doubts it, without saying whose it is or what is wrong with it. It reports nobody\'s words: it is no attribution.',
} as const;

/** Words that make a following crime noun the name of a legal charge ("charged with fraud", "guilty of murder"). */
const LEGAL_FRAME = new Set([
  'charge',
  'charged',
  'convict',
  'convicted',
  'conviction',
  'indict',
  'indicted',
  'indictment',
  'acquit',
  'acquitted',
  'guilty',
  'plead',
  'pleaded',
  'prosecute',
  'prosecution',
  'count',
  'counts',
]);
/** What may stand between the legal word and the noun: "charges of fraud and conspiracy", "two counts of murder". */
const LEGAL_GAP = new Set(['of', 'with', 'for', 'and', 'or', ',', 'a', 'an', 'the', 'attempted']);
const LEGAL_WINDOW = 6;

/**
 * A noun that names the charge in a legal frame ("denied charges of fraud and conspiracy", "convicted of murder") is
 * the court's word, not the writer's characterisation.
 */
function isLegalCharge(tokens: Token[], first: number, last: number): boolean {
  if (first !== last || tokens[first].pos !== 'NOUN') return false;
  const sentence = tokens[first].sentence;
  for (let k = first - 1; k >= 0 && first - k <= LEGAL_WINDOW && tokens[k].sentence === sentence; k--) {
    const t = tokens[k];
    if (LEGAL_FRAME.has(t.normal) || LEGAL_FRAME.has(t.lemma)) return true;
    if (!LEGAL_GAP.has(t.normal) && t.pos !== 'NOUN' && t.pos !== 'NUM') return false;
  }
  return false;
}

/** The built-in loaded-language lexicon, compiled (cached by the loader, so the pipeline's copy is the same object). */
function builtinLoadedLexicon() {
  return compileLexicon(builtinLexicons[LEXICON], `built-in ${LEXICON}`);
}

/** The built-in word model with the built-in vectors, compiled once (validation and decoding: about 0.1–0.2 s). */
function wordModel(entries: ReadonlyArray<{ terms: readonly string[]; weight: number; category: string }>, minWeight: number) {
  return compileWordModel(builtinLoadedWordModel, compileVectors(builtinVectors, 'models/vectors-en.json'), entries, minWeight);
}

/**
 * Keeps, among overlapping matches, the one covering most tokens; at equal length an entry matched by exact form
 * beats one matched by lemma, then the higher weight, then the earlier one. Returns the kept matches by offset.
 */
export function resolveOverlaps<M extends Candidate>(matches: readonly M[]): M[] {
  if (matches.length < 2) return [...matches];
  const ranked = [...matches].sort(
    (a, b) =>
      b.last - b.first - (a.last - a.first) ||
      b.end - b.start - (a.end - a.start) ||
      Number(b.entry.match === 'normal') - Number(a.entry.match === 'normal') ||
      b.entry.weight - a.entry.weight ||
      a.start - b.start,
  );
  const taken = new Set<number>();
  const kept: M[] = [];
  for (const m of ranked) {
    let free = true;
    for (let k = m.first; k <= m.last && free; k++) if (taken.has(k)) free = false;
    if (!free) continue;
    for (let k = m.first; k <= m.last; k++) taken.add(k);
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The rule's negation scopes, a layer of each document. */
const NEGATION_SCOPES = defineNegationLayer('loaded-language', NEGATION);

/** True when a negator stands within a few tokens before `first`, in the same clause (the rule of the scopes). */
export function isNegated(tokens: Token[], first: number): boolean {
  return negatedBefore(tokens, first, NEGATION);
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);
const SUBJECT_POS = new Set(['NOUN', 'PROPN', 'PRON']);

/**
 * Present-tense verbs right after a capitalised subject ("Critics slam the plan") are read as nouns by the tagger.
 * A noun between a noun, name or pronoun and a determiner is taken as a verb: nouns are almost never followed
 * directly by "the", "a", "his"…
 */
function isMisreadVerb(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t.pos !== 'NOUN' || k === 0 || k + 1 >= tokens.length) return false;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  return prev.sentence === t.sentence && next.sentence === t.sentence && SUBJECT_POS.has(prev.pos) && DETERMINERS.has(next.normal);
}

/**
 * The tokens the lexicon is matched against: the document's own, except that (1) in Title-Case sentences every
 * capitalised token carries the lemma and POS the tagger gives the sentence in lower case, and (2) misread
 * present-tense verbs are tagged as verbs. Offsets, values and normal forms never change. Returns the document
 * itself when nothing needs repair.
 */
function matchingView(doc: SlantDocument, titleCase: Set<number>): SlantDocument {
  let tokens: Token[] | undefined;
  for (let k = 0; k < doc.tokens.length; k++) {
    if (!isMisreadVerb(doc.tokens, k)) continue;
    tokens ??= doc.tokens.slice();
    tokens[k] = { ...doc.tokens[k], pos: 'VERB' };
  }
  if (titleCase.size) tokens = withHeadlineLemmas(doc, tokens ?? doc.tokens.slice(), titleCase);
  if (!tokens) return doc;
  return doc.withTokens(tokens);
}
