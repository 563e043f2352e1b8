import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { getNlp, readColumns, readRaw, winkTokens } from '../src/nlp';

/**
 * nlp.ts reads wink's token array directly (one pass, memoised vocabulary properties). It must give exactly what
 * wink's public `out()` API gives, on text that exercises every branch: contractions (normal and lemma stored in
 * the token), no-break and other unusual spaces, out-of-vocabulary words, numbers, emoji, URLs, line breaks.
 */
const reference = winkNLP(model, ['sbd', 'pos']);
const its = reference.its;

function publicReading(text: string) {
  const doc = reference.readDoc(text);
  const t = doc.tokens();
  return {
    values: t.out(its.value),
    spaces: (t.out(its.precedingSpaces) as string[]).map((s) => s.length),
    normals: t.out(its.normal),
    lemmas: t.out(its.lemma as unknown as typeof its.value),
    pos: t.out(its.pos),
    types: t.out(its.type),
    sentences: doc.sentences().out(its.span),
  };
}

const TEXTS = [
  "The minister can't say she wasn't told. They'd've known, wouldn't they?",
  'Prices rose 4.5% to $1,200\u00a0per tonne on 3 March;\u2009traders said\u202fso.',
  'Zorblaxian officials met Qwertzuiop Ltd. at https://example.org/x?y=1 \u{1F600} today.\n\nA second paragraph\tfollows.',
  'Running, ran, runs: the runners were running faster than the best-known racers.',
  '',
  '   ',
];

describe('reading wink tokens', () => {
  test.each(TEXTS.map((t) => [JSON.stringify(t).slice(0, 40), t]))('same as the public API: %s', (_name, text) => {
    // twice: the second reading comes from the per-process memo of vocabulary properties
    for (let k = 0; k < 2; k++) {
      const { read, ...tokens } = winkTokens(text);
      expect(read).toBe(text);
      expect(tokens).toEqual(publicReading(text));
    }
  });

  test.each(TEXTS.filter((t) => t.trim()).map((t) => [JSON.stringify(t).slice(0, 40), t]))(
    'the direct reader is used and agrees: %s',
    (_name, text) => {
      const nlp = getNlp();
      const wdoc = nlp.readDoc(text);
      const raw = readRaw(wdoc);
      expect(raw).toBeDefined();
      expect(raw).toEqual(readColumns(nlp, wdoc));
    },
  );
});

describe('history independence', () => {
  // wink's lite model points the lemma of 864 contraction forms ("cannot", "ain't"… when not split) past the end of
  // its lexeme table: a fresh process reads no lemma there, and a process that has learnt some 45,000 new words read
  // whichever word had landed at that index. A long batch then reported differently from a single analysis.
  test('a text reads the same after the process has learnt 52,000 new words', () => {
    const text = 'He said we cannot. Ms Smith said they cannot, and left.';
    const before = winkTokens(text);
    const cannot = before.values.findIndex((v) => v === 'cannot');
    expect(cannot).toBeGreaterThanOrEqual(0);
    expect(before.lemmas[cannot]).toBeUndefined();
    const words = Array.from({ length: 52_000 }, (_, i) => `zq${i.toString(36)}`);
    winkTokens(words.join(' '));
    expect(winkTokens(text)).toEqual(before);
  });
});
