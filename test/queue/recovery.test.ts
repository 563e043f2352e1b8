/**
 * slant queue when things go wrong: Redis restarted mid-run with its data kept (append-only file on, as a production
 * Redis runs); a shard that fails all its attempts; an unfinished run; other input under a run's name.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { runBatch } from '../../src/batch/run';
import { InputError } from '../../src/errors';
import { addRun, cleanRun, exportRun, runStatus, startWorker } from '../../src/queue';
import { cli, corpus, freePort, requireRedisUrl, startWorkerProcess, testRedis, until, type Cli } from './helpers';

jest.setTimeout(300_000);

const { url: maybeUrl, describe: describeRedis } = testRedis();

describeRedis('slant queue: recovery', () => {
  let dir: string;
  beforeAll(() => {
    requireRedisUrl(maybeUrl);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slant-queue-rec-'));
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Redis restarted mid-run (AOF on): workers and export reconnect, nothing lost or duplicated', async () => {
    // A Redis of our own, with persistence, that we can stop and start again.
    const port = await freePort();
    const data = fs.mkdtempSync(path.join(dir, 'redis-'));
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--dir',
      data,
    ];
    const startRedis = async (): Promise<ChildProcess> => {
      const p = spawn('redis-server', args, { stdio: 'ignore' });
      await until('redis-server to answer', async () => {
        const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
        probe.on('error', () => undefined);
        try {
          await probe.connect();
          return (await probe.ping()) === 'PONG';
        } catch {
          return false;
        } finally {
          probe.disconnect();
        }
      });
      return p;
    };
    let server = await startRedis();
    const url = `redis://127.0.0.1:${port}`;
    const procs: Cli[] = [];
    const redis = new Redis(url, { maxRetriesPerRequest: null });
    redis.on('error', () => undefined);
    try {
      const run = 'restart';
      const { text } = corpus(600);
      const input = path.join(dir, 'restart.jsonl');
      fs.writeFileSync(input, text);
      // The exporter first, and on until it polls Redis for the run (export --wait): it checks Redis once at start,
      // which must not fall in the restart below.
      const out = path.join(dir, 'restart.out.jsonl');
      const exporter = cli(['queue', 'export', '--name', run, '-o', out, '--wait'], url);
      procs.push(exporter);
      await until('the exporter to poll for the run', async () => /cmd=hgetall/.test(String(await redis.client('LIST'))), 120_000, 20);
      procs.push(await startWorkerProcess(url, ['--name', run]));
      procs.push(await startWorkerProcess(url));
      const add = cli(['queue', 'add', input, '--name', run, '--shard', '20'], url);
      expect(await add.exited).toBe(0);
      await until('the first shards', async () => (await redis.hlen(`slant:run:${run}:out`)) >= 3, 120_000, 20);
      server.kill('SIGTERM'); // a clean shutdown: Redis writes the AOF and exits
      await new Promise((resolve) => server.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      server = await startRedis();
      expect(await redis.hlen(`slant:run:${run}:out`)).toBeLessThan(30); // the run was cut mid-way

      expect(`exit ${await exporter.exited}: ${exporter.stderr()}`).toMatch(/^exit 0:/);
      const got = fs.readFileSync(out, 'utf8');
      const batchOut = path.join(dir, 'restart.batch.jsonl');
      await runBatch({ input, output: batchOut, workers: 1 });
      expect(got).toBe(fs.readFileSync(batchOut, 'utf8'));
      expect(got.split('\n')).toHaveLength(601);

      const s = await runStatus({ name: run, redis: url });
      expect(s).toMatchObject({ complete: true, lines: 600, articlesDone: 600, errorLines: 30 });
      expect(s.shards).toEqual({ total: 30, waiting: 0, active: 0, done: 30, failed: 0 });
    } finally {
      for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      redis.disconnect();
      server.kill('SIGKILL');
    }
  });

  it('add --max-waiting streams the input in as workers take it: never more shards queued than that', async () => {
    const url = requireRedisUrl(maybeUrl);
    const run = `streaming-${process.pid}-${Date.now()}`;
    const input = path.join(dir, 'streaming.jsonl');
    fs.writeFileSync(input, corpus(60).text);
    const redis = new Redis(url);
    const worker = await startWorker({ name: run, redis: url });
    let most = 0;
    let adding = true;
    const watch = (async () => {
      while (adding) {
        const [waiting, active] = await Promise.all([redis.llen(`slant:bull:${run}:wait`), redis.llen(`slant:bull:${run}:active`)]);
        most = Math.max(most, waiting + active);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    try {
      expect(await addRun({ input, name: run, redis: url, shardSize: 5, maxWaiting: 3 })).toMatchObject({ shards: 12, added: 12 });
      adding = false;
      await watch;
      expect(most).toBeGreaterThan(0);
      expect(most).toBeLessThanOrEqual(3);
    } finally {
      adding = false;
      await worker.close();
      redis.disconnect();
      await cleanRun({ name: run, redis: url });
    }
  });

  it('a shard that fails its attempts (with backoff) becomes SHARD_FAILED error records; an unfinished run is not exported', async () => {
    const url = requireRedisUrl(maybeUrl);
    const run = `failing-${process.pid}-${Date.now()}`;
    const { text } = corpus(60);
    const input = path.join(dir, 'failing.jsonl');
    fs.writeFileSync(input, text);
    const redis = new Redis(url);
    try {
      expect(await addRun({ input, name: run, redis: url, shardSize: 20, attempts: 2, backoffMs: 50 })).toEqual({
        run,
        lines: 60,
        shards: 3,
        added: 3,
      });

      // Other settings or other input under the same name are refused; the same input adds nothing.
      await expect(addRun({ input, name: run, redis: url, shardSize: 20, fields: 'scores' })).rejects.toThrow(/another fields/);
      const other = path.join(dir, 'other.jsonl');
      fs.writeFileSync(other, corpus(61).text.replace('"a-1"', '"b-1"'));
      await expect(addRun({ input: other, name: run, redis: url, shardSize: 20 })).rejects.toThrow(/other input for shard 0/);
      expect((await addRun({ input, name: run, redis: url, shardSize: 20 })).added).toBe(0);

      // Not finished: export refuses and writes nothing.
      const out = path.join(dir, 'failing.out.jsonl');
      await expect(exportRun({ name: run, redis: url, output: out })).rejects.toThrow(InputError);
      await expect(exportRun({ name: run, redis: url, output: out })).rejects.toThrow(/not finished: 0 of 3 shards stored/);
      expect(fs.existsSync(out)).toBe(false);

      // Break shard 1's job data so that processing it throws (an input whose text is not a string).
      const jobKey = `slant:bull:${run}:${run}.1`;
      const job = JSON.parse((await redis.hget(jobKey, 'data'))!) as { inputs: Array<{ text: unknown }> };
      job.inputs[4].text = 42;
      await redis.hset(jobKey, 'data', JSON.stringify(job));

      const logs: string[] = [];
      const worker = await startWorker({ name: run, redis: url, exitWhenDone: true, log: (l) => logs.push(l) });
      await worker.done;
      expect(logs.filter((l) => l.startsWith(`shard 1 of ${run}: attempt`))).toHaveLength(2);
      expect(logs.some((l) => l.includes('attempt 2/2 failed') && l.endsWith('(given up)'))).toBe(true);

      const s = await runStatus({ name: run, redis: url });
      expect(s).toMatchObject({ complete: true, failedLines: 20, articlesDone: 40 });
      expect(s.shards).toMatchObject({ total: 3, done: 2, failed: 1 });

      const r = await exportRun({ name: run, redis: url, output: out, fields: 'scores' });
      expect(r).toMatchObject({ lines: 60, shards: 3, failedShards: [1] });
      const records = fs
        .readFileSync(out, 'utf8')
        .trimEnd()
        .split('\n')
        .map(
          (l) =>
            JSON.parse(l) as { id: unknown; line?: number; error?: { code: string; message: string }; report?: Record<string, unknown> },
        );
      expect(records).toHaveLength(60);
      records.slice(20, 40).forEach((rec, i) => {
        expect(rec.error?.code).toBe('SHARD_FAILED');
        expect(rec.error?.message).toMatch(/^shard 1 failed after 2 attempts: /);
        expect(rec.line).toBe(21 + i);
      });
      expect(records[20].id).toBe('a-21');
      expect(records[24].id).toBeNull(); // the broken input itself cannot be read: no id
      // --fields scores at export narrows the stored full reports.
      expect(records[0]).toMatchObject({ id: 'a-1', report: { counts: expect.any(Object) } });
      expect(records[0].report).not.toHaveProperty('findings');
    } finally {
      redis.disconnect();
      await cleanRun({ name: run, redis: url });
    }
  });
});
