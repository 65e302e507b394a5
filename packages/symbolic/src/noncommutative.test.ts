import { describe, expect, it } from 'vitest';

import { runCheck } from './check.js';
import { blockInverseCheck, woodburyCheck } from './catalog/blockAlgebra.js';
import { equal, evaluatePolynomial, identityOf, inverted, product } from './exactMatrix.js';
import { constant, letter, ncAdd, ncMul, ncSub, ncText, ncTranspose, normalForm, scalar, type Rule } from './noncommutative.js';
import { Rational } from './rational.js';

const [A, B, Ai] = ['A', 'B', 'Ai'].map(letter);
const inverseRules: Rule[] = [
  { lhs: ['A', 'Ai'], rhs: constant(1) },
  { lhs: ['Ai', 'A'], rhs: constant(1) },
];

describe('noncommutative polynomials', () => {
  it('do not commute: A B - B A is not 0, A B - A B is', () => {
    expect(ncSub(ncMul(A, B), ncMul(B, A))).toHaveLength(2);
    expect(ncSub(ncMul(A, B), ncMul(A, B))).toHaveLength(0);
  });

  it('multiply out (A + B)^2 into four words, A B and B A apart', () => {
    const square = ncMul(ncAdd(A, B), ncAdd(A, B));
    expect(ncText(square).split(' + ').sort()).toEqual(['A A', 'A B', 'B A', 'B B']);
  });

  it('cancel A A^{-1} inside a word, and commute scalars with letters', () => {
    expect(ncText(normalForm(ncMul(B, A, Ai, B), inverseRules))).toBe('B B');
    const alpha = scalar('alpha');
    expect(normalForm(ncSub(ncMul(A, alpha, Ai), alpha), inverseRules)).toHaveLength(0);
    // alpha alpha^{-1} = 1: scalar powers add.
    expect(ncText(ncMul(scalar('alpha', 2), scalar('alpha', -1), B))).toBe('alpha*B');
  });

  it('transpose: (A B)^T = B^T A^T with the given transposes', () => {
    expect(ncText(ncTranspose(ncMul(A, B), { A: 'At' }))).toBe('B At');
  });

  it('refuse a false identity: A^{-1} B A = B is not reduced to 0 (A and B need not commute)', () => {
    expect(normalForm(ncSub(ncMul(Ai, B, A), B), inverseRules)).not.toHaveLength(0);
  });

  it('throw on rules that never terminate', () => {
    expect(() => normalForm(A, [{ lhs: ['A'], rhs: ncMul(A, constant(1)) }])).toThrow(/do not terminate/);
  });
});

describe('exact rational matrices', () => {
  it('invert exactly: A A^{-1} = I for a 3 x 3 rational matrix', () => {
    const M = [
      [2, 1, 0],
      [1, 3, 1],
      [0, 1, 4],
    ].map((row) => row.map((value) => Rational.of(value, 3)));
    expect(equal(product(M, inverted(M)), identityOf(3))).toBe(true);
    expect(() => inverted([[Rational.one, Rational.one], [Rational.one, Rational.one]])).toThrow(/singular/);
  });

  it('evaluate a polynomial with the empty word as the identity', () => {
    const M = [[Rational.of(2), Rational.zero], [Rational.one, Rational.of(3)]];
    // A A - 5 A + 6 I = 0 for this M (its characteristic polynomial).
    const value = evaluatePolynomial(ncAdd(ncMul(A, A), ncMul(constant(-5), A), constant(6)), { A: M }, {}, 2, 2);
    expect(equal(value, [[Rational.zero, Rational.zero], [Rational.zero, Rational.zero]])).toBe(true);
  });
});

describe('the block identities of (25) and Remark III-C2 for any size', () => {
  it('prove the block inverse of (25) and the corrected Woodbury rewrite on both routes', () => {
    for (const seed of [1, 2]) {
      expect(runCheck(blockInverseCheck(6), seed), `seed ${seed}`).toMatchObject({ verdict: 'holds' });
      expect(runCheck(woodburyCheck(6, true), seed), `seed ${seed}`).toMatchObject({ verdict: 'holds' });
    }
  });

  it("refuse the paper's Woodbury form (no alpha): a normal form (alpha - alpha^2) S U U^T G U U^T remains, and exact matrices differ", () => {
    const result = runCheck(woodburyCheck(6, false), 3);
    expect(result.verdict).toBe('fails');
    expect(result.checkerBug).toBeUndefined();
    expect(result.residual).toBe('alpha*S U Ut G U Ut + (-1)*alpha^2*S U Ut G U Ut');
  });

  it('refuse H M = alpha I once a block of H M is negated', () => {
    const check = blockInverseCheck(4);
    const [[first, H12Row], [H21Row, H22Row]] = check.lhs;
    const corrupted = { ...check, lhs: [[ncSub(constant(0), first), H12Row], [H21Row, H22Row]] };
    const result = runCheck(corrupted, 4);
    expect(result.verdict).toBe('fails');
    expect(result.checkerBug).toBeUndefined();
  });
});
