/**
 * `factorflow-symbolic` (also `factorflow symbolic`): runs the catalog of checks of Min & Vidal
 * (2025), Sections II-III, and prints a table (or the JSON report). Exit status 1 only on a
 * checker bug (two routes disagree) or a crash; an erratum in the paper is a result, not an error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';

import { DEFAULT_SEED, buildReport, formatReport, nerdamerVersion, runCatalog } from '@factorflow/symbolic';

const HELP = `Usage: factorflow-symbolic [--only ID]... [--json] [--out FILE] [--seed S] [--workers W]

Checks every equation and proof step of Min & Vidal (2025), Sections II-III: identities by
nerdamer-prime (residual numerator expanded to exactly 0) and by exact rational evaluation at
random points; inequalities by a sign analysis of the factors under the hypotheses and an
exact-rational counterexample search; matrix-norm facts by numeric search (never "holds").

  --only ID      run only entries whose id starts with ID (repeatable), e.g. --only thm3.19
  --json         print the JSON report (schema factorflow-symbolic-report/1) instead of the table
  --out FILE     also write the JSON report to FILE
  --seed S       seed of the random points, an integer in [0, 2^32) (default ${DEFAULT_SEED})
  --workers W    worker threads (default: the number of cores; 0 runs in this thread)

Exit status: 0 when the checker is consistent (whatever the paper's verdicts), 1 on a checker bug
(two routes disagree) or a crash, 2 on bad usage.`;

function integer(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) throw new RangeError(`--${name} expects an integer in [${min}, ${max}], got '${value}'`);
  return parsed;
}

/** Runs the catalog with the command-line `args`; returns the exit status. */
export async function symbolicCommand(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        only: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        out: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  let seed: number;
  let workers: number | undefined;
  try {
    seed = integer(values.seed, 'seed', 0, 2 ** 32 - 1) ?? DEFAULT_SEED;
    workers = integer(values.workers, 'workers', 0, 64);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const start = performance.now();
  const progress = !values.json && process.stderr.isTTY;
  let results;
  try {
    results = await runCatalog({
      only: values.only,
      seed,
      workers,
      onResult: (result, done, total) => {
        if (progress) process.stderr.write(`\r${done}/${total} ${result.id.padEnd(40)}`);
      },
    });
  } catch (error) {
    if (error instanceof RangeError && /matches no catalog entry/.test(error.message)) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (progress) process.stderr.write('\r'.padEnd(60) + '\r');
  const report = buildReport(results, seed, (performance.now() - start) / 1000, nerdamerVersion());
  if (values.out) {
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
  }
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.summary.checkerBugs > 0 ? 1 : 0;
}
