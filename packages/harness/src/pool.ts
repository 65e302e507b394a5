/**
 * An ordered pool of worker threads. The checkers run long, synchronous computations (CAS
 * expansions, seeded random instances) that must give the same report whatever the number of
 * threads, so results are put back in task order however the tasks finish; and a synchronous
 * computation cannot be interrupted from inside its thread, so a time limit is enforced by
 * terminating the thread and starting a fresh one.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import type { TaskRequest, WorkerMessage } from './protocol.js';
import { InputError, describeValue, requireArray, requireCallback, requireIntegerIn, requireRecord } from './validate.js';

/** How {@link runOrdered} runs a list of tasks. */
export interface OrderedRunOptions<Task, Result> {
  /**
   * The worker script, a compiled module that calls {@link serveTasks}; `null` runs every task
   * in this thread (see {@link workerScriptIfBuilt}).
   */
  readonly script: URL | null;
  /** Worker threads, at most one per task; below 1, every task runs in this thread. */
  readonly workers: number;
  /**
   * Runs one task in this thread: used when there is no worker script or no worker. A task that
   * throws here rejects the run with its own error, and no time limit applies.
   */
  readonly runInThread: (task: Task) => Result;
  /**
   * Wall-clock limit per task in seconds, enforced on worker threads only. It counts from when the
   * task's thread has loaded its script; a thread that takes longer than the limit to load also
   * counts as the task timing out.
   */
  readonly timeoutSeconds?: number;
  /**
   * The result that stands for a task stopped at the time limit. Without it, a task that
   * exceeds the limit rejects the run with a {@link WorkerTaskError}.
   */
  readonly onTimeout?: (task: Task, seconds: number) => Result;
  /** Called as each task finishes, in completion order; `index` is the task's place in `tasks`. */
  readonly onResult?: (result: Result, index: number, done: number, total: number) => void;
  /** Names a task in error messages (default `task <index>`). */
  readonly describe?: (task: Task, index: number) => string;
}

/**
 * A task that failed on a worker thread: it threw, its thread died, or it exceeded the time
 * limit with no `onTimeout`. The message names the task; the stack carries the worker's.
 */
export class WorkerTaskError extends Error {
  override readonly name = 'WorkerTaskError';

  /**
   * @param task - the task's name, from `describe` or `task <index>`.
   * @param reason - what happened to it.
   * @param workerStack - the stack of the error inside the worker, when it threw.
   */
  constructor(
    readonly task: string,
    reason: string,
    workerStack?: string,
  ) {
    super(`${task}: ${reason}`);
    // The pool's own frames say nothing about the failure; the worker's say where it happened.
    if (workerStack !== undefined) this.stack = `${this.name}: ${this.message}\n  on the worker thread:\n${workerStack}`;
  }
}

/**
 * The worker script at `url` if it exists, else `null`. A checker runs its tasks on worker
 * threads from its compiled `dist/`, but in-thread when run from TypeScript sources (under vitest
 * or tsx), where the sibling `worker.js` does not exist and Node could not load a `.ts` one.
 *
 * @param url - the compiled worker, usually `new URL('./worker.js', import.meta.url)`.
 * @returns `url`, or `null` when no file is there.
 * @throws InputError when `url` is not a file: URL.
 */
export function workerScriptIfBuilt(url: URL): URL | null {
  if (!(url instanceof URL) || url.protocol !== 'file:') {
    throw new InputError('out-of-range', 'url', `expected a file: URL such as new URL('./worker.js', import.meta.url), got ${describeValue(url)}.`);
  }
  return existsSync(fileURLToPath(url)) ? url : null;
}

/** Most tasks of one run: each gets a slot in the result array before any runs. */
const MAX_TASKS = 1 << 24;

