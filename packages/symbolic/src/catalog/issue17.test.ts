/**
 * The entries of items 1-3 of issue 17 (justification, reading, text): verdicts asserted from
 * computations made here, and every counterexample checked against its hypotheses in this file's
 * own BigInt fractions, sharing nothing with the catalog's expressions or rationals.
 */
import { describe, expect, it } from 'vitest';

import { runEntry } from '../runner.js';
import { catalog } from './index.js';

/** A fraction p/q over BigInt, q > 0, for checking witnesses independently of src/rational.ts. */
class Q {
  constructor(
    readonly p: bigint,
    readonly q: bigint = 1n,
  ) {
    if (q <= 0n) throw new Error('denominator must be positive');
  }
  static of(text: string): Q {
    const [p, q = '1'] = text.split('/');
    return new Q(BigInt(p), BigInt(q));
  }
  add(o: Q): Q {
    return new Q(this.p * o.q + o.p * this.q, this.q * o.q);
  }
  sub(o: Q): Q {
    return new Q(this.p * o.q - o.p * this.q, this.q * o.q);
  }
  mul(o: Q): Q {
    return new Q(this.p * o.p, this.q * o.q);
  }
  div(o: Q): Q {
    if (o.p === 0n) throw new Error('division by zero');
    return o.p > 0n ? new Q(this.p * o.q, this.q * o.p) : new Q(-this.p * o.q, this.q * -o.p);
  }
  cmp(o: Q): number {
    const d = this.p * o.q - o.p * this.q;
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  }
}
const n = (value: number) => new Q(BigInt(value));

function point(id: string): Record<string, Q> {
  const result = runEntry(id, 20251124);
  expect(result.counterexample, id).toBeDefined();
  return Object.fromEntries(Object.entries(result.counterexample ?? {}).map(([name, text]) => [name, Q.of(text)]));
}

function verdict(id: string): string {
  return runEntry(id, 20251124).verdict;
}

describe('the entries of items 1-3', () => {
  const added = catalog.filter((entry) => /^(just|reading|text)\./.test(entry.id));

  it('carry the category of their prefix', () => {
    const expected = { just: 'justification', reading: 'reading', text: 'text' } as const;
    expect(added.length).toBeGreaterThan(40);
    for (const entry of added) expect(entry.category, entry.id).toBe(expected[entry.id.split('.')[0] as keyof typeof expected]);
  });

  it('give every failing statement a correction that holds', () => {
    for (const entry of added) {
      const result = runEntry(entry.id, 20251124);
      expect(result.checkerBug, entry.id).toBeUndefined();
      if (result.verdict === 'fails' && entry.category !== 'reading') expect(result.correction?.verdict, entry.id).toBe('holds');
      if (result.method.startsWith('reading')) expect(['holds', 'fails'], entry.id).toContain(result.verdict);
    }
  }, 120_000);
});

describe('justification: (star) of (20) and the fact it cites', () => {
  it('the witness satisfies the reason and breaks the step, computed here', () => {
    const { sl, alpha, s0, cE } = point('just.thm3.20.star');
    expect(sl.sub(alpha.mul(s0)).cmp(n(0))).toBeGreaterThanOrEqual(0);
    for (const value of [alpha, s0, cE]) expect(value.cmp(n(0))).toBe(1);
    const left = cE.mul(sl).mul(s0).div(sl.sub(alpha.mul(s0)).add(cE.mul(s0)));
    expect(left.cmp(cE.mul(s0))).toBe(1);
    // The correction's hypothesis alpha <= c_eps is what the witness breaks.
    expect(alpha.cmp(cE)).toBe(1);
  });

  it('the strict (*) of (19) fails at a constant trajectory that meets Theorem 3\'s hypotheses', () => {
    const { alpha, s0, m0, eps, sl, u } = point('just.thm3.19.upper');
    expect(alpha.cmp(eps.div(m0))).toBeLessThanOrEqual(0);
    expect(s0.cmp(m0)).toBeLessThanOrEqual(0);
    expect(eps.cmp(sl)).toBeLessThanOrEqual(0);
    expect(u.cmp(n(1))).toBeGreaterThanOrEqual(0);
    const sigmaW = alpha.mul(sl).mul(s0).mul(u).div(sl.add(alpha.mul(s0).mul(u.sub(n(1)))));
    expect(sigmaW.cmp(sl)).toBe(0);
  });
});

