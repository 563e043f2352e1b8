/** Scale out on Redis with BullMQ (Node only): `slant queue add|work|status|export|clean` as functions. */
export { addRun, type AddOptions, type AddResult } from './add';
export { exportRun, SHARD_FAILED, type ExportOptions, type ExportResult } from './export';
export { DEFAULT_REDIS_URL } from './shared';
export { cleanRun, formatStatus, runStatus, type RunStatus } from './status';
export { startWorker, type QueueWorker, type WorkOptions } from './work';
