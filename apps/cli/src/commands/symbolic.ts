/**
 * `factorflow-symbolic` (also `factorflow symbolic`): runs the catalog of checks of Min & Vidal
 * (2025), Sections II-III, and prints a table (or the JSON report). Exit status 1 only on a
 * checker bug (two routes disagree) or a crash; an erratum in the paper is a result, not an error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { InputError } from '@factorflow/harness';
import { DEFAULT_SEED, buildReport, formatReport, nerdamerVersion, runCatalog } from '@factorflow/symbolic';

import { type CommandSpec, UsageError, integerIn, optionLines, usage } from '../options.js';
import { type Command, command } from '../program.js';

const SYMBOLIC: CommandSpec<'only' | 'json' | 'out' | 'seed' | 'workers'> = {
  // Both spellings run this table; the help names the standalone command, as it always has.
  program: 'factorflow-symbolic',
  options: [
    { name: 'only', value: 'ID', repeatable: true, description: 'run only entries whose id starts with ID (repeatable), e.g. --only thm3.19' },
    { name: 'json', description: 'print the JSON report (schema factorflow-symbolic-report/2) instead of the table' },
    { name: 'out', value: 'FILE', description: 'also write the JSON report to FILE' },
    { name: 'seed', value: 'S', default: String(DEFAULT_SEED), description: 'seed of the random points, an integer in [0, 2^32)' },
    { name: 'workers', value: 'W', defaultText: 'the number of cores', description: 'worker threads (default: {default}; 0 runs in this thread)' },
  ],
};

/** `factorflow symbolic` and `factorflow-symbolic`: the catalog, one report; exit status 1 on a checker bug. */
export const symbolic: Command = command(
  SYMBOLIC,
  () =>
    `${usage(SYMBOLIC, 'Usage: ')}

Checks every equation and proof step of Min & Vidal (2025), Sections II-III: identities by
nerdamer-prime (residual numerator expanded to exactly 0) and by exact rational evaluation at
random points; inequalities by a sign analysis of the factors under the hypotheses and an
exact-rational counterexample search; matrix-norm facts by numeric search (never "holds").

${optionLines(SYMBOLIC, 17)}

Exit status: 0 when the checker is consistent (whatever the paper's verdicts), 1 on a checker bug
(two routes disagree) or a crash, 2 on bad usage.`,
  async (options) => {
    const seed = options.requiredNumber('seed', integerIn(0, 2 ** 32 - 1));
    const workers = options.number('workers', integerIn(0, 64));
    const json = options.flag('json');
    const out = options.string('out');
    const start = performance.now();
    // A redrawn progress line would garble a log or a pipe.
    const progress = !json && process.stderr.isTTY;
    let results;
    try {
      results = await runCatalog({
        only: options.list('only'),
        seed,
        workers,
        onResult: (result, done, total) => {
          if (progress) process.stderr.write(`\r${done}/${total} ${result.id.padEnd(40)}`);
        },
      });
    } catch (error) {
      if (error instanceof InputError && error.argument === 'only') throw new UsageError(`--only ${error.message.slice('only: '.length)}`);
      throw error;
    }
    if (progress) process.stderr.write('\r'.padEnd(60) + '\r');
    const report = buildReport(results, seed, (performance.now() - start) / 1000, nerdamerVersion());
    if (out !== undefined) {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    }
    console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));
    return report.summary.checkerBugs > 0 ? 1 : 0;
  },
);
