import { parseDocument } from '../../src/document/build';
import { defineNegationLayer, negatedBefore, type NegationRule } from '../../src/document/negation';
import { isParticiple, passivesLayer } from '../../src/document/passive';

const at = (doc: ReturnType<typeof parseDocument>, word: string): number => doc.tokens.findIndex((t) => t.normal === word);

describe('passives layer', () => {
  const doc = parseDocument('The bill was quietly passed. Jobs have been cut. She passed the test. Three killed in blast.');
  const { auxStart } = doc.layer(passivesLayer);

  it('marks each passive participle with the start of its auxiliary chain', () => {
    expect(doc.tokens[auxStart[at(doc, 'passed')]].normal).toBe('was');
    expect(doc.tokens[auxStart[at(doc, 'cut')]].normal).toBe('have');
  });

  it('leaves active verbs and reduced passives without auxiliary unmarked', () => {
    const active = doc.tokens.findIndex((t, k) => t.normal === 'passed' && k > at(doc, 'she'));
    expect(auxStart[active]).toBe(-1);
    expect(auxStart[at(doc, 'killed')]).toBe(-1);
  });

  it('is computed once per document', () => {
    expect(doc.layer(passivesLayer)).toBe(doc.layer(passivesLayer));
  });

  it('has two participle tests, by the tagger and by spelling', () => {
    const d = parseDocument('Judge Smith was told.');
    expect(isParticiple(d.tokens[at(d, 'judge')], 'spelling')).toBe(false);
    expect(isParticiple(d.tokens[at(d, 'told')], 'spelling')).toBe(true);
    expect(isParticiple(d.tokens[at(d, 'told')], 'tagged')).toBe(true);
  });
});

describe('negation scopes layer', () => {
  const rule: NegationRule = {
    negators: new Set(['not', 'never']),
    notNegatingAfter: new Set(['only']),
    window: 2,
    hyphenContinues: false,
  };
  const layer = defineNegationLayer('test', rule);

  it('holds, for every token, what negatedBefore says', () => {
    const doc = parseDocument('It is not very good, and never bad. Not only big but huge. Not a single - word here.');
    const scopes = doc.layer(layer);
    const expected = doc.tokens.map((_, k) => (negatedBefore(doc.tokens, k, rule) ? 1 : 0));
    expect(Array.from(scopes)).toEqual(expected);
    expect(scopes[at(doc, 'very')]).toBe(1);
    expect(scopes[at(doc, 'big')]).toBe(0); // "not only"
  });

  it('holds what negatedBefore says for other windows, hyphens and sentence ends', () => {
    const doc = parseDocument(
      'Not — a non-starter, never half-baked or self-made. No. Never "really" bad; not only, not-so-great, hardly new.\n\nNot\nagain never',
    );
    for (const window of [1, 2, 3, 5])
      for (const hyphenContinues of [false, true]) {
        const r: NegationRule = {
          negators: new Set(['not', 'never', 'no', 'hardly']),
          notNegatingAfter: new Set(['only', 'so']),
          window,
          hyphenContinues,
        };
        const expected = doc.tokens.map((_, k) => (negatedBefore(doc.tokens, k, r) ? 1 : 0));
        expect(Array.from(doc.layer(defineNegationLayer(`test-${window}-${hyphenContinues}`, r)))).toEqual(expected);
      }
  });
});

describe('doc.isQuoted', () => {
  it('is true when any word of the token span is quoted', () => {
    const doc = parseDocument('He said "the plan is a disaster" on Monday.');
    expect(doc.isQuoted(at(doc, 'a'), at(doc, 'disaster'))).toBe(true);
    expect(doc.isQuoted(at(doc, 'said'), at(doc, 'the'))).toBe(true);
    expect(doc.isQuoted(at(doc, 'he'), at(doc, 'said'))).toBe(false);
  });
});
