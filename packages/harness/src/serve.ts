/** The worker-thread side of {@link runOrdered}. */
import { parentPort } from 'node:worker_threads';

import type { TaskRequest, WorkerMessage } from './protocol.js';
import { InputError, requireCallback } from './validate.js';

/**
 * Makes this worker thread answer the tasks that {@link runOrdered} posts to it, one at a time,
 * with `run(task)`. A task that throws is answered with its error, so the pool can name it and
 * the thread stays usable; so is a result that cannot be posted (not structured-cloneable). At the
 * end of a run the pool asks the thread to leave, and it does by closing its port.
 *
 * @param run - runs one task; synchronous, as the tasks it serves are.
 * @throws InputError when `run` is not a function, or outside a worker thread, where nothing would
 *   ever post a task.
 * @example
 * ```ts
 * // worker.ts, compiled next to the module that calls runOrdered
 * serveTasks((chunk: Chunk) => runChunk(chunk));
 * ```
 */
export function serveTasks<Task, Result>(run: (task: Task) => Result): void {
  requireCallback(run, 'run', '(task) => result');
  const port = parentPort;
  if (port === null) {
    throw new InputError('out-of-range', 'run', 'can only be served on a worker thread started by runOrdered; call serveTasks from the worker script you give runOrdered as `script`.');
  }
  port.on('message', (request: TaskRequest<Task>) => {
    if ('close' in request) {
      // With its port closed the thread has nothing left to wait for, and exits with code 0.
      port.close();
      return;
    }
    try {
      const reply: WorkerMessage<Result> = { result: run(request.task) };
      port.postMessage(reply);
    } catch (error) {
      const reply: WorkerMessage<Result> = {
        error: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) },
      };
      port.postMessage(reply);
    }
  });
  const ready: WorkerMessage<Result> = { ready: true };
  port.postMessage(ready);
}
