import { compileCuePriors, CUE_PRIORS, type CuePriorsInput } from '../../src/attribution/cue-priors';
import { compileCueModel, CUE_MODEL, type CueModelInput } from '../../src/attribution/model';
import { isLexiconError } from '../../src/errors';
import { compileFramesModel } from '../../src/frames-model';
import { builtinFramesModel, builtinWordLists } from '../../src/lexicon/builtin';
import { compileLexicon } from '../../src/lexicon/load';
import { compileWordLists, type WordListsInput } from '../../src/lexicon/word-lists';
import priorsFile from '../../models/attribution-cue-priors.json';
import modelFile from '../../models/attribution-cue-model.json';
import { testLexicon } from '../fixtures/test-lexicon';

const problemsOf = (compile: () => unknown): string[] => {
  try {
    compile();
  } catch (e) {
    if (isLexiconError(e)) return e.problems;
    throw e;
  }
  return [];
};

const lists = (over: Partial<WordListsInput> = {}): WordListsInput => ({
  id: 'en/test-words',
  version: '1.0.0',
  language: 'en',
  description: 'Test lists.',
  license: 'MIT',
  sources: [{ id: 'tests', title: 'Written for the tests' }],
  lists: { fruit: { description: 'Fruit.', source: 'tests', words: ['apple', 'pear'] } },
  maps: { plural: { description: 'Plurals.', source: 'tests', entries: { apple: 'apples' } } },
  ...over,
});

describe('word lists (one resource compiler)', () => {
  it('compiles lists to words, sets and prototype-free maps', () => {
    const w = compileWordLists(lists());
    expect(w.words('fruit')).toEqual(['apple', 'pear']);
    expect(w.set('fruit').has('pear')).toBe(true);
    expect(w.map('plural').apple).toBe('apples');
    expect(w.map('plural').constructor).toBeUndefined();
  });

  it('reports every content problem at once', () => {
    const bad = lists({
      lists: {
        fruit: { description: 'Fruit.', source: 'tests', words: ['apple', 'Pear', 'apple', ' fig'] },
        veg: { description: 'Vegetables.', source: 'nobody', words: ['leek'] },
      },
    });
    expect(problemsOf(() => compileWordLists(bad, 'test'))).toEqual([
      'lists.fruit: "Pear" can never match (use lower case, no surrounding space)',
      'lists.fruit: "apple" is listed twice',
      'lists.fruit: " fig" can never match (use lower case, no surrounding space)',
      'lists.veg: source "nobody" is not declared in "sources"',
    ]);
  });

  it('reports structural problems with their path, naming the resource', () => {
    const bad = { ...lists(), version: 'one', lists: { fruit: { description: 'Fruit.', source: 'tests', words: 'apple' } } };
    expect(() => compileWordLists(bad, 'my.json')).toThrow(/Invalid word lists "en\/test-words" \(my\.json\)/);
    const problems = problemsOf(() => compileWordLists(bad, 'my.json'));
    expect(problems.some((p) => p.startsWith('version'))).toBe(true);
    expect(problems.some((p) => p.startsWith('lists.fruit.words'))).toBe(true);
  });

  it('throws a LexiconError for a list the file does not have', () => {
    expect(problemsOf(() => compileWordLists(lists()).set('nuts'))).toEqual(['lists.nuts: missing']);
  });

  it('compiles every built-in word list file', () => {
    for (const [id, input] of Object.entries(builtinWordLists)) expect(compileWordLists(input, id).id).toBe(id);
  });

  it('compiles an input object once, for every kind of resource', () => {
    const input = lists();
    expect(compileWordLists(input)).toBe(compileWordLists(input));
    expect(compileLexicon(testLexicon)).toBe(compileLexicon(testLexicon));
    expect(compileFramesModel(builtinFramesModel)).toBe(compileFramesModel(builtinFramesModel));
  });
});

describe('cue priors (models/attribution-cue-priors.json)', () => {
  const file = priorsFile as CuePriorsInput;
  it('takes the class of each word from the hand-written lists', () => {
    expect(CUE_PRIORS.get('say|v')?.cls).toBe('speech');
    expect(CUE_PRIORS.get('claim|v')?.cls).toBe('credibility');
    expect(CUE_PRIORS.get('reportedly|v')?.cls).toBe('adverb');
    expect(CUE_PRIORS.get('alleged|m')?.cls).toBe('adverb');
    expect(CUE_PRIORS.get('claim|n')?.cls).toBe('noun');
    expect(CUE_PRIORS.get('say|v')?.prior).toBe(file.priors.v.say);
  });

  it('gives a listed word without a measured prior its class default', () => {
    const { say: _say, ...v } = file.priors.v;
    const table = compileCuePriors({ ...file, priors: { ...file.priors, v } });
    expect(table.get('say|v')).toEqual({ prior: file.classDefaults.speech, cls: 'speech' });
  });

  it('rejects a prior outside 0..1 and a missing class default', () => {
    expect(problemsOf(() => compileCuePriors({ ...file, priors: { ...file.priors, n: { claim: 1.5 } } }))).toEqual([
      'priors.n.claim: must be between 0 and 1',
    ]);
    const { speech: _speech, ...defaults } = file.classDefaults;
    const { say: _say, ...v } = file.priors.v;
    expect(problemsOf(() => compileCuePriors({ ...file, classDefaults: defaults, priors: { ...file.priors, v } }))).toEqual([
      'classDefaults: no default prior for class "speech" (needed by "say")',
    ]);
  });
});

describe('cue model (models/attribution-cue-model.json)', () => {
  const file = modelFile as CueModelInput;
  it('decodes one weight per hash bucket', () => {
    expect(CUE_MODEL.weights).toHaveLength(2 ** file.bits);
    expect(CUE_MODEL.threshold).toBe(file.threshold);
  });

  it('rejects weights that do not fit the buckets or are not base64', () => {
    expect(problemsOf(() => compileCueModel({ ...file, bits: 10 }))).toEqual([`weights: ${2 ** file.bits} for 2^10 = 1024 buckets`]);
    expect(problemsOf(() => compileCueModel({ ...file, weights: 'AA*A' }))[0]).toMatch(/^weights: invalid base64/);
  });
});

describe('numbers in models', () => {
  it('rejects NaN and ±Infinity wherever a model holds a number, naming the path', () => {
    const frames = builtinFramesModel as unknown as { frames: Record<string, { bias: number; cues: number[] }> };
    for (const bad of [NaN, Infinity, -Infinity]) {
      const copy = structuredClone(frames);
      copy.frames.Crime_and_punishment.cues[3] = bad;
      copy.frames.Cultural_identity.bias = bad;
      expect(problemsOf(() => compileFramesModel(copy))).toEqual([
        'frames.Crime_and_punishment.cues.3: must be a finite number',
        'frames.Cultural_identity.bias: must be a finite number',
      ]);
    }
    const model = modelFile as CueModelInput;
    expect(problemsOf(() => compileCueModel({ ...model, threshold: Infinity }))).toEqual(['threshold: must be a finite number']);
  });
});
