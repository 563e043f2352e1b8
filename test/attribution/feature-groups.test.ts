/**
 * Feature groups of the cue model (src/attribution/feature-groups.ts): the shipped model names the groups it was
 * trained with, scoring uses only those, and a group left out contributes no bucket.
 */
import modelFile from '../../models/attribution-cue-model.json';
import { ALL_GROUPS, FEATURE_GROUPS, featureBuckets, findCandidates, groupMask } from '../../src/attribution/detect';
import { compileCueModel, CUE_MODEL } from '../../src/attribution/model';
import { parseDocument } from '../../src/document/build';

const candidate = () => {
  const { candidates } = findCandidates(parseDocument('The minister said on Tuesday that the budget was fair.'));
  const c = candidates.find((x) => x.lemma === 'say');
  if (!c) throw new Error('no candidate for "said"');
  return c;
};

describe('cue model feature groups', () => {
  it('the shipped model uses the groups its file names, and leaves out those that memorise', () => {
    expect(CUE_MODEL.groups).toBe(groupMask(modelFile.groups));
    expect(modelFile.groups).not.toContain('lemma-cross');
    expect(modelFile.groups).not.toContain('window-words');
  });

  it('a model without groups uses them all; an unknown group is an error at load', () => {
    const { groups: _drop, ...rest } = modelFile;
    void _drop;
    expect(compileCueModel(rest, 'test').groups).toBeUndefined();
    expect(() => compileCueModel({ ...modelFile, groups: ['lemma', 'nonsense'] }, 'test')).toThrow(/groups/);
    expect(() => groupMask(['nonsense'])).toThrow(/unknown cue feature group "nonsense"/);
  });

  it('leaving a group out removes exactly its buckets', () => {
    const c = candidate();
    const all = featureBuckets(c, 14, [], ALL_GROUPS);
    const noWords = featureBuckets(c, 14, [], ALL_GROUPS & ~groupMask(['window-words']));
    const words = c.lexicalGroup.filter((g) => g === groupMask(['window-words'])).length;
    expect(words).toBe(4); // two words before and two after, all inside the sentence
    expect(all.length - noWords.length).toBe(words);
    const identity = featureBuckets(c, 14, [], groupMask(['class', 'form', 'lemma']));
    expect(identity).toHaveLength(3);
    expect(FEATURE_GROUPS.length).toBe(12);
  });
});
