// Unit tests of eval/score.ts on tiny hand-made documents (no corpus text). Every expected number is
// derived by hand in the comment next to it. "w" = weight = characters that are neither whitespace
// nor quotation marks.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  caseStats,
  formatResult,
  goldAsPred,
  isGenericSource,
  readJsonl,
  score,
  selftest,
  speakerMatches,
  spearman,
  wordTokens,
  type GoldAttrs,
  type GoldDoc,
  type GoldSpan,
  type PredLine,
  type PredSpan,
} from '../../eval/score';

/** Offsets of the k-th (0-based) occurrence of `s` in `text`. */
function find(text: string, s: string, k = 0): [number, number] {
  let i = -1;
  for (let n = 0; n <= k; n++) {
    i = text.indexOf(s, i + 1);
    if (i < 0) throw new Error(`"${s}" #${k} not in "${text}"`);
  }
  return [i, i + s.length];
}
function g(text: string, s: string, label: string, attrs?: GoldAttrs, k = 0): GoldSpan {
  const [start, end] = find(text, s, k);
  return attrs ? { start, end, label, attrs } : { start, end, label };
}
function p(text: string, s: string, label: string, extra: Partial<PredSpan> = {}, k = 0): PredSpan {
  const [start, end] = find(text, s, k);
  return { start, end, label, ...extra };
}
const near = (a: number | null | undefined, b: number) => expect(a).toBeCloseTo(b, 12);

describe('loaded: span overlap and word level', () => {
  const text = 'Cats chase mice. Dogs bark loudly.';
  const gold: GoldDoc[] = [
    { id: 'a', text, spans: [g(text, 'chase', 'Loaded_Language'), g(text, 'bark loudly', 'biased_word'), g(text, 'Cats', 'Doubt')] },
  ];

  test('span overlap counts pred units hitting gold and gold units hit', () => {
    const pred: PredLine[] = [
      {
        id: 'a',
        spans: [p(text, 'chase mice', 'loaded'), p(text, 'Dogs', 'loaded'), p(text, 'loudly', 'loaded'), p(text, 'mice', 'vague')],
      },
    ];
    const m = score({ task: 'loaded', gold, pred }).metrics;
    // 'Doubt' is not a loaded label; the 'vague' pred is ignored. Preds: 'chase mice' hits, 'Dogs' misses,
    // 'loudly' hits -> P = 2/3; both gold units are hit -> R = 2/2; F1 = 2*(2/3)*1 / (5/3) = 0.8
    expect(m.span_overlap).toMatchObject({ pred_units: 3, pred_hit: 2, gold_units: 2, gold_hit: 2 });
    near(m.span_overlap?.p, 2 / 3);
    near(m.span_overlap?.r, 1);
    near(m.span_overlap?.f1, 0.8);
    // words: Cats chase mice Dogs bark loudly. gold+ {chase, bark, loudly}; pred+ {chase, mice, Dogs, loudly}
    // tp = chase, loudly (2); fp = mice, Dogs (2); fn = bark (1); tn = Cats (1)
    expect(m.word).toMatchObject({ tp: 2, fp: 2, fn: 1, tn: 1 });
    near(m.word?.p, 1 / 2);
    near(m.word?.r, 2 / 3);
    near(m.word?.f1, 4 / 7); // 2*(1/2)*(2/3) / (1/2 + 2/3) = (2/3) / (7/6)
  });

  test('a word is positive when a span covers any of its characters', () => {
    // pred covers 'ha' inside 'chase' and 's b' across 'Dogs bark' -> pred+ {chase, Dogs, bark}
    const [c] = find(text, 'chase');
    const [d] = find(text, 'Dogs');
    const pred: PredLine[] = [
      {
        id: 'a',
        spans: [
          { start: c + 1, end: c + 3, label: 'loaded' },
          { start: d + 3, end: d + 6, label: 'loaded' },
        ],
      },
    ];
    const m = score({ task: 'loaded', gold, pred }).metrics;
    // tp = chase, bark; fp = Dogs; fn = loudly; tn = Cats, mice
    expect(m.word).toMatchObject({ tp: 2, fp: 1, fn: 1, tn: 2 });
    // span level: 'ha' hits 'chase'; 's b' hits 'bark loudly' -> P = 2/2, R = 2/2
    near(m.span_overlap?.f1, 1);
  });

  test('custom gold labels', () => {
    const pred: PredLine[] = [{ id: 'a', spans: [p(text, 'Cats', 'loaded')] }];
    const r = score({ task: 'loaded', gold, pred, goldLabels: ['Doubt'] });
    expect(r.gold_labels).toEqual(['Doubt']);
    near(r.metrics.span_overlap?.f1, 1); // one gold 'Cats', one pred 'Cats'
  });

  test('identical offsets under several labels form one gold unit', () => {
    const t = 'A truly awful plan.';
    const s = g(t, 'truly awful', 'Loaded_Language');
    const r = score({ task: 'loaded', gold: [{ id: 'x', text: t, spans: [s, { ...s, label: 'Exaggeration,Minimisation' }] }], pred: [] });
    expect(r.metrics.span_overlap?.gold_units).toBe(1);
  });
});

