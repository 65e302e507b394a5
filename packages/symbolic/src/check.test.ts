import { describe, expect, it } from 'vitest';

import { runCheck, type Check } from './check.js';
import { add, div, dt, mul, num, pow, sub, sym } from './expr.js';
import { adjugate, determinant, generalSymbols, inverse, matMul, symmetricSymbols, transpose } from './matrix.js';
import { Rational } from './rational.js';
import { createUniform } from './sampling.js';

const [a, b, x, s, u] = ['a', 'b', 'x', 's', 'u'].map(sym);
const SEEDS = [1, 2, 3];

function parse(text: string): Rational {
  const [p, q] = text.split('/');
  return Rational.of(BigInt(p), BigInt(q ?? '1'));
}

/** Runs a check under several seeds; the message names the seed so a failure can be replayed. */
function verdicts(check: Check): { seed: number; verdict: string; bug?: string }[] {
  return SEEDS.map((seed) => {
    const result = runCheck(check, seed);
    return { seed, verdict: result.verdict, bug: result.checkerBug };
  });
}

function expectVerdict(check: Check, verdict: string): void {
  for (const result of verdicts(check)) expect(result, `seed ${result.seed}`).toEqual({ seed: result.seed, verdict, bug: undefined });
}

describe('identity checks', () => {
  it('prove known identities, on both routes', () => {
    expectVerdict({ kind: 'identity', lhs: pow(add(a, b), 2), rhs: add(pow(a, 2), mul(2, a, b), pow(b, 2)) }, 'holds');
    // A rational identity: 1/(x - 1) - 1/(x + 1) = 2/(x^2 - 1).
    expectVerdict({ kind: 'identity', lhs: sub(div(1, sub(x, 1)), div(1, add(x, 1))), rhs: div(2, sub(pow(x, 2), 1)) }, 'holds');
  });

  it('prove a matrix identity: M adj(M)/det(M) = I for a general symmetric 3x3', () => {
    const M = symmetricSymbols('m', 3);
    const product = matMul(M, inverse(M));
    const I = [0, 1, 2].map((i) => [0, 1, 2].map((j) => num(i === j ? 1 : 0)));
    expectVerdict({ kind: 'identity', lhs: product, rhs: I }, 'holds');
    // det of a diagonal matrix is the product of its entries.
    expectVerdict({ kind: 'identity', lhs: determinant([[a, num(0)], [num(0), b]]), rhs: mul(a, b) }, 'holds');
  });

  it('prove the adjugate identity adj(M) M = det(M) I for a general (non-symmetric) 3x3, and refuse a transposed adjugate', () => {
    const M = generalSymbols('m', 3, 3);
    const det = determinant(M);
    const scaledIdentity = [0, 1, 2].map((i) => [0, 1, 2].map((j) => (i === j ? det : num(0))));
    expectVerdict({ kind: 'identity', lhs: matMul(adjugate(M), M), rhs: scaledIdentity }, 'holds');
    const cofactors = transpose(adjugate(M));
    const wrong = runCheck({ kind: 'identity', lhs: matMul(cofactors, M), rhs: scaledIdentity }, 1);
    expect(wrong.verdict).toBe('fails');
    expect(wrong.checkerBug).toBeUndefined();
  });

  it('differentiate with chain-rule rates: u = e^{2 s t} gives d/dt u/(1+u) = 2 s u / (1+u)^2', () => {
    const rates = { u: mul(2, s, u) };
    expectVerdict({ kind: 'identity', lhs: dt(div(u, add(1, u))), rhs: div(mul(2, s, u), pow(add(1, u), 2)), rates, domains: { u: 'positive' } }, 'holds');
    // The same with the factor 2 dropped is not an identity.
    const wrong = runCheck({ kind: 'identity', lhs: dt(div(u, add(1, u))), rhs: div(mul(s, u), pow(add(1, u), 2)), rates, domains: { u: 'positive' } }, 7);
    expect(wrong.verdict).toBe('fails');
    expect(wrong.checkerBug).toBeUndefined();
  });

  it('fail known non-identities, with a residual and an exact counterexample', () => {
    for (const seed of SEEDS) {
      const result = runCheck({ kind: 'identity', lhs: pow(add(a, b), 2), rhs: add(pow(a, 2), pow(b, 2)) }, seed);
      expect(result.verdict, `seed ${seed}`).toBe('fails');
      expect(result.checkerBug, `seed ${seed}`).toBeUndefined();
      expect(result.residual, `seed ${seed}`).toMatch(/a\*b/);
      expect(result.counterexample, `seed ${seed}`).toHaveProperty('a');
    }
    // A tiny coefficient error is still caught: x^2 - 1 = (x - 1)(x + 1 + 10^-12).
    const close = runCheck({ kind: 'identity', lhs: sub(pow(x, 2), 1), rhs: mul(sub(x, 1), add(x, 1, num(1, 10n ** 12n))) }, 4);
    expect(close.verdict).toBe('fails');
  });

  it('report a false equality that holds as the weaker inequality', () => {
    // (a + b)^2 = a^2 + b^2 is false, but (a + b)^2 >= a^2 + b^2 for a, b >= 0.
    const check: Check = {
      kind: 'identity',
      lhs: pow(add(a, b), 2),
      rhs: add(pow(a, 2), pow(b, 2)),
      weaker: { relation: '>=', domains: { a: 'nonnegative', b: 'nonnegative' } },
    };
    expectVerdict(check, 'holds-as-inequality');
  });

  it('agree across routes on random products, expanded correctly or with one term perturbed', () => {
    const uniform = createUniform(20251124);
    const symbols = [a, b, x];
    const pick = () => symbols[Math.floor(uniform() * symbols.length)];
    for (let trial = 0; trial < 20; trial++) {
      const [p, q, r] = [pick(), pick(), pick()];
      const expanded = add(mul(p, q), mul(p, r), q, r);
      const perturbed = uniform() < 0.5;
      const result = runCheck({ kind: 'identity', lhs: mul(add(p, 1), add(q, r)), rhs: perturbed ? add(expanded, mul(num(1, 3), p)) : expanded }, trial);
      expect(result.checkerBug, `trial ${trial}`).toBeUndefined();
      expect(result.verdict, `trial ${trial}`).toBe(perturbed ? 'fails' : 'holds');
    }
  });
});

