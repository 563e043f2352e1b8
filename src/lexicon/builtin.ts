import loadedLanguage from '../../lexicons/en/loaded-language.json';
import reportingVerbs from '../../lexicons/en/reporting-verbs.json';
import unattributedAssertions from '../../lexicons/en/unattributed-assertions.json';
import type { LexiconInput } from './schema';

/**
 * Built-in lexicons by id. They are imported as JSON so that bundlers inline them: the core never reads files,
 * and runs unchanged in a browser.
 */
export const builtinLexicons: Record<string, LexiconInput> = {
  'en/loaded-language': loadedLanguage as LexiconInput,
  'en/reporting-verbs': reportingVerbs as LexiconInput,
  'en/unattributed-assertions': unattributedAssertions as LexiconInput,
};
