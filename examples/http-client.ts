/**
 * A minimal client of the HTTP service: sends an article to `POST /v1/analyze`, prints the scores and the first
 * findings, waits and retries when the service is busy (503 + Retry-After), and shows the problem details the
 * service answers for a mistake. Only `fetch`: the same works from any language.
 * Run: npx slant serve   (then, in another terminal)   SLANT_URL=http://127.0.0.1:8080 npx tsx examples/http-client.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from 'slant';

const base = process.env.SLANT_URL ?? 'http://127.0.0.1:8080';
const headers: Record<string, string> = { 'content-type': 'application/json' };
if (process.env.SLANT_TOKEN) headers.authorization = `Bearer ${process.env.SLANT_TOKEN}`;

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  field?: string;
  closest?: string;
}

class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.title}: ${problem.detail}`);
  }
}

async function analyze(body: { text: string; analyzers?: string[] }, attempts = 3): Promise<Report> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${base}/v1/analyze`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (res.ok) return (await res.json()) as Report;
    const problem = (await res.json()) as Problem;
    if (res.status === 503 && attempt < attempts) {
      const seconds = Number(res.headers.get('retry-after') ?? 1);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    throw new ProblemError(problem);
  }
}

async function main(): Promise<void> {
  const text = readFileSync(join(__dirname, 'articles', 's400-india.txt'), 'utf8');
  const report = await analyze({ text });
  console.log(`overall score ${report.score.overall}; ${report.findings.length} findings`);
  for (const [id, r] of Object.entries(report.analyzers)) console.log(`  ${id}: ${r.score === null ? 'n/a' : r.score.toFixed(2)}`);
  for (const f of report.findings.filter((f) => f.severity === 'warning').slice(0, 3))
    console.log(`  [${f.span.start}, ${f.span.end}) ${f.analyzer}: "${f.span.text}"`);

  try {
    await analyze({ text, analyzers: ['loaded-langauge'] });
  } catch (e) {
    if (!(e instanceof ProblemError)) throw e;
    console.log(`refused: ${e.message}`);
    console.log(`  field ${e.problem.field}, closest ${e.problem.closest}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
