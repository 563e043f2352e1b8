import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { use } from '../../src/analyzer';
import { builtinAnalyzers } from '../../src/analyzers';
import { FRAME_NAMES, framing } from '../../src/analyzers/framing';
import { isConfigError, isLexiconError } from '../../src/errors';
import { compileFramesModel, type FramesModelInput } from '../../src/frames-model';
import { builtinFramesModel, builtinLexicons } from '../../src/lexicon/builtin';
import { compileLexicon } from '../../src/lexicon/load';
import { createPipeline } from '../../src/pipeline';
import { AnalyzerTester, assertReportInvariants } from '../../src/testing';
import { describeFixtures } from '../fixtures/expected';

new AnalyzerTester().run('framing: frame cues', framing, {
  clean: [
    { text: 'She walked to the shop and bought some apples.', why: 'no word evokes a policy frame' },
    { text: '', why: 'empty text' },
  ],
  flagged: [
    {
      text: 'The [[court]] heard the [[lawsuit]] on Monday.',
      category: 'Legality_Constitutionality_and_jurisprudence',
      messageId: 'frame-cue',
    },
    {
      text: 'The [[army]] moved two [[missile]] batteries to the border.',
      messageId: 'frame-cue',
      category: 'Security_and_defense',
      exact: false,
    },
    { text: 'The [[budget]] raises [[taxes]] on fuel.', messageId: 'frame-cue', category: 'Economic', exact: false },
    {
      text: '“The [[police]] came at night,” a neighbour said.',
      messageId: 'frame-cue',
      category: 'Crime_and_punishment',
      voice: 'quoted',
      exact: false,
    },
  ],
});

const text = [
  'Navy to Patrol Disputed Strait',
  'The navy will send two warships to the strait, the defence ministry said on Tuesday.',
  'The move follows a missile test by a neighbouring state.',
  'The foreign minister will raise the issue at the United Nations next week.',
  'Fishermen in the port said they were worried about the season.',
].join('\n');

describe('framing analyzer', () => {
  const pipeline = createPipeline({ analyzers: [framing] });

  it('is registered; its lexicon and model are valid', () => {
    expect(builtinAnalyzers.framing).toBe(framing);
    expect(() => compileLexicon(builtinLexicons['en/frame-cues'], 'built-in en/frame-cues')).not.toThrow();
    const model = compileFramesModel(builtinFramesModel);
    expect(model.labels).toHaveLength(14);
    for (const label of model.labels) expect(FRAME_NAMES[label]).toBeDefined();
    // every frame of the model has cues in the lexicon
    const categories = new Set(compileLexicon(builtinLexicons['en/frame-cues']).lexicon.entries.map((e) => e.category));
    for (const label of model.labels) expect(categories.has(label)).toBe(true);
  });

  it('reports the profile as shares of sentences, cue spans as info findings', () => {
    const report = pipeline.analyze(text);
    assertReportInvariants(report, text);
    const m = report.analyzers.framing.metrics;
    expect(m.sentences).toBe(5);
    // security cues (navy, warship, defence, missile, patrol) in the headline and the first two sentences
    expect(m['frame.Security_and_defense']).toBeCloseTo(3 / 5, 3);
    expect(m['frame.External_regulation_and_reputation']).toBeGreaterThan(0);
    const shares = Object.entries(m).filter(([k]) => k.startsWith('frame.'));
    expect(shares).toHaveLength(14);
    // each a share of the 5 sentences: k / 5 with 0 <= k <= 5
    for (const [k, v] of shares) expect([k, Math.round(v * 5) / 5, v >= 0 && v <= 1]).toEqual([k, expect.closeTo(v, 3), true]);
    for (const f of report.findings) {
      expect(f.severity).toBe('info');
      expect(f.messageId).toBe('frame-cue');
      expect(f.evidence.lexicon).toBe('en/frame-cues');
      expect(f.evidence.weight).toBeGreaterThanOrEqual(0.5);
      expect(FRAME_NAMES[f.category]).toBeDefined();
    }
    const headlineCues = report.findings.filter((f) => f.evidence.headline);
    expect(headlineCues.length).toBeGreaterThan(0);
    expect(headlineCues.every((f) => f.span.end <= text.indexOf('\n'))).toBe(true);
  });

  it('ranks dominant frames by margin; the basis names them', () => {
    const r = pipeline.analyze(text).analyzers.framing;
    const dominant = Object.entries(r.metrics).filter(([k]) => k.startsWith('dominant.'));
    expect(dominant.length).toBe(r.metrics.dominantFrames);
    expect(dominant.length).toBeGreaterThan(1);
    const ranks = dominant.map(([, v]) => v).sort((a, b) => a - b);
    expect(ranks).toEqual(ranks.map((_, i) => i + 1));
    for (const [k] of dominant) {
      const label = k.slice('dominant.'.length);
      expect(r.metrics[`margin.${label}`]).toBeGreaterThanOrEqual(0);
      expect(r.basis).toContain(FRAME_NAMES[label]);
    }
    expect(r.score).toBeNull();
    expect(r.weight).toBe(0);
  });

  it('finds security and external relations dominant in the S-400 example', () => {
    const example = readFileSync(join(__dirname, '..', '..', 'examples', 'articles', 's400-india.txt'), 'utf8');
    const m = pipeline.analyze(example).analyzers.framing.metrics;
    expect(m['dominant.Security_and_defense']).toBeDefined();
    expect(m['dominant.External_regulation_and_reputation']).toBeDefined();
  });

  it('takes a model of its own, validated when the pipeline is created', () => {
    const base = builtinFramesModel as FramesModelInput;
    // a model that finds Morality in every text: a huge bias
    const frames = { ...base.frames, Morality: { ...base.frames.Morality, bias: 100 } };
    const custom: FramesModelInput = { ...base, frames };
    const p = createPipeline({ analyzers: [use(framing, { options: { model: custom } })] });
    const m = p.analyze('She walked to the shop.').analyzers.framing.metrics;
    expect(m['dominant.Morality']).toBe(1);

    const broken: FramesModelInput = { ...base, frames: { ...base.frames, Morality: { ...base.frames.Morality, cues: [1, 2] } } };
    let error: unknown;
    try {
      createPipeline({ analyzers: [use(framing, { options: { model: broken } })] });
    } catch (e) {
      error = e;
    }
    expect(isConfigError(error)).toBe(true);
    expect((error as Error).message).toMatch(/frames\.Morality\.cues: 2 weights for 14 labels/);
  });

  it('rejects a model that is not a model, with every problem', () => {
    let error: unknown;
    try {
      compileFramesModel({
        id: 'x',
        version: '1',
        labels: ['A', 'A'],
        vocabulary: [],
        frames: { B: { bias: 0, threshold: 0, cues: [], lemmas: [] } },
      });
    } catch (e) {
      error = e;
    }
    expect(isLexiconError(error)).toBe(true);
    const problems = (error as { problems: string[] }).problems;
    expect(problems).toEqual(
      expect.arrayContaining(['labels: a label is listed twice', 'frames: no weights for label "A"', 'frames.B: not one of the labels']),
    );
    expect(() => compileFramesModel('not a model')).toThrow(/Invalid frames model/);
  });
});

describeFixtures('framing');
