import { parseArgs } from 'node:util';
import { REPORT_KEYS, type FieldsSpec } from '../batch/digest';
import type { InputFormat } from '../batch/run';
import { parseSize } from './input';
import { processIo, UsageError, type Io } from './io';

export const QUEUE_USAGE = `usage: slant queue <add|work|status|export|clean> [options]

Scores a corpus on many machines through Redis with BullMQ: add puts it in shards, workers on any number of
machines analyse them, export writes one line per input line, in input order, exactly once (line shapes of
slant batch). Every command takes --redis URL (default: REDIS_URL, else redis://127.0.0.1:6379).

  slant queue add <input.jsonl|input.csv|-> --name RUN [--shard 100] [--fields full|scores|keys]
        [--input-format jsonl|csv|tsv] [--id-field id] [--text-field text] [--title-field f] [--analyzers ids]
        [--max-size n] [--attempts 3] [--backoff 1000] [--max-waiting shards]
      Adding the same input again adds nothing. --fields is what Redis keeps (scores is far smaller).
      --max-waiting N: wait while N shards are queued (bounds the input held in Redis; run workers alongside).
  slant queue work [--name RUN] [--concurrency 1] [--exit-when-done]
        [--lock-duration 30000] [--stalled-interval 30000] [--max-stalled 2]
      Runs until stopped (Ctrl-C or SIGTERM finish the shards in hand); without --name, works on every run.
  slant queue status --name RUN [--json]
  slant queue export --name RUN [-o out.jsonl] [--fields …] [--wait]
      Refuses an unfinished run unless --wait (then writes shards as they finish).
  slant queue clean --name RUN
      Drops the run's keys (jobs, failed shards, stored results).`;

function intOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} takes an integer >= ${min}; got "${value}"`);
  return Number(value);
}

function parseFields(value: string | undefined): FieldsSpec | undefined {
  if (value === undefined) return undefined;
  if (value === 'full' || value === 'scores') return value;
  const keys = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known: readonly string[] = REPORT_KEYS;
  const unknown = keys.filter((k) => !known.includes(k));
  if (!keys.length || unknown.length)
    throw new UsageError(
      `--fields: unknown ${unknown.length ? `key(s) ${unknown.join(', ')}` : 'value'} (use full, scores, or some of ${REPORT_KEYS.join(', ')})`,
    );
  return keys;
}

const common = { redis: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

function needName(name: string | undefined, sub: string): string {
  if (!name) throw new UsageError(`queue ${sub} needs --name RUN`);
  return name;
}

export async function queueCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(QUEUE_USAGE + '\n');
    return sub ? 0 : 2;
  }
  const q = await import('../queue');
  switch (sub) {
    case 'add': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          ...common,
          shard: { type: 'string' },
          fields: { type: 'string' },
          'input-format': { type: 'string' },
          'id-field': { type: 'string' },
          'text-field': { type: 'string' },
          'title-field': { type: 'string' },
          analyzers: { type: 'string' },
          'max-size': { type: 'string' },
          attempts: { type: 'string' },
          backoff: { type: 'string' },
          'max-waiting': { type: 'string' },
        },
      });
      if (values.help) return help(io);
      if (positionals.length !== 1)
        throw new UsageError(
          positionals.length ? 'queue add takes one input file (or - for standard input)' : 'missing input file (or - for standard input)',
        );
      const format = values['input-format'];
      if (format !== undefined && format !== 'jsonl' && format !== 'csv' && format !== 'tsv')
        throw new UsageError(`unknown --input-format "${format}" (jsonl, csv or tsv)`);
      const fields = parseFields(values.fields);
      const r = await q.addRun({
        input: positionals[0],
        name: needName(values.name, 'add'),
        ...(values.redis !== undefined ? { redis: values.redis } : {}),
        ...(values.shard !== undefined ? { shardSize: intOption(values.shard, 'shard', 1) } : {}),
        ...(fields !== undefined ? { fields } : {}),
        ...(format ? { format: format as InputFormat } : {}),
        ...(values['id-field'] !== undefined ? { idField: values['id-field'] } : {}),
        ...(values['text-field'] !== undefined ? { textField: values['text-field'] } : {}),
        ...(values['title-field'] !== undefined ? { titleField: values['title-field'] } : {}),
        ...(values.analyzers
          ? {
              analyzers: values.analyzers
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            }
          : {}),
        ...(values['max-size'] !== undefined ? { maxTextBytes: parseSize(values['max-size']) } : {}),
        ...(values.attempts !== undefined ? { attempts: intOption(values.attempts, 'attempts', 1) } : {}),
        ...(values.backoff !== undefined ? { backoffMs: intOption(values.backoff, 'backoff', 0) } : {}),
        ...(values['max-waiting'] !== undefined ? { maxWaiting: intOption(values['max-waiting'], 'max-waiting', 1) } : {}),
      });
      io.stdout(
        `run ${r.run}: ${r.lines} lines in ${r.shards} shards; ${r.added} shards added${r.added < r.shards ? `, ${r.shards - r.added} already there` : ''}\n`,
      );
      return 0;
    }
    case 'work': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: {
          ...common,
          concurrency: { type: 'string' },
          'exit-when-done': { type: 'boolean', default: false },
          'lock-duration': { type: 'string' },
          'stalled-interval': { type: 'string' },
          'max-stalled': { type: 'string' },
        },
      });
      if (values.help) return help(io);
      if (positionals.length) throw new UsageError('queue work takes no file');
      if (values['exit-when-done'] && !values.name) throw new UsageError('--exit-when-done needs --name RUN');
      const worker = await q.startWorker({
        ...(values.redis !== undefined ? { redis: values.redis } : {}),
        ...(values.name !== undefined ? { name: values.name } : {}),
        concurrency: intOption(values.concurrency, 'concurrency', 1) ?? 1,
        ...(values['lock-duration'] !== undefined ? { lockDurationMs: intOption(values['lock-duration'], 'lock-duration', 100) } : {}),
        ...(values['stalled-interval'] !== undefined
          ? { stalledIntervalMs: intOption(values['stalled-interval'], 'stalled-interval', 100) }
          : {}),
        ...(values['max-stalled'] !== undefined ? { maxStalledCount: intOption(values['max-stalled'], 'max-stalled', 0) } : {}),
        exitWhenDone: values['exit-when-done'],
        log: (line) => io.stderr(`slant queue work: ${line}\n`),
      });
      const stop = (): void => void worker.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      io.stderr(`slant queue work: ready (pid ${process.pid}${values.name ? `, run ${values.name}` : ', every run'})\n`);
      const cpu = process.cpuUsage();
      await worker.done;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      const used = process.cpuUsage(cpu);
      io.stderr(
        `slant queue work: stopped; ${worker.shardsStored} shards stored by this process; ${((used.user + used.system) / 1e6).toFixed(2)} s of CPU since ready\n`,
      );
      return 0;
    }
    case 'status': {
      const { values, positionals } = parseArgs({ args: rest, options: { ...common, json: { type: 'boolean', default: false } } });
      if (values.help) return help(io);
      if (positionals.length) throw new UsageError('queue status takes no file');
      const s = await q.runStatus({
        name: needName(values.name, 'status'),
        ...(values.redis !== undefined ? { redis: values.redis } : {}),
      });
      io.stdout(values.json ? JSON.stringify(s) + '\n' : q.formatStatus(s));
      return 0;
    }
    case 'export': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: {
          ...common,
          output: { type: 'string', short: 'o' },
          fields: { type: 'string' },
          wait: { type: 'boolean', default: false },
        },
      });
      if (values.help) return help(io);
      if (positionals.length) throw new UsageError('queue export takes no input file (give -o for the output)');
      const fields = parseFields(values.fields);
      const r = await q.exportRun({
        name: needName(values.name, 'export'),
        ...(values.redis !== undefined ? { redis: values.redis } : {}),
        ...(values.output !== undefined ? { output: values.output } : io === processIo ? {} : { write: (s: string) => io.stdout(s) }),
        ...(fields !== undefined ? { fields } : {}),
        wait: values.wait,
      });
      if (values.output !== undefined || io.stderrIsTTY) {
        io.stderr(
          `slant queue export: ${r.lines} lines written; ${r.errors} errors${r.failedShards.length ? ` (${r.failedShards.length} failed shards: ${q.SHARD_FAILED})` : ''}\n`,
        );
      }
      return 0;
    }
    case 'clean': {
      const { values, positionals } = parseArgs({ args: rest, options: { ...common } });
      if (values.help) return help(io);
      if (positionals.length) throw new UsageError('queue clean takes no file');
      const name = needName(values.name, 'clean');
      const existed = await q.cleanRun({ name, ...(values.redis !== undefined ? { redis: values.redis } : {}) });
      io.stdout(existed ? `run ${name} dropped\n` : `no run ${name}; nothing to drop\n`);
      return 0;
    }
    default:
      throw new UsageError(`unknown queue command "${sub}" (add, work, status, export, clean)`);
  }
}

function help(io: Io): number {
  io.stdout(QUEUE_USAGE + '\n');
  return 0;
}
