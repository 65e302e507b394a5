import { isMainThread } from 'node:worker_threads';

import { runOrdered, serveTasks, textTable } from '@factorflow/harness';

// A synchronous task: the number of Collatz steps from `start` down to 1.
function collatzSteps(start) {
  let steps = 0;
  for (let n = start; n !== 1; n = n % 2 === 0 ? n / 2 : 3 * n + 1) steps++;
  return steps;
}

if (isMainThread) {
  const starts = [27, 97, 871, 6171];
  // This file is also the worker script; the results come back in task order.
  const steps = await runOrdered(starts, { script: new URL(import.meta.url), workers: 2, runInThread: collatzSteps, timeoutSeconds: 10 });
  console.log(textTable(['start', 'steps'], starts.map((start, i) => [String(start), String(steps[i])])));
} else {
  serveTasks(collatzSteps);
}
