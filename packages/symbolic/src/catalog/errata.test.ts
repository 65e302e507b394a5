/**
 * Every erratum's counterexample lies inside the paper's domain for the claim: each hypothesis is
 * re-checked here in exact arithmetic, from the printed values alone (positive definiteness by
 * leading principal minors, e^{sigma t} against the stated t), not by the code that chose them.
 */
import { describe, expect, it } from 'vitest';

import { Rational } from '../rational.js';
import { DEFAULT_SEED, runEntry } from '../runner.js';

function parse(text: string | undefined): Rational {
  if (text === undefined) throw new Error('missing value');
  const [p, q] = text.split('/');
  return Rational.of(BigInt(p), BigInt(q ?? '1'));
}

const positive = (value: Rational) => value.sign() > 0;
const nonnegative = (value: Rational) => value.sign() >= 0;

/** Determinant by cofactor expansion along the first row (small matrices only). */
function determinant(M: Rational[][]): Rational {
  if (M.length === 1) return M[0][0];
  return M[0].reduce((sum, value, j) => {
    const minor = M.slice(1).map((row) => row.filter((_, column) => column !== j));
    const term = value.mul(determinant(minor));
    return j % 2 === 0 ? sum.add(term) : sum.sub(term);
  }, Rational.zero);
}

/** Positive definite (so PSD) by Sylvester's criterion: every leading principal minor > 0. */
function positiveDefinite(M: Rational[][]): boolean {
  return M.every((_, size) => positive(determinant(M.slice(0, size + 1).map((row) => row.slice(0, size + 1)))));
}

function symmetric(point: Record<string, string>, prefix: string, n: number): Rational[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => parse(point[`${prefix}${Math.min(i, j) + 1}${Math.max(i, j) + 1}`])));
}

/** t = ln(b)/r as printed; checks e^{sigma_i t} = b^{sigma_i / r} with an integer ratio, and b > 1 (t > 0). */
function consistentTime(point: Record<string, string>, pairs: readonly [string, string][]): void {
  const match = /^ln\(([^)]+)\)\/\(([^)]+)\)$/.exec(point.t);
  expect(match, `t = ${point.t}`).not.toBeNull();
  const [base, rate] = [parse(match![1]), parse(match![2])];
  expect(base.compare(Rational.one)).toBe(1);
  for (const [sigma, exponential] of pairs) {
    const ratio = parse(point[sigma]).div(rate);
    expect(ratio.denominator, `${sigma}/rate is an integer`).toBe(1n);
    expect(base.pow(Number(ratio.numerator)).compare(parse(point[exponential])), `${exponential} = e^{${sigma} t}`).toBe(0);
  }
}

function counterexampleOf(id: string): Record<string, string> {
  const result = runEntry(id, DEFAULT_SEED);
  expect(result.verdict === 'fails' || result.verdict === 'holds-as-inequality', `${id}: ${result.verdict}`).toBe(true);
  expect(result.counterexample, id).toBeDefined();
  return result.counterexample!;
}

