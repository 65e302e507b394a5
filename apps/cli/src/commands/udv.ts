/**
 * `factorflow udv`: one training run of a factorization model on a seeded problem, the (eta, xi)
 * sweep, the radius sweep of udv, or the teacher-student network experiment (the U D V^T
 * experiments of @factorflow/core's udv layer, on the model of Hou, Sra & Yurtsever 2025).
 */
import {
  type CellPosition,
  type LeastSquaresProblem,
  MODEL_NAMES,
  type ModelName,
  NETWORK_DEFAULTS,
  RADIUS_ETA,
  RADIUS_FACTORS,
  type RunSummary,
  SWEEP_SETUPS,
  type SetupName,
  completionProblem,
  formatRadiusTable,
  formatSweepTable,
  modelLabel,
  runModel,
  runNetworkExperiment,
  runRadiusSweep,
  runSweep,
  sensingProblem,
  summaryOf,
} from '@factorflow/core';

import { SCHEMA, type SchemaTag, printJson, printJsonLine, tagged } from '../json.js';
import {
  type CommandSpec,
  JSON_OPTION,
  NON_NEGATIVE,
  type NumberRule,
  type OptionSpec,
  POSITIVE,
  POSITIVE_INTEGER,
  type ParsedOptions,
  SEED,
  UsageError,
  choiceOption,
  defaultOf,
  optionLines,
  usage,
} from '../options.js';
import { type Command, runParsed } from '../program.js';
import { outOption, resultTargets, writeResults } from '../resultFile/index.js';
import { UDV_RUN_LAYOUT } from '../resultFile/layouts.js';

const SETUP: OptionSpec<'setup'> = {
  name: 'setup',
  value: 'NAME',
  repeatable: true,
  default: 'a',
  choices: Object.keys(SWEEP_SETUPS).map((value) => ({ value })),
  description: 'the problem setups to run (repeatable)',
};
const SEED_OPTION: OptionSpec<'seed'> = { name: 'seed', value: 'S', default: '1', description: 'problem and initialization seed' };
const SWEEP_ITERATIONS: OptionSpec<'iterations'> = { name: 'iterations', value: 'N', default: '20000', description: 'at most N steps per run' };

const RUN: CommandSpec<
  'task' | 'n' | 'rank' | 'observed' | 'symmetric' | 'noise' | 'model' | 'radius' | 'sphere' | 'eta' | 'xi' | 'iterations' | 'seed' | 'out' | 'json'
> = {
  program: 'factorflow udv',
  breakBefore: ['noise', 'eta'],
  options: [
    choiceOption('task', 'T', 'completion', { completion: 'sampled entries', sensing: 'm Gaussian measurements N(0, 1/n^2)' }),
    { name: 'n', value: 'N', default: '100', description: 'X* is n x n' },
    { name: 'rank', value: 'R', default: '3', description: 'rank of X* (default {default}); ||X*||_F = n' },
    { name: 'observed', value: 'M', default: '900', description: 'observed entries, or pairs with --symmetric, or measurements' },
    { name: 'symmetric', description: 'X* symmetric PSD, symmetric models U D U^T and U U^T (completion only)' },
    { name: 'noise', value: 'S', default: '0', description: 'standard deviation of Gaussian noise on the observations' },
    choiceOption('model', 'M', 'udv', { udv: 'projected GD on U D V^T', bm: 'Burer-Monteiro', deep: 'depth 3', nuclear: undefined }),
    {
      name: 'radius',
      value: 'A',
      synopsis: 'A|data',
      default: '1',
      description: "udv: radius of the balls of U and V, or 'data' for ||X*||_F^{1/3} estimated from b",
    },
    { name: 'sphere', description: 'udv: rescale U and V onto the sphere ||.||_F = A after each step instead of projecting' },
    { name: 'eta', value: 'E', defaultText: "the model's", description: 'step size' },
    { name: 'xi', value: 'X', defaultText: "the model's", description: 'initialization scale' },
    { name: 'iterations', value: 'N', default: '100000', description: 'at most N steps (default {default}); runs stop at f <= 1e-8 f(0)' },
    SEED_OPTION,
    outOption(UDV_RUN_LAYOUT),
    JSON_OPTION,
  ],
};

