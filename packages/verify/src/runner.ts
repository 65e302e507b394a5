/**
 * Runs suites on a pool of worker threads. Work is cut into chunks of CHUNK instance indices;
 * each instance depends only on (seed, suite, index), and outcomes are put back in index order,
 * so a run gives the same report whatever the number of workers.
 */
import { availableParallelism } from 'node:os';

import { InputError, requireArray, requireCallback, requireIntegerIn, requireRecord, runOrdered, workerScriptIfBuilt } from '@factorflow/harness';

import { instanceSeed, type InstanceOutcome, type Suite } from './suite.js';
import { allSuites, suiteByName } from './suites/index.js';
import { MAX_INSTANCES, MAX_RUNS, requireSeed, requireSuite } from './validate.js';

const CHUNK = 4;

/** A unit of work: instances [from, to) of one suite. */
export interface Chunk {
  readonly suite: string;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
}

/** What a chunk produced, and the CPU time it took. */
export interface ChunkResult {
  readonly outcomes: InstanceOutcome[];
  readonly seconds: number;
}

/** The outcome of a suite in one run. */
export interface SuiteRun {
  readonly suite: Suite;
  readonly outcomes: InstanceOutcome[];
  /** Time spent in this suite's instances, summed over workers. */
  readonly seconds: number;
}

export interface RunOptions {
  /** The requested instance count; each suite scales it with `instanceCount`. */
  readonly instances: number;
  readonly seed: number;
  /** Worker threads (default: available cores); 1 runs in this thread. */
  readonly workers?: number;
  /** Called after each chunk with instances done and total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs one instance; an instance that throws is reported as a crashed failure with its seed, so
 * one crash does not take the run down and is never mistaken for a pass.
 */
export function runInstanceSafely(suite: Suite, seed: number, index: number): InstanceOutcome {
  try {
    return suite.runInstance(seed, index);
  } catch (error) {
    const message = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    return {
      passed: false,
      crashed: true,
      metrics: {},
      detail: `seed ${instanceSeed(seed, suite.name, index)} (instance ${index}): crashed: ${message}`,
    };
  }
}

/** Runs one chunk in the current thread. */
export function runChunk({ suite, seed, from, to }: Chunk): ChunkResult {
  const start = performance.now();
  const runner = suiteByName(suite);
  const outcomes: InstanceOutcome[] = [];
  for (let index = from; index < to; index++) outcomes.push(runInstanceSafely(runner, seed, index));
  return { outcomes, seconds: (performance.now() - start) / 1000 };
}

/** Runs `suites` and returns one SuiteRun each, in the given order. */
export async function runSuites(suites: readonly Suite[], options: RunOptions): Promise<SuiteRun[]> {
  requireArray(suites, 'suites', MAX_RUNS, (suite, at) => {
    // Worker threads look a suite up by its name, so only the suites of allSuites can run.
    if (!allSuites.includes(requireSuite(suite, at))) throw new InputError('out-of-range', at, `is not one of allSuites; pass suites from allSuites or suiteByName(name).`);
  });
  const fields = requireRecord(options, 'options', '{ instances, seed, workers?, onProgress? }');
  requireIntegerIn(fields.instances, 'instances', 1, MAX_INSTANCES);
  requireSeed(fields.seed, 'seed');
  if (fields.workers !== undefined) requireIntegerIn(fields.workers, 'workers', 1, MAX_RUNS);
  if (fields.onProgress !== undefined) requireCallback(fields.onProgress, 'onProgress', '(done, total) => void');
  const chunks: Chunk[] = suites.flatMap((suite) => {
    const count = suite.instanceCount(options.instances);
    return Array.from({ length: Math.ceil(count / CHUNK) }, (_, i) => ({
      suite: suite.name,
      seed: options.seed,
      from: i * CHUNK,
      to: Math.min(count, (i + 1) * CHUNK),
    }));
  });
  const total = chunks.reduce((sum, chunk) => sum + chunk.to - chunk.from, 0);
  let done = 0;
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), chunks.length));
  const results = await runOrdered(chunks, {
    // A single worker would only add a thread's start-up to the run.
    script: workers === 1 ? null : workerScriptIfBuilt(new URL('./worker.js', import.meta.url)),
    workers,
    runInThread: runChunk,
    onResult: (_result, index) => {
      done += chunks[index].to - chunks[index].from;
      options.onProgress?.(done, total);
    },
    describe: (chunk) => `${chunk.suite}, instances ${chunk.from} to ${chunk.to - 1}`,
  });
  return suites.map((suite) => {
    const own = results.filter((_, index) => chunks[index].suite === suite.name);
    return {
      suite,
      outcomes: own.flatMap((result) => result.outcomes),
      seconds: own.reduce((sum, result) => sum + result.seconds, 0),
    };
  });
}
