/**
 * Small symbolic matrices (arrays of rows of {@link Expr}). Inverses are written as the
 * adjugate over the determinant, so every entry stays an explicit rational function.
 */
import { add, div, dt, mul, neg, num, sub, sym, type Expr } from './expr.js';
import {
  InputError,
  MAX_DETERMINANT,
  MAX_DIMENSION,
  requireArray,
  requireDimension,
  requireExprMatrix,
  requireIntegerIn,
  requireOperand,
  requireSymbolName,
} from './validate.js';

export type ExprMatrix = readonly (readonly Expr[])[];

export function matrix(rows: readonly (readonly (Expr | number)[])[]): ExprMatrix {
  requireExprMatrix(rows, 'rows', requireOperand);
  return rows.map((row) => row.map((entry) => (typeof entry === 'number' ? num(entry) : entry)));
}

export function identity(n: number): ExprMatrix {
  requireDimension(n, 'n');
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => num(i === j ? 1 : 0)));
}

export function zeros(rows: number, columns: number): ExprMatrix {
  requireDimension(rows, 'rows');
  requireDimension(columns, 'columns');
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => num(0)));
}

export function diagonal(entries: readonly (Expr | number)[]): ExprMatrix {
  requireArray(entries, 'entries', MAX_DIMENSION, requireOperand);
  if (entries.length === 0) throw new InputError('shape', 'entries', 'is empty; give at least one diagonal entry.');
  return entries.map((entry, i) =>
    entries.map((_, j) => (i === j ? (typeof entry === 'number' ? num(entry) : entry) : num(0))),
  );
}

/** A general n x n symmetric matrix of fresh symbols `prefix11, prefix12, ...` (prefixji = prefixij). */
export function symmetricSymbols(prefix: string, n: number): ExprMatrix {
  requireSymbolName(prefix, 'prefix');
  requireDimension(n, 'n');
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => sym(`${prefix}${Math.min(i, j) + 1}${Math.max(i, j) + 1}`)),
  );
}

/** A general rows x columns matrix of fresh symbols `prefix11, prefix12, ...`. */
export function generalSymbols(prefix: string, rows: number, columns: number): ExprMatrix {
  requireSymbolName(prefix, 'prefix');
  requireDimension(rows, 'rows');
  requireDimension(columns, 'columns');
  return Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => sym(`${prefix}${i + 1}${j + 1}`)));
}

export function shape(m: ExprMatrix): [number, number] {
  return [m.length, m[0]?.length ?? 0];
}

function sameShape(a: ExprMatrix, b: ExprMatrix, operation: string): void {
  const [ra, ca] = shape(a);
  const [rb, cb] = shape(b);
  if (ra !== rb || ca !== cb) throw new InputError('shape', 'b', `is ${rb}x${cb} but a is ${ra}x${ca}; ${operation} needs matrices of one shape.`);
}

export function matAdd(a: ExprMatrix, b: ExprMatrix): ExprMatrix {
  requireExprMatrix(a, 'a');
  requireExprMatrix(b, 'b');
  sameShape(a, b, 'matAdd');
  return a.map((row, i) => row.map((entry, j) => add(entry, b[i][j])));
}

export function matSub(a: ExprMatrix, b: ExprMatrix): ExprMatrix {
  requireExprMatrix(a, 'a');
  requireExprMatrix(b, 'b');
  sameShape(a, b, 'matSub');
  return a.map((row, i) => row.map((entry, j) => sub(entry, b[i][j])));
}

export function matScale(scalar: Expr | number, m: ExprMatrix): ExprMatrix {
  requireOperand(scalar, 'scalar');
  requireExprMatrix(m, 'm');
  return m.map((row) => row.map((entry) => mul(scalar, entry)));
}

export function matNeg(m: ExprMatrix): ExprMatrix {
  requireExprMatrix(m, 'm');
  return m.map((row) => row.map((entry) => neg(entry)));
}

/** Product of any number of conforming matrices, left to right. */
export function matMul(...factors: ExprMatrix[]): ExprMatrix {
  if (factors.length === 0) throw new InputError('shape', 'factors', 'is empty; give at least one matrix.');
  factors.forEach((factor, index) => requireExprMatrix(factor, `factors[${index}]`));
  return factors.reduce((a, b, index) => {
    const [ra, ca] = shape(a);
    const [rb, cb] = shape(b);
    if (ca !== rb) throw new InputError('shape', `factors[${index}]`, `is ${rb}x${cb} but the product before it is ${ra}x${ca}; the inner dimensions must agree.`);
    return Array.from({ length: ra }, (_, i) =>
      Array.from({ length: cb }, (_, j) => add(...Array.from({ length: ca }, (_, l) => mul(a[i][l], b[l][j])))),
    );
  });
}

