import { attributionTasks } from './attribution';
import { basilSpeakerTasks } from './basil-speaker';
import { framingTasks } from './framing';
import { loadedLanguageTasks } from './loaded-language';
import type { EvalTask } from './types';
import { unattributedAssertionTasks } from './unattributed-assertions';

/** Every evaluation task; each analyzer adds its own module here. */
export const evalTasks: EvalTask[] = [
  ...loadedLanguageTasks,
  ...unattributedAssertionTasks,
  ...attributionTasks,
  ...basilSpeakerTasks,
  ...framingTasks,
];
