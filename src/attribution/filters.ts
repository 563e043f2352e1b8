/**
 * Rules applied to accepted cue candidates before relations are built: general grammatical checks that the cue
 * model's local context features miss. Each rule drops a candidate that cannot be an attribution.
 */
import type { SlantDocument, Token } from '../document';
import type { Candidate, TokenRange } from './candidate';
import { readMention } from './mention';
import { isComma } from './tokens';

/** Accepted candidates without those no rule rejects (same order). */
export function filterCandidates(doc: SlantDocument, accepted: Candidate[]): Candidate[] {
  // an attribution noun with nothing reported, its source after "from"/"by" ("the silence from the board"): no claim
  // (dropping every attribution noun without content lowered PolNeAR agentless/vague F1 0.489 -> 0.483)
  return accepted.filter((c) => !relativeThingSource(doc, c) && !(c.form === 'noun' && !c.content.length && c.sourceSide === 'by'));
}

const RELATIVE_PRONOUNS = new Set(['which', 'that']);

/**
 * "The tax cut, which has seen wide support, …": a relative pronoun whose antecedent is a thing (neither a person,
 * a group, an organisation nor a document) cannot be the source of an attribution. "who" always stands for a
 * person, so only "which" and "that" are checked.
 */
export function relativeThingSource(doc: SlantDocument, c: Candidate): boolean {
  const src = c.source;
  if (!src || src.first !== src.last || c.form !== 'verb' || c.passive) return false;
  const { tokens } = doc;
  const t = tokens[src.first];
  if (!RELATIVE_PRONOUNS.has(t.normal)) return false;
  const antecedent = antecedentOf(tokens, src.first);
  if (!antecedent) return false;
  return readMention(doc, antecedent).type === 'none';
}

/** The noun phrase right before a relative pronoun ("the tax cut" in "the tax cut, which"), within its sentence. */
function antecedentOf(tokens: Token[], rel: number): TokenRange | undefined {
  let j = rel - 1;
  if (j >= 0 && isComma(tokens[j])) j--;
  if (j < 0 || tokens[j].sentence !== tokens[rel].sentence || !tokens[j].isWord) return undefined;
  // nouns that a tagger may read as verbs ("cut", "plan") still end the phrase; pronouns and verbs in -ing/-ed do not
  const end = tokens[j];
  if (
    end.pos !== 'NOUN' &&
    end.pos !== 'PROPN' &&
    !(end.pos === 'VERB' && /^[a-z]+$/u.test(end.normal) && !/(?:ing|ed)$/u.test(end.normal))
  )
    return undefined;
  let k = j;
  while (k - 1 >= 0 && tokens[k - 1].sentence === end.sentence) {
    const p = tokens[k - 1];
    if (p.pos === 'NOUN' || p.pos === 'PROPN' || p.pos === 'ADJ' || p.pos === 'NUM' || p.normal === "'s" || p.normal === '’s') k--;
    else if (p.pos === 'DET' || p.pos === 'PRON') {
      k--;
      break;
    } else break;
  }
  return { first: k, last: j };
}