describe('word tokens', () => {
  test('need a letter or digit; apostrophes and hyphens stay inside words', () => {
    // "state-of-the-art" is one word, "it’s" one, "2024" one; "--" and a lone "’" are not words
    expect(wordTokens('A state-of-the-art -- it’s ’ 2024').map((w) => w.text)).toEqual(['A', 'state-of-the-art', 'it’s', '2024']);
    expect(wordTokens('ab cd')).toEqual([
      { start: 0, end: 2, text: 'ab' },
      { start: 3, end: 5, text: 'cd' },
    ]);
  });
});

describe('ratio matching (cue/source/content, ratio >= 0.5)', () => {
  // 26 letters, no spaces: every character weighs 1, so weights are plain lengths.
  const text = 'abcdefghijklmnopqrstuvwxyz';
  const cue = (start: number, end: number): GoldSpan => ({ start, end, label: 'attribution_cue' });
  const pc = (start: number, end: number): PredSpan => ({ start, end, label: 'cue' });

  test('greedy by decreasing ratio, one-to-one (not the maximum matching)', () => {
    // G1=[0,10) w10, G2=[3,9) w6; P1=[0,9) w9, P2=[0,13) w13.
    // ratios: G1-P1 9/10 = 0.9; G1-P2 10/13 = 0.769; G2-P1 6/9 = 0.667; G2-P2 6/13 = 0.46 (< 0.5).
    // Greedy takes G1-P1 first; G1-P2 and G2-P1 are then blocked -> 1 match (the optimum would be 2).
    const gold: GoldDoc[] = [{ id: 'a', text, spans: [cue(0, 10), cue(3, 9)] }];
    const m = score({ task: 'cue', gold, pred: [{ id: 'a', spans: [pc(0, 9), pc(0, 13)] }] }).metrics;
    expect(m.ratio50).toMatchObject({ matched: 1, pred_units: 2, gold_units: 2 });
    near(m.ratio50?.p, 1 / 2);
    near(m.ratio50?.r, 1 / 2);
    // overlap: both preds hit, both gold hit
    near(m.span_overlap?.f1, 1);
  });

  test('a gold unit is matched once even when two preds qualify', () => {
    // G=[0,10); P1=[0,10) ratio 1; P2=[0,9) ratio 0.9 -> only P1 matched: P = 1/2, R = 1/1, F1 = 2/3
    const gold: GoldDoc[] = [{ id: 'a', text, spans: [cue(0, 10)] }];
    const m = score({ task: 'cue', gold, pred: [{ id: 'a', spans: [pc(0, 9), pc(0, 10)] }] }).metrics;
    expect(m.ratio50?.matched).toBe(1);
    near(m.ratio50?.p, 1 / 2);
    near(m.ratio50?.r, 1);
    near(m.ratio50?.f1, 2 / 3);
  });

  test('threshold is inclusive', () => {
    // G=[0,10), P=[0,5): 5/10 = 0.5 -> matched. P=[0,4) (separate doc): 4/10 = 0.4 -> not matched
    const gold: GoldDoc[] = [
      { id: 'a', text, spans: [cue(0, 10)] },
      { id: 'b', text, spans: [cue(0, 10)] },
    ];
    const m = score({
      task: 'cue',
      gold,
      pred: [
        { id: 'a', spans: [pc(0, 5)] },
        { id: 'b', spans: [pc(0, 4)] },
      ],
    }).metrics;
    expect(m.ratio50?.matched).toBe(1); // P = 1/2, R = 1/2
    near(m.ratio50?.f1, 1 / 2);
  });
});