describe('inequality checks', () => {
  it('prove an inequality from the hypotheses, via a substitution', () => {
    // For 0 < alpha <= c: alpha / c <= 1, written c = alpha + d with d >= 0.
    const alpha = sym('alpha');
    const d = sym('d');
    expectVerdict(
      { kind: 'inequality', lhs: div(alpha, sym('c')), relation: '<=', rhs: num(1), domains: { alpha: 'positive', d: 'nonnegative' }, substitutions: { c: add(alpha, d) } },
      'holds',
    );
  });

  it('prove an inequality whose sign needs a (verified) factorization', () => {
    // a^2 b - b^3 = b (a - b)(a + b) >= 0 for a = b + d, d >= 0, b > 0.
    const d = sym('d');
    expectVerdict(
      { kind: 'inequality', lhs: sub(mul(pow(a, 2), b), pow(b, 3)), relation: '>=', rhs: num(0), domains: { b: 'positive', d: 'nonnegative' }, substitutions: { a: add(b, d) } },
      'holds',
    );
  });

  it('catch an inequality that is false under the hypotheses, with an exact counterexample', () => {
    for (const seed of SEEDS) {
      // a + b >= 2 is false for small positive a, b.
      const result = runCheck({ kind: 'inequality', lhs: add(a, b), relation: '>=', rhs: num(2), domains: { a: 'positive', b: 'positive' } }, seed);
      expect(result.verdict, `seed ${seed}`).toBe('fails');
      const point = result.counterexample!;
      const value = parse(point.a).add(parse(point.b));
      expect(value.compare(Rational.of(2)), `seed ${seed}`).toBe(-1);
    }
  });

  it('catch a strict inequality that fails only on the boundary', () => {
    // alpha < c under alpha <= c: fails at alpha = c (d = 0, sampled on purpose).
    const alpha = sym('alpha');
    const d = sym('d');
    const result = runCheck(
      { kind: 'inequality', lhs: alpha, relation: '<', rhs: sym('c'), domains: { alpha: 'positive', d: 'nonnegative' }, substitutions: { c: add(alpha, d) } },
      5,
    );
    expect(result.verdict).toBe('fails');
    expect(result.counterexample?.d).toBe('0');
  });

  it('leave a true but undecidable inequality unproved, never holds', () => {
    // a^3 + b^3 - a^2 b - a b^2 = (a + b)(a - b)^2 >= 0 is true, but the factor (a - b)^2 has
    // mixed-sign monomials, which the sign analysis does not decide.
    const result = runCheck(
      { kind: 'inequality', lhs: add(pow(a, 3), pow(b, 3)), relation: '>=', rhs: add(mul(pow(a, 2), b), mul(a, pow(b, 2))), domains: { a: 'positive', b: 'positive' } },
      6,
    );
    expect(result.verdict).toBe('unproved');
    expect(result.routes.exact).toMatch(/no counterexample/);
    expect(result.checkerBug).toBeUndefined();
  });
});

describe('numeric checks', () => {
  it('are never more than unproved', () => {
    const result = runCheck({ kind: 'numeric', trials: 50, trial: () => undefined }, 1);
    expect(result.verdict).toBe('unproved');
    expect(result.routes.numeric).toMatch(/evidence, not proof/);
    const failing = runCheck({ kind: 'numeric', trials: 50, trial: (uniform) => (uniform() < 0.5 ? 'x' : undefined) }, 1);
    expect(failing.verdict).toBe('fails');
  });
});
