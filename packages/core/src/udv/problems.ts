/**
 * Seeded generators of the least-squares problems (LS) f(X) = 1/2 ||A(X) - b||^2, with the ground
 * truth attached: matrix completion (Hou, Sra & Yurtsever 2025, arXiv 2501.16322, our reading of
 * the abstract; Arora et al. 2019, "Implicit regularization in deep matrix factorization"), matrix
 * sensing, and linear regression through a low-rank teacher.
 *
 * Normalization (Arora et al. 2019): X* is rescaled so that ||X*||_F = sqrt(rows * columns), i.e.
 * its entries have root-mean-square 1 (||X*||_F = n for n x n). A rank-r X* then has singular
 * values of about n / sqrt(r): 45-60 for the presets below, which sets the stable step sizes.
 *
 * Random draws, all from one createRandom(seed) stream in this order: the factors of X* (row by
 * row), the measurement pattern or matrices, then the noise.
 */
import { FactorflowInputError } from '../errors.js';
import { type RandomSource, createRandom } from '../random.js';
import { MAX_ENTRIES, requireFlag, requireInteger, requireOptions } from '../validate.js';
import type { EntryMeasurements } from './measurements/entries.js';
import { measureInto } from './measurements/operator.js';
import type { LeastSquaresProblem } from './measurements/problem.js';
import { multiplyTransposed } from './products.js';

/** Options of {@link completionProblem} (Hou, Sra & Yurtsever 2025; Arora et al. 2019). */
export interface CompletionProblemOptions {
  /** n1, an integer >= 1. */
  readonly rows: number;
  /** n2, an integer >= 1 (must equal rows when symmetric). */
  readonly columns: number;
  /** r = rank(X*), an integer in [1, min(rows, columns)]. */
  readonly rank: number;
  /**
   * |Omega|: the number of distinct observed entries (asymmetric), or of distinct observed
   * unordered pairs {i, j}, i <= j (symmetric; see {@link completionProblem}).
   */
  readonly observed: number;
  /** Standard deviation of the additive Gaussian noise on b, >= 0 (default 0). */
  readonly noise?: number;
  /** An integer in [0, 2^32). */
  readonly seed: number;
  /** X* = P P^T symmetric PSD and Omega closed under transposition (default false). */
  readonly symmetric?: boolean;
}

/** Options of {@link sensingProblem}, matrix sensing with Gaussian measurements. */
export interface SensingProblemOptions {
  /** n: X* is n x n. */
  readonly size: number;
  /** r = rank(X*), an integer in [1, n]. */
  readonly rank: number;
  /** m, the number of Gaussian measurements, an integer >= 1. */
  readonly measurements: number;
  /** Standard deviation of the additive Gaussian noise on b, >= 0 (default 0). */
  readonly noise?: number;
  readonly seed: number;
}

/** Options of {@link regressionProblem}, the teacher-student linear network of Hou, Sra & Yurtsever (2025). */
export interface RegressionProblemOptions {
  /** Rows of the teacher W* (outputs). */
  readonly outputs: number;
  /** Columns of W* (input dimension). */
  readonly inputs: number;
  /** r = rank(W*), an integer in [1, min(outputs, inputs)]. */
  readonly rank: number;
  /** s, the number of training samples, an integer >= 1. */
  readonly samples: number;
  /** Standard deviation of the additive Gaussian noise on b, >= 0 (default 0). */
  readonly noise?: number;
  readonly seed: number;
}

/**
 * The completion experiment of Hou, Sra & Yurtsever (2025): d = 100, rank 3, 900 observations.
 * We read their factorization there as the symmetric U D U^T (the abstract does not say), so X* is
 * 100 x 100 symmetric PSD and the 900 observations are distinct unordered pairs: about 1,780
 * ordered entries in the operator (see {@link completionProblem}). Add a seed:
 * `completionProblem({ ...PAPER_COMPLETION, seed: 1 })`.
 */
export const PAPER_COMPLETION: Readonly<Omit<CompletionProblemOptions, 'seed'>> = Object.freeze({
  rows: 100,
  columns: 100,
  rank: 3,
  observed: 900,
  symmetric: true,
});

/** The matrix-completion setting of Arora et al. (2019): 100 x 100, rank 5, 2000 observed entries. */
export const ARORA_COMPLETION_2000: Readonly<Omit<CompletionProblemOptions, 'seed'>> = Object.freeze({
  rows: 100,
  columns: 100,
  rank: 5,
  observed: 2000,
});

