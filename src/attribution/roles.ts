/**
 * Roles and titles of people: which definite descriptions name a person ("the senator", "the presumptive nominee"),
 * which titles are equivalent ("congressman" for "representative"), and the titles a written role holds. The words
 * are data (lexicons/en/source-words.json: additive-roles, fallback-heads, description-heads, *-titles).
 */
import type { SlantDocument, Token } from '../document';
import type { TokenRange } from './candidate';
import { ANONYMITY_MARKERS, PERSON_TITLES, sourceWords } from './lexicon';
import { clean, HONORIFICS, type MentionInfo, titleKey, trimLast } from './mention';
import { DEMONYMS } from './mention-words';
import { isComma, isPossessivePronoun } from './tokens';
import { startsUpper } from '../document/casing';

const REPRESENTATIVE = [...sourceWords.set('representative-titles')];
const LEGISLATOR = [...sourceWords.set('legislator-titles')];

/** Titles that may stand for one another ("congressman" for "representative"; "lawmaker" for any legislator). */
export const ROLE_EQUIVALENTS: Record<string, string[]> = {
  ...Object.fromEntries(REPRESENTATIVE.map((title) => [title, REPRESENTATIVE])),
  lawmaker: LEGISLATOR,
  legislator: LEGISLATOR,
};

/** Roles held on top of an office or title: "the committee chairman" may be a titled representative. */
export const ADDITIVE_ROLES = sourceWords.set('additive-roles');

/** Offices whose holder is usually the article's named protagonist when the text gives no title to match. */
export const FALLBACK_HEADS = sourceWords.set('fallback-heads');

/** Heads of definite person descriptions that are not titles ("the nominee", "the billionaire", "the American"). */
export const DESCRIPTION_HEADS: ReadonlySet<string> = new Set([...sourceWords.words('description-heads'), ...DEMONYMS]);

/**
 * "the senator", "the former governor", "the presumptive Republican nominee": a definite, singular person
 * description with no modifier after its head ("the spokesman for the campaign" is someone else) and no
 * anonymity marker, whose head word the text has not used for an unnamed person ("a police officer … the officer").
 */
export function isPersonDescription(doc: SlantDocument, range: TokenRange, info: MentionInfo): boolean {
  if (info.kind !== 'common' || info.plural || info.type !== 'anonymous') return false;
  const { tokens } = doc;
  if (/men$/u.test(clean(tokens[trimLast(tokens, range)].normal))) return false; // "the women", "the congressmen"
  if (tokens[range.first].normal !== 'the') return false;
  const head = info.head;
  if (!(PERSON_TITLES.has(head) || DESCRIPTION_HEADS.has(head) || /(?:man|woman)$/u.test(head)) || HONORIFICS.has(head)) return false;
  for (let k = range.first + 1; k <= range.last; k++) {
    const t = tokens[k];
    if (ANONYMITY_MARKERS.includes(t.normal)) return false;
  }
  for (let k = range.first + 1; k <= range.last; k++) {
    const t = tokens[k];
    if (isComma(t)) break; // "the congressman, who described …": a relative clause or an appositive role
    if (t.normal === "'s" || t.normal === '’s' || isPossessivePronoun(t)) return false; // "the president's budget director"
    if (t.value === '(' || t.pos === 'ADP' || ANONYMITY_MARKERS.includes(t.normal) || t.normal === 'who') return false;
  }
  // an unnamed person introduced with "a"/"an" in the last sentences ("a police officer … the officer")
  const since = Math.max(0, tokens[range.first].sentence - 6);
  for (let k = doc.sentences[since].tokenStart; k < range.first; k++) {
    const t = tokens[k];
    if (clean(t.lemma) !== head && clean(t.normal) !== head) continue;
    const next = tokens[k + 1];
    if (next && next.pos === 'PROPN') continue;
    for (let m = k - 1; m >= Math.max(0, k - 4) && tokens[m].sentence === t.sentence; m--) {
      if (tokens[m].normal === 'a' || tokens[m].normal === 'an') return false;
      if (!tokens[m].isWord || tokens[m].pos === 'VERB') break;
    }
  }
  return true;
}

/**
 * The words of a role, normalised ("sen." -> "senator"), without titles that belong to someone named after them
 * ("adviser to President Obama", "daughter of former Vice President Dick Cheney").
 */
export function roleTitles(role: string): string[] {
  const words = role.split(/[\s,]+/u);
  const out: string[] = [];
  words.forEach((w, i) => {
    let j = i + 1;
    while (j < words.length && PERSON_TITLES.has(titleKey(words[j].toLowerCase()))) j++;
    const next = words[j];
    if (PERSON_TITLES.has(titleKey(w.toLowerCase())) && next && startsUpper(next)) return;
    out.push(titleKey(w.toLowerCase()));
  });
  // a vice president is no president
  return out.includes('vice') ? [...out.filter((w) => w !== 'president' && w !== 'vice'), 'vice-president'] : out;
}

/** Whether `word` (lower-cased) stands within six words of token `p`, in the same sentence, outside `skip`. */
export function nearWord(tokens: Token[], p: number, word: string, skip?: { first: number; last: number }): boolean {
  const sentence = tokens[p].sentence;
  for (let k = Math.max(0, p - 6); k <= Math.min(tokens.length - 1, p + 6); k++) {
    if (skip && k >= skip.first && k <= skip.last) continue;
    if (tokens[k].sentence === sentence && tokens[k].value.toLowerCase() === word) return true;
  }
  return false;
}