const SWEEP: CommandSpec<'setup' | 'model' | 'iterations' | 'seed' | 'json'> = {
  program: 'factorflow udv sweep',
  options: [
    SETUP,
    {
      name: 'model',
      value: 'NAME',
      synopsis: 'NAME',
      repeatable: true,
      default: MODEL_NAMES,
      choices: MODEL_NAMES.map((value) => ({ value })),
      description: 'the models to run (repeatable)',
    },
    SWEEP_ITERATIONS,
    SEED_OPTION,
    JSON_OPTION,
  ],
};

const RADIUS: CommandSpec<'setup' | 'eta' | 'iterations' | 'seed' | 'json'> = {
  program: 'factorflow udv radius',
  options: [SETUP, { name: 'eta', value: 'E', default: String(RADIUS_ETA), description: 'step size' }, SWEEP_ITERATIONS, SEED_OPTION, JSON_OPTION],
};

const NETWORK: CommandSpec<'iterations' | 'seed' | 'json'> = {
  program: 'factorflow udv network',
  options: [
    { name: 'iterations', value: 'N', default: String(NETWORK_DEFAULTS.maxIterations), description: 'at most N steps per network' },
    SEED_OPTION,
    JSON_OPTION,
  ],
};

const RADIUS_OR_DATA: NumberRule = { test: POSITIVE.test, expected: "a number > 0 or 'data'" };

/** `factorflow udv`: one run, or the subcommand `sweep`, `radius` or `network` named first. */
export const udv: Command = {
  help: () => `${[RUN, SWEEP, RADIUS, NETWORK].map((spec, i) => usage(spec, i === 0 ? 'Usage: ' : '       ')).join('\n')}

One training run on a seeded problem (default: ${defaultOf(RUN, 'task')}, n = ${defaultOf(RUN, 'n')}, rank ${defaultOf(RUN, 'rank')}, ${defaultOf(RUN, 'observed')} observed entries,
model ${defaultOf(RUN, 'model')}), summarized: stop reason, f / f(0), test error on unobserved entries (completion) or
||X - X*||_F / ||X*||_F (sensing), rank at relative tolerances 1e-3 / 1e-6 / 1e-10, exact zeros in d.

${optionLines(RUN, 18)}

'sweep' runs eta in {1e-3, 1e-2, 1e-1} x xi in {1e-2, 1e-4, 1e-6} for udv (radius 1 and data),
Burer-Monteiro and depth 3, and the nuclear norm once, on the named setups (default ${defaultOf(SWEEP, 'setup')}),
about 25 min per setup on one core: a = 100 x 100 symmetric rank 3, 900 pairs; b2000 / b5000 = 100 x 100
rank 5, 2000 / 5000 entries.
'radius' runs udv at radius f x a_data, a_data = ||X*||_F^{1/3} estimated from the observations, for
f in {${RADIUS_FACTORS.join(', ')}} x xi in {1, 1e-2, 1e-4, 1e-6}, at eta ${RADIUS_ETA.toExponential()}.
Both run on one core and take minutes at the default 20000 steps (measured on a 2-core machine):
'sweep' about 13 min for setup a (depth 3 is 85% of it; b2000 about 15, b5000 about 12, estimated),
'radius' about 3 min for setup a (b2000 about 7, estimated); longer when other work shares the core.
With --json each run is printed the moment it finishes, as one JSON line (JSON Lines, schemas
factorflow-udv-sweep/2 and factorflow-udv-radius-sweep/2), so an interrupted sweep keeps what it
has done; without --json a progress line per run goes to stderr and the tables come at the end.
'network' trains the constrained linear network with a diagonal middle layer and the plain
two-layer linear network on a teacher-student regression (20 outputs, 30 inputs, teacher rank 3).`,

  run(args) {
    if (args[0] === 'sweep') return sweep(args.slice(1));
    if (args[0] === 'radius') return radiusSweep(args.slice(1));
    if (args[0] === 'network') return network(args.slice(1));
    return single(args);
  },
};

