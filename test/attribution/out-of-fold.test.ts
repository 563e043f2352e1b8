/**
 * Out-of-fold scoring of the attribution layer (eval/attribution/lib.ts, eval/tasks/unattributed-assertions.ts), on
 * short documents written for this test: a document's out-of-fold prediction comes from a cue model fitted without
 * it, so its own gold labels cannot change it; the other fold's can.
 */
import { foldFits, foldOf, parseGold } from '../../eval/attribution/lib';
import type { GoldDoc } from '../../eval/score';
import { outOfFoldVague } from '../../eval/tasks/unattributed-assertions';
import { CUE_MODEL } from '../../src/attribution/model';

const TEXTS = [
  'The ferry is expected to resume service in May. Officials said the harbour would reopen.',
  'The bridge is widely expected to close for repairs. The mayor said the work would take a year.',
  'The council is reportedly planning a new levy. Residents said they had not been asked.',
  'The school is expected to reach full capacity. The head teacher said more rooms were needed.',
  'The vote is seen as a test for the mayor. Critics said the plan was rushed.',
  'The park is expected to open next spring. A spokeswoman said the paths were finished.',
  'The market is said to be moving to the square. Traders said the rent would rise.',
  'The strike is expected to last a week. The union said talks had failed.',
];

/** Gold: the agentless cue ("is expected", "is reportedly", …) of each text, and its "said" with a source. */
function goldDocs(dropLabelsOf?: string): GoldDoc[] {
  return TEXTS.map((text, i) => {
    const id = `t${i}`;
    const spans: NonNullable<GoldDoc['spans']> = [];
    if (id !== dropLabelsOf) {
      const m = /is (?:widely )?(?:expected|seen|said)|reportedly/u.exec(text)!;
      spans.push({ start: m.index, end: m.index + m[0].length, label: 'attribution_cue', attrs: { has_source: false } });
      const s = text.indexOf(' said ') + 1;
      spans.push({ start: s, end: s + 4, label: 'attribution_cue', attrs: { has_source: true } });
    }
    return { id, text, spans, meta: { original_compartment: i === 7 ? 'dev' : 'train' } } as GoldDoc;
  });
}

describe('attribution out of fold', () => {
  const k = 2;
  const gold = goldDocs();
  const oof = outOfFoldVague(gold, k);

  it('predicts every train document, and leaves the others to the shipped model', () => {
    expect([...oof.keys()].sort()).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6']);
    // the first text's agentless cue and its vague source, found with the model of the other fold
    expect(oof.get('t0')?.spans?.map((sp) => TEXTS[0].slice(sp.start, sp.end))).toEqual(['is expected to', 'Officials said']);
  });

  it("a document's own labels do not change its prediction; they change the model of the other fold", () => {
    const target = 't0';
    const own = foldOf(target, k);
    const changed = goldDocs(target);
    expect(outOfFoldVague(changed, k).get(target)).toEqual(oof.get(target));
    const groups = CUE_MODEL.groups!;
    const before = foldFits(parseGold(gold.filter((d) => d.meta?.original_compartment === 'train')), k, groups);
    const after = foldFits(parseGold(changed.filter((d) => d.meta?.original_compartment === 'train')), k, groups);
    expect(after[own].model.weights).toEqual(before[own].model.weights);
    expect(after[1 - own].model.weights).not.toEqual(before[1 - own].model.weights);
  });
});