describe('reading: Theorem 3 with max_i over i <= K', () => {
  it('the witness meets every hypothesis under that reading and breaks (18), computed here', () => {
    const { s1, eps, a1, a2, alpha, t } = point('reading.thm3.d.K');
    expect(eps.cmp(n(0))).toBe(1);
    expect(eps.cmp(s1)).toBeLessThanOrEqual(0);
    expect(a1.cmp(n(0))).toBe(1);
    // Strictly below c_eps: the logarithmic condition holds whether its empty max (K = 1) is vacuous or 0.
    expect(alpha.cmp(eps.div(a1))).toBe(-1);
    const CEps = s1.mul(s1).div(eps.mul(a1));
    // t in I_1: e^{2 s1 t} >= 1 + 2 s1 t >= C_eps / alpha; and in floating point with margin.
    expect(n(1).add(n(2).mul(s1).mul(t)).cmp(CEps.div(alpha))).toBeGreaterThanOrEqual(0);
    const f = (x: Q) => Number(x.p) / Number(x.q);
    expect(Math.exp(2 * f(s1) * f(t))).toBeGreaterThan(1.2 * (f(CEps) / f(alpha)));
    const sigma2W = alpha.mul(a2).div(n(1).add(n(2).mul(alpha).mul(a2).mul(t)));
    expect(sigma2W.cmp(eps)).toBe(1);
    // Under d = n the same point is outside the hypotheses: alpha > eps / max(a1, a2).
    expect(alpha.cmp(eps.div(a2))).toBe(1);
    expect(verdict('reading.thm3.d.K')).toBe('fails');
  });

  it('the last interval is empty at alpha = c_eps when (1/0) * 0 is read as 0', () => {
    const { s1, eps, a1, alpha } = point('reading.16.IK.zero-times-infinity');
    expect(alpha.cmp(eps.div(a1))).toBe(0);
    expect(eps.cmp(s1)).toBeLessThanOrEqual(0);
    const start = Math.log(Number(s1.mul(s1).div(eps.mul(a1)).div(alpha).p)) / 2;
    expect(start).toBeGreaterThan(0);
  });

  it('the range "for all i" of (14)-(15) fails at a zero eigenvalue for positive c, sigma_0', () => {
    const { c, s0 } = point('reading.14-15.all-i');
    expect(c.cmp(n(0))).toBe(1);
    expect(s0.cmp(n(0))).toBe(1);
    expect(c.mul(s0).cmp(n(0))).toBe(1);
  });
});

describe('text', () => {
  it('"satisfied if r < n": U~ = (1, 2)^T is a rank-one U~ with U~ U~^T singular', () => {
    const { p11, p21 } = point('text.C2.satisfied');
    expect(p11.cmp(n(0))).not.toBe(0);
    expect(p11.mul(p11).mul(p21.mul(p21)).sub(p11.mul(p21).mul(p11.mul(p21))).cmp(n(0))).toBe(0);
  });

  it('"monotonically increasing" fails for a zero mode at the reported point', () => {
    const { alpha, s0, t } = point('text.cor2.monotone-every-i');
    expect(alpha.cmp(n(0))).toBe(1);
    expect(s0.cmp(n(0))).toBe(1);
    expect(t.cmp(n(0))).toBeGreaterThanOrEqual(0);
    const value = alpha.mul(s0).div(n(1).add(n(2).mul(alpha).mul(s0).mul(t)));
    expect(n(-2).mul(value).mul(value).cmp(n(0))).toBe(-1);
  });

  it('Section IV: Z = [A; B] follows (Ybar - Z Z^T / 2) Z exactly when balanced, in floating point here', () => {
    // B = A, so A^T A = B^T B: a balanced pair.
    const A = [
      [0.3, -1.1],
      [0.7, 0.4],
    ];
    const Y = [
      [2, 0.5],
      [-1, 3],
    ];
    const mm = (X: number[][], Z: number[][]) => X.map((row) => Z[0].map((_, j) => row.reduce((s, x, k) => s + x * Z[k][j], 0)));
    const tr = (X: number[][]) => X[0].map((_, j) => X.map((row) => row[j]));
    const R = Y.map((row, i) => row.map((y, j) => y - mm(A, tr(A))[i][j]));
    const dA = mm(R, A);
    const dB = mm(tr(R), A);
    const Z = [...A, ...A];
    const Ybar = [
      [0, 0, ...Y[0]],
      [0, 0, ...Y[1]],
      [...tr(Y)[0], 0, 0],
      [...tr(Y)[1], 0, 0],
    ];
    const ZZt = mm(Z, tr(Z));
    const flow = mm(Ybar.map((row, i) => row.map((y, j) => y - ZZt[i][j] / 2)), Z);
    [...dA, ...dB].forEach((row, i) => row.forEach((value, j) => expect(Math.abs(value - flow[i][j])).toBeLessThan(1e-12)));
    expect(verdict('text.sec4.symmetric-form')).toBe('holds');
  });

  it('the subscript in (28): the block e^{Sigma_k^c t} has K - k rows, not k', () => {
    const [N, K, k] = [8, 3, 1];
    expect(K - k).not.toBe(k);
    expect(N - K).not.toBe(K - k);
    expect(verdict('text.blocks.28.S2')).toBe('fails');
    expect(verdict('text.blocks.28.S2-bound')).toBe('holds');
  });

  it('the closed form is (5) of Proposition 1, not (1), the problem', () => {
    // No entry holds an equation (1): it is the problem, min L(U); the closed form's entry names (5).
    expect(catalog.filter((entry) => !entry.id.startsWith('text.') && /\(1\)/.test(entry.equation))).toEqual([]);
    expect(catalog.find((entry) => entry.id === 'prop1.closed-form.n2')?.equation).toMatch(/\(5\)/);
    expect(verdict('text.ref.thm4.closed-form')).toBe('fails');
    expect(runEntry('text.ref.thm4.closed-form', 1).correction?.verdict).toBe('holds');
  });
});