export function transpose(m: ExprMatrix): ExprMatrix {
  requireExprMatrix(m, 'm');
  const [rows, columns] = shape(m);
  return Array.from({ length: columns }, (_, j) => Array.from({ length: rows }, (_, i) => m[i][j]));
}

function minor(m: ExprMatrix, row: number, column: number): ExprMatrix {
  return m.filter((_, i) => i !== row).map((r) => r.filter((_, j) => j !== column));
}

/** Determinant by cofactor expansion (the catalog's matrices are at most 3 x 3). */
export function determinant(m: ExprMatrix): Expr {
  requireSquare(m);
  return determinantOf(m);
}

/** Checks a square matrix small enough for the n! terms of a cofactor expansion. */
function requireSquare(m: ExprMatrix): void {
  requireExprMatrix(m, 'm');
  const [rows, columns] = shape(m);
  if (rows !== columns) throw new InputError('shape', 'm', `is ${rows}x${columns}; it must be square.`);
  if (rows > MAX_DETERMINANT) throw new InputError('shape', 'm', `is ${rows}x${rows}; the cofactor expansion has n! terms, so at most ${MAX_DETERMINANT}x${MAX_DETERMINANT}.`);
}

function determinantOf(m: ExprMatrix): Expr {
  const [rows] = shape(m);
  if (rows === 1) return m[0][0];
  return add(...m[0].map((entry, j) => mul(j % 2 === 0 ? 1 : -1, entry, determinantOf(minor(m, 0, j)))));
}

/** The adjugate (transposed cofactor matrix): m adj(m) = det(m) I, with polynomial entries. */
export function adjugate(m: ExprMatrix): ExprMatrix {
  requireSquare(m);
  return adjugateOf(m);
}

function adjugateOf(m: ExprMatrix): ExprMatrix {
  const [n] = shape(m);
  if (n === 1) return [[num(1)]];
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => mul((i + j) % 2 === 0 ? 1 : -1, determinantOf(minor(m, j, i)))),
  );
}

/** Inverse as adjugate / determinant: each entry an explicit rational function. */
export function inverse(m: ExprMatrix): ExprMatrix {
  requireSquare(m);
  const [n] = shape(m);
  if (n === 1) return [[div(1, m[0][0])]];
  const det = determinantOf(m);
  return adjugateOf(m).map((row) => row.map((entry) => div(entry, det)));
}

/** Entrywise time derivative. */
export function matDt(m: ExprMatrix): ExprMatrix {
  requireExprMatrix(m, 'm');
  return m.map((row) => row.map((entry) => dt(entry)));
}

/** Assembles a matrix from blocks given as rows of blocks. */
export function blocks(rows: readonly (readonly ExprMatrix[])[]): ExprMatrix {
  requireArray(rows, 'rows', MAX_DIMENSION, (blockRow, at) => {
    requireArray(blockRow, at, MAX_DIMENSION, requireExprMatrix);
    const row = blockRow as readonly ExprMatrix[];
    if (row.length === 0) throw new InputError('shape', at, 'is empty; give at least one block per row.');
    row.forEach((other, j) => {
      if (shape(other)[0] !== shape(row[0])[0]) throw new InputError('shape', `${at}[${j}]`, `has ${shape(other)[0]} rows but ${at}[0] has ${shape(row[0])[0]}; blocks of one block row need one height.`);
    });
  });
  const assembled = rows.flatMap((blockRow) => {
    const height = shape(blockRow[0])[0];
    return Array.from({ length: height }, (_, i) => blockRow.flatMap((block) => [...block[i]]));
  });
  // Widths that differ between block rows leave a ragged result, which is refused as such.
  requireExprMatrix(assembled, 'rows');
  return assembled;
}

/** The sub-block of rows [r0, r1) and columns [c0, c1). */
export function block(m: ExprMatrix, r0: number, r1: number, c0: number, c1: number): ExprMatrix {
  requireExprMatrix(m, 'm');
  const [rows, columns] = shape(m);
  requireIntegerIn(r0, 'r0', 0, rows - 1);
  requireIntegerIn(r1, 'r1', r0 + 1, rows);
  requireIntegerIn(c0, 'c0', 0, columns - 1);
  requireIntegerIn(c1, 'c1', c0 + 1, columns);
  return m.slice(r0, r1).map((row) => row.slice(c0, c1));
}
