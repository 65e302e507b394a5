/**
 * `npm run bench` (core): the dense kernels and the closed form of Proposition 1 (Min & Vidal 2025,
 * eq. (5)) against numpy, side by side in one run, on the same inputs (issue 21). Run from
 * packages/core:
 *
 *   npx tsx bench/kernels.ts [--write] [--quick]
 *
 * Cases at n = 50, 200, 500: symmetric eigendecomposition with vectors (`eigenOfSymmetric`), the
 * matrix product (`productInto`), Householder QR (`householderQrInto` against LAPACK dgeqrf,
 * numpy's `qr(mode='raw')`), and for r = n and r = 5 the 200-time trajectory (`closedFormTrajectory`
 * with W and its spectrum at each time) and W(t) at one time (`riccatiClosedForm`), both from the
 * raw Y, so the eigendecomposition is included once. numpy evaluates the same closed form
 * (bench/kernels_numpy.py) with one BLAS thread. Y = Q diag(10, 8, 6, 4, 2, 0, ...) Q^T with a seeded
 * orthogonal Q, U0 Gaussian with alpha = 1e-6, 200 times on [0, 8]. Each figure is the best of
 * repeated runs (at least one, more until BUDGET seconds, and at least MIN_RUNS while they take under
 * WARM_BUDGET seconds in all, on both sides); the cost exponent is the least-squares
 * slope of log(seconds) against log(n). The six largest eigenvalues of W at the last time are
 * compared with numpy's (relative to the largest), so the two sides are known to compute the same thing.
 * Times are CPU seconds of each process (the machine is shared: wall time would count other work);
 * Node's include its garbage collector and compiler threads.
 *
 * Where the time goes, measured in the same run (bench/phases.ts): the eigendecomposition's
 * tridiagonalization, divide and conquer and applying Q against LAPACK's dsytrd, dstedc and dormtr, and the closed
 * form's eigendecomposition and factor (once) and, summed over the times, its structured QR,
 * triangular solve, assembly of W and singular values of F against the matching numpy calls; and the
 * GFLOP/s of both matrix products.
 *
 * `--write` stores the table in results/bench.json (the README block is generated from it by
 * scripts/readme-results.mjs); `--quick` runs n = 50 and 200 only. Asserts nothing.
 *
 * `--profile KIND:N[:R] PATH` runs one case (e.g. `trajectory:200:200`) for a few seconds under V8's
 * sampling profiler and writes the profile to PATH (the `.cpuprofile` format of `node --cpu-prof`,
 * opened by Chrome DevTools' Performance panel or VS Code), then prints the functions with the most
 * self time. No numpy, no table.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Matrix } from 'ml-matrix';

import { closedFormTrajectory, gaussianInit, randomOrthogonal, riccatiClosedForm, symmetricEigen, symmetricWithSpectrum } from '../src/index.js';
import { toRowMajor } from '../src/linalg/dense.js';
import { productInto } from '../src/linalg/product.js';
import { productKernel } from '../src/linalg/productWasm.js';
import { householderQrInto } from '../src/linalg/qr.js';
import { eigenOfSymmetric } from '../src/linalg/spectral.js';
import { createRandom } from '../src/random.js';
import { type PhaseSeconds, EIGEN_PHASES, ONCE_PHASES, PER_TIME_PHASES, closedFormPhases, cpuSeconds, eigenPhases } from './phases.js';

const QUICK = process.argv.includes('--quick');
const PROFILE = process.argv.indexOf('--profile');
const WRITE = process.argv.includes('--write');
const SIZES = QUICK ? [50, 200] : [50, 200, 500];
const BUDGET = 0.5;
/**
 * The first runs of a case are not its steady state, on either side: V8 compiles hot functions on
 * threads whose CPU time counts, and a page of fresh memory costs here about as much as the
 * arithmetic done in it (numpy's r = 5 trajectory at n = 500 took 1.5 s on its first run, with
 * 99,000 page faults, and 0.11 s from the second, when its allocator recycles the previous run's
 * matrices). With BUDGET alone a case whose first run exceeded it ran once, so its figure was a cold
 * start or not depending on which cases ran before it. Cases of seconds still run once or twice.
 */