describe('weights ignore whitespace and quotation marks', () => {
  const text = 'He said: “We will   win.” Then he left.';
  const gold: GoldDoc[] = [
    { id: 'a', text, spans: [g(text, '“We will   win.”', 'attribution_content'), g(text, '   ', 'attribution_content')] },
  ];

  test('spaces and quote marks at the boundary change nothing; blank spans are ignored', () => {
    // gold unit w = We(2) + will(4) + win.(4) = 10; the '   ' gold span has w 0 -> ignored
    // pred 'We will   win.' w 10 -> ratio 1; pred '“' alone -> w 0, ignored
    const m = score({ task: 'content', gold, pred: [{ id: 'a', spans: [p(text, 'We will   win.', 'content'), p(text, '“', 'content')] }] });
    expect(m.gold_units_without_weight).toBe(1);
    expect(m.pred_units_without_weight).toBe(1);
    expect(m.metrics.ratio50).toMatchObject({ matched: 1, pred_units: 1, gold_units: 1 });
    expect(formatResult(m)).toContain('ignored_blank_pred_spans=1 ignored_blank_gold_spans=1');
  });

  test('sharing only a quote mark is no overlap', () => {
    // pred '” Then' shares only '”' (w 0) with the gold unit -> a false positive; pred '.” Then' shares '.'
    const m = score({ task: 'content', gold, pred: [{ id: 'a', spans: [p(text, '” Then', 'content')] }] }).metrics;
    expect(m.span_overlap).toMatchObject({ pred_hit: 0, gold_hit: 0 });
    const m2 = score({ task: 'content', gold, pred: [{ id: 'a', spans: [p(text, '.” Then', 'content')] }] }).metrics;
    expect(m2.span_overlap).toMatchObject({ pred_hit: 1, gold_hit: 1 });
    // ratio: inter '.' = 1, union = 10 + 5 ('.' + 'Then') - 1 = 14 -> 0.07, no match
    expect(m2.ratio50?.matched).toBe(0);
  });

  test('ratio uses weighted characters', () => {
    // pred 'We will' w 6: inter 6, union 10 -> 0.6 >= 0.5 (in raw characters it would be 7/16 < 0.5)
    const m = score({ task: 'content', gold, pred: [{ id: 'a', spans: [p(text, 'We will', 'content')] }] }).metrics;
    expect(m.ratio50?.matched).toBe(1);
  });
});

describe('fragments and groups', () => {
  const text = 'Taxes, she said, will rise.';
  const at = (s: string, label: string, role?: string): GoldSpan =>
    g(text, s, label, { attribution_id: 'E1', has_source: true, ...(role ? { role } : {}) });
  const gold: GoldDoc[] = [
    {
      id: 'a',
      text,
      spans: [
        at('Taxes', 'attribution_content'),
        at('will rise', 'attribution_content'),
        at('she', 'attribution_source'),
        at('said', 'attribution_cue'),
      ],
    },
  ];

  test('gold fragments of one attribution and label are one unit', () => {
    // content unit = 'Taxes' (5) + 'will rise' (8) = 13. Preds without group: 'Taxes' (w5) and 'will rise.' (w9).
    // overlap: both preds hit the one unit -> P = R = 1.
    // ratio: 'Taxes' 5/13 = 0.38 (no); 'will rise.' 8/(13+9-8) = 8/14 = 0.57 (yes) -> matched 1: P = 1/2, R = 1
    const m = score({
      task: 'content',
      gold,
      pred: [{ id: 'a', spans: [p(text, 'Taxes', 'content'), p(text, 'will rise.', 'content')] }],
    }).metrics;
    expect(m.span_overlap).toMatchObject({ pred_units: 2, pred_hit: 2, gold_units: 1, gold_hit: 1 });
    expect(m.ratio50?.matched).toBe(1);
    near(m.ratio50?.p, 1 / 2);
    near(m.ratio50?.r, 1);
  });

  test('pred spans with the same group form one unit', () => {
    // one unit w 5 + 9 = 14; inter 13, union 14 -> 0.93 -> P = R = 1
    const m = score({
      task: 'content',
      gold,
      pred: [{ id: 'a', spans: [p(text, 'Taxes', 'content', { group: 7 }), p(text, 'will rise.', 'content', { group: 7 })] }],
    }).metrics;
    expect(m.span_overlap?.pred_units).toBe(1);
    near(m.ratio50?.f1, 1);
  });

  test('groups are per label, and different roles are different gold units', () => {
    // a 'cue' span in group 7 is not part of the content group
    const r = score({
      task: 'content',
      gold,
      pred: [{ id: 'a', spans: [p(text, 'Taxes', 'content', { group: 7 }), p(text, 'said', 'cue', { group: 7 })] }],
    });
    expect(r.metrics.span_overlap?.pred_units).toBe(1);
    const roles: GoldDoc[] = [
      { id: 'a', text, spans: [at('Taxes', 'attribution_content', 'x'), at('will rise', 'attribution_content', 'y')] },
    ];
    expect(score({ task: 'content', gold: roles, pred: [] }).metrics.span_overlap?.gold_units).toBe(2);
  });
});

