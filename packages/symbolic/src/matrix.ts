/**
 * Small symbolic matrices (arrays of rows of {@link Expr}). Inverses are written as the
 * adjugate over the determinant, so every entry stays an explicit rational function.
 */
import { add, div, dt, mul, neg, num, sub, sym, type Expr } from './expr.js';

export type ExprMatrix = readonly (readonly Expr[])[];

export function matrix(rows: readonly (readonly (Expr | number)[])[]): ExprMatrix {
  return rows.map((row) => row.map((entry) => (typeof entry === 'number' ? num(entry) : entry)));
}

export function identity(n: number): ExprMatrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => num(i === j ? 1 : 0)));
}

export function zeros(rows: number, columns: number): ExprMatrix {
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => num(0)));
}

export function diagonal(entries: readonly (Expr | number)[]): ExprMatrix {
  return entries.map((entry, i) =>
    entries.map((_, j) => (i === j ? (typeof entry === 'number' ? num(entry) : entry) : num(0))),
  );
}

/** A general n x n symmetric matrix of fresh symbols `prefix11, prefix12, ...` (prefixji = prefixij). */
export function symmetricSymbols(prefix: string, n: number): ExprMatrix {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => sym(`${prefix}${Math.min(i, j) + 1}${Math.max(i, j) + 1}`)),
  );
}

/** A general rows x columns matrix of fresh symbols `prefix11, prefix12, ...`. */
export function generalSymbols(prefix: string, rows: number, columns: number): ExprMatrix {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => sym(`${prefix}${i + 1}${j + 1}`)));
}

export function shape(m: ExprMatrix): [number, number] {
  return [m.length, m[0]?.length ?? 0];
}

function sameShape(a: ExprMatrix, b: ExprMatrix, operation: string): void {
  const [ra, ca] = shape(a);
  const [rb, cb] = shape(b);
  if (ra !== rb || ca !== cb) throw new RangeError(`${operation}: shapes ${ra}x${ca} and ${rb}x${cb} differ`);
}

export function matAdd(a: ExprMatrix, b: ExprMatrix): ExprMatrix {
  sameShape(a, b, 'matAdd');
  return a.map((row, i) => row.map((entry, j) => add(entry, b[i][j])));
}

export function matSub(a: ExprMatrix, b: ExprMatrix): ExprMatrix {
  sameShape(a, b, 'matSub');
  return a.map((row, i) => row.map((entry, j) => sub(entry, b[i][j])));
}

export function matScale(scalar: Expr | number, m: ExprMatrix): ExprMatrix {
  return m.map((row) => row.map((entry) => mul(scalar, entry)));
}

export function matNeg(m: ExprMatrix): ExprMatrix {
  return m.map((row) => row.map((entry) => neg(entry)));
}

/** Product of any number of conforming matrices, left to right. */
export function matMul(...factors: ExprMatrix[]): ExprMatrix {
  return factors.reduce((a, b) => {
    const [ra, ca] = shape(a);
    const [rb, cb] = shape(b);
    if (ca !== rb) throw new RangeError(`matMul: ${ra}x${ca} times ${rb}x${cb}`);
    return Array.from({ length: ra }, (_, i) =>
      Array.from({ length: cb }, (_, j) => add(...Array.from({ length: ca }, (_, l) => mul(a[i][l], b[l][j])))),
    );
  });
}

export function transpose(m: ExprMatrix): ExprMatrix {
  const [rows, columns] = shape(m);
  return Array.from({ length: columns }, (_, j) => Array.from({ length: rows }, (_, i) => m[i][j]));
}

function minor(m: ExprMatrix, row: number, column: number): ExprMatrix {
  return m.filter((_, i) => i !== row).map((r) => r.filter((_, j) => j !== column));
}

/** Determinant by cofactor expansion (the catalog's matrices are at most 3 x 3). */
export function determinant(m: ExprMatrix): Expr {
  const [rows, columns] = shape(m);
  if (rows !== columns) throw new RangeError(`determinant: ${rows}x${columns} is not square`);
  if (rows === 1) return m[0][0];
  return add(...m[0].map((entry, j) => mul(j % 2 === 0 ? 1 : -1, entry, determinant(minor(m, 0, j)))));
}

/** Inverse as adjugate / determinant: each entry an explicit rational function. */
export function inverse(m: ExprMatrix): ExprMatrix {
  const [n] = shape(m);
  if (n === 1) return [[div(1, m[0][0])]];
  const det = determinant(m);
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => div(mul((i + j) % 2 === 0 ? 1 : -1, determinant(minor(m, j, i))), det)),
  );
}

/** Entrywise time derivative. */
export function matDt(m: ExprMatrix): ExprMatrix {
  return m.map((row) => row.map((entry) => dt(entry)));
}

/** Assembles a matrix from blocks given as rows of blocks. */
export function blocks(rows: readonly (readonly ExprMatrix[])[]): ExprMatrix {
  return rows.flatMap((blockRow) => {
    const height = shape(blockRow[0])[0];
    return Array.from({ length: height }, (_, i) => blockRow.flatMap((block) => [...block[i]]));
  });
}

/** The sub-block of rows [r0, r1) and columns [c0, c1). */
export function block(m: ExprMatrix, r0: number, r1: number, c0: number, c1: number): ExprMatrix {
  return m.slice(r0, r1).map((row) => row.slice(c0, c1));
}
