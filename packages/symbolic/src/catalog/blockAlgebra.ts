/**
 * The block-inverse formulas of (25) and the Woodbury rewrite of Remark III-C2 for blocks of any
 * size, as noncommutative identities: the inverses are letters with their defining relations as
 * rewriting rules, and random exact rational instances of sizes 2 to 5 are the second route.
 */
import { identityOf, inverted, product, scaled, sum, transposed, type RationalMatrix } from '../exactMatrix.js';
import { constant, letter, ncAdd, ncMul, ncNeg, ncSub, ncTranspose, scalar, type NCPoly, type Rule } from '../noncommutative.js';
import { blockProduct, type NCBlocks, type NCInstance, type NoncommutativeCheck } from '../noncommutativeCheck.js';
import { Rational } from '../rational.js';

const alpha = scalar('alpha');
const I = constant(1);
const word = (...names: string[]): NCPoly => ncMul(...names.map(letter));
/** X X^{-1} = X^{-1} X = I for each (letter, inverse letter) pair. */
export const inversePairs = (pairs: readonly (readonly [string, string])[]): Rule[] => pairs.flatMap(([a, b]) => [{ lhs: [a, b], rhs: I }, { lhs: [b, a], rhs: I }]);

/** A small random rational: numerator up to 5 in magnitude, denominator up to 3. */
export function small(uniform: () => number, positive: boolean): Rational {
  const value = Rational.of(1 + Math.floor(uniform() * 5), 1 + Math.floor(uniform() * 3));
  if (positive) return value;
  const roll = uniform();
  return roll < 0.2 ? Rational.zero : roll < 0.6 ? value : value.neg();
}

export function diagonalOf(values: readonly Rational[]): RationalMatrix {
  return values.map((value, i) => values.map((_, j) => (i === j ? value : Rational.zero)));
}

/** A random positive definite n x n rational matrix L L^T (L lower triangular, positive diagonal). */
export function positiveDefinite(n: number, uniform: () => number): RationalMatrix {
  const L = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j > i ? Rational.zero : small(uniform, i === j))));
  return product(L, transposed(L));
}

function slice(A: RationalMatrix, rows: [number, number], columns: [number, number]): RationalMatrix {
  return A.slice(rows[0], rows[1]).map((row) => row.slice(columns[0], columns[1]));
}

function split(uniform: () => number): { n: number; k: number } {
  const n = 2 + Math.floor(uniform() * 4);
  return { n, k: 1 + Math.floor(uniform() * (n - 1)) };
}

/**
 * (25): H = alpha (S^{-1}(V + alpha G)S^{-1})^{-1} with R = (V22 + alpha G2)^{-1} and
 * X = (V11 - V12 R V12^T + alpha G1)^{-1}; checked as H M = alpha I.
 */
export function blockInverseCheck(instances: number): NoncommutativeCheck {
  const H11 = ncMul(alpha, word('S1', 'X', 'S1'));
  const H12 = ncNeg(ncMul(H11, word('S1i', 'V12', 'R', 'S2')));
  const H22 = ncSub(ncMul(alpha, word('S2', 'R', 'S2')), ncMul(word('S2', 'R', 'V21', 'S1i'), H12));
  const H21 = ncTranspose(H12, { V12: 'V21', V21: 'V12' });
  const M: NCBlocks = [
    [ncMul(letter('S1i'), ncAdd(letter('V11'), ncMul(alpha, letter('G1'))), letter('S1i')), word('S1i', 'V12', 'S2i')],
    [word('S2i', 'V21', 'S1i'), ncMul(letter('S2i'), ncAdd(letter('V22'), ncMul(alpha, letter('G2'))), letter('S2i'))],
  ];
  const H: NCBlocks = [
    [H11, H12],
    [H21, H22],
  ];
  const rules: Rule[] = [
    // R (V22 + alpha G2) = I and (V22 + alpha G2) R = I.
    { lhs: ['R', 'V22'], rhs: ncSub(I, ncMul(alpha, word('R', 'G2'))) },
    { lhs: ['V22', 'R'], rhs: ncSub(I, ncMul(alpha, word('G2', 'R'))) },
    // X (V11 - V12 R V21 + alpha G1) = I and its mirror.
    { lhs: ['X', 'V11'], rhs: ncAdd(I, word('X', 'V12', 'R', 'V21'), ncNeg(ncMul(alpha, word('X', 'G1')))) },
    { lhs: ['V11', 'X'], rhs: ncAdd(I, word('V12', 'R', 'V21', 'X'), ncNeg(ncMul(alpha, word('G1', 'X')))) },
    ...inversePairs([
      ['S1', 'S1i'],
      ['S2', 'S2i'],
    ]),
  ];
  const instance = (uniform: () => number): NCInstance => {
    const { n, k } = split(uniform);
    const a = small(uniform, true);
    const V = positiveDefinite(n, uniform);
    const s = Array.from({ length: n }, () => small(uniform, true));
    const g = Array.from({ length: n }, () => small(uniform, true).mul(Rational.of(uniform() < 0.3 ? 0 : 1)));
    const [first, second]: [number, number][] = [
      [0, k],
      [k, n],
    ];
    const [V11, V12, V22] = [slice(V, first, first), slice(V, first, second), slice(V, second, second)];
    const [G1, G2] = [diagonalOf(g.slice(0, k)), diagonalOf(g.slice(k))];
    const R = inverted(sum(V22, scaled(G2, a)));
    const X = inverted(sum(sum(V11, scaled(product(product(V12, R), transposed(V12)), Rational.of(-1))), scaled(G1, a)));
    const letters = {
      V11,
      V12,
      V21: transposed(V12),
      V22,
      G1,
      G2,
      R,
      X,
      S1: diagonalOf(s.slice(0, k)),
      S2: diagonalOf(s.slice(k)),
      S1i: diagonalOf(s.slice(0, k).map((value) => Rational.one.div(value))),
      S2i: diagonalOf(s.slice(k).map((value) => Rational.one.div(value))),
    };
    return { sizes: [k, n - k], letters, scalars: { alpha: a }, label: `n = ${n}, k = ${k}` };
  };
  return {
    kind: 'noncommutative',
    lhs: blockProduct(H, M),
    rhs: [
      [alpha, constant(0)],
      [constant(0), alpha],
    ],
    rules,
    instances,
    instance,
  };
}

