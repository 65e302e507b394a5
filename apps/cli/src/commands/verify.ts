/** `factorflow verify`: the randomized verification suites of @factorflow/verify, one report. */
import { availableParallelism } from 'node:os';

import { progressReporter } from '@factorflow/harness';
import { allSuites, foundBug, formatReport, reportJson, runSuites, suiteByName } from '@factorflow/verify';

import { SCHEMA, printJson, tagged } from '../json.js';
import { type CommandSpec, POSITIVE_INTEGER, SEED, UsageError, defaultOf, optionLines, usage } from '../options.js';
import { type Command, command } from '../program.js';

const VERIFY: CommandSpec<'suite' | 'instances' | 'seed' | 'workers' | 'json'> = {
  program: 'factorflow verify',
  options: [
    {
      name: 'suite',
      value: 'NAME',
      repeatable: true,
      description: `run only this suite (repeatable): ${allSuites.map((suite) => suite.name).join(', ')}`,
    },
    { name: 'instances', value: 'N', default: '40', description: 'instances per suite (default {default}; 10000 is the deep run)' },
    { name: 'seed', value: 'S', default: '20251124', description: 'run seed, an integer in [0, 2^32)' },
    { name: 'workers', value: 'W', defaultText: 'the number of cores', description: 'worker threads' },
    { name: 'json', description: 'print the machine-readable report instead of the table' },
  ],
};

/** `factorflow verify`: the suites of @factorflow/verify, one report; exit status 1 when a claim failed. */
export const verify: Command = command(
  VERIFY,
  () =>
    `${usage(VERIFY, 'Usage: ')}

Runs every suite (or the named ones) on N seeded random instances each (default ${defaultOf(VERIFY, 'instances')}; expensive
suites run a fraction) and prints one table. The same seed gives the same report whatever W.

${optionLines(VERIFY, 19)}

Exit status: 0 when every claim held; 1 when a theorem's conclusion failed on an instance that
satisfies its hypotheses or two independent routes disagree (the seed and shrunk instance are
printed); 2 on bad usage.`,
  async (options) => {
    const instances = options.requiredNumber('instances', POSITIVE_INTEGER);
    const seed = options.requiredNumber('seed', SEED);
    const workers = options.number('workers', POSITIVE_INTEGER) ?? availableParallelism();
    const json = options.flag('json');
    let suites;
    try {
      suites = options.list('suite').length > 0 ? options.list('suite').map(suiteByName) : allSuites;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const start = performance.now();
    const runs = await runSuites(suites, { instances, seed, workers, onProgress: json ? undefined : progressReporter(process.stderr, { label: 'verify', unit: 'instances' }) });
    const wallSeconds = (performance.now() - start) / 1000;
    if (json) printJson(tagged(SCHEMA.verify, reportJson(runs, { seed, instances })));
    else console.log(formatReport(runs, { seed, instances, workers, wallSeconds }));
    return foundBug(runs) ? 1 : 0;
  },
);