function single(args: string[]): number | Promise<number> {
  return runParsed(RUN, args, udv.help, (options) => {
    const targets = resultTargets(options.list('out'));
    const task = options.required('task');
    const n = options.requiredNumber('n', POSITIVE_INTEGER);
    const rank = options.requiredNumber('rank', POSITIVE_INTEGER);
    const observed = options.requiredNumber('observed', POSITIVE_INTEGER);
    const noise = options.requiredNumber('noise', NON_NEGATIVE);
    const seed = options.requiredNumber('seed', SEED);
    const maxIterations = options.requiredNumber('iterations', POSITIVE_INTEGER);
    const radius = options.string('radius') === 'data' ? 'data' : options.requiredNumber('radius', RADIUS_OR_DATA);
    const symmetric = options.flag('symmetric');
    if (task === 'sensing' && symmetric) throw new UsageError('--symmetric applies to --task completion only');
    const problem: LeastSquaresProblem =
      task === 'completion'
        ? completionProblem({ rows: n, columns: n, rank, observed, noise, seed, symmetric })
        : sensingProblem({ size: n, rank, measurements: observed, noise, seed });
    const run = runModel(
      problem,
      { model: options.required('model') as ModelName, radius, normalization: options.flag('sphere') ? 'sphere' : 'ball' },
      { eta: options.number('eta', POSITIVE), xi: options.number('xi', POSITIVE), seed, maxIterations },
    );
    const summary = summaryOf(run);
    const setting = { task, n, rank, observed, symmetric, noise, seed };
    const json = JSON.stringify(tagged(SCHEMA.udvRun, { setting, summary, singularValues: Array.from(run.singularValues), history: run.result.history }), null, 2);
    writeResults(targets, { history: run.result.history, X: run.result.X, n }, json, UDV_RUN_LAYOUT);
    if (options.flag('json')) {
      console.log(json);
    } else {
      console.log(formatRun(summary, setting));
    }
    return 0;
  });
}

function formatRun(summary: RunSummary, setting: { task: string; n: number; rank: number; observed: number; symmetric: boolean; noise: number; seed: number }): string {
  const lines = [
    `${setting.task}: ${setting.n} x ${setting.n}${setting.symmetric ? ' symmetric' : ''}, rank ${setting.rank}, ${setting.observed} ${setting.task === 'completion' ? (setting.symmetric ? 'pairs' : 'entries') : 'measurements'}, noise ${setting.noise}, seed ${setting.seed}`,
    `model ${modelLabel(summary)}, eta ${summary.eta}, xi ${summary.xi ?? '-'}`,
    `stop: ${summary.stop} after ${summary.iterations} iterations (${summary.seconds.toFixed(1)} s), f / f(0) = ${summary.relativeLoss.toExponential(2)}`,
    `test error: ${summary.testError === null ? '-' : summary.testError.toExponential(2)}`,
    `rank at 1e-3 / 1e-6 / 1e-10: ${summary.rank.approximate} / ${summary.rank.numerical} / ${summary.rank.exact} (true rank ${summary.truthRank}), effective rank ${summary.effectiveRank.toFixed(2)}`,
  ];
  if (summary.exactZerosInD !== null) lines.push(`exact zeros in d: ${summary.exactZerosInD}; dead columns of U (and V): ${summary.deadColumns}`);
  return lines.join('\n');
}

/** What `udv sweep` and `udv radius` do differently; {@link sweepSetups} does the rest. */
interface SetupSweep<Name extends string, Settings, Report, Cell extends CellPosition> {
  readonly spec: CommandSpec<Name | 'setup' | 'seed' | 'iterations' | 'json'>;
  /** The tag of the JSON line of a finished cell. */
  readonly schema: SchemaTag;
  /** The sweep's own settings, read after the seed and the step budget. */
  settings(options: ParsedOptions<Name>): Settings;
  run(setup: SetupName, settings: Settings & { seed: number; maxIterations: number; onRow: (row: RunSummary, cell: Cell) => void }): Report;
  /** What the JSON line of a finished cell holds beyond the setup, its position and the run's summary. */
  cellJson(cell: Cell): object;
  /** What the progress line of a finished row says between its model and its stop reason. */
  cell(row: RunSummary): string;
  heading(report: Report): string;
  table(report: Report): string;
}

/**
 * Runs a sweep on each --setup at the seed and step budget given. Under --json each cell is printed
 * as one JSON line the moment it finishes, so that an interrupted sweep (tens of minutes with
 * several setups) keeps its results; otherwise a progress line per cell goes to stderr and the tables of
 * every setup are printed at the end.
 */