/** Checks the tasks and options of {@link runOrdered} before anything starts. */
function requireRunOptions(tasks: unknown, options: unknown): void {
  // Tasks are the caller's payloads: any value, as long as the list is one.
  requireArray(tasks, 'tasks', MAX_TASKS, () => undefined);
  const fields = requireRecord(options, 'options', '{ script, workers, runInThread, timeoutSeconds?, onTimeout?, onResult?, describe? }');
  if (fields.script !== null && !(fields.script instanceof URL)) {
    throw new InputError('out-of-range', 'script', `expected a worker script URL, or null to run in this thread, got ${describeValue(fields.script)}.`);
  }
  requireIntegerIn(fields.workers, 'workers', 0, MAX_TASKS);
  requireCallback(fields.runInThread, 'runInThread', '(task) => result');
  const seconds = fields.timeoutSeconds;
  if (seconds !== undefined && !(typeof seconds === 'number' && seconds > 0 && seconds <= 2 ** 31 / 1000)) {
    throw new InputError('out-of-range', 'timeoutSeconds', `must be a number of seconds in (0, 2147483], got ${describeValue(seconds)}; leave it out for no limit.`);
  }
  for (const name of ['onTimeout', 'onResult', 'describe']) {
    if (fields[name] !== undefined) requireCallback(fields[name], name, 'as documented in OrderedRunOptions');
  }
}

/** How long an idle thread may take to leave at the end of a run before it is terminated. */
const LEAVE_SECONDS = 10;

interface Pending<Result> {
  readonly name: string;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: Error) => void;
  /** (Re)starts the task's clock: at posting, and again once its thread has loaded. */
  readonly startClock: () => void;
}

/**
 * One worker thread running one task at a time. The thread is started on first use and again
 * after a timeout, so a lane never pays for a thread it does not use.
 */
class Lane<Result> {
  private worker: Worker | null = null;
  private pending: Pending<Result> | null = null;

  constructor(private readonly script: URL) {}

