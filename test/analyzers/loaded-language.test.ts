import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { use } from '../../src/analyzer';
import { HALF_SCORE_RATE, isNegated, loadedLanguage, resolveOverlaps } from '../../src/analyzers/loaded-language';
import { CATEGORIES } from '../../src/analyzers/loaded-language-model';
import { builtinAnalyzers, presets } from '../../src/analyzers';
import { isConfigError } from '../../src/errors';
import type { LexiconEntry } from '../../src/lexicon/schema';
import { parseDocument } from '../../src/document/build';
import { createPipeline } from '../../src/pipeline';
import type { Finding } from '../../src/report';
import { AnalyzerTester, assertReportInvariants } from '../../src/testing';
import { describeFixtures } from '../fixtures/expected';
import { loadedTestLexicon } from '../fixtures/loaded-language/test-lexicon';

// Mechanics, with a small lexicon of our own that replaces the built-in one by id (weights do not move).
new AnalyzerTester({ lexicons: [loadedTestLexicon] }).run('loaded-language (test lexicon)', loadedLanguage, {
  clean: [
    { text: 'The council approved the budget on Tuesday by seven votes to two.', why: 'a plain report' },
    { text: 'She won a grand slam in Paris last year.', why: '"slam" is a noun here; the entry is restricted to verbs' },
    { text: 'The company described its engines as robust.', why: '"robust" weighs 0.15, below the default minWeight of 0.23' },
    { text: 'The rise in prices was not unprecedented.', why: 'a negated exaggeration is no exaggeration' },
    { text: 'The drop was never the greatest in the region.', why: 'a negated superlative' },
    { text: 'The minister did not lie about the figures.', why: 'a negated charged verb denies the charge' },
    { text: 'Officials said there was no fiasco at the border.', why: 'a negated charged noun' },
    { text: '', why: 'empty text gives a valid report with no findings' },
  ],
  flagged: [
    { text: 'Critics [[slammed]] the plan on Monday.', messageId: 'charged-word', category: 'charged-verb', voice: 'writer' },
    {
      text: 'Critics [[slam]] the plan.',
      messageId: 'charged-word',
      category: 'charged-verb',
      why: 'the tagger reads "slam" as a noun here; repaired',
    },
    { text: 'They [[slam]] the plan every week.', messageId: 'charged-word', category: 'charged-verb' },
    { text: 'It was a [[brutal]] winter for farmers.', messageId: 'charged-word', category: 'charged-adjective' },
    { text: 'The launch was a [[fiasco]].', messageId: 'charged-word', category: 'charged-noun' },
    {
      text: 'A group of [[thugs]] blocked the road.',
      messageId: 'label',
      category: 'label',
      options: { model: false },
      why: 'lexicon only: the word model also rates "group" next to a strong label (test/analyzers/loaded-language-model.test.ts)',
    },
    { text: 'The flood caused [[unprecedented]] damage.', messageId: 'exaggeration' },
    { text: 'The fine was a [[slap on the wrist]].', messageId: 'minimisation', category: 'minimisation' },
    { text: 'The new plant is [[a testament to]] [[cutting-edge]] design.', messageId: 'puffery', why: 'multi-word phrases' },
    {
      text: 'The outcome was [[utterly]] predictable.',
      messageId: 'intensifier',
      options: { model: false },
      why: 'lexicon only: the word model also rates "predictable" after "utterly"',
    },
    // overlaps: the longest match wins; at equal length the exact-form entry beats the lemma entry
    { text: 'It is [[one of the most]] expensive bridges.', messageId: 'superlative', why: '"one of the most" contains "the most"' },
    {
      text: 'It was the [[greatest]] show in town.',
      messageId: 'superlative',
      why: '"greatest" is also the lemma "great" (charged-adjective)',
    },
    { text: 'It was a [[great]] show.', messageId: 'charged-word' },
    // negation: "not only" does not negate; a negated adjective is still an evaluation
    { text: 'The strike was not only [[brutal]] but long.', messageId: 'charged-word' },
    { text: 'The winter was not [[brutal]] this year.', messageId: 'charged-word', why: 'reported with evidence.negated' },
    // voice
    { text: 'The mayor said: "The launch was a [[fiasco]] from start to finish."', messageId: 'charged-word', voice: 'quoted' },
    {
      text: 'The so-called "[[thugs]]" were students from the college.',
      messageId: 'label',
      voice: 'writer',
      exact: false,
      why: 'scare quotes stay in the writer’s voice (the "so-called" finding around it: test/voice/distancing.test.ts)',
    },
    {
      text: 'The “[[independent]]” review came from the firm that drew the plans.',
      messageId: 'scare-quote',
      category: 'distancing',
      voice: 'writer',
      why: 'a short quotation with no speaker: the writer keeps a distance from the word',
    },
    { text: 'The council closed its [[so-called consultation]] on Friday.', messageId: 'so-called', category: 'distancing' },
    {
      text: 'A spokesperson said it was [[one of the most]] expensive bridges.',
      messageId: 'superlative',
      voice: 'reported',
      why: 'reported speech of an identified source is the source’s framing, not the writer’s',
    },
    // headlines: Title-Case words are re-read in lower case
    {
      text: 'Mayor [[Slams]] Council Over Bridge Delay\n\nThe mayor criticized the council on Monday.',
      messageId: 'charged-word',
      category: 'charged-verb',
    },
    // options
    { text: 'The company described its engines as [[robust]].', options: { minWeight: 0.1 }, messageId: 'puffery' },
    { text: 'Critics slammed the [[brutal]] plan.', options: { categories: ['charged-adjective'] }, messageId: 'charged-word' },
    { text: 'The rise was not [[unprecedented]].', options: { negation: false }, messageId: 'exaggeration' },
  ],
});

