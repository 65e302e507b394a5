/** Worker thread of the suite runner: runs the chunks it is sent and posts their results back. */
import { parentPort } from 'node:worker_threads';

import { type Chunk, runChunk } from './runner.js';

parentPort?.on('message', (chunk: Chunk) => {
  try {
    parentPort?.postMessage({ result: runChunk(chunk) });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
});