describe('agentless', () => {
  // 'officials' occurs in lowercase once and capitalised only sentence-initially -> a generic first word;
  // 'Smith' is never lowercase -> a name.
  const text = 'The deal is reportedly off. Officials said talks stalled. Smith said it was fine. Some officials are upset.';
  const a = (id: string, hs: boolean): GoldAttrs => ({ attribution_id: id, has_source: hs });
  const gold: GoldDoc[] = [
    {
      id: 'd',
      text,
      spans: [
        g(text, 'reportedly', 'attribution_cue', a('E1', false)),
        g(text, 'Officials', 'attribution_source', a('E2', true)),
        g(text, 'said', 'attribution_cue', a('E2', true), 0),
        g(text, 'Smith', 'attribution_source', a('E3', true)),
        g(text, 'said', 'attribution_cue', a('E3', true), 1),
      ],
    },
  ];

  test('recall on agentless cues; broad precision counts generic sources, strict does not', () => {
    const pred: PredLine[] = [
      {
        id: 'd',
        spans: [p(text, 'reportedly', 'vague'), p(text, 'Officials', 'vague'), p(text, 'said', 'vague', {}, 1), p(text, 'upset', 'vague')],
      },
    ];
    const m = score({ task: 'agentless', gold, pred }).metrics.agentless;
    // 4 preds. strict hits: 'reportedly' (1). broad hits: 'reportedly' + 'Officials' (E2 has a generic source) = 2.
    // The second 'said' belongs to E3, whose source 'Smith' is a name -> no hit. R = 1/1 agentless cue found.
    expect(m).toMatchObject({
      pred_units: 4,
      pred_hit_broad: 2,
      pred_hit_strict: 1,
      gold_units: 1,
      gold_hit: 1,
      agentless_attributions: 1,
      generic_source_attributions: 1,
    });
    near(m?.p, 2 / 4);
    near(m?.r, 1);
    near(m?.f1, 2 / 3); // 2*0.5*1/1.5
    near(m?.p_strict, 1 / 4);
    near(m?.f1_strict, 0.4); // 2*0.25*1/1.25
  });

  test('generic source rules', () => {
    const cs = caseStats([{ text }]);
    expect(cs.low.get('officials')).toBe(1);
    expect(cs.capMid.get('officials')).toBeUndefined(); // 'Officials' is sentence-initial
    expect(isGenericSource('Officials', cs)).toBe(true);
    expect(isGenericSource('some officials', cs)).toBe(true);
    expect(isGenericSource('Smith', cs)).toBe(false); // low 0 is not > capMid 0
    expect(isGenericSource('officials near Smith', cs)).toBe(false); // a capitalised non-first word
    expect(isGenericSource('they', cs)).toBe(false); // lone pronoun
    expect(isGenericSource('“ ”', cs)).toBe(false); // no word
  });
});