function sweepSetups<Name extends string, Settings, Report, Cell extends CellPosition>(
  args: string[],
  sweep: SetupSweep<Name, Settings, Report, Cell>,
): number | Promise<number> {
  // The progress lines name the subcommand as typed after `factorflow`.
  const label = sweep.spec.program.replace(/^factorflow /, '');
  return runParsed(sweep.spec, args, udv.help, (options) => {
    const json = options.flag('json');
    const seed = options.requiredNumber('seed', SEED);
    const maxIterations = options.requiredNumber('iterations', POSITIVE_INTEGER);
    const own = sweep.settings(options);
    if (!json) process.stderr.write(`${label}: a line per finished run below; --json prints each run as a JSON line as it finishes instead.\n`);
    const reports = (options.list('setup') as SetupName[]).map((setup) => {
      const context = { setup, description: SWEEP_SETUPS[setup].description, seed, maxIterations };
      return sweep.run(setup, {
        ...own,
        seed,
        maxIterations,
        onRow: (row, cell) => {
          const position = { cell: cell.index + 1, cells: cell.count };
          if (json) printJsonLine(tagged(sweep.schema, { ...context, ...position, ...sweep.cellJson(cell), summary: row }));
          else process.stderr.write(`${label} ${setup} [${position.cell}/${position.cells}]: ${modelLabel(row)} ${sweep.cell(row)}: ${row.stop} (${row.seconds.toFixed(1)} s)\n`);
        },
      });
    });
    if (!json) for (const report of reports) console.log(`\n${sweep.heading(report)}\n\n${sweep.table(report)}`);
    return 0;
  });
}

function sweep(args: string[]): number | Promise<number> {
  return sweepSetups(args, {
    spec: SWEEP,
    schema: SCHEMA.udvSweep,
    settings: (options) => ({ models: options.list('model') as ModelName[] }),
    run: runSweep,
    cellJson: () => ({}),
    cell: (row) => `eta ${row.eta} xi ${row.xi ?? '-'}`,
    heading: (report) => `${report.setup}: ${report.description} (seed ${report.seed}, at most ${report.maxIterations} iterations)`,
    table: (report) => formatSweepTable(report.rows),
  });
}

function radiusSweep(args: string[]): number | Promise<number> {
  return sweepSetups(args, {
    spec: RADIUS,
    schema: SCHEMA.udvRadius,
    settings: (options) => ({ eta: options.requiredNumber('eta', POSITIVE) }),
    run: runRadiusSweep,
    cellJson: ({ factor, dataRadius }) => ({ dataRadius, factor }),
    cell: (row) => `xi ${row.xi ?? '-'}`,
    heading: (report) =>
      `${report.setup}: ${report.description} (seed ${report.seed}, eta ${report.eta}, at most ${report.maxIterations} iterations; a_data = ${report.dataRadius.toPrecision(3)})`,
    table: formatRadiusTable,
  });
}

function network(args: string[]): number | Promise<number> {
  return runParsed(NETWORK, args, udv.help, (options) => {
    const seed = options.requiredNumber('seed', SEED);
    const maxIterations = options.requiredNumber('iterations', POSITIVE_INTEGER);
    const settings = { ...NETWORK_DEFAULTS, maxIterations };
    const summaries = runNetworkExperiment(settings, seed);
    if (options.flag('json')) {
      printJson(tagged(SCHEMA.udvNetwork, { settings, seed, networks: summaries }));
      return 0;
    }
    const width = Math.min(settings.outputs, settings.inputs);
    console.log(
      `teacher-student regression: W* ${settings.outputs} x ${settings.inputs} of rank ${settings.teacherRank}, ${settings.samples} samples, label noise ${settings.noise}, width ${width}, eta ${settings.eta}, xi ${settings.xi}, seed ${seed}\n`,
    );
    console.log('| network | active units | rank 1e-3 / 1e-6 / 1e-10 | f / f(0) | test error | after pruning to rank(teacher) | iterations |');
    console.log('|---|---|---|---|---|---|---|');
    for (const summary of summaries) {
      console.log(
        `| ${summary.network} | ${summary.activeUnits} of ${width} | ${summary.rank.approximate} / ${summary.rank.numerical} / ${summary.rank.exact} | ${summary.relativeLoss.toExponential(2)} | ${summary.testError.toExponential(2)} | ${summary.prunedTestError.toExponential(2)} | ${summary.iterations} |`,
      );
    }
    return 0;
  });
}
