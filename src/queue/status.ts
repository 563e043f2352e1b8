/** `slant queue status` and `slant queue clean` (Node only). */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { InputError } from '../errors';
import { RUNS_KEY, openRun, runKeys, shardOfJob, type RunSettings } from './shared';

export interface RunStatus {
  run: string;
  /** False while `add` is still reading the input (totals not known yet). */
  added: boolean;
  /** Input lines and shards (those added so far while `added` is false). */
  lines: number;
  shards: { total: number; waiting: number; active: number; done: number; failed: number };
  /** Output lines stored, and how many of them are error records. */
  articlesDone: number;
  errorLines: number;
  /** Input lines of failed shards (they become SHARD_FAILED error records in export). */
  failedLines: number;
  /** Articles stored per second since the first shard started (null before any is stored). */
  articlesPerSecond: number | null;
  /** Seconds left at that rate (0 when complete, null when unknown). */
  etaSeconds: number | null;
  complete: boolean;
  fields: RunSettings['fields'];
}

/** Shard numbers of the run's failed jobs (shards that failed all their attempts) with the reason. */
export async function failedShards(queue: Queue): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const total = await queue.getFailedCount();
  for (let start = 0; start < total; start += 500) {
    for (const job of await queue.getFailed(start, start + 499)) {
      if (job) out.set(shardOfJob(job.id), job.failedReason ?? 'failed');
    }
  }
  return out;
}

export async function statusOf(redis: Redis, queue: Queue, run: string): Promise<RunStatus> {
  const keys = runKeys(run);
  const meta = await redis.hgetall(keys.meta);
  if (!meta.settings) throw new InputError(`no run "${run}" in Redis (slant queue add … --name ${run} first)`);
  const settings = JSON.parse(meta.settings) as RunSettings;
  // Job counts first, then the stored shards: a worker stores a shard before BullMQ moves its job out of
  // 'active', so a shard is never missed between the two reads (it may show in both; see the clamp below).
  const counts = await queue.getJobCounts('waiting', 'delayed', 'prioritized', 'waiting-children', 'active', 'failed');
  const [done, registered, failed] = await Promise.all([redis.hlen(keys.out), redis.hgetall(keys.in), failedShards(queue)]);
  const added = meta.shards !== undefined;
  let lines = 0;
  for (const v of Object.values(registered)) lines += Number(v.split(' ')[0]);
  if (added) lines = Number(meta.lines);
  let failedLines = 0;
  for (const shard of failed.keys()) failedLines += Number(registered[String(shard)]?.split(' ')[0] ?? 0);
  const total = added ? Number(meta.shards) : Object.keys(registered).length;
  const articlesDone = Number(meta.doneLines ?? 0);
  const elapsed = (Number(meta.lastDoneAt ?? 0) - Number(meta.startedAt ?? 0)) / 1000;
  const rate = articlesDone > 0 && elapsed > 0 ? articlesDone / elapsed : null;
  const complete = added && done + failed.size >= total;
  const left = lines - articlesDone - failedLines;
  return {
    run,
    added,
    lines,
    shards: {
      total,
      waiting: counts.waiting + counts.delayed + counts.prioritized + counts['waiting-children'],
      // A shard stored while its job was still active (or delivered again after it was stored) counts as done.
      active: Math.max(
        0,
        Math.min(
          counts.active,
          total - done - counts.failed - (counts.waiting + counts.delayed + counts.prioritized + counts['waiting-children']),
        ),
      ),
      done,
      failed: counts.failed,
    },
    articlesDone,
    errorLines: Number(meta.errorLines ?? 0),
    failedLines,
    articlesPerSecond: rate,
    etaSeconds: complete ? 0 : rate && added ? left / rate : null,
    complete,
    fields: settings.fields,
  };
}

const duration = (s: number | null): string => {
  if (s === null || !Number.isFinite(s)) return '?';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.round(s % 60);
  return h ? `${h}h${String(m).padStart(2, '0')}m` : m ? `${m}m${String(sec).padStart(2, '0')}s` : `${sec}s`;
};

/** The status as a few lines of text. */
export function formatStatus(s: RunStatus): string {
  const shards = `shards: ${s.shards.total}${s.added ? '' : ' so far (add still reading)'} · waiting ${s.shards.waiting} · active ${s.shards.active} · done ${s.shards.done} · failed ${s.shards.failed}`;
  const articles = `articles: ${s.articlesDone} of ${s.lines} stored (${s.errorLines} error records)${s.failedLines ? ` · ${s.failedLines} in failed shards` : ''}`;
  const rate = `rate: ${s.articlesPerSecond === null ? '?' : s.articlesPerSecond.toFixed(1)} articles/s · ETA ${s.complete ? 'done' : duration(s.etaSeconds)}`;
  return `run ${s.run}${s.complete ? ' (complete)' : ''}\n${shards}\n${articles}\n${rate}\n`;
}

export async function runStatus(options: { name: string; redis?: string }): Promise<RunStatus> {
  const { run, redis, queue, close } = await openRun(options.name, options.redis);
  try {
    return await statusOf(redis, queue, run);
  } finally {
    await close();
  }
}

/** Drops every key of a run: its queue (jobs, failed shards) and its stored results. Returns false when there was none. */
export async function cleanRun(options: { name: string; redis?: string }): Promise<boolean> {
  const { run, redis, queue, close } = await openRun(options.name, options.redis);
  try {
    const keys = runKeys(run);
    const existed = (await redis.exists(keys.meta)) === 1 || (await redis.sismember(RUNS_KEY, run)) === 1;
    await redis.srem(RUNS_KEY, run); // workers without --name stop watching it
    await queue.obliterate({ force: true });
    await redis.unlink(keys.meta, keys.in, keys.out);
    return existed;
  } finally {
    await close();
  }
}
