import { Matrix } from 'ml-matrix';

import { type FactorflowErrorCode, FactorflowInputError } from './errors.js';

/** A matrix as accepted at the public boundary: an ml-matrix `Matrix` or an array of rows. */
export type MatrixInput = Matrix | readonly (readonly number[])[];

/**
 * Relative tolerance for "equal up to rounding" decisions on an n x n input: a few
 * hundred ulps times n, the size of rounding error a product such as Q diag(s) Q^T
 * leaves behind.
 */
export function roundingTolerance(n: number): number {
  return 128 * Math.max(n, 1) * Number.EPSILON;
}

/**
 * Most entries factorflow allocates for one array: 2^27 doubles, 1 GiB. Sizes are checked against
 * it before anything is allocated, so a size typed wrong (1e9 for 1e3) fails at once with a typed
 * error instead of exhausting memory or looping for hours.
 */
export const MAX_ENTRIES = 2 ** 27;

/** What `value` is, for an error message: safe for every value (a symbol, a bigint, a proxy-free object). */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  switch (typeof value) {
    case 'number':
      return String(value);
    case 'string':
      return `the string '${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
    case 'bigint':
      return `the bigint ${value.toString()}n`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    case 'boolean':
      return String(value);
  }
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return `an object (${(value as object).constructor?.name ?? 'no prototype'})`;
}

/** Checks `count` entries (of `what`, e.g. 'a 3 x 4 matrix') fit under {@link MAX_ENTRIES}, before they are allocated. */
export function requireEntries(count: number, argument: string, what: string): number {
  if (!(count <= MAX_ENTRIES)) {
    throw new FactorflowInputError(
      'out-of-range',
      argument,
      `${what} needs ${count.toExponential(3)} entries, more than the limit of 2^27 = ${MAX_ENTRIES} (1 GiB of doubles); use smaller sizes.`,
    );
  }
  return count;
}

/**
 * The rows of a matrix argument, checked to be real arrays of numbers with no holes: a hole in an
 * array reads as undefined, and a typed-array row would be skipped by ml-matrix as "empty".
 */
function rowsOf(value: unknown, argument: string): readonly (readonly number[])[] {
  if (Matrix.isMatrix(value)) return (value as Matrix).to2DArray();
  if (!Array.isArray(value)) {
    throw new FactorflowInputError('not-a-matrix', argument, `expected an ml-matrix Matrix or an array of rows (number[][]), got ${describe(value)}.`);
  }
  const rows = value as readonly unknown[];
  if (rows.length === 0) throw new FactorflowInputError('shape', argument, 'the matrix has no rows; give at least one row and one column.');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!(i in rows)) {
      throw new FactorflowInputError('not-a-matrix', argument, `row ${i} is missing (the array has a hole there); pass every row as an array of numbers.`);
    }
    if (!Array.isArray(row)) {
      const hint = ArrayBuffer.isView(row) ? ' convert it with Array.from(row)' : ' pass every row as an array of numbers';
      throw new FactorflowInputError('not-a-matrix', argument, `row ${i} is ${describe(row)}, not an array of numbers;${hint}.`);
    }
  }
  return rows as readonly (readonly number[])[];
}

/** A copy of `value` as a `Matrix`, after checking it is a non-empty rectangular array of finite numbers. */
export function toMatrix(value: MatrixInput, argument: string): Matrix {
  const rows = rowsOf(value, argument);
  const columns = rows[0].length;
  if (columns === 0) throw new FactorflowInputError('shape', argument, 'row 0 has no entries; give at least one row and one column.');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.length !== columns) {
      throw new FactorflowInputError(
        'not-a-matrix',
        argument,
        `row ${i} has ${row.length} entries but row 0 has ${columns}; every row must have the same length.`,
      );
    }
    for (let j = 0; j < columns; j++) {
      const entry: unknown = row[j];
      if (typeof entry !== 'number') {
        const what = j in row ? describe(entry) : 'missing (the row has a hole there)';
        throw new FactorflowInputError('not-a-matrix', argument, `entry (${i}, ${j}) is ${what}; every entry must be a number.`);
      }
      if (!Number.isFinite(entry)) {
        throw new FactorflowInputError('not-finite', argument, `entry (${i}, ${j}) is ${entry}; every entry must be a finite number.`);
      }
    }
  }
  return new Matrix(rows.map((row) => Array.from(row)));
}

/** Like {@link toMatrix}, and the matrix must be square. */
function toSquareMatrix(value: MatrixInput, argument: string): Matrix {
  const matrix = toMatrix(value, argument);
  if (matrix.rows !== matrix.columns) {
    throw new FactorflowInputError(
      'shape',
      argument,
      `expected a square matrix, got ${matrix.rows} x ${matrix.columns}.`,
    );
  }
  return matrix;
}

/**
 * A symmetric copy of a square input: (A + A^T) / 2 when A is symmetric up to rounding
 * (entrywise within {@link roundingTolerance} of its largest entry), an error otherwise.
 */
export function toSymmetricMatrix(value: MatrixInput, argument: string): Matrix {
  const matrix = toSquareMatrix(value, argument);
  const n = matrix.rows;
  const scale = Math.max(matrix.max(), -matrix.min());
  const tolerance = roundingTolerance(n) * scale;
  let worst = 0;
  let worstAt: [number, number] = [0, 0];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const upper = matrix.get(i, j);
      const lower = matrix.get(j, i);
      const gap = Math.abs(upper - lower);
      if (gap > worst) {
        worst = gap;
        worstAt = [i, j];
      }
      // a + b overflows for entries near the largest double, where a/2 + b/2 cannot; elsewhere the
      // sum is kept, since halving a subnormal first would round it away.
      const sum = upper + lower;
      const mean = Number.isFinite(sum) ? 0.5 * sum : 0.5 * upper + 0.5 * lower;
      matrix.set(i, j, mean);
      matrix.set(j, i, mean);
    }
  }
  if (worst > tolerance) {
    const [i, j] = worstAt;
    throw new FactorflowInputError(
      'not-symmetric',
      argument,
      `entries (${i}, ${j}) and (${j}, ${i}) differ by ${worst.toExponential(3)}, more than rounding ` +
        `(${tolerance.toExponential(3)}); pass a symmetric matrix, e.g. (A + A^T) / 2 if that is what you mean.`,
    );
  }
  return matrix;
}

/**
 * The code of a bad scalar, the same for every check: `not-finite` for NaN and the infinities
 * (the documented meaning of the code), `out-of-range` for anything else, a value of another type
 * included.
 */
function scalarCode(value: unknown): FactorflowErrorCode {
  return typeof value === 'number' && !Number.isFinite(value) ? 'not-finite' : 'out-of-range';
}

/** Checks a scalar is finite and strictly positive. */
export function requirePositive(value: number, argument: string, hint = ''): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new FactorflowInputError(scalarCode(value), argument, `must be a finite number > 0, got ${describe(value)}.${hint ? ` ${hint}` : ''}`);
  }
  return value;
}

/** An optional option that must be finite and > 0: `fallback` when it is undefined. */
export function requireOptionalPositive(value: number | undefined, fallback: number, argument: string, hint: string): number {
  return value === undefined ? fallback : requirePositive(value, argument, hint);
}

/** Checks a scalar is finite and >= 0; `note` says what it is. */
export function requireNonNegative(value: number, argument: string, note = ''): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new FactorflowInputError(scalarCode(value), argument, `must be a finite number >= 0${note ? ` (${note})` : ''}, got ${describe(value)}.`);
  }
  return value;
}

/** Checks a scalar is a finite number (any sign); `note` says what it is. */
export function requireFinite(value: number, argument: string, note = ''): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new FactorflowInputError(scalarCode(value), argument, `must be a finite number${note ? ` (${note})` : ''}, got ${describe(value)}.`);
  }
  return value;
}

/**
 * Largest supported time in units of the problem's time scale 1/s, s = ||Y||_2 (the fastest rate
 * e^{2 lambda t} of the flow): t s <= MAX_TIME. Every mode of the flow has converged to working
 * precision long before (a mode on Y's kernel is below 1/(2t) = 5e-301 s by then). In units of
 * 1/s the limit accepts one problem at every scale: t is accepted for (Y, W0) exactly when t / c is
 * for (c Y, c W0), so a problem scaled by 2^-1000 reaches its own transition times. Where
 * 1e300 / s leaves the doubles (s < 2.2e-8, or s = 0) the limit is {@link LARGEST_TIME}.
 */
export const MAX_TIME = 1e300;

/** The largest time any route accepts: 2t and an integrator's t + h stay finite below it. */
export const LARGEST_TIME = Number.MAX_VALUE / 4;

/** The time limit min(MAX_TIME / s, LARGEST_TIME) of a problem with rate s = ||Y||_2 >= 0 (see {@link MAX_TIME}). */
export function timeLimit(scale: number): number {
  return scale > 0 ? Math.min(MAX_TIME / scale, LARGEST_TIME) : LARGEST_TIME;
}

/**
 * Checks a time is finite and in [0, timeLimit(scale)] (gradient flow runs forward from t = 0).
 * Without a scale (a route that has no Y, such as the generic integrator) the limit is LARGEST_TIME.
 */
export function requireTime(value: number, argument: string, scale?: number): number {
  const limit = scale === undefined ? LARGEST_TIME : timeLimit(scale);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > limit) {
    const range =
      scale === undefined || limit === LARGEST_TIME
        ? `[0, ${limit.toPrecision(4)}]`
        : `[0, 1e300 / ||Y||_2] = [0, ${limit.toPrecision(4)}] (1e300 time scales 1/||Y||_2; every mode has converged long before)`;
    throw new FactorflowInputError(
      typeof value === 'number' && !Number.isFinite(value) ? 'not-finite' : 'out-of-range',
      argument,
      `a time must be a finite number in ${range}, got ${describe(value)}; the flow starts at t = 0 and runs forward.`,
    );
  }
  return value;
}

/** Checks a list of times (each as {@link requireTime} with the same scale) and returns it as a Float64Array. */
export function requireTimes(values: ArrayLike<number>, argument: string, scale?: number): Float64Array {
  return requireNumbers(values, argument, 'times', (value, at) => requireTime(value, at, scale));
}

/**
 * Checks a non-empty list of numbers (an array or a typed array, with no holes) of at most
 * {@link MAX_ENTRIES} entries, each passed through `entry`, and returns them as a Float64Array.
 * The length is checked before anything is allocated.
 */
export function requireNumbers(
  values: ArrayLike<number>,
  argument: string,
  what: string,
  entry: (value: number, argument: string) => number,
): Float64Array {
  const length = (values as { length?: unknown } | null)?.length;
  if (values === null || typeof values !== 'object' || typeof length !== 'number' || !Number.isInteger(length) || length < 0) {
    throw new FactorflowInputError('shape', argument, `expected a non-empty array of ${what}, got ${describe(values)}.`);
  }
  if (length === 0) throw new FactorflowInputError('shape', argument, `expected a non-empty array of ${what}, got an empty one.`);
  requireEntries(length, argument, `a list of ${what}`);
  const list = values;
  const checked = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    if (!(i in list)) {
      throw new FactorflowInputError('shape', argument, `entry ${i} is missing (the array has a hole there); give every entry.`);
    }
    checked[i] = entry(list[i], `${argument}[${i}]`);
  }
  return checked;
}

/** Checks an integer lies in [min, max]. */
export function requireInteger(value: number, argument: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new FactorflowInputError('out-of-range', argument, `must be an integer in [${min}, ${max}], got ${describe(value)}.`);
  }
  return value;
}

/** Checks `values` is a Float64Array (`what` says what it holds); its entries are the caller's to check. */
export function requireFloat64Array(values: unknown, argument: string, what: string): asserts values is Float64Array {
  if (!(values instanceof Float64Array)) {
    throw new FactorflowInputError('not-a-matrix', argument, `expected a Float64Array (${what}), got ${describe(values)}; convert it with Float64Array.from(...).`);
  }
}

/**
 * Checks `values` is a Float64Array of exactly `length` finite entries. `what` says what the array
 * holds (e.g. 'a row-major 3 x 4 matrix'), so the message tells the caller which dimension to fix.
 */
export function requireFiniteArray(values: unknown, length: number, argument: string, what: string): Float64Array {
  requireFloat64Array(values, argument, what);
  if (values.length !== length) {
    throw new FactorflowInputError(
      'shape',
      argument,
      `has ${values.length} entries but ${what} needs ${length}; check the dimensions you passed.`,
    );
  }
  for (let index = 0; index < length; index++) {
    if (!Number.isFinite(values[index])) {
      throw new FactorflowInputError(
        'not-finite',
        argument,
        `entry ${index} is ${String(values[index])}; every entry must be a finite number.`,
      );
    }
  }
  return values;
}

/**
 * Checks an options or input argument is a plain object (not null, an array or a primitive);
 * `shape` lists its fields, e.g. '{ seed, eta? }'. An optional argument is checked only when given.
 */
export function requireOptions(value: unknown, argument: string, shape: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FactorflowInputError('out-of-range', argument, `expected an object ${shape}, got ${describe(value)}; pass the fields as one object.`);
  }
}

/**
 * `value`, or `fallback` when it was not given (undefined). Unlike `??`, null is kept, so that the
 * check that follows refuses it instead of reading it as "not given".
 */
export function given<T>(value: T | undefined, fallback: T): T {
  return value === undefined ? fallback : value;
}

/** Checks a value is true or false. */
export function requireBoolean(value: unknown, argument: string): boolean {
  if (typeof value !== 'boolean') throw new FactorflowInputError('out-of-range', argument, `must be true or false, got ${describe(value)}.`);
  return value;
}

/** An optional true/false option: `fallback` when undefined. */
export function requireFlag(value: boolean | undefined, fallback: boolean, argument: string): boolean {
  return value === undefined ? fallback : requireBoolean(value, argument);
}

/** Checks a value is a string (a name or a label). */
export function requireString(value: unknown, argument: string): string {
  if (typeof value !== 'string') throw new FactorflowInputError('out-of-range', argument, `must be a string, got ${describe(value)}.`);
  return value;
}

/** A check of one field: throws a FactorflowInputError naming `argument` when `value` is wrong. */
export type FieldCheck = (value: unknown, argument: string) => unknown;

/** `check`, skipped when the field is not given. */
export const optional = (check: FieldCheck): FieldCheck => (value, argument) => (value === undefined ? undefined : check(value, argument));

/** `check`, skipped when the field is null (a documented "none"). */
export const nullable = (check: FieldCheck): FieldCheck => (value, argument) => (value === null ? null : check(value, argument));

/** Checks an array (no holes, at most {@link MAX_ENTRIES} entries) and each entry with `check`, blamed as `argument[i]`. */
export function requireList(value: unknown, argument: string, check: FieldCheck): void {
  if (!Array.isArray(value)) throw new FactorflowInputError('out-of-range', argument, `expected an array, got ${describe(value)}.`);
  requireEntries(value.length, argument, 'the list');
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) throw new FactorflowInputError('out-of-range', argument, `entry ${i} is missing (the array has a hole there); give every entry.`);
    check(value[i], `${argument}[${i}]`);
  }
}

/**
 * Checks an object argument and each of its fields: `shape` lists the fields for the message, and
 * `checks` holds a check per field, called with the field's name as the argument to blame (an
 * option is named alone, as `eta`; a field of a list entry with its place, as `intervals[2].end`).
 */
export function requireFields(value: unknown, argument: string, shape: string, checks: Readonly<Record<string, FieldCheck>>, qualified = false): void {
  requireOptions(value, argument, shape);
  for (const [key, check] of Object.entries(checks)) check((value as Record<string, unknown>)[key], qualified ? `${argument}.${key}` : key);
}

/** Checks a value is one of `choices` (an enumerated option). */
export function requireChoice<Choice extends string | number>(value: unknown, choices: readonly Choice[], argument: string): Choice {
  if (!choices.includes(value as Choice)) {
    throw new FactorflowInputError('out-of-range', argument, `must be one of ${choices.map((choice) => (typeof choice === 'string' ? `'${choice}'` : String(choice))).join(', ')}, got ${describe(value)}.`);
  }
  return value as Choice;
}

/** Checks a callback argument is a function; `signature` shows what it is called with. */
export function requireFunction(value: unknown, argument: string, signature: string): void {
  if (typeof value !== 'function') {
    throw new FactorflowInputError('out-of-range', argument, `expected a function ${signature}, got ${describe(value)}.`);
  }
}

/**
 * Checks a number of the extended reals: any number but NaN. The exported formulas of the theorems
 * take and return infinities (a singular W0 has M = Infinity); NaN has no meaning there.
 */
export function requireExtendedReal(value: unknown, argument: string, note = ''): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new FactorflowInputError('out-of-range', argument, `must be a number${note ? ` (${note})` : ''}, Infinity allowed, got ${describe(value)}.`);
  }
  return value;
}

/**
 * Checks W0 = U0 U0^T (row-major U0) is itself a finite double matrix: every route returns W(t),
 * which the flow keeps below max(||W0||_2, lambda_max(Y)).
 */
export function requireRepresentableSquare(u0: Float64Array, argument: string): void {
  let largest = 0;
  for (const entry of u0) largest = Math.max(largest, Math.abs(entry));
  if (!Number.isFinite(largest * largest * u0.length)) {
    throw new FactorflowInputError(
      'out-of-range',
      argument,
      `entries up to ${largest.toExponential(3)} make W0 = U0 U0^T overflow double precision; rescale the problem.`,
    );
  }
}

/**
 * Checks the initial condition of the flow (Min & Vidal 2025, Proposition 1): an object giving
 * exactly one of U0 (an n x r factor) or W0 = U0 U0^T. Both at once would leave it to the code to
 * pick one when they disagree.
 */
export function requireInitialization(init: unknown): void {
  const given = (key: string) => typeof init === 'object' && init !== null && key in init && (init as Record<string, unknown>)[key] !== undefined;
  if (init === null || typeof init !== 'object' || Array.isArray(init) || (!given('U0') && !given('W0'))) {
    throw new FactorflowInputError('not-a-matrix', 'init', `expected { U0 } (an n x r factor) or { W0 } (an n x n PSD matrix), got ${describe(init)}.`);
  }
  if (given('U0') && given('W0')) {
    throw new FactorflowInputError('out-of-range', 'init', 'gives both U0 and W0; pass one of them: { U0 } or { W0 } with W0 = U0 U0^T.');
  }
}

/**
 * Checks a model of the closed form (see `riccatiModel`) is whole, for the evaluator that reads it
 * without further checks: n, rank, and arrays of the right type, length and finiteness, pivots
 * strictly increasing in [0, n). A model built by hand or sent through structured clone passes
 * when its fields are consistent.
 */
export function requireRiccatiModel(model: unknown): void {
  requireOptions(model, 'model', '{ n, rank, lambda, phi, pivots, factor } from riccatiModel(Y, init)');
  const { n, rank, lambda, phi, pivots, factor } = model as Record<string, unknown>;
  requireInteger(n as number, 'model.n', 1, Number.MAX_SAFE_INTEGER);
  const size = n as number;
  requireEntries(size * size, 'model.n', `an ${size} x ${size} eigenbasis`);
  requireInteger(rank as number, 'model.rank', 0, size);
  requireFiniteArray(lambda, size, 'model.lambda', `the ${size} eigenvalues of Y`);
  requireFiniteArray(phi, size * size, 'model.phi', `the row-major ${size} x ${size} eigenbasis`);
  requireFiniteArray(factor, size * (rank as number), 'model.factor', `a row-major ${size} x ${String(rank)} factor`);
  if (!(pivots instanceof Int32Array) || pivots.length !== rank) {
    throw new FactorflowInputError('not-a-matrix', 'model.pivots', `expected an Int32Array of ${String(rank)} pivot rows, got ${describe(pivots)}; build the model with riccatiModel(Y, init).`);
  }
  const columns = rank as number;
  const L = factor as Float64Array;
  for (let j = 0; j < columns; j++) {
    if (pivots[j] < 0 || pivots[j] >= size || (j > 0 && pivots[j] <= pivots[j - 1])) {
      throw new FactorflowInputError('out-of-range', 'model.pivots', `pivot ${j} is ${pivots[j]}; pivots must increase strictly within [0, ${size}). Build the model with riccatiModel(Y, init).`);
    }
    // The evaluator divides by the pivot entries and relies on the zeros above them.
    let zeroAbove = true;
    for (let i = 0; i < pivots[j]; i++) if (L[i * columns + j] !== 0) zeroAbove = false;
    if (L[pivots[j] * columns + j] === 0 || !zeroAbove) {
      throw new FactorflowInputError('out-of-range', 'model.factor', `column ${j} is not a pivoted factor (non-zero at row ${pivots[j]}, zero above it); build the model with riccatiModel(Y, init).`);
    }
  }
}

/**
 * Runs `compute`, re-addressing an input error about `inner` (an argument of a function it calls,
 * e.g. 'init.U0') to `outer` (the caller's own argument that value was made from), so that the
 * message names what the caller passed.
 */
export function renamingArgument<T>(compute: () => T, inner: string, outer: string): T {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof FactorflowInputError) || error.argument !== inner) throw error;
    throw new FactorflowInputError(error.code, outer, error.message.slice(inner.length + 2));
  }
}
