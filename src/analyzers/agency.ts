import { defineAnalyzer } from '../analyzer';
import { findingVoice, reportedAttributionOf, reportedSpeech } from '../attribution/reported';
import type { SlantDocument, Token } from '../document';
import { headlinePassive, isParticiple, passivesLayer } from '../document/passive';
import { findHeadline, isHeadlineSentence } from '../headline';
import type { CompiledLexicon } from '../lexicon/load';
import { termWords, type LexiconMatch } from '../lexicon/matcher';
import type { Evidence } from '../report';
import { lexiconMatches, stanceScan } from '../stance-scan';
import { round } from '../round';

/**
 * Agency: agentless passives that hide who acted ("protesters were killed", "jobs were cut", "mistakes were made"),
 * kept apart from passives that name the agent ("the law was passed by Congress") and from routine passives whose
 * verb hides no actor ("she was born in 1950", "the meeting was held").
 *
 * How it decides:
 * 1. A passive is a past participle after a form of "be" or "get" ("were killed", "has been cut", "got arrested"),
 *    adverbs and "not" allowed in between. In a headline, a participle right after a noun or number and before a
 *    preposition or the end is a passive too ("Three killed in blast").
 * 2. Its agent is named when "by" follows in the same clause with a person or body after it. After "by", a
 *    time, amount or manner ("by Monday", "by 20%", "by mistake") is no agent; a weapon or means ("by gunfire",
 *    "by a car") is reported as naming only a means (`means-only`).
 * 3. Only verbs of the lexicon `en/agency` are reported (`agentless-passive`): harm to people or property, coercion,
 *    decisions that fall on people, errors, concealment. Every passive counts in the metrics (`passives`,
 *    `passivesWithAgent`, `agentlessPassives`), so the reader sees how many passives name their agent.
 * A passive is often the natural choice (the agent is unknown, or obvious from context); the finding says who acted
 * is not stated, not that it was hidden on purpose.
 */

const LEXICON = 'en/agency';
const CANDIDATES = new Set(['harm', 'blame', 'error']);
const CLAUSE_BREAKERS = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'because',
  'while',
  'although',
  'though',
  'but',
  'when',
  'after',
  'before',
  'since',
  'until',
  'if',
]);
/** How far (tokens) after the participle a "by" may stand: "were killed on Monday by soldiers". */
const BY_WINDOW = 8;
/** How far after "by" the agent's head may stand: "by the country's security forces". */
const AGENT_WINDOW = 5;

export type AgencyMessageId = 'agentless-passive' | 'means-only';

/** Head words (last word of each term, lemma and form) of the lexicon's `means` and `not-agent` entries. */
interface ByObjects {
  means: Set<string>;
  notAgent: Set<string>;
}
const byObjectsCache = new WeakMap<CompiledLexicon, ByObjects>();

function byObjectsOf(lex: CompiledLexicon): ByObjects {
  let out = byObjectsCache.get(lex);
  if (out) return out;
  out = { means: new Set(), notAgent: new Set() };
  for (const e of lex.lexicon.entries) {
    const set = e.category === 'means' ? out.means : e.category === 'not-agent' ? out.notAgent : undefined;
    if (!set) continue;
    for (const term of e.terms) {
      const words = termWords(term);
      const head = words[words.length - 1];
      if (!head) continue;
      set.add(head.lemma);
      if (e.match === 'lemma' || head.normal === head.lemma) set.add(head.normal);
    }
  }
  byObjectsCache.set(lex, out);
  return out;
}

type AgentStatus = { kind: 'agent' | 'none' } | { kind: 'means'; start: number; end: number };

const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON']);

/** Whether the passive ending at token `last` names its agent; see the analyzer's description. */
function agentAfter(tokens: Token[], last: number, by: ByObjects): AgentStatus {
  const sentence = tokens[last].sentence;
  for (let k = last + 1, seen = 0; k < tokens.length && seen < BY_WINDOW; k++) {
    const t = tokens[k];
    if (t.sentence !== sentence) break;
    if (t.pos === 'PUNCT' && t.value !== '-') break;
    if (!t.isWord) continue;
    seen++;
    if (CLAUSE_BREAKERS.has(t.normal)) break;
    if (t.normal === 'hands' && tokens[k - 1]?.normal === 'the' && tokens[k - 2]?.normal === 'at') return { kind: 'agent' };
    if (t.normal !== 'by') continue;
    for (let j = k + 1, words = 0; j < tokens.length && words < AGENT_WINDOW; j++) {
      const a = tokens[j];
      if (a.sentence !== sentence) break;
      if (a.type === 'number' || a.pos === 'NUM' || a.value === '%') return { kind: 'none' };
      if (!a.isWord) continue;
      words++;
      if (a.pos === 'VERB' || a.pos === 'AUX') return { kind: 'none' }; // "by doing": manner
      if (!NOMINAL.has(a.pos)) continue;
      // the head of the noun phrase: the last of consecutive nouns ("a car bomb", "Israeli fire")
      let h = j;
      while (
        h + 1 < tokens.length &&
        tokens[h + 1].sentence === sentence &&
        (tokens[h + 1].pos === 'NOUN' || tokens[h + 1].pos === 'PROPN')
      )
        h++;
      const head = tokens[h];
      if (by.notAgent.has(head.lemma) || by.notAgent.has(head.normal)) return { kind: 'none' };
      if (by.means.has(head.lemma) || by.means.has(head.normal)) return { kind: 'means', start: a.start, end: head.end };
      return { kind: 'agent' };
    }
    return { kind: 'none' };
  }
  return { kind: 'none' };
}

