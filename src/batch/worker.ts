/**
 * Entry point of a batch worker thread (Node only): builds the pipeline described in workerData once, then
 * analyses the tasks piscina hands it. Built as dist/batch-worker.js.
 */
import { workerData } from 'node:worker_threads';
import { analyzeItem, analyzeItems } from './analyze-many';
import { pipelineFromPortable } from './config';
import { isSlantError } from '../errors';
import type { Pipeline } from '../pipeline';
import type { ReadyAnswer, WorkerData, WorkerTask } from './pool';
import { heapPacer } from './heap';
import { processInput, processInputs } from './record';

const data = workerData as WorkerData;
let pipeline: Pipeline | undefined;
const pace = heapPacer();

export default function handle(task: WorkerTask): unknown {
  if (task.kind === 'ready') {
    try {
      pipeline ??= pipelineFromPortable(data.pipeline);
      return { analyzerIds: [...pipeline.analyzerIds] } satisfies ReadyAnswer;
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      return {
        error: { name: err.name, code: isSlantError(err) ? err.code : 'CONFIG_INVALID', message: err.message },
      } satisfies ReadyAnswer;
    }
  }
  pipeline ??= pipelineFromPortable(data.pipeline);
  try {
    if (task.kind === 'item') return JSON.stringify(analyzeItem(pipeline, { id: task.id, text: task.text }));
    if (task.kind === 'items') return JSON.stringify(analyzeItems(pipeline, task.items));
    if (!data.line) throw new Error('batch worker: line options missing');
    if (task.kind === 'inputs') return processInputs(pipeline, task.inputs, data.line);
    return processInput(pipeline, task.input, data.line);
  } finally {
    // the pacer counts articles: once per item of a group
    const n = task.kind === 'items' ? task.items.length : task.kind === 'inputs' ? task.inputs.length : 1;
    for (let k = 0; k < n; k++) pace();
  }
}