new AnalyzerTester({ lexicons: [loadedTestLexicon] }).run('loaded-language (distancing off)', loadedLanguage, {
  clean: [{ text: 'The council closed its so-called “consultation” on Friday.', options: { distancing: false }, why: 'the option is off' }],
});

const pipeline = createPipeline({ analyzers: ['loaded-language'], lexicons: [loadedTestLexicon] });
const own = (text: string, p = pipeline): Finding[] => p.analyze(text).findings.filter((f) => f.analyzer === 'loaded-language');

describe('loaded-language: evidence, voice and score', () => {
  it('carries the lexicon evidence and the alternatives as suggestions', () => {
    const [f] = own('Critics slammed the plan.');
    expect(f.evidence).toMatchObject({ lexicon: 'en/loaded-language', entry: 'slam', term: 'slam', weight: 0.7, source: 'tests' });
    expect(f.suggestions).toEqual(['criticize']);
    expect(f.explanation).toBe('A forceful verb for criticism.');
    expect(f.message).toContain('slammed');
    expect(f.message.toLowerCase()).not.toContain('bias');
  });

  it('credits a quoted finding to its quotation and keeps it out of the score', () => {
    const text = 'The mayor said: "The launch was a fiasco." Critics slammed the plan.';
    const report = pipeline.analyze(text);
    const quoted = report.findings.find((f) => f.span.text === 'fiasco')!;
    expect(quoted.voice).toBe('quoted');
    expect(report.quotations[quoted.evidence.quotation!].content.text).toContain('fiasco');
    const result = report.analyzers['loaded-language'];
    expect(result.metrics.writerFindings).toBe(1);
    expect(result.metrics.quotedFindings).toBe(1);
    expect(result.metrics['category.charged-verb']).toBe(1);
    expect(result.metrics['category.charged-noun']).toBeUndefined();
  });

  it('marks a negated adjective and a headline word in the evidence', () => {
    const [neg] = own('The winter was not brutal this year.');
    expect(neg.evidence.negated).toBe(true);
    const [head] = own('Mayor Slams Council Over Bridge Delay\n\nThe mayor criticized the council.');
    expect(head.evidence.headline).toBe(true);
    const [plain] = own('Critics slammed the plan.');
    expect(plain.evidence.negated).toBeUndefined();
    expect(plain.evidence.headline).toBeUndefined();
  });

  it('uses the same headline definition as the other analyzers (a first line ending in a full stop is body text)', () => {
    const [body] = own('Critics slammed the plan.\n\nThe mayor criticized the council.');
    expect(body.span.text).toBe('slammed');
    expect(body.evidence.headline).toBeUndefined();
    const [head] = own('Critics slammed the plan\n\nThe mayor criticized the council.');
    expect(head.evidence.headline).toBe(true);
  });

  it('does not re-read headlines when the option is off', () => {
    const p = createPipeline({ analyzers: [use(loadedLanguage, { options: { headlines: false } })], lexicons: [loadedTestLexicon] });
    expect(own('Mayor Slams Council Over Bridge Delay\n\nThe mayor criticized the council.', p)).toEqual([]);
  });

  it('scores the writer’s rate per 100 words with the documented mapping, higher for denser wording', () => {
    const light = pipeline.analyze('Critics slammed the plan that the council approved on Tuesday after a long debate about costs.');
    const heavy = pipeline.analyze('Critics slammed the brutal plan, a fiasco.');
    for (const r of [light, heavy]) {
      const m = r.analyzers['loaded-language'].metrics;
      expect(m.per100Words).toBeCloseTo((100 * m.writerFindings) / m.writerWords, 2);
      expect(r.analyzers['loaded-language'].score).toBeCloseTo(m.per100Words / (m.per100Words + HALF_SCORE_RATE), 2);
    }
    expect(heavy.analyzers['loaded-language'].score!).toBeGreaterThan(light.analyzers['loaded-language'].score!);
    expect(pipeline.analyze('The council met.').analyzers['loaded-language'].score).toBe(0);
  });

  it('gives no score when there is nothing in the writer’s voice', () => {
    expect(pipeline.analyze('').analyzers['loaded-language'].score).toBeNull();
    const allQuoted = pipeline.analyze('"The launch was a fiasco from start to finish and everyone knows it."');
    const r = allQuoted.analyzers['loaded-language'];
    expect(r.status).toBe('ok');
    expect(r.metrics.writerWords).toBe(0);
    expect(r.metrics.quotedFindings).toBe(1);
    expect(r.score).toBeNull();
  });

  it('sorts findings by offset', () => {
    const fs = own(
      'A brutal fiasco: critics slammed the utterly unprecedented plan.',
      createPipeline({ analyzers: [use(loadedLanguage, { options: { model: false } })], lexicons: [loadedTestLexicon] }),
    );
    expect(fs.map((f) => f.span.text)).toEqual(['brutal', 'fiasco', 'slammed', 'utterly', 'unprecedented']);
  });

  it('rejects invalid options when the pipeline is created', () => {
    let error: unknown;
    try {
      createPipeline({ analyzers: [use(loadedLanguage, { options: { minWeight: 2 } })] });
    } catch (e) {
      error = e;
    }
    expect(isConfigError(error)).toBe(true);
    expect(String((error as Error).message)).toContain('minWeight');
  });
});