describe('quote task', () => {
  const text = '“Rates will rise,” Mr. Lee said. Ann Park said costs would fall.';
  const gold: GoldDoc[] = [
    {
      id: 'q',
      text,
      spans: [
        g(text, '“Rates will rise,”', 'quote', { reference: 'Tom Lee', direct: true }),
        g(text, 'costs would fall', 'quote', { reference: 'Ann Park', direct: false }),
      ],
    },
  ];

  test('ratio >= 0.3 and >= 0.8, speaker accuracy, recall by type', () => {
    // Q1 w = Rates(5)+will(4)+rise,(5) = 14; pred 'Rates will rise' w 13 -> 13/14 = 0.93 (>= 0.8), speaker 'Lee' = 'Tom Lee'.
    // Q2 w = 14; pred 'costs' w 5 -> 5/14 = 0.36 (>= 0.3 only), speaker 'Ms. Parks' (last token parks != park) wrong.
    const pred: PredLine[] = [
      { id: 'q', spans: [p(text, 'Rates will rise', 'quote', { speaker: 'Lee' }), p(text, 'costs', 'quote', { speaker: 'Ms. Parks' })] },
    ];
    const m = score({ task: 'quote', gold, pred }).metrics;
    expect(m.ratio30?.matched).toBe(2);
    expect(m.ratio80?.matched).toBe(1);
    near(m.ratio80?.f1, 1 / 2);
    expect(m.speaker).toMatchObject({ correct: 1, n: 2 });
    near(m.speaker?.accuracy, 1 / 2);
    expect(m.recall30_by_type).toMatchObject({ direct: 1, direct_n: 1, indirect: 1, indirect_n: 1 });
  });

  test('speaker names', () => {
    expect(speakerMatches('Mr. Lee', 'Tom Lee')).toBe(true);
    expect(speakerMatches('José Núñez', 'Jose Nunez')).toBe(true);
    expect(speakerMatches('Lee’s', 'Tom Lee')).toBe(true);
    expect(speakerMatches('Dr.', 'Tom Lee')).toBe(false); // only an honorific -> no name
    expect(speakerMatches(undefined, 'Tom Lee')).toBe(false);
  });
});

describe('sentence task', () => {
  test('macro-F1 of both classes; excluded values; missing preds are negative', () => {
    const labels = ['Biased', 'Biased', 'Biased', 'Non-biased', 'Non-biased', 'No agreement'];
    const gold: GoldDoc[] = labels.map((v, i) => ({ id: i, text: 'x', spans: [], doc_labels: { label_bias: v } }));
    // preds: 0 T, 1 T, 2 F, 3 T, 4 missing, 5 T (excluded)
    const pred: PredLine[] = [
      { id: '0', doc: { positive: true } },
      { id: 1, doc: { positive: true } },
      { id: '2', doc: { positive: false } },
      { id: '3', doc: { positive: true } },
      { id: '5', doc: { positive: true } },
    ];
    const s = score({ task: 'sentence', gold, pred, goldKey: 'label_bias', goldPos: 'Biased' }).metrics.sentence;
    // tp = 0,1; fn = 2; fp = 3; tn = 4 (missing -> negative); n = 5
    expect(s).toMatchObject({ n: 5, tp: 2, fn: 1, fp: 1, tn: 1, excluded: 1, pred_missing_field: 1 });
    near(s?.accuracy, 3 / 5);
    near(s?.f1, 2 / 3); // P+ = 2/3, R+ = 2/3
    near(s?.f1_neg, 1 / 2); // P- = 1/2 (tn/(tn+fn)), R- = 1/2 (tn/(tn+fp))
    near(s?.macro_f1, 7 / 12); // (2/3 + 1/2) / 2
    near(s?.gold_pos_rate, 3 / 5);
    near(s?.pred_pos_rate, 3 / 5);
  });

  test('several positive values and a custom exclusion list', () => {
    const gold: GoldDoc[] = ['A', 'B', 'C'].map((v, i) => ({ id: i, text: 'x', doc_labels: { k: v } }));
    const pred: PredLine[] = [
      { id: 0, doc: { positive: true } },
      { id: 1, doc: { positive: true } },
    ];
    const s = score({ task: 'sentence', gold, pred, goldKey: 'k', goldPos: 'A|B', goldExclude: [] }).metrics.sentence;
    expect(s).toMatchObject({ n: 3, tp: 2, tn: 1 }); // A, B positive and predicted; C negative, missing
    expect(() => score({ task: 'sentence', gold, pred })).toThrow('needs --gold-key');
  });
});