describe('counterexamples inside the paper domain', () => {
  it('prop1.9.X1: Y >= 0 (sigma1 > sigma2 > 0), W0 positive definite, t = 0 with S = I', () => {
    const point = counterexampleOf('prop1.9.X1');
    const [sigma1, sigma2] = [parse(point.sigma1), parse(point.sigma2)];
    expect(positive(sigma2) && sigma1.compare(sigma2) > 0).toBe(true);
    expect(positiveDefinite(symmetric(point, 'w', 3))).toBe(true);
    expect(parse(point.t).isZero()).toBe(true);
    expect([point.v1, point.v2]).toEqual(['1', '1']);
  });

  it('thm4.Delta: alpha > 0, Sigma_k > 0, S1 = e^{Sigma_k t} at the stated t > 0, V1~ positive definite; the two sides differ there', () => {
    const point = counterexampleOf('thm4.Delta');
    expect(positive(parse(point.alpha))).toBe(true);
    expect(positive(parse(point.sigma1)) && positive(parse(point.sigma2))).toBe(true);
    consistentTime(point, [['sigma1', 'v1'], ['sigma2', 'v2']]);
    expect(positiveDefinite(symmetric(point, 'v', 2))).toBe(true);
    // Diagonal entry 1 of S1^{-1} G1 S1^{-1} = (v^2 - 1)/(sigma v^2) against the paper's 1/(sigma v^2) + 1/sigma.
    const [v, sigma] = [parse(point.v1), parse(point.sigma1)];
    const actual = v.mul(v).sub(Rational.one).div(sigma.mul(v).mul(v));
    const paper = Rational.one.div(sigma.mul(v).mul(v)).add(Rational.one.div(sigma));
    expect(actual.compare(paper)).not.toBe(0);
  });

  it('rem2.woodbury: alpha > 0, S = e^{Sigma t} at the stated t > 0, G = Sigma^{-1}(S^2 - I) >= 0; the two sides differ there', () => {
    const point = counterexampleOf('rem2.woodbury');
    const alpha = parse(point.alpha);
    expect(positive(alpha)).toBe(true);
    consistentTime(point, [['sigma1', 's1'], ['sigma2', 's2']]);
    for (const i of [1, 2]) {
      const [s, sigma, g] = [parse(point[`s${i}`]), parse(point[`sigma${i}`]), parse(point[`g${i}`])];
      expect(g.compare(s.mul(s).sub(Rational.one).div(sigma)), `g${i}`).toBe(0);
      expect(nonnegative(g)).toBe(true);
    }
    // Entry (1,1) for U~ = (p11, p21)^T: lhs alpha s1^2 p11^2/(1 + alpha K), paper alpha s1^2 p11^2 (1 - K/(1 + alpha K)).
    const [p11, p21, s1, g1, g2] = ['p11', 'p21', 's1', 'g1', 'g2'].map((name) => parse(point[name]));
    const K = g1.mul(p11).mul(p11).add(g2.mul(p21).mul(p21));
    const scale = alpha.mul(s1).mul(s1).mul(p11).mul(p11);
    const closedForm = scale.div(Rational.one.add(alpha.mul(K)));
    const paper = scale.mul(Rational.one.sub(K.div(Rational.one.add(alpha.mul(K)))));
    expect(closedForm.compare(paper)).not.toBe(0);
  });

  it('thm3.19.eq2: sigma_{l,Y} >= alpha sigma_{l,0} (the step hypothesis) and C_eps >= alpha', () => {
    const point = counterexampleOf('thm3.19.eq2');
    const [alpha, s0, sl, CE] = ['alpha', 's0', 'sl', 'CE'].map((name) => parse(point[name]));
    expect(positive(alpha) && positive(s0) && positive(sl)).toBe(true);
    expect(sl.compare(alpha.mul(s0))).toBeGreaterThanOrEqual(0);
    expect(CE.compare(alpha)).toBeGreaterThanOrEqual(0);
  });

  it('thm3.19.upper: alpha <= eps / max sigma_0, eps <= sigma_l, t >= 0, and sigma_W(t) >= sigma_l there', () => {
    const point = counterexampleOf('thm3.19.upper');
    const [alpha, s0, dM, eps, sl, u] = ['alpha', 's0', 'dM', 'eps', 'sl', 'u'].map((name) => parse(point[name]));
    expect(positive(alpha) && positive(s0) && nonnegative(dM)).toBe(true);
    expect(alpha.mul(s0.add(dM)).compare(eps)).toBeLessThanOrEqual(0);
    expect(eps.compare(sl)).toBeLessThanOrEqual(0);
    expect(u.compare(Rational.one)).toBeGreaterThanOrEqual(0);
    // (12): sigma_W = alpha sigma_0 sigma u / (sigma + alpha sigma_0 (u - 1)), with u = e^{2 sigma t}.
    const sigmaW = alpha.mul(s0).mul(sl).mul(u).div(sl.add(alpha.mul(s0).mul(u.sub(Rational.one))));
    expect(sigmaW.compare(sl)).toBeGreaterThanOrEqual(0);
  });

  it('thm3.21.positive: alpha > 0, sigma_{l,0} >= 0, t >= 0, and sigma_W(t) = 0 there', () => {
    const point = counterexampleOf('thm3.21.positive');
    const [alpha, s0, t] = ['alpha', 's0', 't'].map((name) => parse(point[name]));
    expect(positive(alpha) && nonnegative(s0) && nonnegative(t)).toBe(true);
    expect(alpha.mul(s0).div(Rational.one.add(Rational.of(2).mul(alpha).mul(s0).mul(t))).isZero()).toBe(true);
  });
});
