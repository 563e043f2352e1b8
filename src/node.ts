/**
 * slant/node — the Node-only entry: what needs Node built-ins (worker threads, files, sockets). The core
 * (`import … from 'slant'`) never imports this module, so it stays browser-safe; this entry may import the core.
 *
 * Keep this a short, curated list: each export documented where it is defined.
 *
 * @example
 * import { createPipeline } from 'slant';
 * import { analyzeMany } from 'slant/node';
 * for await (const r of analyzeMany(createPipeline(), articles, { workers: 2 })) if (r.report) save(r.id, r.report);
 */
export { analyzeMany } from './batch/analyze-many-workers';
export type { AnalyzeManyOptions, BatchError, BatchErrorCode, BatchItem, BatchResult } from './batch/types';
// Scale out on Redis with BullMQ: `slant queue add|work|status|export|clean` as functions (src/queue/).
export { addRun, cleanRun, exportRun, formatStatus, runStatus, startWorker, SHARD_FAILED, DEFAULT_REDIS_URL } from './queue';
export type { AddOptions, AddResult, ExportOptions, ExportResult, QueueWorker, RunStatus, WorkOptions } from './queue';
export { createServer, type ServerOptions, type SlantServer } from './server';
