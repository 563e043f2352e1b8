/**
 * Analyzer fixtures: short texts we wrote, `test/fixtures/<analyzer-id>/<name>.txt`, each with the findings it must
 * give, `<name>.expected.json`. The expected file is generated once by `scripts/generate-fixtures.ts`, then reviewed by
 * hand (a finding judged wrong is kept only with a line in `notes` saying why), and checked by the analyzer's test
 * through `test/fixtures/expected.ts`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline, type Pipeline } from '../src/pipeline';
import type { Report } from '../src/report';

export const FIXTURES_DIR = join(__dirname, '..', 'test', 'fixtures');

/** One expected finding: its exact span (start, end, text), message id, category and voice. */
export interface ExpectedFinding {
  text: string;
  start: number;
  end: number;
  messageId: string;
  category: string;
  voice: string;
}

/** A generated `<name>.expected.json`. Hand-written expected files (without `generatedBy`) have their own shape. */
export interface ExpectedFile {
  generatedBy: string;
  /** What a reviewer found questionable in the findings below; kept so that nothing wrong is pinned silently. */
  notes?: string[];
  findings: ExpectedFinding[];
}

/** Names (without `.txt`) of the fixture texts of an analyzer, sorted. */
export function fixtureNames(id: string): string[] {
  const dir = join(FIXTURES_DIR, id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -'.txt'.length))
    .sort();
}

export const fixtureText = (id: string, name: string): string => readFileSync(join(FIXTURES_DIR, id, `${name}.txt`), 'utf8');
export const expectedPath = (id: string, name: string): string => join(FIXTURES_DIR, id, `${name}.expected.json`);

/** The expected file of a fixture when it is a generated one, else undefined (missing or hand-written). */
export function readGenerated(id: string, name: string): ExpectedFile | undefined {
  const path = expectedPath(id, name);
  if (!existsSync(path)) return undefined;
  const json = JSON.parse(readFileSync(path, 'utf8')) as Partial<ExpectedFile>;
  return typeof json.generatedBy === 'string' && Array.isArray(json.findings) ? (json as ExpectedFile) : undefined;
}

/** The findings of one analyzer in a report, in the expected files' shape and order. */
export function findingsOf(report: Report, id: string): ExpectedFinding[] {
  return report.findings
    .filter((f) => f.analyzer === id)
    .map((f) => ({
      text: f.span.text,
      start: f.span.start,
      end: f.span.end,
      messageId: f.messageId,
      category: f.category,
      voice: f.voice,
    }));
}

const pipelines = new Map<string, Pipeline>();
/** The analyzer alone, with its built-in lexicons and default options. */
export function fixturePipeline(id: string): Pipeline {
  let p = pipelines.get(id);
  if (!p) {
    p = createPipeline({ analyzers: [id] });
    pipelines.set(id, p);
  }
  return p;
}

/** The expected file's text: one finding per line, so that a review reads (and a diff shows) one finding at a time. */
export function formatExpected(file: ExpectedFile): string {
  const lines = ['{', `  "generatedBy": ${JSON.stringify(file.generatedBy)},`];
  if (file.notes?.length) lines.push(`  "notes": [\n${file.notes.map((n) => `    ${JSON.stringify(n)}`).join(',\n')}\n  ],`);
  lines.push(
    file.findings.length ? `  "findings": [\n${file.findings.map((f) => `    ${JSON.stringify(f)}`).join(',\n')}\n  ]` : '  "findings": []',
  );
  lines.push('}', '');
  return lines.join('\n');
}