describe('density', () => {
  const words = (n: number) => Array.from({ length: n }, () => 'w').join(' ');

  test('Spearman with ties, per 1,000 words, MAE', () => {
    const wc = [100, 200, 100, 500];
    const goldN = [2, 1, 3, 3];
    const predN = [1, 1, 2, 3];
    const gold: GoldDoc[] = wc.map((n, i) => ({ id: i, text: words(n), doc_labels: { attributions: goldN[i] } }));
    const pred: PredLine[] = predN.map((n, i) => ({ id: i, doc: { attributions: n } }));
    const d = score({ task: 'density', gold, pred }).metrics.density;
    // ranks pred [1.5,1.5,3,4], gold [2,1,3.5,3.5]; deviations from 2.5: [-1,-1,.5,1.5] and [-.5,-1.5,1,1]
    // sum of products 0.5+1.5+0.5+1.5 = 4; sums of squares 4.5 and 4.5 -> rho = 4/4.5 = 8/9
    near(d?.spearman, 8 / 9);
    // per 1k: pred [10,5,20,6], gold [20,5,30,6] -> same order -> rho 1; MAE = (10+0+10+0)/4 = 5
    near(d?.spearman_per1k, 1);
    near(d?.mae_per1k, 5);
    near(d?.mean_gold_per1k, 61 / 4);
    near(d?.mean_pred_per1k, 41 / 4);
    // word count ranks [1.5,3,1.5,4] vs gold ranks: products .5-.75-1+1.5 = .25 -> .25/4.5 = 1/18
    near(d?.spearman_wordcount_vs_gold, 1 / 18);
    expect(d?.pred_missing_field).toBe(0);
  });

  test('gold count from cue units when doc_labels has none; missing pred counts as 0', () => {
    const text = words(10);
    const cue = (s: number, id: string): GoldSpan => ({ start: s, end: s + 1, label: 'attribution_cue', attrs: { attribution_id: id } });
    // two fragments of E1 + one E2 = 2 units
    const gold: GoldDoc[] = [{ id: 'a', text, spans: [cue(0, 'E1'), cue(4, 'E1'), cue(8, 'E2')] }];
    const d = score({ task: 'density', gold, pred: [] }).metrics.density;
    near(d?.mean_gold_per1k, 200); // 2 * 1000 / 10 words
    near(d?.mae_per1k, 200);
    expect(d?.pred_missing_field).toBe(1);
    expect(d?.spearman).toBeNull(); // fewer than 2 documents
  });

  test('spearman edge cases', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull(); // constant series
    near(spearman([1, 1, 2], [1, 2, 3]), 1.5 / Math.sqrt(1.5 * 2)); // ranks [1.5,1.5,3] vs [1,2,3]
  });
});

describe('frames', () => {
  test('micro and macro F1 over gold frames', () => {
    const gold: GoldDoc[] = [
      { id: 1, text: 'x', doc_labels: { frames: ['A', 'B'] } },
      { id: 2, text: 'x', doc_labels: { frames: ['B'] } },
      { id: 3, text: 'x', doc_labels: { frames: [] } }, // left out
      { id: 4, text: 'x', doc_labels: { frames: ['C'] } },
    ];
    const pred: PredLine[] = [
      { id: 1, doc: { frames: ['A', 'C'] } },
      { id: 2, doc: { frames: ['B', 'D'] } },
      { id: 3, doc: { frames: ['A'] } },
    ];
    const f = score({ task: 'frames', gold, pred }).metrics.frames;
    // tp: 1A, 2B = 2; fp: 1C, 2D = 2; fn: 1B, 4C = 2 -> micro P = R = F1 = 1/2
    expect(f).toMatchObject({ n: 3, labels: 3 });
    near(f?.micro_p, 1 / 2);
    near(f?.micro_r, 1 / 2);
    near(f?.micro_f1, 1 / 2);
    // per gold label: A F1 1; B P 1 R 1/2 F1 2/3; C 0 (D never gold: left out) -> (1 + 2/3 + 0) / 3 = 5/9
    near(f?.macro_f1, 5 / 9);
  });
});