describe('loaded-language: helpers', () => {
  const entry = (id: string, match: 'lemma' | 'normal', weight: number): LexiconEntry =>
    ({ id, terms: [id], match, category: 'c', weight, explanation: 'x', source: 's' }) as LexiconEntry;
  const m = (id: string, first: number, last: number, match: 'lemma' | 'normal' = 'lemma', weight = 0.5) => ({
    entry: entry(id, match, weight),
    term: id,
    first,
    last,
    start: first * 10,
    end: last * 10 + 5,
  });

  it('keeps the longest of overlapping matches, then exact form, then weight', () => {
    expect(resolveOverlaps([m('short', 2, 2), m('long', 1, 3)]).map((x) => x.entry.id)).toEqual(['long']);
    expect(resolveOverlaps([m('lemma', 2, 2, 'lemma', 0.9), m('exact', 2, 2, 'normal', 0.1)]).map((x) => x.entry.id)).toEqual(['exact']);
    expect(resolveOverlaps([m('light', 2, 2, 'lemma', 0.2), m('heavy', 2, 2, 'lemma', 0.6)]).map((x) => x.entry.id)).toEqual(['heavy']);
    expect(resolveOverlaps([m('b', 5, 6), m('a', 1, 2)]).map((x) => x.entry.id)).toEqual(['a', 'b']);
  });

  it('finds negators within three words, not across punctuation', () => {
    const doc = parseDocument('It was not at all brutal. No, brutal it was. He never really lied. Nobody thought the plan brutal.');
    const at = (word: string, nth = 0): number => doc.tokens.filter((t) => t.normal === word)[nth].index;
    expect(isNegated(doc.tokens, at('brutal'))).toBe(true); // "not at all brutal": three words back
    expect(isNegated(doc.tokens, at('brutal', 1))).toBe(false); // "No, brutal": a comma between
    expect(isNegated(doc.tokens, at('lied'))).toBe(true);
    expect(isNegated(doc.tokens, at('brutal', 2))).toBe(false); // no negator at all
    const far = parseDocument('He did not think that the plan was brutal.');
    expect(isNegated(far.tokens, far.tokens.find((t) => t.normal === 'brutal')!.index)).toBe(false); // five words back
  });
});