const MIN_RUNS = 10;
const WARM_BUDGET = 6;
const ALPHA = 1e-6;
const TIMES = Array.from({ length: 200 }, (_, i) => (8 * i) / 199);
const ONE_TIME = 4;
const SIGMA = [10, 8, 6, 4, 2];
const THREAD_ENV = { OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

type Kind = 'eigen' | 'product' | 'qr' | 'trajectory' | 'one-time';

interface Case {
  readonly kind: Kind;
  readonly n: number;
  readonly r: number | null;
  /** Runs the case once (the timed part). */
  readonly run: () => unknown;
  /** What is compared with numpy, from the last run's result (the six largest eigenvalues of W), untimed. */
  readonly check?: (result: unknown) => number[];
  readonly files: Record<string, Float64Array>;
  readonly extra?: Record<string, unknown>;
  /** Seconds per phase (bench/phases.ts), measured apart from `run`. */
  readonly phases?: () => PhaseSeconds;
}

/** One phase of a case: our seconds, numpy's (LAPACK's) and the ratio. */
interface PhaseRow {
  readonly name: string;
  readonly ours: number;
  readonly numpy: number | null;
  readonly ratio: number | null;
}

interface Row {
  readonly kind: Kind;
  readonly n: number;
  readonly r: number | null;
  readonly ours: number;
  readonly numpy: number | null;
  readonly ratio: number | null;
  /** Largest difference of the six largest eigenvalues of W, ours against numpy's, relative to the largest. */
  readonly agreement: number | null;
  /** 1-minute load average when the row was measured (2 cores shared with other work). */
  readonly load: number;
  /** Where the time goes, in the order the phases run (per-time phases summed over the times); null for the product and QR. */
  readonly phases: PhaseRow[] | null;
  /** For the product: 2 n^3 flops over each side's seconds, in GFLOP/s. */
  readonly gflops: { readonly ours: number; readonly numpy: number | null } | null;
}

function gaussian(length: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length }, () => random.normal());
}

function symmetric(n: number, seed: number): Float64Array {
  const a = gaussian(n * n, seed);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a[i * n + j] = a[j * n + i];
  return a;
}

function bestSeconds(run: () => unknown): { seconds: number; result: unknown } {
  let best = Infinity;
  let spent = 0;
  let runs = 0;
  let result: unknown = null;
  // CPU time, not wall time: the machine is shared, and a descheduled run would otherwise count other work.
  while (runs === 0 || spent < BUDGET || (runs < MIN_RUNS && spent < WARM_BUDGET)) {
    const start = cpuSeconds();
    result = run();
    const elapsed = cpuSeconds() - start;
    best = Math.min(best, elapsed);
    spent += elapsed;
    runs++;
  }
  return { seconds: best, result };
}

function casesAt(n: number): Case[] {
  const a = symmetric(n, n);
  const b = gaussian(n * n, n + 1);
  const A = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A.set(i, j, a[i * n + j]);
  const c = new Float64Array(n * n);
  const cases: Case[] = [
    { kind: 'eigen', n, r: null, run: () => eigenOfSymmetric(A), files: { a }, phases: () => eigenPhases(a, n, BUDGET) },
    { kind: 'product', n, r: null, run: () => productInto(a, b, c, n, n, n), files: { a, b } },
    // Column-major for us, row-major for numpy: both factor the same matrix (a is symmetric).
    { kind: 'qr', n, r: null, run: () => householderQrInto(a.slice(), n, n, new Float64Array(n)), files: { a } },
  ];
  const Y = symmetricWithSpectrum(
    randomOrthogonal(n, 7),
    Array.from({ length: n }, (_, i) => SIGMA[i] ?? 0),
  );
  for (const r of [n, 5]) {
    const U0 = gaussianInit(n, r, ALPHA, 11);
    const files = { y: toRowMajor(Y), u0: toRowMajor(U0) };
    cases.push(
      {
        kind: 'trajectory',
        n,
        r,
        run: () => closedFormTrajectory(Y, { U0 }, TIMES),
        check: (result) => Array.from((result as ReturnType<typeof closedFormTrajectory>).eigenvaluesW[TIMES.length - 1].subarray(0, 6)),
        files,
        extra: { times: TIMES },
        phases: () => closedFormPhases(Y, { U0 }, TIMES, true, BUDGET),
      },
      {
        kind: 'one-time',
        n,
        r,
        run: () => riccatiClosedForm(Y, { U0 }, ONE_TIME),
        check: (result) => Array.from(symmetricEigen(result as Matrix).values.subarray(0, 6)),
        files,
        extra: { t: ONE_TIME },
        phases: () => closedFormPhases(Y, { U0 }, [ONE_TIME], false, BUDGET),
      },
    );
  }
  return cases;
}

