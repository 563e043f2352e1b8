import agency from '../../lexicons/en/agency.json';
import attributionCues from '../../lexicons/en/attribution-cues.json';
import certainty from '../../lexicons/en/certainty.json';
import frameCues from '../../lexicons/en/frame-cues.json';
import givenNames from '../../lexicons/en/given-names.json';
import loadedLanguage from '../../lexicons/en/loaded-language.json';
import places from '../../lexicons/en/places.json';
import reportingVerbs from '../../lexicons/en/reporting-verbs.json';
import sourceWords from '../../lexicons/en/source-words.json';
import toneAdjustments from '../../lexicons/en/tone-adjustments.json';
import unattributedAssertions from '../../lexicons/en/unattributed-assertions.json';
import framesModel from '../../models/frames.json';
import type { FramesModelInput } from '../frames-model';
import type { LexiconInput } from './schema';
import type { WordListsInput } from './word-lists';

/**
 * Built-in lexicons by id. They are imported as JSON so that bundlers inline them: the core never reads files,
 * and runs unchanged in a browser.
 */
export const builtinLexicons: Record<string, LexiconInput> = {
  'en/agency': agency as LexiconInput,
  'en/certainty': certainty as LexiconInput,
  'en/frame-cues': frameCues as LexiconInput,
  'en/loaded-language': loadedLanguage as LexiconInput,
  'en/reporting-verbs': reportingVerbs as LexiconInput,
  'en/tone-adjustments': toneAdjustments as LexiconInput,
  'en/unattributed-assertions': unattributedAssertions as LexiconInput,
};

/**
 * Built-in word lists by id (lexicons/en/, format in src/lexicon/word-lists.ts), compiled where they are used
 * (src/attribution/lexicon.ts, names.ts, places.ts).
 */
export const builtinWordLists: Record<string, WordListsInput> = {
  'en/attribution-cues': attributionCues,
  'en/given-names': givenNames,
  'en/places': places,
  'en/source-words': sourceWords,
};

/**
 * The built-in frames model (models/frames.json, trained by eval/research/frames-train.mjs), validated and compiled by
 * `compileFramesModel` (src/frames-model.ts) when a pipeline with the framing analyzer is created.
 */
export const builtinFramesModel: FramesModelInput = framesModel as FramesModelInput;
