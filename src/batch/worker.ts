/**
 * Entry point of a batch worker thread (Node only): builds the pipeline described in workerData once, then
 * analyses the tasks piscina hands it. Built as dist/batch-worker.js.
 */
import { workerData } from 'node:worker_threads';
import { analyzeItem } from './analyze-many';
import { pipelineFromPortable } from './config';
import type { WorkerData, WorkerTask } from './pool';
import { processInput } from './record';

const data = workerData as WorkerData;
const pipeline = pipelineFromPortable(data.pipeline);

export default function handle(task: WorkerTask): unknown {
  if (task.kind === 'item') return analyzeItem(pipeline, { id: task.id, text: task.text });
  if (!data.line) throw new Error('batch worker: line options missing');
  return processInput(pipeline, task.input, data.line);
}
