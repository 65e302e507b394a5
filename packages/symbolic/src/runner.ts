/**
 * Runs catalog entries, on worker threads when running from dist/ (each nerdamer computation is
 * synchronous, so a worker is also how a runaway check is stopped: it is terminated at the time
 * limit and the entry is reported as unproved).
 */
import { availableParallelism } from 'node:os';

import { runOrdered, workerScriptIfBuilt } from '@factorflow/harness';

import { runCheck } from './check.js';
import { catalog } from './catalog/index.js';
import type { EntryResult } from './report.js';
import type { CatalogEntry } from './entry.js';
import { seedFor } from './sampling.js';
import { InputError, optional, requireArray, requireCallback, requireFields, requireIntegerIn, requireNonNegativeNumber, requireSeed, requireText } from './validate.js';

export const DEFAULT_SEED = 20251124;

export interface CatalogRunOptions {
  /** Only entries whose id starts with one of these prefixes. */
  readonly only?: readonly string[];
  readonly seed?: number;
  /** Worker threads (default: available cores); 0 runs in this thread without a time limit. */
  readonly workers?: number;
  /** Per-entry wall-clock limit in seconds (default 120), with workers only, from when the entry's worker has loaded. */
  readonly timeoutSeconds?: number;
  /** Called as each entry finishes. */
  readonly onResult?: (result: EntryResult, done: number, total: number) => void;
}

/** The descriptive fields of an entry: everything but the checks, which hold functions and ASTs. */
function describe(entry: CatalogEntry): Omit<CatalogEntry, 'check' | 'correction'> {
  const { id, section, equation, category, title, statement, hypotheses, scope, uses, notes } = entry;
  return { id, section, equation, category, title, statement, hypotheses, scope, uses, notes };
}

/** Runs one catalog entry (and its correction) in this thread. */
export function runEntry(id: string, seed: number): EntryResult {
  requireText(id, 'id');
  requireSeed(seed, 'seed');
  const entry = catalog.find((candidate) => candidate.id === id);
  if (!entry) throw new InputError('out-of-range', 'id', `no catalog entry is '${id}'; pick one of the ids selectEntries() lists.`);
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
  if (only === undefined) return catalog.map((entry) => entry.id);
  requireArray(only, 'only', catalog.length, requireText);
  if (only.length === 0) return catalog.map((entry) => entry.id);
  for (const prefix of only) {
    if (!catalog.some((entry) => entry.id.startsWith(prefix))) {
      throw new InputError('out-of-range', 'only', `${prefix} matches no catalog entry; give a prefix of an id, e.g. thm3 or prop1.`);
    }
  }
  return catalog.filter((entry) => only.some((prefix) => entry.id.startsWith(prefix))).map((entry) => entry.id);
}

/** What a worker thread is sent: one entry and the run's seed. */
export interface EntryTask {
  readonly id: string;
  readonly seed: number;
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

/** Runs the selected entries and returns their results in catalog order. */
export async function runCatalog(options: CatalogRunOptions = {}): Promise<EntryResult[]> {
  requireFields(options, 'options', '{ only?, seed?, workers?, timeoutSeconds?, onResult? }', {
    seed: optional(requireSeed),
    // Their ranges are runOrdered's; null must not read as 'not given'.
    workers: optional((value, argument) => requireIntegerIn(value, argument, 0, Number.MAX_SAFE_INTEGER)),
    timeoutSeconds: optional((value, argument) => requireNonNegativeNumber(value, argument)),
    onResult: optional((value, argument) => requireCallback(value, argument, '(result, done, total) => void')),
  });
  const seed = options.seed ?? DEFAULT_SEED;
  const tasks: EntryTask[] = selectEntries(options.only).map((id) => ({ id, seed }));
  const { onResult } = options;
  return runOrdered(tasks, {
    script: workerScriptIfBuilt(new URL('./worker.js', import.meta.url)),
    workers: options.workers ?? availableParallelism(),
    runInThread: (task) => runEntry(task.id, task.seed),
    timeoutSeconds: options.timeoutSeconds ?? 120,
    onTimeout: (task, seconds) => timedOut(task.id, seconds),
    onResult: onResult && ((result, _index, done, total) => onResult(result, done, total)),
    describe: (task) => task.id,
  });
}
