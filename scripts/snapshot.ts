/**
 * Output-identity check for refactors: hashes the default pipeline's JSON report for every text of the bench
 * corpus and the dev corpora (9,589 texts when ../shared is present), one line per text, so that two runs can be
 * compared with `diff` (or `--compare FILE`, which prints the differing ids and exits 1 when any differ).
 *
 *   npx tsx scripts/snapshot.ts -o /tmp/before.txt
 *   npx tsx scripts/snapshot.ts --compare /tmp/before.txt
 *
 * `--full DIR` also writes each differing report as JSON into DIR (with --compare), to read what changed.
 * `--no-term-seed` compiles the built-in lexicons without models/term-tokens.json (every term parsed by wink), to
 * check that the pre-made tokenisation changes no report.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { disableTermTokenSeed } from '../src/lexicon/term-tokens';
import { createPipeline } from '../src/pipeline';

const { values } = parseArgs({
  options: {
    shared: { type: 'string', default: join(__dirname, '..', '..', 'shared') },
    out: { type: 'string', short: 'o' },
    compare: { type: 'string' },
    full: { type: 'string' },
    limit: { type: 'string' },
    'no-term-seed': { type: 'boolean', default: false },
  },
});
if (values['no-term-seed']) disableTermTokenSeed();

const shared = resolve(values.shared);
const files: Array<[string, string]> = [['bench', join(shared, 'bench', 'corpus.jsonl')]];
const dataDir = join(shared, 'data');
if (existsSync(dataDir)) {
  for (const name of readdirSync(dataDir).sort()) {
    const f = join(dataDir, name, 'dev.jsonl');
    if (existsSync(f)) files.push([name, f]);
  }
}

const limit = values.limit ? Number(values.limit) : Infinity;
const pipeline = createPipeline();
const lines: string[] = [];
const reports = new Map<string, string>();
const started = Date.now();
for (const [corpus, file] of files) {
  if (!existsSync(file)) continue;
  let n = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || n++ >= limit) continue;
    const { id, text } = JSON.parse(line) as { id: string; text: string };
    const json = JSON.stringify(pipeline.analyze(text));
    const key = `${corpus}:${id}`;
    lines.push(`${key} ${createHash('sha1').update(json).digest('hex')}`);
    if (values.full) reports.set(key, json);
  }
}
const body = lines.join('\n') + '\n';
console.error(`snapshot: ${lines.length} texts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (values.out) writeFileSync(values.out, body);
if (values.compare) {
  const before = new Map(
    readFileSync(values.compare, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ') as [string, string]),
  );
  const differ = lines.map((l) => l.split(' ')).filter(([k, h]) => before.get(k) !== h);
  const missing = [...before.keys()].filter((k) => !lines.some((l) => l.startsWith(`${k} `)));
  if (values.full && differ.length) {
    mkdirSync(values.full, { recursive: true });
    for (const [k] of differ) writeFileSync(join(values.full, `${k.replace(/[^\w.-]+/g, '_')}.json`), reports.get(k) ?? '');
  }
  console.log(`${differ.length} of ${lines.length} reports differ; ${missing.length} missing`);
  for (const [k] of differ.slice(0, 50)) console.log(`  ${k}`);
  process.exitCode = differ.length || missing.length ? 1 : 0;
} else if (!values.out) {
  process.stdout.write(body);
}
