/**
 * The `factorflow` command: `verify` runs the verification suites and prints one report;
 * `plan` and `trajectory` apply @factorflow/core to matrices read from files; `symbolic` runs
 * the catalog of @factorflow/symbolic.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

import { FactorflowInputError, incrementalLearningReport } from '@factorflow/core';
import { allSuites, foundBug, formatReport, progressReporter, reportJson, runSuites, suiteByName } from '@factorflow/verify';

import { formatPlan } from './commands/plan.js';
import { symbolicCommand } from './commands/symbolic.js';
import { formatTrajectory, trajectoryCommand } from './commands/trajectory.js';
import { udvCommand } from './commands/udv.js';
import { MatrixFileError, parseTimes, readMatrixFile } from './matrixFile.js';

const HELP: Record<string, string> = {
  main: `factorflow: executable checks of Min & Vidal (2025), gradient flow on symmetric matrix factorization

Usage: factorflow <command> [options]

Commands:
  verify       run the randomized verification suites and print the report
  plan         Theorem 3/4 planner (alpha_max, I_k, hypotheses) next to the measured windows
  trajectory   W(t) and its eigenvalues by the closed form, the ODE or gradient descent
  symbolic     the symbolic catalog: a verdict for every equation and proof step (@factorflow/symbolic)
  udv          the U D V^T model of Hou, Sra & Yurtsever (2025): one run, the sweep, the network experiment

Run 'factorflow <command> --help' for a command's options.`,
  verify: `Usage: factorflow verify [--suite NAME]... [--instances N] [--seed S] [--workers W] [--json]

Runs every suite (or the named ones) on N seeded random instances each (default 40; expensive
suites run a fraction) and prints one table. The same seed gives the same report whatever W.

  --suite NAME     run only this suite (repeatable): ${allSuites.map((suite) => suite.name).join(', ')}
  --instances N    instances per suite (default 40; 10000 is the deep run)
  --seed S         run seed, an integer in [0, 2^32) (default 20251124)
  --workers W      worker threads (default: the number of cores)
  --json           print the machine-readable report instead of the table

Exit status: 0 when every claim held; 1 when a theorem's conclusion failed on an instance that
satisfies its hypotheses or two independent routes disagree (the seed and shrunk instance are
printed); 2 on bad usage.`,
  plan: `Usage: factorflow plan --Y FILE --U0 FILE --epsilon E [--alpha A] [--json]

  --Y FILE        symmetric PSD target, JSON array of rows or CSV
  --U0 FILE       initialization shape U0bar (n x r), JSON or CSV; U(0) = alpha^{1/2} U0bar
  --epsilon E     error tolerance of Theorems 3/4
  --alpha A       initialization scale (default: the theorem's alpha_max)
  --json          machine-readable output`,
  trajectory: `Usage: factorflow trajectory --Y FILE --U0 FILE --times LIST [--method closed|ode|gd] [--eta E] [--json]

  --Y FILE        symmetric target, JSON array of rows or CSV
  --U0 FILE       initial factor U(0) (n x r), JSON or CSV
  --times LIST    e.g. "0,0.5,1" or "linspace(0,10,50)"
  --method M      closed (default; Proposition 1), ode (Dormand-Prince 5(4)) or gd (gradient descent)
  --eta E         gradient-descent step (default 1e-3 / ||Y||_2)
  --json          machine-readable output`,
  udv: `Usage: factorflow udv [--task completion|sensing] [--n N] [--rank R] [--observed M] [--symmetric]
                     [--noise S] [--model udv|bm|deep|nuclear] [--radius A|data] [--sphere]
                     [--eta E] [--xi X] [--iterations N] [--seed S] [--json]
       factorflow udv sweep [--setup a|b2000|b5000]... [--model NAME]... [--iterations N] [--seed S] [--json]
       factorflow udv radius [--setup a|b2000|b5000]... [--eta E] [--iterations N] [--seed S] [--json]
       factorflow udv network [--iterations N] [--seed S] [--json]

One training run on a seeded problem (default: completion, n = 100, rank 3, 900 observed entries,
model udv), summarized: stop reason, f / f(0), test error on unobserved entries (completion) or
||X - X*||_F / ||X*||_F (sensing), rank at relative tolerances 1e-3 / 1e-6 / 1e-10, exact zeros in d.

  --task T        completion (sampled entries) or sensing (m Gaussian measurements N(0, 1/n^2))
  --n N           X* is n x n (default 100)
  --rank R        rank of X* (default 3); ||X*||_F = n
  --observed M    observed entries, or pairs with --symmetric, or measurements (default 900)
  --symmetric     X* symmetric PSD, symmetric models U D U^T and U U^T (completion only)
  --noise S       standard deviation of Gaussian noise on the observations (default 0)
  --model M       udv (projected GD on U D V^T), bm (Burer-Monteiro), deep (depth 3), nuclear
  --radius A      udv: radius of the balls of U and V, or 'data' for ||X*||_F^{1/3} estimated from b (default 1)
  --sphere        udv: rescale U and V onto the sphere ||.||_F = A after each step instead of projecting
  --eta E         step size (default: the model's); --xi X  initialization scale (default: the model's)
  --iterations N  at most N steps (default 100000); runs stop at f <= 1e-8 f(0)
  --seed S        problem and initialization seed (default 1)

'sweep' runs eta in {1e-3, 1e-2, 1e-1} x xi in {1e-2, 1e-4, 1e-6} for udv (radius 1 and data),
Burer-Monteiro and depth 3, and the nuclear norm once, on the named setups (default a):
a = 100 x 100 symmetric rank 3, 900 pairs; b2000 / b5000 = 100 x 100 rank 5, 2000 / 5000 entries.
'radius' runs udv at radius f x a_data, a_data = ||X*||_F^{1/3} estimated from the observations, for
f in {0.5, 0.625, 0.75, 0.875, 1, 1.25, 1.5, 2} x xi in {1, 1e-2, 1e-4, 1e-6}, at eta 1e-3.
'network' trains the constrained linear network with a diagonal middle layer and the plain
two-layer linear network on a teacher-student regression (20 outputs, 30 inputs, teacher rank 3).`,
};

class UsageError extends Error {}

function number(value: string | undefined, name: string, check: (x: number) => boolean, expected: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || !check(parsed)) throw new UsageError(`--${name} expects ${expected}, got '${value}'`);
  return parsed;
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

async function verify(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      suite: { type: 'string', multiple: true },
      instances: { type: 'string' },
      seed: { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return help('verify');
  const instances = number(values.instances, 'instances', (x) => Number.isInteger(x) && x > 0, 'a positive integer') ?? 40;
  const seed = number(values.seed, 'seed', (x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32, 'an integer in [0, 2^32)') ?? 20251124;
  const workers =
    number(values.workers, 'workers', (x) => Number.isInteger(x) && x > 0, 'a positive integer') ?? availableParallelism();
  let suites;
  try {
    suites = (values.suite ?? []).length > 0 ? values.suite!.map(suiteByName) : allSuites;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const start = performance.now();
  const runs = await runSuites(suites, {
    instances,
    seed,
    workers,
    onProgress: values.json ? undefined : progressReporter(process.stderr),
  });
  const wallSeconds = (performance.now() - start) / 1000;
  if (values.json) console.log(JSON.stringify(reportJson(runs, { seed, instances }), null, 2));
  else console.log(formatReport(runs, { seed, instances, workers, wallSeconds }));
  return foundBug(runs) ? 1 : 0;
}

function plan(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: {
      Y: { type: 'string' },
      U0: { type: 'string' },
      epsilon: { type: 'string' },
      alpha: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return help('plan');
  const report = incrementalLearningReport({
    Y: readMatrixFile(required(values.Y, 'Y'), '--Y'),
    U0bar: readMatrixFile(required(values.U0, 'U0'), '--U0'),
    epsilon: required(number(values.epsilon, 'epsilon', (x) => x > 0, 'a number > 0'), 'epsilon'),
    alpha: number(values.alpha, 'alpha', (x) => x > 0, 'a number > 0'),
  });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatPlan(report));
  return 0;
}

function trajectory(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: {
      Y: { type: 'string' },
      U0: { type: 'string' },
      times: { type: 'string' },
      method: { type: 'string' },
      eta: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return help('trajectory');
  const method = values.method ?? 'closed';
  if (method !== 'closed' && method !== 'ode' && method !== 'gd') {
    throw new UsageError(`--method expects closed, ode or gd, got '${method}'`);
  }
  const report = trajectoryCommand({
    Y: readMatrixFile(required(values.Y, 'Y'), '--Y'),
    U0: readMatrixFile(required(values.U0, 'U0'), '--U0'),
    times: parseTimes(required(values.times, 'times')),
    method,
    eta: number(values.eta, 'eta', (x) => x > 0, 'a number > 0'),
  });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatTrajectory(report));
  return 0;
}

function help(command: string): number {
  console.log(HELP[command]);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'verify':
        return await verify(rest);
      case 'plan':
        return plan(rest);
      case 'trajectory':
        return trajectory(rest);
      case 'symbolic':
        return await symbolicCommand(rest);
      case 'udv':
        return udvCommand(rest, { number, required, help: () => help('udv'), usage: (message) => new UsageError(message) });
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        return help('main');
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`factorflow: ${error.message}\nRun 'factorflow ${command && HELP[command] ? `${command} ` : ''}--help' for usage.`);
      return 2;
    }
    if (error instanceof MatrixFileError || error instanceof FactorflowInputError) {
      console.error(`factorflow: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