/** The participle of a match: its last verb or adjective token. */
function participleOf(tokens: Token[], m: LexiconMatch): number {
  for (let k = m.last; k >= m.first; k--) if (tokens[k].pos === 'VERB' || tokens[k].pos === 'ADJ') return k;
  return m.first;
}

export interface PassiveCounts {
  passives: number;
  withAgent: number;
  agentless: number;
}

/** Counts every passive of the document and whether it names its agent. */
function countPassives(doc: SlantDocument, by: ByObjects): PassiveCounts {
  const tokens = doc.tokens;
  const out: PassiveCounts = { passives: 0, withAgent: 0, agentless: 0 };
  const verbs = stanceScan(doc).verbs;
  const { auxStart } = doc.layer(passivesLayer);
  for (let v = 0; v < verbs.length; v++) {
    const k = verbs[v];
    if (auxStart[k] < 0) continue;
    out.passives++;
    if (agentAfter(tokens, k, by).kind === 'agent') out.withAgent++;
    else out.agentless++;
  }
  return out;
}

/** Writer's-voice findings per 1,000 writer words that give a score of 0.5. */
const HALF_SCORE_RATE = 2;

export const agency = defineAnalyzer<AgencyMessageId>({
  meta: {
    id: 'agency',
    description:
      'Agentless passives that leave out who acted ("protesters were killed", "jobs were cut", "mistakes were made"), kept apart from passives that name the agent ("the law was passed by Congress") and from routine passives.',
    category: 'agency',
    messages: {
      'agentless-passive': 'Passive "{{text}}" does not say who acted',
      'means-only': 'Passive "{{text}}" names a means ("{{means}}"), not who acted',
    },
    lexicons: [LEXICON],
    defaults: { severity: 'warning', weight: 0 },
    docs: 'docs/analyzers/agency.md',
  },
  analyze({ doc, lexicon, report }) {
    const lex = lexicon(LEXICON);
    const tokens = doc.tokens;
    const headline = findHeadline(doc);
    const by = byObjectsOf(lex);
    const passives = doc.layer(passivesLayer);

    let writerFindings = 0;
    let quotedFindings = 0;
    let reportedFindings = 0;
    let meansOnly = 0;
    let lastEnd = -1;
    for (const m of lexiconMatches(doc, lex)) {
      if (m.start < lastEnd || !CANDIDATES.has(m.entry.category)) continue;
      const p = participleOf(tokens, m);
      const pt = tokens[p];
      let start = m.start;
      if (m.entry.category !== 'error') {
        if (!isParticiple(pt, 'tagged')) continue;
        const aux = passives.auxStart[p];
        if (aux >= 0) start = tokens[aux].start;
        else if (!(isHeadlineSentence(headline, pt.sentence) && headlinePassive(tokens, p))) continue;
      }
      const agent = agentAfter(tokens, m.last, by);
      if (agent.kind === 'agent') continue;
      lastEnd = m.end;
      const span = { start, end: m.end };
      const voice = findingVoice(doc, pt.start, pt.end);
      const evidence: Evidence = {
        lexicon: lex.id,
        entry: m.entry.id,
        term: m.term,
        weight: m.entry.weight,
        source: m.entry.source,
        rule: agent.kind === 'means' ? 'passive-means-only' : 'agentless-passive',
      };
      if (voice === 'quoted') {
        const quotation = doc.quotationOf(span.start, span.end);
        if (quotation) evidence.quotation = quotation.index;
      } else if (voice === 'reported') evidence.attribution = reportedAttributionOf(doc, pt.start, pt.end);
      if (isHeadlineSentence(headline, pt.sentence)) evidence.headline = true;
      const text = doc.text.slice(span.start, span.end);
      if (agent.kind === 'means') {
        meansOnly++;
        report({
          messageId: 'means-only',
          span,
          data: { text, means: doc.text.slice(agent.start, agent.end) },
          voice,
          explanation: `${m.entry.explanation} The "by" phrase names a weapon or means, not the person who used it.`,
          evidence,
        });
      } else {
        report({ messageId: 'agentless-passive', span, data: { text }, voice, explanation: m.entry.explanation, evidence });
      }
      if (voice === 'quoted') quotedFindings++;
      else if (voice === 'reported') reportedFindings++;
      else writerFindings++;
    }

    const counts = countPassives(doc, by);
    // reported speech (the content of an indirect attribution to an identified source) is not the writer's voice
    let writerWords = 0 - reportedSpeech(doc).words; // 0 - 0 is +0 (a unary minus gives -0)
    for (const s of doc.sentences) writerWords += s.writerWordCount;
    const rate = writerWords ? (1000 * writerFindings) / writerWords : 0;
    const metrics: Record<string, number> = {
      writerFindings,
      quotedFindings,
      reportedFindings,
      meansOnly,
      passives: counts.passives,
      passivesWithAgent: counts.withAgent,
      agentlessPassives: counts.agentless,
      per1000Words: round(rate),
      writerWords,
    };
    if (!writerWords) return { score: null, basis: 'No words in the writer’s voice.', metrics };
    return {
      score: rate / (rate + HALF_SCORE_RATE),
      basis:
        `${writerFindings} agentless passive${writerFindings === 1 ? '' : 's'} of harm, blame or error in the writer’s voice (${round(rate, 2)} per 1,000 words; ` +
        `score = rate / (rate + ${HALF_SCORE_RATE})); ${counts.passives} passive${counts.passives === 1 ? '' : 's'} in all, ${counts.withAgent} naming the agent.`,
      metrics,
    };
  },
});
