/**
 * Batch a corpus: score many articles in input order with bounded memory. Each result is either a report or an
 * error record, so no article is lost. (For files, the CLI does the same: slant batch corpus.jsonl -o out.jsonl.)
 * Run: npx tsx examples/batch-corpus.ts
 */
import { createPipeline } from 'slant';

const articles = [
  { id: 'a1', text: 'The council approved the budget on Tuesday by 7 votes to 2.' },
  { id: 'a2', text: 'Critics slammed the disastrous plan. Analysts suggest it cannot succeed.' },
  { id: 'a3', text: '"We will appeal," the company said in a statement.' },
];

async function main(): Promise<void> {
  const pipeline = createPipeline();
  for await (const result of pipeline.analyzeMany(articles, { maxInFlight: 2 })) {
    if (result.error) {
      console.log(`${result.id}: error ${result.error.code}: ${result.error.message}`);
      continue;
    }
    const scores = Object.entries(result.report.analyzers).map(([id, r]) => `${id}=${r.score === null ? 'n/a' : r.score.toFixed(2)}`);
    console.log(`${result.id}: ${result.report.findings.length} findings; ${scores.join(' ')}`);
  }
}

void main();
