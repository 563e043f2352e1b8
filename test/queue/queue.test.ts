/**
 * slant queue against a real Redis (REDIS_URL; .ci/run starts one): 2,000 articles with 5% garbage over three
 * worker processes, one SIGKILLed mid-run and replaced; adding twice adds nothing; a worker started before `add`
 * picks the run up; export, running alongside, writes every input line once, in order, as `slant batch` does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { runBatch } from '../../src/batch/run';
import { cleanRun, runStatus } from '../../src/queue';
import { cli, corpus, requireRedisUrl, startWorkerProcess, testRedis, until, type Cli } from './helpers';

jest.setTimeout(300_000);

const { url: maybeUrl, describe: describeRedis } = testRedis();

describeRedis('slant queue: exactly once over several worker processes', () => {
  let url: string;
  let dir: string;
  const run = `t2000-${process.pid}-${Date.now()}`;
  const procs: Cli[] = [];
  let redis: Redis;

  beforeAll(() => {
    url = requireRedisUrl(maybeUrl);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slant-queue-'));
    redis = new Redis(url);
  });
  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    if (url) await cleanRun({ name: run, redis: url }).catch(() => undefined);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    redis?.disconnect();
  });

  it('2,000 articles, 5% garbage, three workers, one killed with SIGKILL mid-run and replaced: every line once, in order', async () => {
    const { text, expected } = corpus(2000);
    const input = path.join(dir, 'in.jsonl');
    fs.writeFileSync(input, text);

    // Three workers before the run exists: two for this run by name, one for every run (it finds runs as they come).
    procs.push(await startWorkerProcess(url, ['--name', run]));
    procs.push(await startWorkerProcess(url));
    procs.push(await startWorkerProcess(url, ['--name', run]));
    const stored = async (): Promise<number> => redis.hlen(`slant:run:${run}:out`);

    const add = cli(['queue', 'add', input, '--name', run, '--shard', '10'], url);
    // Kill one mid-run while it holds a shard (concurrency 1 and shards waiting: it always holds one), and replace it.
    // Right away, while add is still adding: on an idle machine the workers finish 200 small shards in about a second.
    await until('the first shards', async () => (await stored()) >= 3, 120_000, 5);
    const victim = procs[1];
    victim.child.kill('SIGKILL');
    await victim.exited;
    expect(await stored()).toBeLessThan(200);
    procs.push(await startWorkerProcess(url));
    expect(await add.exited).toBe(0);
    expect(add.stdout()).toBe(`run ${run}: 2000 lines in 200 shards; 200 shards added\n`);

    // Adding the same input again adds nothing: no job, no shard.
    const again = cli(['queue', 'add', input, '--name', run, '--shard', '10'], url);
    expect(await again.exited).toBe(0);
    expect(again.stdout()).toBe(`run ${run}: 2000 lines in 200 shards; 0 shards added, 200 already there\n`);
    const s0 = await runStatus({ name: run, redis: url });
    expect(s0.shards.total).toBe(200);
    expect(s0.shards.waiting + s0.shards.active + s0.shards.done).toBe(200);

    // Export runs alongside the workers.
    const out = path.join(dir, 'out.jsonl');
    const exporter = cli(['queue', 'export', '--name', run, '-o', out, '--wait'], url);
    procs.push(exporter);

    expect(`exit ${await exporter.exited}: ${exporter.stderr()}`).toMatch(/^exit 0:/);
    expect(exporter.stderr()).toContain('2000 lines written; 100 errors');

    const lines = fs.readFileSync(out, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(2000);
    const records = lines.map(
      (l) => JSON.parse(l) as { id: string | number | null; line?: number; report?: unknown; error?: { code: string } },
    );
    const seen = new Set<string>();
    records.forEach((r, i) => {
      const want = expected[i];
      if ('id' in want) {
        expect(r.id).toBe(want.id);
        expect(r.report).toBeDefined();
        expect(seen.has(want.id)).toBe(false);
        seen.add(want.id);
      } else {
        expect(r.error?.code).toBe(want.code);
        expect(r.line).toBe(i + 1);
      }
    });
    expect(seen.size).toBe(1900);

    // Line for line what `slant batch` writes in one process.
    const batchOut = path.join(dir, 'batch.jsonl');
    await runBatch({ input, output: batchOut, workers: 1 });
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(batchOut, 'utf8'));

    const done = await runStatus({ name: run, redis: url });
    expect(done).toMatchObject({ complete: true, lines: 2000, articlesDone: 2000, errorLines: 100, failedLines: 0 });
    expect(done.shards).toEqual({ total: 200, waiting: 0, active: 0, done: 200, failed: 0 });
    expect(await stored()).toBe(200);

    // The status command, as text and JSON.
    const status = cli(['queue', 'status', '--name', run, '--json'], url);
    expect(await status.exited).toBe(0);
    expect(JSON.parse(status.stdout())).toMatchObject({ run, complete: true, shards: { done: 200, failed: 0 } });

    // SIGTERM: workers finish what they hold and exit 0.
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    const codes = await Promise.all(procs.filter((p) => p !== victim).map((p) => p.exited));
    expect(codes.every((c) => c === 0)).toBe(true);

    // clean drops every key of the run.
    const clean = cli(['queue', 'clean', '--name', run], url);
    expect(await clean.exited).toBe(0);
    expect(clean.stdout()).toBe(`run ${run} dropped\n`);
    expect(await redis.keys(`slant:*${run}*`)).toEqual([]);
  });
});
