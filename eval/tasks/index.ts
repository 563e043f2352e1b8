import type { EvalTask } from './types';

/** Every evaluation task; each analyzer adds its own module here. */
export const evalTasks: EvalTask[] = [];