/** The matrix-completion setting of Arora et al. (2019): 100 x 100, rank 5, 5000 observed entries. */
export const ARORA_COMPLETION_5000: Readonly<Omit<CompletionProblemOptions, 'seed'>> = Object.freeze({
  rows: 100,
  columns: 100,
  rank: 5,
  observed: 5000,
});

/** Largest rows x columns of a generated completion problem: X* and the sampling pool are dense. */
const MAX_COMPLETION_ENTRIES = 2 ** 26;

function requireNoise(noise: number | undefined): number {
  if (noise === undefined) return 0;
  if (typeof noise !== 'number' || !Number.isFinite(noise) || noise < 0) {
    throw new FactorflowInputError(
      typeof noise === 'number' && Number.isNaN(noise) ? 'not-finite' : 'out-of-range',
      'noise',
      `must be a finite standard deviation >= 0, got ${String(noise)}; use 0 for noiseless observations.`,
    );
  }
  return noise;
}

function requireRank(rank: number, rows: number, columns: number): number {
  if (!Number.isInteger(rank) || rank < 1 || rank > Math.min(rows, columns)) {
    throw new FactorflowInputError(
      'out-of-range',
      'rank',
      `must be an integer in [1, min(rows, columns)] = [1, ${Math.min(rows, columns)}], got ${String(rank)}; ` +
        'a rows x columns matrix has rank at most min(rows, columns).',
    );
  }
  return rank;
}

/** A row-major rows x columns matrix of iid N(0, 1) draws. */
function gaussianMatrix(random: RandomSource, rows: number, columns: number): Float64Array {
  const values = new Float64Array(rows * columns);
  for (let index = 0; index < values.length; index++) values[index] = random.normal();
  return values;
}

/** X = P Q^T rescaled to ||X||_F = sqrt(rows * columns), the normalization of the module comment. */
function normalizedProduct(P: Float64Array, Q: Float64Array, rows: number, columns: number, rank: number): Float64Array {
  const X = multiplyTransposed(P, Q, rows, columns, rank);
  let squared = 0;
  for (const value of X) squared += value * value;
  const scale = Math.sqrt((rows * columns) / squared);
  for (let index = 0; index < X.length; index++) X[index] *= scale;
  if (P === Q) {
    // Rounding in P P^T can differ between (i, j) and (j, i) only through the scaling, which is
    // the same for both; mirroring keeps X* symmetric bit for bit anyway.
    for (let i = 0; i < rows; i++) for (let j = 0; j < i; j++) X[i * columns + j] = X[j * columns + i];
  }
  return X;
}

/**
 * `count` distinct integers drawn uniformly without replacement from [0, population), sorted:
 * a partial Fisher-Yates shuffle (Knuth, TAOCP vol. 2, Algorithm P, stopped after `count` swaps).
 * floor(u (population - t)) with a 53-bit u is uniform up to a bias of population / 2^53.
 */
function sampleWithoutReplacement(random: RandomSource, population: number, count: number): Int32Array {
  const pool = new Int32Array(population);
  for (let index = 0; index < population; index++) pool[index] = index;
  for (let t = 0; t < count; t++) {
    const pick = t + Math.floor(random.uniform() * (population - t));
    const swap = pool[t];
    pool[t] = pool[pick];
    pool[pick] = swap;
  }
  // Sorted row-major order makes the O(m k) kernels walk the factors mostly forward.
  return pool.slice(0, count).sort();
}

/**
 * A seeded matrix-completion instance (Hou, Sra & Yurtsever 2025; Arora et al.
 * 2019): X* = P Q^T with P (rows x rank) and Q (columns x rank) iid N(0, 1), rescaled so that
 * ||X*||_F = sqrt(rows * columns); Omega uniformly random without replacement; b_l = X*[i_l, j_l]
 * + noise * N(0, 1); f(X) = 1/2 sum_{(i,j) in Omega} (X_ij - b_ij)^2.
 *
 * Symmetric convention: X* = P P^T (PSD). `observed` distinct unordered pairs {i, j} with i <= j
 * are drawn uniformly from the n (n + 1) / 2 of them, each with one noise draw, and the operator
 * lists (i, j) and (j, i) for off-diagonal pairs: b is symmetric, m = 2 observed - (diagonal pairs),
 * and f counts an off-diagonal observation twice, as 1/2 ||P_Omega(X - M)||_F^2 does.
 *
 * @param options - rows, columns, rank, observed, noise (default 0), seed, symmetric (default false).
 * @returns the problem, with `truth` = X*, `truthRank` = rank, entries sorted in row-major order.
 * @throws FactorflowInputError `out-of-range` on a non-integer or out-of-range size, rank, observed
 *   count (at most rows * columns, or n (n + 1) / 2 symmetric) or seed, or a negative noise;
 *   `shape` for a symmetric problem with rows != columns.
 * @example
 * ```ts
 * const problem = completionProblem({ ...ARORA_COMPLETION_2000, seed: 7 });
 * problem.observations.length; // 2000
 * ```
 */
