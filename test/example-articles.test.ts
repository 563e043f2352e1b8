/**
 * The bundled example articles (examples/articles/*.txt, written for this project) are what a newcomer runs first:
 * these tests pin what each one is there to show, with exact spans.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline } from '../src/pipeline';
import type { Report } from '../src/report';
import { assertReportInvariants } from '../src/testing';

const pipeline = createPipeline();
const analyse = (name: string): { text: string; report: Report } => {
  const text = readFileSync(join(__dirname, '..', 'examples', 'articles', name), 'utf8');
  const report = pipeline.analyze(text);
  assertReportInvariants(report, text);
  return { text, report };
};
const findingTexts = (r: Report, analyzer: string, voice?: 'writer' | 'quoted'): string[] =>
  r.findings.filter((f) => f.analyzer === analyzer && (!voice || f.voice === voice)).map((f) => f.span.text);

describe('water-fine.txt: a court report with named, quoted sources', () => {
  const { report } = analyse('water-fine.txt');

  it('types each source: a company, a judge, a spokesperson for a named agency, an expert, a campaign group', () => {
    const byName = new Map(report.sources.map((s) => [s.name, s.type]));
    expect(byName.get('Southvale Water')).toBe('named-organization');
    expect(byName.get('Helen Marsh')).toBe('named-person');
    expect(byName.get('A spokesperson for the Environment Agency')).toBe('named-organization');
    expect(byName.get('Amir Khan')).toBe('named-person');
    expect(byName.get('Rivers First')).toBe('named-organization');
    expect(report.sources.some((s) => s.type === 'anonymous' || s.type === 'vague-collective')).toBe(false);
  });

  it('credits every quotation to its speaker, and the judge’s charged word to her quotation', () => {
    const names = new Map(report.sources.map((s) => [s.id, s.name]));
    expect(report.quotations.map((q) => [q.span.text.replace(/^"|[",.]+$/g, '').slice(0, 20), names.get(q.speaker ?? '')])).toEqual([
      ['a cavalier disregard', 'Helen Marsh'],
      ['The damage to wildli', 'A spokesperson for the Environment Agency'],
      ['We counted dead trou', 'Amir Khan'],
      ['Nobody who saw it wi', 'Amir Khan'],
      ['asleep at the wheel', 'Tom Reilly'],
    ]);
    expect(findingTexts(report, 'loaded-language', 'quoted')).toEqual(['cavalier']);
  });

  it('leaves one sentence unattributed: the prediction with no one holding it', () => {
    const open = report.sentences.filter((s) => s.status === 'unattributed-assertion').map((s) => s.span.text);
    expect(open).toEqual(['The company is expected to appeal.']);
    expect(findingTexts(report, 'unattributed-assertions')).toEqual(['is expected to']);
  });
});

describe('housing-column.txt: an opinion column', () => {
  const { report } = analyse('housing-column.txt');

  it('reports vague sources, a belief with no holder and asserted certainty, with exact spans', () => {
    expect(findingTexts(report, 'unattributed-assertions')).toEqual([
      'everyone knows',
      'Critics say',
      'It is widely believed',
      'There is no question',
    ]);
  });

  it('reports the writer’s charged words, and keeps the scare-quoted label in the writer’s voice', () => {
    expect(findingTexts(report, 'loaded-language', 'writer')).toEqual(expect.arrayContaining(['shameless', 'giveaway']));
    expect(report.quotations.find((q) => q.span.text === '"affordable homes"')?.kind).toBe('scare');
    expect(report.quotations.find((q) => q.span.text === '"on track"')).toMatchObject({ kind: 'direct' });
  });

  it('scores as thinly sourced and more loaded than the court report', () => {
    const water = analyse('water-fine.txt').report;
    expect(report.analyzers.sourcing.score!).toBeGreaterThan(water.analyzers.sourcing.score!);
    expect(report.analyzers['loaded-language'].score!).toBeGreaterThan(water.analyzers['loaded-language'].score!);
  });
});