describe('prediction lines', () => {
  const text = 'Shocking news today.';
  const gold: GoldDoc[] = [
    { id: 'a', text, spans: [g(text, 'Shocking', 'biased_word')] },
    { id: 'b', text, spans: [g(text, 'Shocking', 'biased_word')] },
  ];

  test('invalid spans are false positives; each invalid span is its own unit', () => {
    const bad: PredSpan[] = [
      { start: 5, end: 2, label: 'loaded' }, // start > end
      { start: 5, end: 2, label: 'loaded' }, // the same again: still a separate unit
      { start: 1.5, end: 4, label: 'loaded' }, // not an integer
      { start: -1, end: 3, label: 'loaded' }, // negative
      { start: 10, end: 99, label: 'loaded' }, // past the end
    ];
    const r = score({ task: 'loaded', gold, pred: [{ id: 'a', spans: [p(text, 'Shocking', 'loaded'), ...bad] }] });
    expect(r.invalid_pred_spans).toBe(5);
    // doc a: 6 pred units, 1 hit; doc b: none. P = 1/6, R = 1/2
    expect(r.metrics.span_overlap).toMatchObject({ pred_units: 6, pred_hit: 1, gold_units: 2, gold_hit: 1 });
    near(r.metrics.span_overlap?.p, 1 / 6);
    // a group with one valid and one invalid span keeps the valid part
    const r2 = score({
      task: 'loaded',
      gold,
      pred: [{ id: 'a', spans: [p(text, 'Shocking', 'loaded', { group: 'g' }), { start: 3, end: 1, label: 'loaded', group: 'g' }] }],
    });
    expect(r2.invalid_pred_spans).toBe(1);
    expect(r2.metrics.span_overlap).toMatchObject({ pred_units: 1, pred_hit: 1 });
  });

  test('duplicate ids merged, exact duplicate spans once, unknown and missing ids counted', () => {
    const pred: PredLine[] = [
      { id: 'a', spans: [p(text, 'Shocking', 'loaded')] },
      { id: 'a', spans: [p(text, 'Shocking', 'loaded'), p(text, 'today', 'loaded')] },
      { id: 'zzz', spans: [] },
    ];
    const r = score({ task: 'loaded', gold, pred });
    expect(r).toMatchObject({ pred_duplicate_lines: 1, pred_docs_extra: 1, pred_docs_missing: 1 });
    // doc a: units 'Shocking' (twice -> once) and 'today' -> P = 1/2; R = 1/2 (doc b has no line)
    expect(r.metrics.span_overlap).toMatchObject({ pred_units: 2, pred_hit: 1, gold_units: 2, gold_hit: 1 });
    expect(formatResult(r, 'toy')).toMatch(
      /^task=loaded gold=toy docs=2 pred_docs_missing=1 pred_docs_extra=1 pred_duplicate_lines=1\n {2}span-overlap {5}P=0\.500 {2}R=0\.500 {2}F1=0\.500/,
    );
  });

  test('unknown task', () => {
    expect(() => score({ task: 'nope', gold, pred: [] })).toThrow('unknown task nope');
  });
});

describe('files and self-test', () => {
  test('readJsonl skips blank lines and names the bad line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slant-score-'));
    const f = path.join(dir, 'x.jsonl');
    fs.writeFileSync(f, '{"id":1}\n\n{"id":2}\n');
    expect(readJsonl(f)).toEqual([{ id: 1 }, { id: 2 }]);
    fs.writeFileSync(f, '{"id":1}\n{oops\n');
    expect(() => readJsonl(f)).toThrow(`${f}:2: invalid JSON`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('gold as prediction scores 1 on every applicable task', () => {
    const text = 'Officials said the plan, reportedly, is a disgrace.';
    const gold: GoldDoc[] = [
      {
        id: 'z',
        text,
        spans: [
          g(text, 'Officials', 'attribution_source', { attribution_id: 'E1', has_source: true }),
          g(text, 'said', 'attribution_cue', { attribution_id: 'E1', has_source: true }),
          g(text, 'the plan', 'attribution_content', { attribution_id: 'E1', has_source: true }),
          g(text, 'reportedly', 'attribution_cue', { attribution_id: 'E2', has_source: false }),
          g(text, 'disgrace', 'Loaded_Language'),
        ],
        doc_labels: { label_bias: 'Biased' },
      },
      { id: 'y', text: 'Plain words.', spans: [], doc_labels: { label_bias: 'Non-biased' } },
    ];
    const checks = selftest(gold);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.length).toBeGreaterThan(10);
    expect(goldAsPred('agentless', gold)[0].spans).toEqual([{ ...p(text, 'reportedly', 'vague'), group: 'attribution_cue|attr:E2|' }]);
  });
});
