import { Worker } from 'node:worker_threads';

import { describe, expect, it } from 'vitest';

import { WorkerTaskError, runOrdered, workerScriptIfBuilt } from './pool.js';

type Task =
  | { kind: 'echo'; value: number; ms?: number }
  | { kind: 'throw'; message: string }
  | { kind: 'hang' }
  | { kind: 'exit'; code: number }
  | { kind: 'uncloneable' };

interface Echo {
  value: number;
  threadId: number;
}

const WORKER = new URL('../fixtures/worker.mjs', import.meta.url);
const BROKEN = new URL('../fixtures/broken.mjs', import.meta.url);
const SLOW_LOADING = new URL('../fixtures/slowLoading.mjs', import.meta.url);

const echo = (value: number, ms = 0): Task => ({ kind: 'echo', value, ms });
const inThread = (task: Task): Echo => {
  if (task.kind !== 'echo') throw new Error(`in-thread run of a ${task.kind} task`);
  return { value: task.value, threadId: 0 };
};

describe('runOrdered on worker threads', () => {
  it('returns results in task order when later tasks finish first, using every worker', async () => {
    // Early tasks are the slow ones, so completion order is not task order.
    const tasks = [echo(0, 300), echo(1, 250), echo(2, 10), echo(3, 10), echo(4, 10), echo(5, 10), echo(6, 150), echo(7, 10)];
    const seen: { index: number; done: number; total: number }[] = [];
    const results = await runOrdered(tasks, {
      script: WORKER,
      workers: 3,
      runInThread: inThread,
      onResult: (_result, index, done, total) => seen.push({ index, done, total }),
    });
    expect(results.map((result) => result.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(results.map((result) => result.threadId)).size).toBe(3);
    expect(seen.map((entry) => entry.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(seen.every((entry) => entry.total === 8)).toBe(true);
    expect([...seen.map((entry) => entry.index)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(seen.map((entry) => entry.index)).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts no more threads than tasks, and none for no tasks', async () => {
    const results = await runOrdered([echo(1), echo(2)], { script: WORKER, workers: 8, runInThread: inThread });
    expect(results.map((result) => result.value)).toEqual([1, 2]);
    expect(results.every((result) => result.threadId > 0)).toBe(true);
    expect(await runOrdered([], { script: WORKER, workers: 4, runInThread: inThread })).toEqual([]);
  });

  it('stops a task at the time limit, gives it the onTimeout result and replaces its thread', async () => {
    const timedOut: { task: Task; seconds: number }[] = [];
    const start = performance.now();
    const results = await runOrdered([echo(0), { kind: 'hang' }, echo(2), echo(3)], {
      script: WORKER,
      workers: 1,
      runInThread: inThread,
      // The limit must exceed an echo's time on a starved machine (a CI run beside other work once
      // timed out echo(0) at 1 s); the hang still has to be stopped at it.
      timeoutSeconds: 3,
      onTimeout: (task, seconds) => {
        timedOut.push({ task, seconds });
        return { value: -1, threadId: -1 };
      },
    });
    expect((performance.now() - start) / 1000).toBeLessThan(20);
    expect(results.map((result) => result.value)).toEqual([0, -1, 2, 3]);
    expect(timedOut).toEqual([{ task: { kind: 'hang' }, seconds: 3 }]);
    // One worker: the tasks after the hang ran on a new thread.
    expect(results[2].threadId).not.toBe(results[0].threadId);
    expect(results[3].threadId).toBe(results[2].threadId);
  });

  it('does not charge the loading of a thread to its task\'s time limit', async () => {
    // Loading (2.5 s) plus the task (2.5 s) exceeds the limit; each alone does not, by 1.5 s.
    const results = await runOrdered([{ ms: 2500 }], {
      script: SLOW_LOADING,
      workers: 1,
      runInThread: () => -1,
      timeoutSeconds: 4,
      onTimeout: () => -2,
    });
    expect(results).toEqual([2500]);
  });

  it('rejects at the time limit when there is no onTimeout', async () => {
    const run = runOrdered([{ kind: 'hang' }], { script: WORKER, workers: 1, runInThread: inThread, timeoutSeconds: 0.2 });
    await expect(run).rejects.toThrow(/^task 0: no result after 0.2 s/);
  });

  it('rejects with the task name, the message and the worker stack when a task throws', async () => {
    const tasks: Task[] = [echo(0), { kind: 'throw', message: 'bad input' }, echo(2)];
    const error = await runOrdered(tasks, {
      script: WORKER,
      workers: 2,
      runInThread: inThread,
      describe: (task, index) => `${task.kind} #${index}`,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkerTaskError);
    expect((error as WorkerTaskError).message).toBe('throw #1: bad input');
    expect((error as WorkerTaskError).task).toBe('throw #1');
    expect((error as WorkerTaskError).stack).toMatch(/on the worker thread:\nTypeError: bad input\n\s+at .*worker\.mjs/);
  });

  it('stops the other threads at the first failure instead of waiting for them', async () => {
    const start = performance.now();
    const run = runOrdered([echo(0, 20_000), { kind: 'throw', message: 'early' }, echo(2)], {
      script: WORKER,
      workers: 2,
      runInThread: inThread,
    });
    await expect(run).rejects.toThrow('task 1: early');
    expect((performance.now() - start) / 1000).toBeLessThan(10);
  });

  it('rejects when a worker exits, crashes while loading, or answers with an uncloneable result', async () => {
    const options = { script: WORKER, workers: 1, runInThread: inThread };
    await expect(runOrdered([{ kind: 'exit', code: 3 }], options)).rejects.toThrow('task 0: its worker exited with code 3 before answering');
    await expect(runOrdered([echo(0)], { ...options, script: BROKEN })).rejects.toThrow('task 0: its worker crashed: broken worker script');
    await expect(runOrdered([{ kind: 'uncloneable' }], options)).rejects.toThrow(/^task 0: .*could not be cloned/);
  });
});

describe('runOrdered in this thread', () => {
  it('runs every task in order with runInThread when there is no script or no worker', async () => {
    for (const options of [{ script: null, workers: 4 }, { script: WORKER, workers: 0 }]) {
      const seen: number[] = [];
      const results = await runOrdered([echo(5), echo(6), echo(7)], {
        ...options,
        runInThread: inThread,
        onResult: (result, index, done, total) => seen.push(result.value, index, done, total),
      });
      expect(results).toEqual([5, 6, 7].map((value) => ({ value, threadId: 0 })));
      expect(seen).toEqual([5, 0, 1, 3, 6, 1, 2, 3, 7, 2, 3, 3]);
    }
  });

  it('rejects with the task\'s own error', async () => {
    await expect(runOrdered([echo(0), { kind: 'hang' }], { script: null, workers: 1, runInThread: inThread })).rejects.toThrow(
      'in-thread run of a hang task',
    );
  });
});

describe('workerScriptIfBuilt', () => {
  it('returns the URL of a file that exists and null otherwise', () => {
    expect(workerScriptIfBuilt(WORKER)).toBe(WORKER);
    expect(workerScriptIfBuilt(new URL('./no-such-worker.js', import.meta.url))).toBeNull();
  });
});

describe('runOrdered on bad input', () => {
  it('refuses a worker count that is not an integer >= 0 instead of running nothing', async () => {
    for (const workers of [Number.NaN, -1]) {
      await expect(runOrdered([echo(1)], { script: WORKER, workers, runInThread: inThread })).rejects.toMatchObject({ name: 'InputError', code: 'out-of-range', argument: 'workers' });
    }
  });

  it('names a task that cannot be posted to a thread', async () => {
    const uncloneable = { kind: 'echo', value: 1, extra: () => 0 } as unknown as Task;
    const error = await runOrdered([uncloneable], { script: WORKER, workers: 1, runInThread: inThread }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkerTaskError);
    expect((error as WorkerTaskError).message).toMatch(/^task 0: could not be posted to its worker/);
  });
});

describe('serveTasks', () => {
  it('leaves by itself, exit code 0, when the pool asks it to (no terminate(), which can abort the process)', async () => {
    const worker = new Worker(WORKER);
    await new Promise<void>((resolve) => worker.once('message', () => resolve()));
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    worker.postMessage({ close: true });
    expect(await exited).toBe(0);
  });
});
