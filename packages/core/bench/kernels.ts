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
 * repeated runs (at least one, more until BUDGET seconds); the cost exponent is the least-squares
 * slope of log(seconds) against log(n). The six largest eigenvalues of W at the last time are
 * compared with numpy's (relative to the largest), so the two sides are known to compute the same thing.
 * Times are CPU seconds of each process (the machine is shared: wall time would count other work);
 * Node's include its garbage collector and compiler threads.
 *
 * `--write` stores the table in results/bench.json (the README block is generated from it by
 * scripts/readme-results.mjs); `--quick` runs n = 50 and 200 only. Asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Matrix } from 'ml-matrix';

import { closedFormTrajectory, gaussianInit, randomOrthogonal, riccatiClosedForm, symmetricEigen, symmetricWithSpectrum } from '../src/index.js';
import { toRowMajor } from '../src/linalg/dense.js';
import { productInto } from '../src/linalg/product.js';
import { householderQrInto } from '../src/linalg/qr.js';
import { eigenOfSymmetric } from '../src/linalg/spectral.js';
import { createRandom } from '../src/random.js';

const QUICK = process.argv.includes('--quick');
const WRITE = process.argv.includes('--write');
const SIZES = QUICK ? [50, 200] : [50, 200, 500];
const BUDGET = 0.5;
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

/**
 * CPU seconds of this process (user + system), not wall time: the machine is shared, and a
 * descheduled run would otherwise count other work. numpy's side is timed the same way.
 */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function bestSeconds(run: () => unknown): { seconds: number; result: unknown } {
  let best = Infinity;
  let spent = 0;
  let result: unknown = null;
  while (spent < BUDGET || best === Infinity) {
    const start = cpuSeconds();
    result = run();
    const elapsed = cpuSeconds() - start;
    best = Math.min(best, elapsed);
    spent += elapsed;
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
    { kind: 'eigen', n, r: null, run: () => eigenOfSymmetric(A), files: { a } },
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
      },
      {
        kind: 'one-time',
        n,
        r,
        run: () => riccatiClosedForm(Y, { U0 }, ONE_TIME),
        check: (result) => Array.from(symmetricEigen(result as Matrix).values.subarray(0, 6)),
        files,
        extra: { t: ONE_TIME },
      },
    );
  }
  return cases;
}

/** numpy's seconds and check values per case, or why there are none. */
function runNumpy(cases: Case[]): { version: string; results: { seconds: number; check?: number[] }[] } | { missing: string } {
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
    writeFileSync(join(directory, 'spec.json'), JSON.stringify({ budget: BUDGET, cases: specCases }));
    const env: NodeJS.ProcessEnv = { ...process.env, ...THREAD_ENV };
    // Set for other uses of this machine's OpenBLAS; a timing run takes its defaults.
    delete env.OPENBLAS_CORETYPE;
    delete env.OPENBLAS_L2_SIZE;
    const script = fileURLToPath(new URL('kernels_numpy.py', import.meta.url));
    const run = spawnSync('python3', [script, directory], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) return { missing: `python3 could not be started (${run.error.message})` };
    if (run.status !== 0) return { missing: `python3 with numpy and scipy failed: ${run.stderr.trim().split('\n').pop()}` };
    const parsed = JSON.parse(run.stdout) as { numpy: string; cases: { seconds: number; check?: number[] }[] };
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
    console.error(`ours ${entry.kind} n=${entry.n} r=${entry.r ?? '-'}: ${milliseconds(seconds)} ms (load ${load.toFixed(2)})`);
    return { seconds, check: entry.check?.(result), load };
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
    numpy: 'missing' in numpy ? null : numpy.version,
    loadBefore: loadBefore.map((value) => Number(value.toFixed(2))),
    loadAfter: loadavg().map((value) => Number(value.toFixed(2))),
  };
  console.log(`Kernels benchmark (issue 21), ${started}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average before ${machine.loadBefore.join(' ')}, after ${machine.loadAfter.join(' ')}.`);
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

main();
