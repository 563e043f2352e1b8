/**
 * slant/node — the Node-only entry: what needs Node built-ins (worker threads, files, sockets). The core
 * (`import … from 'slant'`) never imports this module, so it stays browser-safe; this entry may import the core.
 *
 * Keep this a short, curated list: each export documented where it is defined.
 */
export { addRun, cleanRun, exportRun, formatStatus, runStatus, startWorker, SHARD_FAILED, DEFAULT_REDIS_URL } from './queue';
export type { AddOptions, AddResult, ExportOptions, ExportResult, QueueWorker, RunStatus, WorkOptions } from './queue';