/** numpy's seconds and check values per case, or why there are none. */
interface NumpyResult {
  readonly seconds: number;
  readonly check?: number[];
  readonly phases?: PhaseSeconds;
}

function runNumpy(cases: Case[]): { version: string; results: NumpyResult[] } | { missing: string } {
  const directory = mkdtempSync(join(tmpdir(), 'factorflow-bench-'));
  try {
    const written = new Map<Float64Array, string>();
    const specCases = cases.map((entry) => {
      const names: Record<string, string> = {};
      for (const [key, data] of Object.entries(entry.files)) {
        if (!written.has(data)) {
          const name = `${written.size}.bin`;
          writeFileSync(join(directory, name), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
          written.set(data, name);
        }
        names[key] = written.get(data) as string;
      }
      return { kind: entry.kind, n: entry.n, r: entry.r ?? entry.n, ...names, ...entry.extra };
    });
    writeFileSync(join(directory, 'spec.json'), JSON.stringify({ budget: BUDGET, minRuns: MIN_RUNS, warmBudget: WARM_BUDGET, cases: specCases }));
    const env: NodeJS.ProcessEnv = { ...process.env, ...THREAD_ENV };
    // Set for other uses of this machine's OpenBLAS; a timing run takes its defaults.
    delete env.OPENBLAS_CORETYPE;
    delete env.OPENBLAS_L2_SIZE;
    const script = fileURLToPath(new URL('kernels_numpy.py', import.meta.url));
    const run = spawnSync('python3', [script, directory], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) return { missing: `python3 could not be started (${run.error.message})` };
    if (run.status !== 0) return { missing: `python3 with numpy and scipy failed: ${run.stderr.trim().split('\n').pop()}` };
    const parsed = JSON.parse(run.stdout) as { numpy: string; cases: NumpyResult[] };
    return { version: parsed.numpy, results: parsed.cases };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Largest difference of the eigenvalues relative to the largest (W has rank r: the rest are rounding-sized). */
function eigenvalueGap(ours: number[], theirs: number[]): number {
  // numpy's singular values of an n x r factor stop at r; ours are padded with zeros to n.
  const largest = Math.max(...theirs.map(Math.abs));
  return Math.max(...theirs.map((value, i) => Math.abs(ours[i] - value))) / largest;
}

/** Least-squares slope of log(seconds) against log(n). */
function exponent(points: { n: number; seconds: number }[]): number | null {
  if (points.length < 2) return null;
  const xs = points.map((point) => Math.log(point.n));
  const ys = points.map((point) => Math.log(point.seconds));
  const mx = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const my = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let numerator = 0;
  let denominator = 0;
  xs.forEach((x, i) => {
    numerator += (x - mx) * (ys[i] - my);
    denominator += (x - mx) ** 2;
  });
  return numerator / denominator;
}

/** The phases in the order they run, with numpy's where it measured the same one. */
function phaseRows(ours: PhaseSeconds | undefined, theirs: PhaseSeconds | undefined): PhaseRow[] | null {
  if (ours === undefined) return null;
  return [...EIGEN_PHASES, ...ONCE_PHASES, ...PER_TIME_PHASES].flatMap((name) => {
    if (!(name in ours)) return [];
    const numpy = theirs?.[name] ?? null;
    return [{ name, ours: ours[name], numpy, ratio: numpy === null ? null : ours[name] / numpy }];
  });
}

/** 2 n^3 flops (an n x n product) in `seconds`, in GFLOP/s. */
function gflops(n: number, seconds: number): number {
  return (2 * n ** 3) / seconds / 1e9;
}

function milliseconds(seconds: number | null): string {
  if (seconds === null) return '-';
  const ms = seconds * 1000;
  return ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toPrecision(3);
}

function main(): void {
  const cases = SIZES.flatMap(casesAt);
  const started = new Date().toISOString();
  const loadBefore = loadavg();
  const ours = cases.map((entry) => {
    const load = loadavg()[0];
    const { seconds, result } = bestSeconds(entry.run);
    const phases = entry.phases?.();
    console.error(`ours ${entry.kind} n=${entry.n} r=${entry.r ?? '-'}: ${milliseconds(seconds)} ms (load ${load.toFixed(2)})`);
    return { seconds, check: entry.check?.(result), load, phases };
  });
  const numpy = runNumpy(cases);
  const numpyResults = 'missing' in numpy ? null : numpy.results;
  const rows: Row[] = cases.map((entry, i) => {
    const theirs = numpyResults?.[i] ?? null;
    const ourCheck = ours[i].check;
    return {
      kind: entry.kind,
      n: entry.n,
      r: entry.r,
      ours: ours[i].seconds,
      numpy: theirs?.seconds ?? null,
      ratio: theirs === null ? null : ours[i].seconds / theirs.seconds,
      agreement: theirs?.check && ourCheck ? eigenvalueGap(ourCheck, theirs.check) : null,
      load: ours[i].load,
      phases: phaseRows(ours[i].phases, theirs?.phases),
      gflops: entry.kind === 'product' ? { ours: gflops(entry.n, ours[i].seconds), numpy: theirs === null ? null : gflops(entry.n, theirs.seconds) } : null,
    };
  });
  const series = [...new Set(rows.map((row) => `${row.kind}|${row.r === null ? 'n' : row.r === row.n ? 'n' : String(row.r)}`))];
  const exponents = series.map((key) => {
    const [kind, r] = key.split('|');
    const matching = rows.filter((row) => row.kind === kind && (r === 'n' ? row.r === null || row.r === row.n : row.r === Number(r)));
    return {
      kind: kind as Kind,
      r: r === 'n' ? 'n' : Number(r),
      ours: exponent(matching.map((row) => ({ n: row.n, seconds: row.ours }))),
      numpy: matching.every((row) => row.numpy !== null) ? exponent(matching.map((row) => ({ n: row.n, seconds: row.numpy as number }))) : null,
    };
  });
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    productKernel: productKernel(),
    numpy: 'missing' in numpy ? null : numpy.version,
    loadBefore: loadBefore.map((value) => Number(value.toFixed(2))),
    loadAfter: loadavg().map((value) => Number(value.toFixed(2))),
  };
  console.log(`Kernels benchmark (issue 21), ${started}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, product kernel ${machine.productKernel}; load average before ${machine.loadBefore.join(' ')}, after ${machine.loadAfter.join(' ')}.`);
  console.log(
    'missing' in numpy
      ? `numpy not available (${numpy.missing}): our figures only.`
      : `numpy ${numpy.version} in python3 with OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 (one BLAS thread), same inputs. Best of repeated runs, CPU ms of each process.`,
  );
  console.log('\n| case | n | r | ours (ms) | numpy (ms) | ours / numpy | W agrees to | load |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) {
    const ratio = row.ratio === null ? '-' : `${row.ratio.toFixed(1)}x`;
    const agreement = row.agreement === null ? '' : row.agreement.toExponential(1);
    console.log(`| ${row.kind} | ${row.n} | ${row.r ?? ''} | ${milliseconds(row.ours)} | ${milliseconds(row.numpy)} | ${ratio} | ${agreement} | ${row.load.toFixed(1)} |`);
  }
  console.log('\nWhere the time goes (each phase timed alone; per-time phases summed over the times), ours / numpy:');
  for (const row of rows) {
    if (row.phases === null) continue;
    const parts = row.phases.map((phase) => `${phase.name} ${milliseconds(phase.ours)} ms${phase.ratio === null ? '' : ` (${phase.ratio.toFixed(1)}x)`}`);
    const accounted = row.phases.reduce((sum, phase) => sum + phase.ours, 0) / row.ours;
    console.log(`- ${row.kind} n=${row.n}${row.r === null ? '' : ` r=${row.r}`}: ${parts.join(', ')}; phases sum to ${(100 * accounted).toFixed(0)}% of the case`);
  }
  console.log(`\nMatrix product GFLOP/s, ours (numpy): ${rows.flatMap((row) => (row.gflops === null ? [] : [`n = ${row.n}: ${row.gflops.ours.toFixed(2)} (${row.gflops.numpy?.toFixed(1) ?? '-'})`])).join(', ')}`);
  console.log('\nCost exponent in n (least-squares slope of log time against log n):');
  for (const entry of exponents) {
    console.log(`- ${entry.kind}${entry.kind === 'trajectory' || entry.kind === 'one-time' ? ` (r = ${entry.r})` : ''}: ours ${entry.ours?.toFixed(2) ?? '-'}, numpy ${entry.numpy?.toFixed(2) ?? '-'}`);
  }
  if (WRITE) {
    const file = fileURLToPath(new URL('../../../results/bench.json', import.meta.url));
    const command = `npx tsx bench/kernels.ts --write${QUICK ? ' --quick' : ''} (packages/core)`;
    writeFileSync(file, `${JSON.stringify({ command, started, machine, times: TIMES.length, alpha: ALPHA, rows, exponents }, null, 2)}\n`);
    console.log(`\nWrote ${file}.`);
  }
}

/**
 * `--profile KIND:N[:R] PATH`: the case run repeatedly for PROFILE_SECONDS under V8's sampling
 * profiler (the inspector's Profiler domain, which `node --cpu-prof` also uses), written to PATH.
 */
function profile(selector: string, path: string | undefined): void {
  const [kind, size, rank] = selector.split(':');
  const n = Number(size);
  const entry = Number.isInteger(n) && n > 0 ? casesAt(n).find((candidate) => candidate.kind === kind && (candidate.r ?? n) === (rank === undefined ? n : Number(rank))) : undefined;
  if (entry === undefined || path === undefined) {
    console.error(`--profile: expected KIND:N[:R] PATH, got ${selector} ${path}: KIND one of eigen, product, qr, trajectory, one-time, N > 0, R = N or 5 (e.g. --profile trajectory:200:200 trajectory.cpuprofile).`);
    process.exit(2);
  }
  const session = new Session();
  session.connect();
  const post = (method: string, params: object = {}): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  void (async () => {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 100 });
    await post('Profiler.start');
    const start = cpuSeconds();
    let runs = 0;
    do {
      entry.run();
      runs++;
    } while (cpuSeconds() - start < PROFILE_SECONDS);
    const { profile: recorded } = (await post('Profiler.stop')) as { profile: CpuProfile };
    session.disconnect();
    writeFileSync(path, JSON.stringify(recorded));
    console.log(`Wrote the CPU profile of ${runs} run(s) of ${selector} to ${path}. Self time by function:`);
    for (const line of selfTimes(recorded).slice(0, 12)) console.log(line);
  })();
}

const PROFILE_SECONDS = 3;

/** The parts of V8's CpuProfile (the DevTools protocol's Profiler.Profile) read here. */
interface CpuProfile {
  readonly nodes: { readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string } }[];
  readonly samples: number[];
}

/** Share of the samples in each function (self time), largest first, one line each. */
function selfTimes(recorded: CpuProfile): string[] {
  const frames = new Map(recorded.nodes.map((node) => [node.id, node.callFrame]));
  const counts = new Map<string, number>();
  for (const id of recorded.samples) {
    const frame = frames.get(id);
    // tsx's transform keeps no line numbers: the function and its file name it.
    const name = frame === undefined ? '(unknown)' : `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${((100 * count) / recorded.samples.length).toFixed(1).padStart(5)}%  ${name}`);
}

if (PROFILE >= 0) profile(process.argv[PROFILE + 1] ?? '', process.argv[PROFILE + 2]);
else main();
