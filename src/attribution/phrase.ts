/**
 * The parts of a source phrase ("Jonah Goldberg of the National Review, a columnist"): the main phrase before an
 * appositive, its core before a prepositional modifier or a party tag, and the head word. Read by mention.ts.
 */
import type { SlantDocument, Token } from '../document';
import { ANONYMITY_MARKERS } from './lexicon';
import { clean, isCapitalized, isComma } from './tokens';

/** The text of tokens [first, last] ('' when empty). */
export function textOf(doc: SlantDocument, first: number, last: number): string {
  if (last < first) return '';
  return doc.text.slice(doc.tokens[first].start, doc.tokens[last].end);
}

/** The parts of a source phrase [first, last] (punctuation at its end trimmed). */
export interface Phrase {
  first: number;
  last: number;
  /** Last token before the first comma (the rest is an appositive role). */
  mainLast: number;
  /** Last token of the core, before a prepositional modifier or a party tag. */
  coreLast: number;
  headTok: Token;
  head: string;
  appositive: string;
  post: string;
  /** An anonymity marker anywhere in the phrase or appositive ("who asked not to be named"). */
  anonymousMarker: boolean;
}

export function phraseOf(doc: SlantDocument, first: number, last: number): Phrase {
  const { tokens } = doc;
  // main phrase up to the first comma (the rest is an appositive role)
  let mainLast = last;
  for (let k = first; k <= last; k++)
    if (isComma(tokens[k])) {
      mainLast = k - 1;
      break;
    }
  // the core ends before a prepositional modifier ("Jonah Goldberg of the National Review")
  let coreLast = mainLast;
  // "A Top of the Pops spokesperson": a title with "of" modifying a common noun stays inside the core
  const end = tokens[mainLast];
  const titleModifier = end.pos === 'NOUN' && !isCapitalized(end) && mainLast - 1 > first && isCapitalized(tokens[mainLast - 1]);
  for (let k = first + 1; k <= mainLast; k++) {
    if (titleModifier && tokens[k].normal === 'of' && isCapitalized(tokens[k - 1]) && capitalisedRun(tokens, k + 1, mainLast - 1)) break;
    // "a person close to the mayor", "officials familiar with the talks": an adjective and its preposition after
    // the noun modify it, as a prepositional phrase does
    if (
      (tokens[k].pos === 'ADJ' || tokens[k].pos === 'ADV') &&
      k < mainLast &&
      tokens[k + 1].pos === 'ADP' &&
      (tokens[k - 1].pos === 'NOUN' || tokens[k - 1].pos === 'PROPN') &&
      !isCapitalized(tokens[k])
    ) {
      coreLast = k - 1;
      break;
    }
    // "the Ministry of Finance", "Secretary of State John Kerry": a capitalised word after "of" continues a
    // capitalised name ("the director of JFK" is a description)
    if (
      tokens[k].pos === 'ADP' &&
      !(
        tokens[k].normal === 'of' &&
        isCapitalized(tokens[k - 1]) &&
        tokens[k + 1] &&
        k + 1 <= mainLast &&
        tokens[k + 1].pos === 'PROPN' &&
        isCapitalized(tokens[k + 1])
      )
    ) {
      coreLast = k - 1;
      break;
    }
  }
  if (tokens[coreLast] && tokens[coreLast].value === ')') {
    // drop a party tag "(D-Vt.)"
    let k = coreLast;
    while (k > first && tokens[k].value !== '(') k--;
    if (k > first) coreLast = k - 1;
  }
  const headTok = tokens[coreLast];
  const head = clean(headTok.normal);
  const appositive = mainLast < last ? textOf(doc, mainLast + 2, last) : '';
  const post = coreLast < mainLast ? textOf(doc, coreLast + 1, mainLast) : '';

  // anonymity markers anywhere in the phrase or appositive ("who asked not to be named", "familiar with the talks")
  let anonymousMarker = false;
  for (let k = first; k <= last; k++) if (ANONYMITY_MARKERS.includes(tokens[k].normal)) anonymousMarker = true;
  return { first, last, mainLast, coreLast, headTok, head, appositive, post, anonymousMarker };
}

/** Whether tokens [a, b] are capitalised words, after an optional "the". */
function capitalisedRun(tokens: Token[], a: number, b: number): boolean {
  const from = tokens[a]?.normal === 'the' ? a + 1 : a;
  if (from > b) return false;
  for (let k = from; k <= b; k++) if (!isCapitalized(tokens[k])) return false;
  return true;
}
