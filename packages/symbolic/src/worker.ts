/** Worker thread of the catalog runner: runs the entries it is sent, one at a time, and posts their results. */
import { parentPort } from 'node:worker_threads';

import { runEntry } from './runner.js';

parentPort?.on('message', ({ id, seed }: { id: string; seed: number }) => {
  try {
    parentPort?.postMessage({ result: runEntry(id, seed) });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
});
