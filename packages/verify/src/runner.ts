/**
 * Runs suites on a pool of worker threads. Work is cut into chunks of CHUNK instance indices;
 * each instance depends only on (seed, suite, index), and outcomes are put back in index order,
 * so a run gives the same report whatever the number of workers.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import { instanceSeed, type InstanceOutcome, type Suite } from './suite.js';
import { suiteByName } from './suites/index.js';

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

/** The compiled worker, when running from dist/ (from source, everything runs in-thread). */
function workerScript(): URL | null {
  const url = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/** Runs `suites` and returns one SuiteRun each, in the given order. */
export async function runSuites(suites: readonly Suite[], options: RunOptions): Promise<SuiteRun[]> {
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
  const results = new Array<ChunkResult>(chunks.length);
  let done = 0;
  const record = (index: number, result: ChunkResult) => {
    results[index] = result;
    done += chunks[index].to - chunks[index].from;
    options.onProgress?.(done, total);
  };
  const script = workerScript();
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), chunks.length));
  if (script === null || workers === 1) {
    chunks.forEach((chunk, index) => record(index, runChunk(chunk)));
  } else {
    let next = 0;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        const worker = new Worker(script);
        try {
          while (next < chunks.length) {
            const index = next++;
            record(index, await ask(worker, chunks[index]));
          }
        } finally {
          await worker.terminate();
        }
      }),
    );
  }
  return suites.map((suite) => {
    const own = results.filter((_, index) => chunks[index].suite === suite.name);
    return {
      suite,
      outcomes: own.flatMap((result) => result.outcomes),
      seconds: own.reduce((sum, result) => sum + result.seconds, 0),
    };
  });
}

function ask(worker: Worker, chunk: Chunk): Promise<ChunkResult> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { result?: ChunkResult; error?: string }) => {
      worker.off('error', onError);
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message.result!);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(chunk);
  });
}
