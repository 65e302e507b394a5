/**
 * Runs catalog entries, on worker threads when running from dist/ (each nerdamer computation is
 * synchronous, so a worker is also how a runaway check is stopped: it is terminated at the time
 * limit and the entry is reported as unproved).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import { runCheck } from './check.js';
import { catalog } from './catalog/index.js';
import type { EntryResult } from './report.js';
import type { CatalogEntry } from './entry.js';
import { seedFor } from './sampling.js';

export const DEFAULT_SEED = 20251124;

export interface CatalogRunOptions {
  /** Only entries whose id starts with one of these prefixes. */
  readonly only?: readonly string[];
  readonly seed?: number;
  /** Worker threads (default: available cores); 0 runs in this thread without a time limit. */
  readonly workers?: number;
  /** Per-entry wall-clock limit in seconds (default 120), with workers only. */
  readonly timeoutSeconds?: number;
  /** Called as each entry finishes. */
  readonly onResult?: (result: EntryResult, done: number, total: number) => void;
}

/** The descriptive fields of an entry: everything but the checks, which hold functions and ASTs. */
function describe(entry: CatalogEntry): Omit<CatalogEntry, 'check' | 'correction'> {
  const { id, section, equation, title, statement, hypotheses, scope, uses, notes } = entry;
  return { id, section, equation, title, statement, hypotheses, scope, uses, notes };
}

/** Runs one catalog entry (and its correction) in this thread. */
export function runEntry(id: string, seed: number): EntryResult {
  const entry = catalog.find((candidate) => candidate.id === id);
  if (!entry) throw new RangeError(`no catalog entry '${id}'`);
  const start = performance.now();
  const result = runCheck(entry.check, seedFor(id, seed));
  const correction = entry.correction
    ? (() => {
        const checked = runCheck(entry.correction.check, seedFor(`${id}#correction`, seed));
        return { statement: entry.correction.statement, verdict: checked.verdict, method: checked.method, checkerBug: checked.checkerBug };
      })()
    : undefined;
  return {
    ...describe(entry),
    ...result,
    ...(correction ? { correction: { statement: correction.statement, verdict: correction.verdict, method: correction.method } } : {}),
    ...(correction?.checkerBug && !result.checkerBug ? { checkerBug: `correction: ${correction.checkerBug}` } : {}),
    seconds: (performance.now() - start) / 1000,
  };
}

/** The catalog entries selected by `only` (all when absent); throws on a prefix that matches nothing. */
export function selectEntries(only?: readonly string[]): string[] {
  if (!only || only.length === 0) return catalog.map((entry) => entry.id);
  for (const prefix of only)
    if (!catalog.some((entry) => entry.id.startsWith(prefix))) throw new RangeError(`--only ${prefix} matches no catalog entry`);
  return catalog.filter((entry) => only.some((prefix) => entry.id.startsWith(prefix))).map((entry) => entry.id);
}

function workerScript(): URL | null {
  const url = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

function timedOut(id: string, seconds: number): EntryResult {
  const entry = catalog.find((candidate) => candidate.id === id)!;
  return {
    ...describe(entry),
    verdict: 'unproved',
    method: 'timeout',
    routes: { symbolic: `stopped after ${seconds} s without a result` },
    seconds,
  };
}

/** A worker that runs entries one at a time and is replaced when an entry exceeds the time limit. */
class EntryWorker {
  private worker: Worker;

  constructor(private readonly script: URL) {
    this.worker = new Worker(script);
  }

  run(id: string, seed: number, timeoutSeconds: number): Promise<EntryResult> {
    return new Promise((resolve, reject) => {
      const worker = this.worker;
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const onMessage = (message: { result?: EntryResult; error?: string }) => {
        cleanup();
        if (message.error !== undefined) reject(new Error(`${id}: ${message.error}`));
        else resolve(message.result!);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const timer = setTimeout(() => {
        cleanup();
        void worker.terminate();
        this.worker = new Worker(this.script);
        resolve(timedOut(id, timeoutSeconds));
      }, timeoutSeconds * 1000);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, seed });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Runs the selected entries and returns their results in catalog order. */
export async function runCatalog(options: CatalogRunOptions = {}): Promise<EntryResult[]> {
  const ids = selectEntries(options.only);
  const seed = options.seed ?? DEFAULT_SEED;
  const results = new Array<EntryResult>(ids.length);
  let done = 0;
  const record = (index: number, result: EntryResult) => {
    results[index] = result;
    options.onResult?.(result, ++done, ids.length);
  };
  const script = workerScript();
  const workers = Math.min(options.workers ?? availableParallelism(), ids.length);
  if (script === null || workers <= 0) {
    ids.forEach((id, index) => record(index, runEntry(id, seed)));
    return results;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const worker = new EntryWorker(script);
      try {
        while (next < ids.length) {
          const index = next++;
          record(index, await worker.run(ids[index], seed, options.timeoutSeconds ?? 120));
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return results;
}