export function completionProblem(options: CompletionProblemOptions): LeastSquaresProblem {
  requireOptions(options, 'options', '{ rows, columns, rank, observed, noise?, seed, symmetric? }');
  const rows = requireInteger(options.rows, 'rows', 1, 1 << 15);
  const columns = requireInteger(options.columns, 'columns', 1, 1 << 15);
  const symmetric = requireFlag(options.symmetric, false, 'symmetric');
  if (symmetric && rows !== columns) {
    throw new FactorflowInputError(
      'shape',
      'columns',
      `a symmetric problem needs rows = columns, got ${rows} x ${columns}; drop \`symmetric\` or make it square.`,
    );
  }
  if (rows * columns > MAX_COMPLETION_ENTRIES) {
    throw new FactorflowInputError(
      'out-of-range',
      'rows',
      `rows x columns = ${rows * columns} entries is more than this dense generator supports (${MAX_COMPLETION_ENTRIES}); X* is stored densely.`,
    );
  }
  const rank = requireRank(options.rank, rows, columns);
  const population = symmetric ? (rows * (rows + 1)) / 2 : rows * columns;
  if (!Number.isInteger(options.observed) || options.observed < 1 || options.observed > population) {
    throw new FactorflowInputError(
      'out-of-range',
      'observed',
      `must be an integer in [1, ${population}] (${symmetric ? 'distinct pairs i <= j of a symmetric' : 'distinct entries of a'} ` +
        `${rows} x ${columns} matrix), got ${String(options.observed)}.`,
    );
  }
  const observed = options.observed;
  const noise = requireNoise(options.noise);
  const random = createRandom(options.seed);

  const P = gaussianMatrix(random, rows, rank);
  const truth = symmetric ? normalizedProduct(P, P, rows, columns, rank) : normalizedProduct(P, gaussianMatrix(random, columns, rank), rows, columns, rank);

  const picked = sampleWithoutReplacement(random, population, observed);
  let operator: EntryMeasurements;
  let observations: Float64Array;
  if (!symmetric) {
    operator = {
      kind: 'entries',
      rows,
      columns,
      rowIndex: Int32Array.from(picked, (index) => Math.floor(index / columns)),
      columnIndex: Int32Array.from(picked, (index) => index % columns),
    };
    observations = new Float64Array(observed);
    measureInto(operator, truth, observations);
    if (noise > 0) for (let l = 0; l < observed; l++) observations[l] += noise * random.normal();
  } else {
    // Pair number p enumerates the upper triangle row by row: row i holds n - i pairs.
    const rowStart = new Int32Array(rows + 1);
    for (let i = 0; i < rows; i++) rowStart[i + 1] = rowStart[i] + rows - i;
    const pairs: [number, number][] = [];
    let i = 0;
    for (const index of picked) {
      while (rowStart[i + 1] <= index) i++;
      pairs.push([i, i + index - rowStart[i]]);
    }
    const values = new Float64Array(observed);
    for (let l = 0; l < observed; l++) {
      const [a, b] = pairs[l];
      values[l] = truth[a * columns + b] + (noise > 0 ? noise * random.normal() : 0);
    }
    const entries: { position: number; value: number }[] = [];
    pairs.forEach(([a, b], l) => {
      entries.push({ position: a * columns + b, value: values[l] });
      if (a !== b) entries.push({ position: b * columns + a, value: values[l] });
    });
    entries.sort((x, y) => x.position - y.position);
    operator = {
      kind: 'entries',
      rows,
      columns,
      rowIndex: Int32Array.from(entries, (entry) => Math.floor(entry.position / columns)),
      columnIndex: Int32Array.from(entries, (entry) => entry.position % columns),
    };
    observations = Float64Array.from(entries, (entry) => entry.value);
  }
  return { operator, observations, truth, truthRank: rank, noise, symmetric };
}

