/** Worker thread of the catalog runner: runs the entries it is sent, one at a time, and posts their results. */
import { serveTasks } from '@factorflow/harness';

import { type EntryTask, runEntry } from './runner.js';

serveTasks((task: EntryTask) => runEntry(task.id, task.seed));
