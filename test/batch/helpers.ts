import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineAnalyzer } from '../../src/analyzer';

/** A temporary folder, removed by the returned cleanup. */
export function tempDir(): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slant-batch-test-'));
  return { dir, file: (name) => path.join(dir, name), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const readLines = (file: string): string[] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
export const readRecords = (file: string): Array<Record<string, any>> => readLines(file).map((l) => JSON.parse(l));

/**
 * Test analyzer with known numbers: one finding per word "zork" (term "zork") and per word "blip" (term "blip");
 * score = zorks / 10 (capped at 1), metrics { zorks, blips }. Throws on a text containing "KABOOM".
 */
export const zorkCounter = defineAnalyzer({
  meta: { id: 'zork-counter', description: 'counts zorks (test)', category: 'test', messages: { zork: 'zork word', blip: 'blip word' } },
  analyze(ctx) {
    if (ctx.doc.text.includes('KABOOM')) throw new Error('kaboom in the text');
    let zorks = 0;
    let blips = 0;
    for (const t of ctx.doc.tokens) {
      if (t.normal === 'zork') {
        zorks++;
        ctx.report({ messageId: 'zork', span: { start: t.start, end: t.end }, evidence: { term: 'zork' } });
      } else if (t.normal === 'blip') {
        blips++;
        ctx.report({ messageId: 'blip', span: { start: t.start, end: t.end }, evidence: { term: 'blip' } });
      }
    }
    return { score: Math.min(1, zorks / 10), basis: `${zorks} zorks`, metrics: { zorks, blips } };
  },
});

/** A text with n "zork" words and m "blip" words. */
export const zorkText = (n: number, m = 0): string =>
  [
    'The meeting opened at noon.',
    ...Array.from({ length: n }, () => 'A zork appeared.'),
    ...Array.from({ length: m }, () => 'A blip followed.'),
  ].join(' ');
