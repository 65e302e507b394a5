/**
 * The check of an identity between block matrices of any size: rewriting of noncommutative
 * polynomials (symbolic route, `noncommutative.ts`) and exact rational matrices of random sizes
 * (second route, `exactMatrix.ts`). `holds` needs both: the normal form of lhs - rhs is 0 and the
 * two sides agree exactly at every random instance.
 */
import { equal, evaluatePolynomial, type RationalMatrix } from './exactMatrix.js';
import { ncAdd, ncMul, ncSub, ncText, normalForm, type NCPoly, type Rule } from './noncommutative.js';
import type { Rational } from './rational.js';
import { type FieldCheck, optional, requireArray, requireCallback, requireIntegerIn } from './validate.js';

/** A square block matrix of noncommutative polynomials (one block for a plain matrix identity). */
export type NCBlocks = readonly (readonly NCPoly[])[];

/** One random instance of the letters: block sizes, the letters' matrices and the scalars. */
export interface NCInstance {
  /** Size of each block row (and column). */
  readonly sizes: readonly number[];
  readonly letters: Readonly<Record<string, RationalMatrix>>;
  readonly scalars: Readonly<Record<string, Rational>>;
  /** A short description for the report, e.g. `n = 5, k = 2`. */
  readonly label: string;
}

/** lhs = rhs for block matrices whose blocks have any size. */
export interface NoncommutativeCheck {
  readonly kind: 'noncommutative';
  readonly lhs: NCBlocks;
  readonly rhs: NCBlocks;
  /** The defining relations of the inverse letters, oriented as rewriting rules. */
  readonly rules: readonly Rule[];
  /**
   * Both sides are multiplied on the right by this factor before rewriting: lhs T = rhs T proves
   * lhs = rhs when T is invertible, which the entry's hypotheses must say.
   */
  readonly rightFactor?: NCBlocks;
  /** Random exact instances of the second route. */
  readonly instances: number;
  readonly instance: (uniform: () => number) => NCInstance;
}

const MAX_BLOCKS = 16;
const MAX_INSTANCES = 1000;
const blocks: FieldCheck = (value, argument) => requireArray(value, argument, MAX_BLOCKS, (row, at) => requireArray(row, at, MAX_BLOCKS, (poly, where) => requireArray(poly, where, Number.MAX_SAFE_INTEGER, () => undefined)));

/** The fields of a noncommutative check (a row of check.ts's CHECK_FIELDS). */
export const NONCOMMUTATIVE_FIELDS: Readonly<Record<string, FieldCheck>> = {
  lhs: blocks,
  rhs: blocks,
  rules: (value, argument) => requireArray(value, argument, Number.MAX_SAFE_INTEGER, () => undefined),
  rightFactor: optional(blocks),
  instances: (value, argument) => requireIntegerIn(value, argument, 1, MAX_INSTANCES),
  instance: (value, argument) => requireCallback(value, argument, '(uniform) => NCInstance'),
};

/** The product of two block matrices of noncommutative polynomials (blocks conformable). */
export function blockProduct(a: NCBlocks, b: NCBlocks): NCBlocks {
  return a.map((row) => b[0].map((_, j) => ncAdd(...row.map((entry, k) => ncMul(entry, b[k][j])))));
}

/** The result's fields, in check.ts's CheckResult shape (kept structural to avoid an import cycle). */
export interface NoncommutativeResult {
  readonly verdict: 'holds' | 'fails' | 'unproved';
  readonly method: string;
  readonly routes: Readonly<Record<string, string>>;
  readonly residual?: string;
  readonly checkerBug?: string;
}

export function runNoncommutative(check: NoncommutativeCheck, uniform: () => number): NoncommutativeResult {
  const [left, right] = check.rightFactor ? [blockProduct(check.lhs, check.rightFactor), blockProduct(check.rhs, check.rightFactor)] : [check.lhs, check.rhs];
  const residuals = left.flatMap((row, i) => row.map((entry, j) => normalForm(ncSub(entry, right[i][j]), check.rules)));
  const rewritten = residuals.every((residual) => residual.length === 0);
  let disagreement: string | undefined;
  const sizes = new Set<string>();
  for (let index = 0; index < check.instances && !disagreement; index++) {
    const instance = check.instance(uniform);
    sizes.add(instance.label);
    const differs = check.lhs.some((row, i) =>
      row.some((entry, j) => {
        const [rows, columns] = [instance.sizes[i], instance.sizes[j]];
        return !equal(evaluatePolynomial(entry, instance.letters, instance.scalars, rows, columns), evaluatePolynomial(check.rhs[i][j], instance.letters, instance.scalars, rows, columns));
      }),
    );
    if (differs) disagreement = instance.label;
  }
  const routes = {
    symbolic: rewritten
      ? `noncommutative rewriting${check.rightFactor ? ' (both sides times the invertible right factor)' : ''} reduces lhs - rhs to 0 for blocks of any size`
      : 'noncommutative rewriting leaves a non-zero normal form',
    exact: disagreement ? `the sides differ at an exact rational instance (${disagreement})` : `both sides agree exactly at ${check.instances} random rational instances (${[...sizes].slice(0, 6).join('; ')}${sizes.size > 6 ? '; ...' : ''})`,
  };
  const method = 'noncommutative rewriting + exact-rational matrices';
  const residual = residuals.find((entry) => entry.length > 0);
  if (rewritten && !disagreement) return { verdict: 'holds', method, routes };
  if (rewritten) return { verdict: 'unproved', method, routes, checkerBug: 'the rewriting reduced the residual to 0 but exact matrices disagree' };
  if (disagreement) return { verdict: 'fails', method, routes, residual: ncText(residual!).slice(0, 400) };
  return { verdict: 'unproved', method, routes, residual: ncText(residual!).slice(0, 400) };
}
