/**
 * #14 items 10-12: scores carry a confidence; the overall score of a short text shrinks toward the typical value of
 * news articles, with a SHORT_TEXT warning; non-English text gets a NOT_ENGLISH warning and no scores; the text view
 * says which scores count toward overall.
 */
import fs from 'node:fs';
import { runCli as cli } from '../fixtures/cli';
import { evidenceConfidence, FULL_EVIDENCE_SENTENCES, FULL_EVIDENCE_WORDS, TYPICAL_OVERALL } from '../../src/evidence/score';
import { languageEvidence, MIN_ENGLISH_RATIO } from '../../src/evidence/language';
import { analyze } from '../../src/pipeline';
import { ReportSchema } from '../../src/report';
import { tempDir } from '../batch/helpers';
import { ENGLISH_SHORT, NON_ENGLISH } from './languages';

jest.setTimeout(60_000);
const tmp = tempDir();
afterAll(() => tmp.cleanup());

// Written for this test: a promotional, unsourced paragraph repeated into a long enough article.
const PROMO_SENTENCES = [
  'The groundbreaking new system is a testament to the unrivalled technological prowess of its makers.',
  'It is clearly the most advanced and most trusted platform of its kind in the world.',
  'Its cutting-edge design will undoubtedly transform the region for decades to come.',
  'Experts agree that no rival can match its remarkable performance.',
];
const promo = (n: number): string => Array.from({ length: n }, (_, i) => PROMO_SENTENCES[i % PROMO_SENTENCES.length]).join(' ');

describe('item 10: confidence and shrinkage', () => {
  it('confidence follows the documented formula min(1, words / 150, sentences / 6)', () => {
    expect(evidenceConfidence(0, 0)).toBe(0);
    expect(evidenceConfidence(4, 1)).toBeCloseTo(4 / FULL_EVIDENCE_WORDS, 4);
    expect(evidenceConfidence(1000, 3)).toBeCloseTo(3 / FULL_EVIDENCE_SENTENCES, 4);
    expect(evidenceConfidence(FULL_EVIDENCE_WORDS, FULL_EVIDENCE_SENTENCES)).toBe(1);
    for (let w = 1; w < 400; w += 7) expect(evidenceConfidence(w + 7, 10)).toBeGreaterThanOrEqual(evidenceConfidence(w, 10));
  });

  it('"Rain is expected tomorrow." gets a SHORT_TEXT warning and an overall score near the typical value, not an extreme', () => {
    const r = analyze('Rain is expected tomorrow.');
    expect(r.warnings.map((w) => w.code)).toEqual(['SHORT_TEXT']);
    expect(r.score.confidence).toBeCloseTo(4 / FULL_EVIDENCE_WORDS, 4);
    const c = r.score.confidence;
    expect(r.score.overall).toBeCloseTo(c * r.score.raw! + (1 - c) * TYPICAL_OVERALL, 3);
    expect(Math.abs(r.score.overall! - TYPICAL_OVERALL)).toBeLessThan(Math.abs(r.score.raw! - TYPICAL_OVERALL) * 0.05);
    expect(r.score.basis).toContain('shrunk toward');
  });

  it('the same promotional writing scores higher the more of it there is, up to its raw score at full evidence', () => {
    const scores = [1, 2, 4, 8, 12].map((n) => analyze(promo(n)));
    const full = scores[scores.length - 1];
    expect(full.score.confidence).toBe(1);
    expect(full.warnings).toEqual([]);
    expect(full.score.overall).toBe(full.score.raw);
    expect(full.score.raw!).toBeGreaterThan(TYPICAL_OVERALL);
    for (let i = 1; i < scores.length; i++) expect(scores[i].score.overall!).toBeGreaterThanOrEqual(scores[i - 1].score.overall! - 1e-9);
    expect(scores[0].score.overall!).toBeLessThan(full.score.overall!);
    expect(scores[0].warnings[0].code).toBe('SHORT_TEXT');
  });

  it('an empty text has no overall score and says why', () => {
    const r = ReportSchema.parse(analyze(''));
    expect(r.score.overall).toBeNull();
    expect(r.score.confidence).toBe(0);
    expect(r.warnings.map((w) => w.code)).toEqual(['SHORT_TEXT']);
  });
});

describe('item 11: text that is not English', () => {
  it.each(Object.keys(NON_ENGLISH))('%s: a NOT_ENGLISH warning and no scores', (lang) => {
    const r = ReportSchema.parse(analyze(NON_ENGLISH[lang]));
    expect(r.warnings.map((w) => w.code)).toEqual(['NOT_ENGLISH']);
    expect(r.score.overall).toBeNull();
    for (const a of Object.values(r.analyzers)) {
      expect(a.score).toBeNull();
      expect(a.basis).toMatch(/^not scored: the text does not look like English/);
    }
  });

  it('English text, short or long, and an English article quoting German, are scored', () => {
    for (const text of [ENGLISH_SHORT, promo(12), `${promo(8)} "Wir schaffen das," the chancellor said.`]) {
      const r = analyze(text);
      expect(r.warnings.filter((w) => w.code === 'NOT_ENGLISH')).toEqual([]);
      expect(r.score.overall).not.toBeNull();
    }
    expect(languageEvidence(ENGLISH_SHORT).englishRatio).toBeGreaterThan(MIN_ENGLISH_RATIO * 4);
  });

  it('English without function words (a results list, made-up words) is not taken for another language', () => {
    const list = Array.from({ length: 12 }, (_, i) => `United ${i} Rovers ${i + 1}; City ${i} Athletic ${i}.`).join(' ');
    const madeUp = Array.from({ length: 30 }, () => 'A zork appeared.').join(' ');
    for (const text of [list, madeUp]) expect(analyze(text).warnings.filter((w) => w.code === 'NOT_ENGLISH')).toEqual([]);
  });

  it('the CLI prints the warning: in the text view, and on stderr with --format json', async () => {
    fs.writeFileSync(tmp.file('de.txt'), NON_ENGLISH.german);
    const text = await cli('analyze', tmp.file('de.txt'));
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^warning: The text does not look like English/m);
    expect(text.out).toMatch(/^ {2}overall +n\/a {2}not scored/m);
    const json = await cli('analyze', tmp.file('de.txt'), '--format', 'json');
    expect(JSON.parse(json.out).warnings[0].code).toBe('NOT_ENGLISH');
    expect(json.err).toMatch(/^slant analyze: warning: The text does not look like English[^\n]*\n$/);
  });
});

describe('item 12: the text view says which scores count toward overall', () => {
  it('lists the weighted scores under "Counted in overall" and the weight-0 ones under "Descriptive", with why', async () => {
    fs.writeFileSync(tmp.file('promo.txt'), promo(12));
    const { out } = await cli('analyze', tmp.file('promo.txt'));
    const scores = out.slice(out.indexOf('\nScores'));
    const counted = scores.indexOf('Counted in overall');
    const descriptive = scores.indexOf('Descriptive, not in overall');
    expect(counted).toBeGreaterThan(0);
    expect(descriptive).toBeGreaterThan(counted);
    expect(scores).toContain('shown for context, not averaged');
    const report = analyze(promo(12));
    for (const [id, r] of Object.entries(report.analyzers)) {
      const at = scores.indexOf(`\n  ${id} `);
      expect(at).toBeGreaterThan(0);
      if (r.weight > 0) expect(at > counted && at < descriptive).toBe(true);
      else expect(at).toBeGreaterThan(descriptive);
    }
    expect(scores).toContain(`confidence ${report.score.confidence.toFixed(2)}`);
  });
});