/**
 * Remark III-C2: S alpha U U^T (I + alpha G U U^T)^{-1} S against alpha S U (I - c U^T G U Y) U^T S
 * with Z = (I + alpha G U U^T)^{-1}, Y = (I + alpha U^T G U)^{-1}; c = alpha is the corrected
 * statement, c = 1 the paper's. Both sides are multiplied by S^{-1}(I + alpha G U U^T), invertible.
 */
export function woodburyCheck(instances: number, withAlpha: boolean): NoncommutativeCheck {
  const GUUt = word('G', 'U', 'Ut');
  const UtGU = word('Ut', 'G', 'U');
  const inverseAlpha = scalar('alpha', -1);
  const rules: Rule[] = [
    // Z (I + alpha G U U^T) = I: Z G U U^T = alpha^{-1}(I - Z); the same for Y with U^T G U.
    { lhs: ['Z', 'G', 'U', 'Ut'], rhs: ncMul(inverseAlpha, ncSub(I, letter('Z'))) },
    { lhs: ['G', 'U', 'Ut', 'Z'], rhs: ncMul(inverseAlpha, ncSub(I, letter('Z'))) },
    { lhs: ['Y', 'Ut', 'G', 'U'], rhs: ncMul(inverseAlpha, ncSub(I, letter('Y'))) },
    { lhs: ['Ut', 'G', 'U', 'Y'], rhs: ncMul(inverseAlpha, ncSub(I, letter('Y'))) },
    ...inversePairs([['S', 'Si']]),
  ];
  const factor = withAlpha ? alpha : I;
  const lhs = ncMul(alpha, word('S', 'U', 'Ut', 'Z', 'S'));
  const rhs = ncMul(alpha, letter('S'), letter('U'), ncSub(I, ncMul(factor, UtGU, letter('Y'))), letter('Ut'), letter('S'));
  const instance = (uniform: () => number): NCInstance => {
    const { n, k: r } = split(uniform);
    const a = small(uniform, true);
    const U = Array.from({ length: n }, () => Array.from({ length: r }, () => small(uniform, false)));
    const s = Array.from({ length: n }, () => small(uniform, true));
    const G = diagonalOf(Array.from({ length: n }, () => small(uniform, true).mul(Rational.of(uniform() < 0.3 ? 0 : 1))));
    const Ut = transposed(U);
    const letters = {
      S: diagonalOf(s),
      Si: diagonalOf(s.map((value) => Rational.one.div(value))),
      U,
      Ut,
      G,
      Z: inverted(sum(identityOf(n), scaled(product(product(G, U), Ut), a))),
      Y: inverted(sum(identityOf(r), scaled(product(product(Ut, G), U), a))),
    };
    return { sizes: [n], letters, scalars: { alpha: a }, label: `n = ${n}, r = ${r}` };
  };
  return {
    kind: 'noncommutative',
    lhs: [[lhs]],
    rhs: [[rhs]],
    rules,
    rightFactor: [[ncMul(letter('Si'), ncAdd(I, ncMul(alpha, GUUt)))]],
    instances,
    instance,
  };
}
