/** Worker thread of the suite runner: runs the chunks it is sent and posts their results back. */
import { serveTasks } from '@factorflow/harness';

import { runChunk } from './runner.js';

serveTasks(runChunk);
