/**
 * Country, US state and capital names (and a few institutions named by their seat), lower-cased
 * (lexicons/en/places.json). A source named only by one of these ("Russia confirmed", "Moscow said") is a
 * government, typed as an organization.
 */
import { builtinWordLists } from '../lexicon/builtin';
import { compileWordLists } from '../lexicon/word-lists';

const places = compileWordLists(builtinWordLists['en/places'], 'built-in en/places');

export const PLACE_NAMES = places.set('place-names');
/** Multi-word place names whose words are common on their own. */
export const PLACE_PHRASES = places.set('place-phrases');