/**
 * A seeded matrix-sensing instance, the sensing counterpart of the completion experiments of Hou,
 * Sra & Yurtsever (2025): X* = P Q^T (n x n, rank r, ||X*||_F = n) and m sensing matrices
 * A_l with iid N(0, 1 / n^2) entries, b_l = <A_l, X*> + noise * N(0, 1). The 1/n scaling makes
 * <A_l, X> ~ N(0, ||X||_F^2 / n^2), so b has unit variance like the completion observations, and
 * E[A^* A] = (m / n^2) I.
 *
 * @param options - size, rank, measurements, noise (default 0), seed.
 * @returns the problem (dense `gaussian` operator, m n^2 doubles).
 * @throws FactorflowInputError `out-of-range` on a non-integer or out-of-range size, rank,
 *   measurement count or seed, or a negative noise.
 * @example
 * ```ts
 * const problem = sensingProblem({ size: 20, rank: 2, measurements: 400, seed: 3 });
 * ```
 */
export function sensingProblem(options: SensingProblemOptions): LeastSquaresProblem {
  requireOptions(options, 'options', '{ size, rank, measurements, noise?, seed }');
  const size = requireInteger(options.size, 'size', 1, 1 << 12);
  const rank = requireRank(options.rank, size, size);
  const count = requireInteger(options.measurements, 'measurements', 1, Math.floor(MAX_ENTRIES / (size * size)));
  const noise = requireNoise(options.noise);
  const random = createRandom(options.seed);
  const truth = normalizedProduct(gaussianMatrix(random, size, rank), gaussianMatrix(random, size, rank), size, size, rank);
  const matrices = gaussianMatrix(random, count, size * size);
  for (let index = 0; index < matrices.length; index++) matrices[index] /= size;
  const operator = { kind: 'gaussian', rows: size, columns: size, count, matrices } as const;
  const observations = new Float64Array(count);
  measureInto(operator, truth, observations);
  if (noise > 0) for (let l = 0; l < count; l++) observations[l] += noise * random.normal();
  return { operator, observations, truth, truthRank: rank, noise, symmetric: false };
}

/**
 * A seeded linear-regression instance for the linear network of Hou, Sra & Yurtsever (2025) (a
 * teacher-student setting, our reading of the abstract's network experiments): teacher W* = P Q^T (outputs x inputs,
 * rank r, ||W*||_F = sqrt(outputs * inputs)), inputs Xin (inputs x samples) iid N(0, 1), and
 * b = W* Xin / sqrt(samples) + noise * N(0, 1) flattened outputs x samples, so that
 * f(W) = 1/(2 s) sum_t ||W x_t - y_t||^2 with y_t = W* x_t + noise sqrt(s) N(0, I), and
 * E[A^* A] = I.
 *
 * @param options - outputs, inputs, rank, samples, noise (default 0), seed.
 * @returns the problem (`regression` operator).
 * @throws FactorflowInputError `out-of-range` on a non-integer or out-of-range dimension, rank,
 *   sample count or seed, or a negative noise.
 * @example
 * ```ts
 * const problem = regressionProblem({ outputs: 10, inputs: 20, rank: 2, samples: 200, seed: 5 });
 * ```
 */
export function regressionProblem(options: RegressionProblemOptions): LeastSquaresProblem {
  requireOptions(options, 'options', '{ outputs, inputs, rank, samples, noise?, seed }');
  const outputs = requireInteger(options.outputs, 'outputs', 1, 1 << 15);
  const inputs = requireInteger(options.inputs, 'inputs', 1, 1 << 15);
  const rank = requireRank(options.rank, outputs, inputs);
  const samples = requireInteger(options.samples, 'samples', 1, Math.floor(MAX_ENTRIES / Math.max(inputs, outputs)));
  const noise = requireNoise(options.noise);
  const random = createRandom(options.seed);
  const truth = normalizedProduct(gaussianMatrix(random, outputs, rank), gaussianMatrix(random, inputs, rank), outputs, inputs, rank);
  const operator = { kind: 'regression', rows: outputs, columns: inputs, samples, inputs: gaussianMatrix(random, inputs, samples) } as const;
  const observations = new Float64Array(outputs * samples);
  measureInto(operator, truth, observations);
  if (noise > 0) for (let l = 0; l < observations.length; l++) observations[l] += noise * random.normal();
  return { operator, observations, truth, truthRank: rank, noise, symmetric: false };
}
