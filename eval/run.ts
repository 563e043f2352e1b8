/**
 * Runs the recommended pipeline over the dev corpora, turns reports into predictions, scores them with the
 * project's scorer (eval/score.ts, which agrees with the reference scorer) and prints a table.
 *
 *   npm run eval -- [--data ../shared/data] [--only ptc] [--check-floors] [--pred-dir DIR] [--markdown] [--json]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline } from '../src/pipeline';
import { assertReportInvariants } from '../src/testing';
import type { Report } from '../src/report';
import { readJsonl, score, type GoldDoc, type PredLine } from './score';
import { evalTasks } from './tasks';
import type { EvalTask } from './tasks/types';

interface Row {
  task: string;
  analyzer: string;
  metric: string;
  value: number | null;
  floor?: number;
  peers: Record<string, number>;
}

type Floors = Record<string, Record<string, number>>;

const USAGE = `Usage: npm run eval -- [options]
  --data DIR        the dev corpora (default ../shared/data)
  --only TEXT       only tasks whose id or analyzer contains TEXT (e.g. babe, polnear/cue, loaded-language)
  --check-floors    exit 1 when a metric is under its floor in eval/floors.json
  --pred-dir DIR    also write each task's predictions (JSONL) into DIR
  --markdown        print a Markdown table
  --json            print JSON
  -h, --help        this text`;

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        help: { type: 'boolean', short: 'h', default: false },
        data: { type: 'string', default: join(__dirname, '..', '..', 'shared', 'data') },
        only: { type: 'string' },
        'check-floors': { type: 'boolean', default: false },
        'pred-dir': { type: 'string' },
        markdown: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    console.error(`eval: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const dataDir = resolve(values.data);
  if (!existsSync(dataDir)) {
    console.error(`eval: data directory ${dataDir} not found (pass --data DIR)`);
    return 2;
  }
  const floors: Floors = JSON.parse(readFileSync(join(__dirname, 'floors.json'), 'utf8'));
  const tasks = evalTasks.filter((t) => !values.only || t.id.includes(values.only) || t.analyzer.includes(values.only));
  const byCorpus = new Map<string, EvalTask[]>();
  for (const t of tasks) byCorpus.set(t.corpus, [...(byCorpus.get(t.corpus) ?? []), t]);

  const pipeline = createPipeline();
  const rows: Row[] = [];
  const invariantFailures: string[] = [];
  for (const [corpus, corpusTasks] of byCorpus) {
    const file = join(dataDir, corpus, 'dev.jsonl');
    if (!existsSync(file)) {
      console.error(`eval: ${file} not found; skipping ${corpusTasks.map((t) => t.id).join(', ')}`);
      continue;
    }
    const gold = readJsonl<GoldDoc>(file);
    const started = Date.now();
    // One analysis per document, shared by every task on this corpus.
    const reports: Report[] = gold.map((d) => pipeline.analyze(d.text));
    // Real text finds what unit tests miss: every report must still be valid with exact spans.
    reports.forEach((r, i) => {
      try {
        assertReportInvariants(r, gold[i].text);
      } catch (e) {
        invariantFailures.push(`${corpus} ${gold[i].id}: ${(e as Error).message}`);
      }
    });
    const seconds = (Date.now() - started) / 1000;
    if (!values.json) console.error(`eval: ${corpus}: ${gold.length} documents analysed in ${seconds.toFixed(1)} s`);
    for (const task of corpusTasks) {
      task.prepare?.(gold);
      const pred: PredLine[] = gold.map((d, i) => ({ id: d.id, ...task.predict(reports[i], d) }));
      if (values['pred-dir']) {
        mkdirSync(values['pred-dir'], { recursive: true });
        writeFileSync(
          join(values['pred-dir'], `${task.id.replace(/\//g, '__')}.jsonl`),
          pred.map((p) => JSON.stringify(p)).join('\n') + '\n',
        );
      }
      const result = score({ ...task.score, gold, pred });
      for (const [metric, read] of Object.entries(task.metrics)) {
        const peers: Record<string, number> = {};
        for (const [peer, m] of Object.entries(task.peers ?? {})) if (m[metric] !== undefined) peers[peer] = m[metric];
        rows.push({ task: task.id, analyzer: task.analyzer, metric, value: read(result), floor: floors[task.id]?.[metric], peers });
      }
    }
  }

  const failures = rows.filter((r) => r.floor !== undefined && (r.value === null || r.value < r.floor - 1e-9));
  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else if (values.markdown) console.log(markdownTable(rows));
  else console.log(textTable(rows));
  for (const [taskId, metrics] of Object.entries(floors)) {
    for (const metric of Object.keys(metrics)) {
      if (!rows.some((r) => r.task === taskId && r.metric === metric) && !values.only) {
        console.error(`eval: floor ${taskId} ${metric} has no measurement (task missing or corpus not found)`);
        if (values['check-floors']) failures.push({ task: taskId, analyzer: '', metric, value: null, peers: {} });
      }
    }
  }
  if (invariantFailures.length) {
    console.error(`eval: ${invariantFailures.length} report(s) broke an invariant:\n  ${invariantFailures.slice(0, 20).join('\n  ')}`);
    return 1;
  }
  if (values['check-floors'] && failures.length) {
    console.error(`eval: ${failures.length} metric(s) below the floor in eval/floors.json:`);
    for (const f of failures) console.error(`  ${f.task} ${f.metric} = ${fmt(f.value)} < ${fmt(f.floor ?? null)}`);
    return 1;
  }
  return 0;
}

const fmt = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(3));

function textTable(rows: Row[]): string {
  const w = Math.max(28, ...rows.map((r) => r.task.length + 2));
  const lines = [`${'task'.padEnd(w)}${'metric'.padEnd(18)}${'slant'.padStart(8)}${'floor'.padStart(8)}  best peer`];
  for (const r of rows) {
    const best = Object.entries(r.peers).sort((a, b) => b[1] - a[1])[0];
    const status = r.floor !== undefined && (r.value ?? -1) < r.floor - 1e-9 ? '  BELOW FLOOR' : '';
    lines.push(
      `${r.task.padEnd(w)}${r.metric.padEnd(18)}${fmt(r.value).padStart(8)}${fmt(r.floor).padStart(8)}  ${best ? `${best[0]} ${fmt(best[1])}` : ''}${status}`,
    );
  }
  return lines.join('\n');
}

function markdownTable(rows: Row[]): string {
  const lines = ['| analyzer | task (dev split) | metric | slant | best rule-based peer |', '|---|---|---|---|---|'];
  for (const r of rows) {
    const best = Object.entries(r.peers).sort((a, b) => b[1] - a[1])[0];
    lines.push(`| ${r.analyzer} | ${r.task} | ${r.metric} | **${fmt(r.value)}** | ${best ? `${fmt(best[1])} (${best[0]})` : '—'} |`);
  }
  return lines.join('\n');
}

process.exitCode = main();
