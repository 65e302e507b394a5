/**
 * `factorflow udv`: one training run of a factorization model on a seeded problem, the
 * (eta, xi) sweep of issue #7, the radius sweep of udv, or the teacher-student network experiment.
 */
import { parseArgs } from 'node:util';

import {
  type LeastSquaresProblem,
  MODEL_NAMES,
  type ModelName,
  NETWORK_DEFAULTS,
  type RunSummary,
  SWEEP_SETUPS,
  type SetupName,
  RADIUS_ETA,
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

/** The CLI's argument helpers, passed in so that usage errors print and exit like every command's. */
export interface CliHelpers {
  number(value: string | undefined, name: string, check: (x: number) => boolean, expected: string): number | undefined;
  required<T>(value: T | undefined, name: string): T;
  help(): number;
  usage(message: string): Error;
}

const positiveInteger = (x: number): boolean => Number.isInteger(x) && x > 0;
const seedRange = (x: number): boolean => Number.isInteger(x) && x >= 0 && x < 2 ** 32;

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string, cli: CliHelpers): T {
  if (!(allowed as readonly string[]).includes(value)) throw cli.usage(`--${name} expects one of ${allowed.join(', ')}, got '${value}'`);
  return value as T;
}

/** Runs `factorflow udv [sweep|radius|network] ...`; returns the exit status. */
export function udvCommand(args: string[], cli: CliHelpers): number {
  if (args[0] === 'sweep') return sweep(args.slice(1), cli);
  if (args[0] === 'radius') return radiusSweep(args.slice(1), cli);
  if (args[0] === 'network') return network(args.slice(1), cli);
  const { values } = parseArgs({
    args,
    options: {
      task: { type: 'string' },
      n: { type: 'string' },
      rank: { type: 'string' },
      observed: { type: 'string' },
      symmetric: { type: 'boolean' },
      noise: { type: 'string' },
      model: { type: 'string' },
      radius: { type: 'string' },
      sphere: { type: 'boolean' },
      eta: { type: 'string' },
      xi: { type: 'string' },
      iterations: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return cli.help();
  const task = oneOf(values.task ?? 'completion', ['completion', 'sensing'], 'task', cli);
  const model = oneOf(values.model ?? 'udv', MODEL_NAMES, 'model', cli);
  const n = cli.number(values.n, 'n', positiveInteger, 'a positive integer') ?? 100;
  const rank = cli.number(values.rank, 'rank', positiveInteger, 'a positive integer') ?? 3;
  const observed = cli.number(values.observed, 'observed', positiveInteger, 'a positive integer') ?? 900;
  const noise = cli.number(values.noise, 'noise', (x) => x >= 0, 'a number >= 0') ?? 0;
  const seed = cli.number(values.seed, 'seed', seedRange, 'an integer in [0, 2^32)') ?? 1;
  const maxIterations = cli.number(values.iterations, 'iterations', positiveInteger, 'a positive integer') ?? 100_000;
  const radius = values.radius === undefined || values.radius === 'data' ? values.radius : cli.number(values.radius, 'radius', (x) => x > 0, "a number > 0 or 'data'");
  if (task === 'sensing' && values.symmetric) throw cli.usage('--symmetric applies to --task completion only');
  const problem: LeastSquaresProblem =
    task === 'completion'
      ? completionProblem({ rows: n, columns: n, rank, observed, noise, seed, symmetric: values.symmetric ?? false })
      : sensingProblem({ size: n, rank, measurements: observed, noise, seed });
  const run = runModel(
    problem,
    { model, radius: radius as number | 'data' | undefined, normalization: values.sphere ? 'sphere' : 'ball' },
    { eta: cli.number(values.eta, 'eta', (x) => x > 0, 'a number > 0'), xi: cli.number(values.xi, 'xi', (x) => x > 0, 'a number > 0'), seed, maxIterations },
  );
  const summary = summaryOf(run);
  const setting = { task, n, rank, observed, symmetric: values.symmetric ?? false, noise, seed };
  if (values.json) {
    console.log(JSON.stringify({ setting, summary, singularValues: Array.from(run.singularValues), history: run.result.history }, null, 2));
  } else {
    console.log(formatRun(summary, setting));
  }
  return 0;
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

/** The options both sweeps share: setups, seed, step cap. */
function sweepSettings(
  values: { setup?: string[]; seed?: string; iterations?: string },
  cli: CliHelpers,
): { setups: SetupName[]; seed: number; maxIterations: number } {
  return {
    setups: (values.setup ?? ['a']).map((name) => oneOf(name, Object.keys(SWEEP_SETUPS) as SetupName[], 'setup', cli)),
    seed: cli.number(values.seed, 'seed', seedRange, 'an integer in [0, 2^32)') ?? 1,
    maxIterations: cli.number(values.iterations, 'iterations', positiveInteger, 'a positive integer') ?? 20_000,
  };
}

/** One report as JSON, several as a JSON array, or each as its heading and table. */
function printReports<Report>(reports: readonly Report[], json: boolean, heading: (report: Report) => string, table: (report: Report) => string): void {
  if (json) {
    console.log(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
    return;
  }
  for (const report of reports) console.log(`\n${heading(report)}\n\n${table(report)}`);
}

const SWEEP_OPTIONS = {
  setup: { type: 'string', multiple: true },
  iterations: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

function sweep(args: string[], cli: CliHelpers): number {
  const { values } = parseArgs({ args, options: { ...SWEEP_OPTIONS, model: { type: 'string', multiple: true } } });
  if (values.help) return cli.help();
  const { setups, seed, maxIterations } = sweepSettings(values, cli);
  const models = (values.model ?? MODEL_NAMES).map((name) => oneOf(name, MODEL_NAMES, 'model', cli)) as ModelName[];
  const reports = setups.map((setup) =>
    runSweep(setup, {
      seed,
      maxIterations,
      models,
      onRow: values.json ? undefined : (row) => process.stderr.write(`udv sweep ${setup}: ${modelLabel(row)} eta ${row.eta} xi ${row.xi ?? '-'}: ${row.stop}\n`),
    }),
  );
  printReports(
    reports,
    values.json ?? false,
    (report) => `${report.setup}: ${report.description} (seed ${report.seed}, at most ${report.maxIterations} iterations)`,
    (report) => formatSweepTable(report.rows),
  );
  return 0;
}

function radiusSweep(args: string[], cli: CliHelpers): number {
  const { values } = parseArgs({ args, options: { ...SWEEP_OPTIONS, eta: { type: 'string' } } });
  if (values.help) return cli.help();
  const { setups, seed, maxIterations } = sweepSettings(values, cli);
  const eta = cli.number(values.eta, 'eta', (x) => x > 0, 'a number > 0') ?? RADIUS_ETA;
  const reports = setups.map((setup) =>
    runRadiusSweep(setup, {
      seed,
      maxIterations,
      eta,
      onRow: values.json ? undefined : (row) => process.stderr.write(`udv radius ${setup}: ${modelLabel(row)} xi ${row.xi ?? '-'}: ${row.stop}\n`),
    }),
  );
  printReports(
    reports,
    values.json ?? false,
    (report) =>
      `${report.setup}: ${report.description} (seed ${report.seed}, eta ${report.eta}, at most ${report.maxIterations} iterations; a_data = ${report.dataRadius.toPrecision(3)})`,
    formatRadiusTable,
  );
  return 0;
}

function network(args: string[], cli: CliHelpers): number {
  const { values } = parseArgs({
    args,
    options: { iterations: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) return cli.help();
  const seed = cli.number(values.seed, 'seed', seedRange, 'an integer in [0, 2^32)') ?? 1;
  const maxIterations = cli.number(values.iterations, 'iterations', positiveInteger, 'a positive integer') ?? NETWORK_DEFAULTS.maxIterations;
  const settings = { ...NETWORK_DEFAULTS, maxIterations };
  const summaries = runNetworkExperiment(settings, seed);
  if (values.json) {
    console.log(JSON.stringify({ settings, seed, networks: summaries }, null, 2));
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
}
