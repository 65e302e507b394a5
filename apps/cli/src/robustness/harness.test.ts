/**
 * Robustness of @factorflow/harness, driven by core's robustness contract (@factorflow/core/testing)
 * from here, the one workspace that may import every package. Harness throws its own typed
 * InputError, since it cannot import core.
 */
import { FactorflowInputError, FactorflowNumericalError } from '@factorflow/core';
import { type RobustnessSpec, checkRobustness, robustnessCoverage } from '@factorflow/core/testing';
import * as harness from '@factorflow/harness';
import { describe, expect, it } from 'vitest';

const options = { errors: [FactorflowInputError, FactorflowNumericalError, harness.InputError] };

const specs: Record<string, RobustnessSpec> = {
  textTable: {
    parameters: ['header', 'rows', 'options'],
    valid: () => [['a', 'bb'], [['1', '2'], ['3', '4']], { indent: 2 }],
    check: (result, [, rows]) => expect((result as string).split('\n')).toHaveLength((rows as unknown[]).length + 2),
  },
  progressReporter: {
    parameters: ['stream', 'options'],
    valid: () => [{ isTTY: false, write: () => undefined }, { label: 'verify', unit: 'instances' }],
    paths: { 'options.label': { freeText: true }, 'options.unit': { freeText: true } },
    // The callback it returns reports counts, and refuses ones that are not counts.
    check: (result) => {
      const report = result as (done: number, total: number) => void;
      report(1, 2);
      report(2, 2);
      expect(() => report(0, 0)).toThrow(harness.InputError);
      expect(() => report(Number.NaN, 2)).toThrow(harness.InputError);
    },
  },
  runOrdered: {
    parameters: ['tasks', 'options'],
    valid: () => [[1, 2, 3], { script: null, workers: 0, runInThread: (task: unknown) => String(task), timeoutSeconds: 10, onResult: () => undefined, describe: () => 'task' }],
    // Tasks are the caller's payloads, and so are the results of runInThread; script null runs in this thread.
    paths: { tasks: { anyKind: true }, 'options.script': { nullable: true }, 'options.workers': { maxWork: 4 } },
    opaqueResult: true,
    async: true,
  },
  serveTasks: {
    parameters: ['run'],
    // On the main thread there is nothing to serve: even valid arguments get the typed refusal.
    valid: () => [() => undefined],
  },
  workerScriptIfBuilt: {
    parameters: ['url'],
    valid: () => [new URL('./no-such-worker.js', import.meta.url)],
  },
};

const reason = 'a check that throws InputError naming the argument its caller gives it, by design; it is driven through every function that uses it';
const excluded: Record<string, string> = {
  WorkerTaskError: 'the error a failed worker task rejects with: its constructor records what happened and computes nothing',
  InputError: "the typed input error itself: its constructor records a check's finding and computes nothing",
  describeValue: 'describes any value for a message, by design total: every value is a valid argument, and the result is a string',
  requireArray: reason,
  requireCallback: reason,
  requireIntegerIn: reason,
  requireRecord: reason,
  requireText: reason,
};

describe('robustness of @factorflow/harness', () => {
  it('has a spec or a stated reason for every export', () => {
    expect(robustnessCoverage(harness, specs, excluded)).toEqual({ missing: [], stale: [], unexplained: [] });
  });

  for (const [name, spec] of Object.entries(specs)) {
    it(name, () => checkRobustness(name, harness[name as keyof typeof harness] as (...args: never[]) => unknown, spec, options));
  }
});
