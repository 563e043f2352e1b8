/**
 * Reference statistics of the bench corpus (2,225 BBC articles), behind the constants of src/evidence/: the typical
 * overall score that thin evidence shrinks toward, the lengths at which evidence counts as full, and the share of
 * English function words in real English text (also over the dev corpora's English texts, when present).
 *
 *   npx tsx scripts/reference-stats.ts [/work/shared/bench/corpus.jsonl] [--limit n]
 *
 * Prints JSON; the constants in src/evidence/ cite its output.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createPipeline } from '../src/pipeline';
import { languageEvidence, notEnglishReason } from '../src/evidence/language';

const args = process.argv.slice(2);
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
const corpus = args.find((a, i) => !a.startsWith('--') && i !== limitAt + 1) ?? '/work/shared/bench/corpus.jsonl';
const devRoot = '/work/shared/data';

function quantiles(values: number[], qs = [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1]): Record<string, number> {
  const v = [...values].sort((a, b) => a - b);
  const out: Record<string, number> = {};
  for (const q of qs) {
    const pos = q * (v.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    out[`p${Math.round(q * 100)}`] = Math.round((v[lo] + (v[hi] - v[lo]) * (pos - lo)) * 1e4) / 1e4;
  }
  return out;
}
const mean = (v: number[]): number => Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 1e4) / 1e4;

async function* lines(file: string): AsyncGenerator<{ text: string }> {
  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) yield JSON.parse(line) as { text: string };
}

async function main(): Promise<void> {
  const pipeline = createPipeline();
  const overall: number[] = [];
  const words: number[] = [];
  const sentences: number[] = [];
  const ratio: number[] = [];
  const other: number[] = [];
  let n = 0;
  for await (const { text } of lines(corpus)) {
    if (n++ >= limit) break;
    const report = pipeline.analyze(text);
    // The raw weighted mean, before any shrinkage toward the typical value.
    const raw = (report.score as { raw?: number | null }).raw ?? report.score.overall;
    if (raw !== null && raw !== undefined) overall.push(raw);
    words.push(report.stats.words);
    sentences.push(report.stats.sentences);
    const lang = languageEvidence(text);
    ratio.push(lang.englishRatio);
    other.push(lang.otherRatio);
    if (n % 250 === 0) process.stderr.write(`${n} articles\n`);
  }
  const dev: Record<string, Record<string, number>> = {};
  if (fs.existsSync(devRoot)) {
    for (const name of fs.readdirSync(devRoot)) {
      const file = path.join(devRoot, name, 'dev.jsonl');
      if (!fs.existsSync(file)) continue;
      const r: number[] = [];
      const o: number[] = [];
      let flagged = 0;
      for await (const { text } of lines(file)) {
        const e = languageEvidence(text);
        if (notEnglishReason(e)) flagged++;
        if (e.words < 12) continue;
        r.push(e.englishRatio);
        o.push(e.otherRatio);
      }
      dev[name] = { texts: r.length, flaggedNotEnglish: flagged, ...quantiles(r), otherP99: quantiles(o).p99, otherMax: quantiles(o).p100 };
    }
  }
  const out = {
    corpus,
    articles: words.length,
    overall: { scored: overall.length, mean: mean(overall), ...quantiles(overall) },
    words: quantiles(words),
    sentences: quantiles(sentences),
    englishRatio: quantiles(ratio),
    otherLanguageRatio: quantiles(other),
    englishRatioDevCorpora: dev,
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

void main();