  run(task: unknown, name: string, timeoutSeconds: number | undefined, onTimeout: ((seconds: number) => Result) | undefined): Promise<Result> {
    const worker = this.worker ?? this.start();
    return new Promise<Result>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const expire = (seconds: number) => {
        this.pending = null;
        void this.stop();
        if (onTimeout === undefined) {
          reject(new WorkerTaskError(name, `no result after ${seconds} s; its worker was terminated`));
          return;
        }
        try {
          resolve(onTimeout(seconds));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      this.pending = {
        name,
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
        startClock: () => {
          clearTimeout(timer);
          if (timeoutSeconds !== undefined) timer = setTimeout(() => expire(timeoutSeconds), timeoutSeconds * 1000);
        },
      };
      // A thread still loading gets the limit for its loading, and the task a full limit after.
      this.pending.startClock();
      const request: TaskRequest<unknown> = { task };
      try {
        worker.postMessage(request);
      } catch (error) {
        // A task that cannot be structured-cloned never reaches the thread: fail it by name.
        this.take();
        clearTimeout(timer);
        reject(new WorkerTaskError(name, `could not be posted to its worker: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  }

  /**
   * Ends the thread: an idle one is asked to leave and awaited, one still running a task is
   * terminated and the task rejects, so whoever awaits it is released.
   */
  close(): Promise<void> {
    const pending = this.take();
    if (pending === null) return this.leave();
    pending.reject(new WorkerTaskError(pending.name, 'stopped because another task failed'));
    return this.stop();
  }

  private start(): Worker {
    const worker = new Worker(this.script);
    this.worker = worker;
    // The listeners stay for the thread's whole life: a terminated thread still emits 'exit', and
    // an 'error' with no listener would crash the process. Events of a replaced thread are dropped.
    worker.on('message', (message: WorkerMessage<Result>) => {
      if (worker !== this.worker) return;
      if ('ready' in message) {
        this.pending?.startClock();
        return;
      }
      const pending = this.take();
      if (pending === null) return;
      if ('error' in message) pending.reject(new WorkerTaskError(pending.name, message.error.message, message.error.stack));
      else pending.resolve(message.result);
    });
    worker.on('error', (error: Error) => {
      if (worker !== this.worker) return;
      const pending = this.take();
      pending?.reject(new WorkerTaskError(pending.name, `its worker crashed: ${error.message}`, error.stack));
    });
    worker.on('exit', (code: number) => {
      if (worker !== this.worker) return;
      this.worker = null;
      const pending = this.take();
      pending?.reject(new WorkerTaskError(pending.name, `its worker exited with code ${code} before answering`));
    });
    return worker;
  }

  private take(): Pending<Result> | null {
    const pending = this.pending;
    this.pending = null;
    return pending;
  }

  private async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }

  /** Asks an idle thread to leave and waits until it has; terminates it only if it does not within LEAVE_SECONDS. */
  private async leave(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker === null) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const stuck = setTimeout(() => void worker.terminate(), LEAVE_SECONDS * 1000);
    const request: TaskRequest<unknown> = { close: true };
    worker.postMessage(request);
    await exited;
    clearTimeout(stuck);
  }
}

/**
 * Runs `tasks` on a pool of worker threads and returns their results in task order, whatever the
 * number of threads and the order in which tasks finish.
 *
 * Each thread takes the next unstarted task when it is free. A task over `timeoutSeconds` has its
 * thread terminated and replaced (the next task waits for the new thread to load), and
 * `onTimeout` gives its result. When a task fails (it throws
 * on its thread, the thread dies, or it times out with no `onTimeout`), no further task starts,
 * the other threads are terminated, and the run rejects with a {@link WorkerTaskError} for the
 * first failure.
 *
 * @param tasks - the tasks, structured-cloneable (they are posted to the threads).
 * @param options - the worker script, the thread count, the in-thread runner, the time limit.
 * @returns one result per task, `results[i]` for `tasks[i]`.
 * @throws {@link WorkerTaskError} for a task that failed on a worker thread; in this thread, the
 *   task's own error; {@link InputError} (before anything runs) when `tasks` is not an array or an
 *   option is of the wrong type or out of range.
 * @example
 * ```ts
 * const results = await runOrdered(ids, {
 *   script: workerScriptIfBuilt(new URL('./worker.js', import.meta.url)),
 *   workers: availableParallelism(),
 *   runInThread: runEntry,
 *   timeoutSeconds: 120,
 *   onTimeout: (id, seconds) => stoppedEntry(id, seconds),
 * });
 * ```
 */
export async function runOrdered<Task, Result>(tasks: readonly Task[], options: OrderedRunOptions<Task, Result>): Promise<Result[]> {
  requireRunOptions(tasks, options);
  const results = new Array<Result>(tasks.length);
  let done = 0;
  const record = (index: number, result: Result) => {
    results[index] = result;
    options.onResult?.(result, index, ++done, tasks.length);
  };
  const threads = Math.min(options.workers, tasks.length);
  if (options.script === null || threads < 1) {
    tasks.forEach((task, index) => record(index, options.runInThread(task)));
    return results;
  }
  const script = options.script;
  const describe = options.describe ?? ((_task: Task, index: number) => `task ${index}`);
  const lanes = Array.from({ length: threads }, () => new Lane<Result>(script));
  let next = 0;
  const { onTimeout } = options;
  // The first failure only: the others are its consequences (threads stopped because of it).
  const failures: unknown[] = [];
  await Promise.all(
    lanes.map(async (lane) => {
      try {
        while (failures.length === 0 && next < tasks.length) {
          const index = next++;
          const task = tasks[index];
          const result = await lane.run(
            task,
            describe(task, index),
            options.timeoutSeconds,
            onTimeout && ((seconds) => onTimeout(task, seconds)),
          );
          if (failures.length > 0) break;
          record(index, result);
        }
      } catch (error) {
        if (failures.length === 0) {
          failures.push(error);
          await Promise.all(lanes.map((other) => other.close()));
        }
      } finally {
        await lane.close();
      }
    }),
  );
  if (failures.length > 0) throw failures[0];
  return results;
}