describe('loaded-language: built-in lexicon', () => {
  const builtin = createPipeline({ analyzers: ['loaded-language'] });

  it('is registered and in the recommended preset', () => {
    expect(builtinAnalyzers['loaded-language']).toBe(loadedLanguage);
    expect(presets.recommended).toContain(loadedLanguage);
  });

  it('flags the puffery of the S-400 example article, and nothing of Peskov’s in the writer’s voice', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'examples', 'articles', 's400-india.txt'), 'utf8');
    const report = builtin.analyze(text);
    assertReportInvariants(report, text);
    const spans = report.findings.filter((f) => f.analyzer === 'loaded-language').map((f) => f.span.text);
    for (const phrase of ['a testament to', 'technological prowess', 'cutting-edge', 'speaks volumes']) expect(spans).toContain(phrase);
    const sentence = parseDocument(text).sentences.find((s) => text.slice(s.start, s.end).includes('Peskov'))!;
    const writerInPeskov = report.findings.filter(
      (f) => f.analyzer === 'loaded-language' && f.voice === 'writer' && f.span.start >= sentence.start && f.span.end <= sentence.end,
    );
    expect(writerInPeskov).toEqual([]);
  });

  it('every built-in entry has a category the analyzer has a message for, and a weight', () => {
    const lex = require('../../lexicons/en/loaded-language.json') as { entries: Array<{ category: string; weight: number }> };
    // the categories the analyzer's message table is typed by (a category missing there does not compile)
    const known = new Set<string>(CATEGORIES);
    expect(lex.entries.filter((e) => !known.has(e.category))).toEqual([]);
    expect(lex.entries.every((e) => e.weight > 0 && e.weight <= 1)).toBe(true);
  });
});

describe('headline re-reading', () => {
  it('leaves later tokenisation unchanged (the lower-cased headline is read through nlp.ts, which forgets new words)', () => {
    const probe = "the board welcomed mike quorvex's appointment.";
    const before = parseDocument(probe).tokens.map((t) => t.value);
    expect(before).toContain("'s");
    // A Title-Case headline is re-read in lower case; "quorvex's." is new to wink there.
    createPipeline({ analyzers: ['loaded-language'] }).analyze("Board Slams Deal Of Quorvex's.\n\nThe board met on Monday.");
    expect(parseDocument(probe).tokens.map((t) => t.value)).toEqual(before);
  });
});

describe('legal charges', () => {
  const pipeline = createPipeline({ analyzers: ['loaded-language'] });
  const flagged = (text: string): string[] => pipeline.analyze(text).findings.map((f) => f.span.text);
  it('does not flag a crime noun that names a legal charge', () => {
    expect(flagged('Mr Ebbers has denied charges of fraud and conspiracy.')).toEqual([]);
    expect(flagged('She faces two counts of attempted conspiracy.')).toEqual([]);
  });
  it('still flags the same noun when the writer uses it as a characterisation', () => {
    expect(flagged('The senator pushed a wild conspiracy about the vote.')).toEqual(['conspiracy']);
  });
});

describeFixtures('loaded-language');
