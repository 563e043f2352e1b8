import agency from '../../lexicons/en/agency.json';
import certainty from '../../lexicons/en/certainty.json';
import frameCues from '../../lexicons/en/frame-cues.json';
import loadedLanguage from '../../lexicons/en/loaded-language.json';
import reportingVerbs from '../../lexicons/en/reporting-verbs.json';
import toneAdjustments from '../../lexicons/en/tone-adjustments.json';
import unattributedAssertions from '../../lexicons/en/unattributed-assertions.json';
import framesModel from '../../models/frames.json';
import type { FramesModelInput } from '../frames-model';
import type { LexiconInput } from './schema';

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
 * The built-in frames model (models/frames.json, trained by eval/research/frames-train.mjs), validated and compiled by
 * `compileFramesModel` (src/frames-model.ts) when a pipeline with the framing analyzer is created.
 */
export const builtinFramesModel: FramesModelInput = framesModel as FramesModelInput;
