import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { gaussianInit, theorem3Plan, theorem4Plan } from '@factorflow/core';
import { PROPERTY_SEED } from '@factorflow/core/testing';
import { randomOrthogonal, symmetricWithSpectrum } from '@factorflow/core';

import { type Case, type HypothesisSearch, type Raw, theorem3Quantities, theorem4M, theorem4Quantities, violatesOnly } from './cases.js';
import { evaluate } from './conclusion.js';
import { NECESSITY_SEARCHES, necessitySuite, runSearch } from './index.js';

function search(id: string): HypothesisSearch {
  const found = NECESSITY_SEARCHES.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no search ${id}`);
  return found;
}

/** A raw parameter set (the fields a search does not read are inert). */
function raw(overrides: Partial<Raw>): Raw {
  return {
    n: 3,
    K: 3,
    scale: 4,
    ratios: [0.5, 0.5],
    special: 1,
    sigma0: [1, 1, 1],
    r: 3,
    basisSeed: 1,
    shapeSeed: 2,
    epsilonPosition: 0.5,
    alphaPosition: 0.5,
    ...overrides,
  };
}

describe("the quantities of a case reduce to core's plans on instances inside the theorems", () => {
  it('Theorem 3: c_eps, C_eps and alpha_max', () => {
    const sigmaY = [4, 2, 1];
    const sigma0 = [1, 0.5, 2];
    const plan = theorem3Plan({ sigmaY, sigma0, epsilon: 0.5 });
    const local = theorem3Quantities(sigmaY, 3, sigma0, 0.5);
    expect(Math.exp(local.logc)).toBeCloseTo(plan.cEpsilon!, 12);
    expect(Math.exp(local.logC) / plan.CEpsilon!).toBeCloseTo(1, 12);
    expect(local.logAlphaMax).toBe(plan.logAlphaMax);
  });

  it('Theorem 4: M, c_eps, C_eps and alpha_max', () => {
    const sigmaY = [5, 2, 0.8, 0];
    const Y = symmetricWithSpectrum(randomOrthogonal(4, 3), sigmaY);
    const U0bar = gaussianInit(4, 5, 1, 9);
    const plan = theorem4Plan({ Y, U0bar, epsilon: 0.3 });
    const M = theorem4M(U0bar);
    expect(M / plan.M!).toBeCloseTo(1, 10);
    const local = theorem4Quantities(sigmaY, 3, M, 0.3);
    expect(Math.exp(local.logc) / plan.cEpsilon!).toBeCloseTo(1, 10);
    expect(local.logAlphaMax).toBeCloseTo(plan.logAlphaMax!, 8);
  });
});

describe('each search violates its hypothesis only', () => {
  for (const current of NECESSITY_SEARCHES) {
    it(current.id, () => {
      const values = fc.sample(current.arbitrary, { seed: PROPERTY_SEED, numRuns: 40 });
      const cases = values.map((value) => current.build(value)).filter((value): value is Case => value !== null);
      const matching = cases.filter((value) => violatesOnly(current, value));
      // Most candidates match; the others (rounding at a range end) are skipped by the search.
      expect(matching.length).toBeGreaterThanOrEqual(0.75 * cases.length);
      expect(cases.length).toBeGreaterThanOrEqual(10);
      for (const value of matching) {
        for (const name of current.violates) if (current.violates.length === 1) expect(value.holds[name]).toBe(false);
      }
    });
  }

  it("agrees with core's planners on which alpha condition fails", () => {
    const alphaSearches = NECESSITY_SEARCHES.filter((candidate) => candidate.violates.some((name) => name.startsWith('alpha')));
    let compared = 0;
    for (const current of alphaSearches) {
      for (const value of fc.sample(current.arbitrary, { seed: PROPERTY_SEED + 1, numRuns: 15 })) {
        const built = current.build(value);
        if (built === null || !violatesOnly(current, built)) continue;
        const alpha = Math.exp(built.logAlpha);
        const plan =
          built.theorem === 3
            ? theorem3Plan({ sigmaY: built.sigmaY, sigma0: value.sigma0, epsilon: built.epsilon, alpha })
            : theorem4Plan({ Y: built.Y, U0bar: built.U0bar, epsilon: built.epsilon, alpha });
        for (const name of ['alpha-small', 'alpha-separation'] as const) {
          expect(plan.hypotheses.find((hypothesis) => hypothesis.name === name)?.holds, `${current.id} ${name}`).toBe(built.holds[name]);
        }
        expect(plan.hypotheses.find((hypothesis) => hypothesis.name === 'distinct-singular-values')?.holds).toBe(true);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });
});

describe('evaluate (the break rule)', () => {
  it('holds on instances satisfying every hypothesis (Theorems 3 and 4)', () => {
    // The tie searches' builders with special = 0 (no repeated value) give instances inside the theorems.
    const inside = search('t3-distinct-singular-values').build(raw({ special: 0 }));
    expect(inside).not.toBeNull();
    expect(Object.values(inside!.holds).every(Boolean)).toBe(true);
    const verdict = evaluate(inside!);
    expect(verdict.breaks).toBe(false);
    expect(verdict.worstRatio).toBeLessThanOrEqual(1 + 1e-9);
    const inside4 = search('t4-distinct-singular-values').build(raw({ special: 0, r: 4 }));
    expect(Object.values(inside4!.holds).every(Boolean)).toBe(true);
    expect(evaluate(inside4!).breaks).toBe(false);
  });

  it('breaks on a repeated singular value with an isotropic start (no window for k = j, best case over the tie)', () => {
    const tied = search('t3-distinct-singular-values').build(raw({ n: 2, K: 2, scale: 1, ratios: [0.2], sigma0: [0.2, 0.2], epsilonPosition: 0, alphaPosition: 0 }));
    expect(tied!.holds['distinct-singular-values']).toBe(false);
    const verdict = evaluate(tied!);
    expect(verdict.breaks).toBe(true);
    expect(verdict.reason).toContain('k=1: I_k is empty and no t >= 0');
  });

  it('breaks when a mode of Y has no initial component (sigma_{1,0} = 0: sigma_1 is never learned)', () => {
    const missing = search('t3-init-positive-on-support').build(raw({ special: 1 }));
    const verdict = evaluate(missing!);
    expect(verdict.breaks).toBe(true);
    expect(verdict.reason).toMatch(/^k=1: \|\|W\(t\) - Y_hat_k\|\| = /);
  });
});

describe('runSearch and the suite', () => {
  it('finds and shrinks a counterexample for repeated singular values, deterministically', () => {
    const first = runSearch(search('t3-distinct-singular-values'), 17, 20);
    expect(first.found).toBe(true);
    expect(first.counterexample!.verdict.breaks).toBe(true);
    const again = runSearch(search('t3-distinct-singular-values'), 17, 20);
    expect(again.counterexample!.raw).toBe(first.counterexample!.raw);
    // Shrinking reaches the smallest dimension.
    expect(JSON.parse(first.counterexample!.raw).n).toBe(2);
  });

  it('reports "no counterexample" honestly when the search finds none (Theorem 4, eps > 1)', () => {
    const result = runSearch(search('t4-epsilon-le-1'), 3, 20);
    expect(result.found).toBe(false);
    expect(result.tries).toBe(20);
    expect(result.worstRatio).toBeLessThan(1);
  });

  it('gives the same outcomes for the same seed and summarizes them', () => {
    const indices = [1, 9];
    const outcomes = indices.map((index) => necessitySuite.runInstance(PROPERTY_SEED, index));
    expect(indices.map((index) => necessitySuite.runInstance(PROPERTY_SEED, index))).toEqual(outcomes);
    expect(outcomes[0].passed).toBe(false);
    expect(outcomes[0].detail).toContain('t3-init-positive-on-support');
    expect(outcomes[1].passed).toBe(true);
    const summary = necessitySuite.summarize(outcomes);
    expect(summary.metric).toBe(1);
    expect(summary.findings[0]).toContain('NEEDED');
    expect(summary.findings[1]).toContain('not needed in our search, no counterexample in');
    expect(necessitySuite.instanceCount(40)).toBe(NECESSITY_SEARCHES.length);
  });
});
