/**
 * Exact rational matrices: the second route for noncommutative identities. Both sides are
 * evaluated at random matrices of random sizes in BigInt arithmetic, the inverse letters by
 * Gauss-Jordan elimination, so agreement is exact and shares nothing with the rewriting but the
 * polynomials themselves.
 */
import type { NCPoly } from './noncommutative.js';
import { Rational } from './rational.js';

export type RationalMatrix = readonly (readonly Rational[])[];

export function identityOf(n: number): RationalMatrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? Rational.one : Rational.zero)));
}

export function zerosOf(rows: number, columns: number): RationalMatrix {
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => Rational.zero));
}

export function product(a: RationalMatrix, b: RationalMatrix): RationalMatrix {
  if (a[0].length !== b.length) throw new Error(`product: ${a.length}x${a[0].length} times ${b.length}x${b[0].length}`);
  return a.map((row) => b[0].map((_, j) => row.reduce((sum, value, k) => sum.add(value.mul(b[k][j])), Rational.zero)));
}

export function sum(a: RationalMatrix, b: RationalMatrix): RationalMatrix {
  return a.map((row, i) => row.map((value, j) => value.add(b[i][j])));
}

export function scaled(a: RationalMatrix, factor: Rational): RationalMatrix {
  return a.map((row) => row.map((value) => value.mul(factor)));
}

export function transposed(a: RationalMatrix): RationalMatrix {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

/** The inverse by Gauss-Jordan elimination with exact pivots. @throws Error for a singular matrix. */
export function inverted(a: RationalMatrix): RationalMatrix {
  const n = a.length;
  const work = a.map((row, i) => [...row, ...identityOf(n)[i]]);
  for (let column = 0; column < n; column++) {
    const pivot = work.findIndex((row, index) => index >= column && !row[column].isZero());
    if (pivot < 0) throw new Error('inverted: singular matrix');
    [work[column], work[pivot]] = [work[pivot], work[column]];
    const scale = work[column][column];
    work[column] = work[column].map((value) => value.div(scale));
    for (let row = 0; row < n; row++) {
      if (row === column || work[row][column].isZero()) continue;
      const factor = work[row][column];
      work[row] = work[row].map((value, j) => value.sub(factor.mul(work[column][j])));
    }
  }
  return work.map((row) => row.slice(n));
}

export function equal(a: RationalMatrix, b: RationalMatrix): boolean {
  return a.length === b.length && a.every((row, i) => row.length === b[i].length && row.every((value, j) => value.compare(b[i][j]) === 0));
}

/**
 * The value of a noncommutative polynomial with each letter a matrix and each scalar a rational;
 * the empty word is the identity of size `rows` (which must equal `columns` then).
 */
export function evaluatePolynomial(poly: NCPoly, letters: Readonly<Record<string, RationalMatrix>>, scalars: Readonly<Record<string, Rational>>, rows: number, columns: number): RationalMatrix {
  let total = zerosOf(rows, columns);
  for (const term of poly) {
    let factor = term.coefficient;
    for (const [name, power] of term.scalars) factor = factor.mul(scalars[name].pow(power));
    let value = term.word.length === 0 ? identityOf(rows) : letters[term.word[0]];
    for (const name of term.word.slice(1)) value = product(value, letters[name]);
    if (value === undefined || value.length !== rows || value[0].length !== columns) throw new Error(`evaluatePolynomial: a term of ${term.word.join(' ') || 'I'} is not ${rows}x${columns}`);
    total = sum(total, scaled(value, factor));
  }
  return total;
}
