/**
 * Sentence-level stance features (first person, reader address, questions, exclamations) and the score of an
 * evaluative or predictive claim from its cues (used by the unattributed-assertions analyzer).
 */
import type { SlantDocument } from '../document';

/** Shared empty list for sentences with no cue or relation (never written to). */
export const NONE: never[] = [];

const FIRST_PERSON = new Set(['i', 'we', 'us', 'our', 'ours', 'my', 'mine', 'ourselves', 'myself']);

const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself', 'yourselves']);

export const BACKSHIFT = new Set(['would', 'could', 'might']);

export interface Cue {
  kind: string;
  start: number;
  end: number;
  first: number;
  last: number;
  weight: number;
  entry?: string;
  term?: string;
  explanation?: string;
  alternatives?: string[];
  /** True for stance features found by code rather than by a lexicon entry. */
  rule?: boolean;
}

/**
 * Stance features of a writer's-voice sentence that no lexicon entry covers: the writer speaking as "I"/"we",
 * addressing the reader, asking or exclaiming. Each is returned as a cue on the token that shows it.
 */
export function stanceFeatures(doc: SlantDocument, s: number): Cue[] {
  const sentence = doc.sentences[s];
  let out: Cue[] = NONE; // at most one cue per rule
  for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) {
    const t = doc.tokens[k];
    if (t.voice !== 'writer') continue;
    let rule = PERSON_RULE.get(t.normal);
    if (rule === 'first-person' && t.normal === 'us' && t.value === 'US') rule = undefined;
    else if (rule === undefined && (t.value === '?' || t.value === '!') && !QUOTE_MARK.test(doc.text.charAt(t.end)))
      rule = t.value === '?' ? 'question' : 'exclamation';
    if (!rule || out.some((c) => c.entry === rule)) continue;
    if (out === NONE) out = [];
    out.push({
      kind: 'unsourced-claim',
      start: t.start,
      end: t.end,
      first: k,
      last: k,
      weight: STANCE_WEIGHT[rule],
      entry: rule,
      rule: true,
    });
  }
  return out;
}

/** Person words of stance features, one lookup per token: the writer as "I"/"we", or the reader as "you". */
const PERSON_RULE = new Map<string, string>([
  ...[...FIRST_PERSON].map((w): [string, string] => [w, 'first-person']),
  ...[...SECOND_PERSON].map((w): [string, string] => [w, 'reader-address']),
]);

/** A quotation mark right after "!" or "?" closes a title or a quotation the quotation finder did not take. */
const QUOTE_MARK = /["'”’»]/u;

const STANCE_WEIGHT: Record<string, number> = { 'first-person': 0.9, 'reader-address': 0.9, question: 0.9, exclamation: 0.9 };

export const STANCE_LABEL: Record<string, string> = {
  'first-person': "first person in the writer's voice",
  'reader-address': 'addresses the reader',
  question: "question in the writer's voice",
  exclamation: 'exclamation',
};

/** Evidence that a writer's-voice sentence evaluates or predicts: the sum of its cue weights (an entry counts once). */
export function claimScore(cues: Cue[]): number {
  let score = 0;
  const seen = new Set<string>();
  for (const c of cues) {
    const key = c.entry ?? c.kind;
    score += seen.has(key) ? c.weight * 0.25 : c.weight;
    seen.add(key);
  }
  return score;
}
