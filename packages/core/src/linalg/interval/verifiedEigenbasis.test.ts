/**
 * The verified eigenbasis against an independent high-precision reference
 * (scripts/eigenbasis_reference.py: mpmath eigsy at 60 digits of the stored doubles of rotated
 * Y = Q diag(s) Q^T, every reference number given as [down, up] doubles around the exact value), the
 * exact route for diagonal Y against the structural decomposition of linalg/spectral.ts, and the
 * refusal of clusters.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { prepareTarget } from '../spectral.js';
import { projectOnto, projectSymmetric, verifiedEigenbasis } from './verifiedEigenbasis.js';

interface ReferenceCase {
  readonly name: string;
  readonly resolvable: boolean;
  readonly Y: number[][];
  readonly U: number[][];
  /** [down, up] around each exact eigenvalue, decreasing. */
  readonly eigenvalues: [number, number][];
  /** Smallest distance between consecutive exact eigenvalues. */
  readonly gap: number;
  /** Exact unit eigenvectors (columns), rounded; only their signs against Q are used. */
  readonly V: number[][];
  /** [down, up] around each entry of the exact V^T U, V signed as V. */
  readonly VTU: [number, number][][];
}

const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/eigenbasis-reference.json', import.meta.url), 'utf8')) as { cases: ReferenceCase[] };
const EPS = 2 ** -52;
const flat = (rows: number[][]) => Float64Array.from(rows.flat());

describe('verifiedEigenbasis vs the 60-digit reference (rotated Y)', () => {
  it('holds the regimes the brief asks for', () => {
    const names = fixture.cases.map((c) => c.name);
    for (const n of [2, 3, 4, 5, 6, 7, 8, 10, 12]) expect(names).toContain(`spread-n${n}`);
    expect(names).toEqual(expect.arrayContaining(['graded', 'near-cluster-1e-10', 'repeated', 'cluster-1e-15']));
  });

  const worst = { eigenvalue: 0, projection: 0 };
  for (const reference of fixture.cases.filter((c) => c.resolvable)) {
    it(`${reference.name}: the exact eigenvalues and V^T U lie in the enclosures, which are narrow`, () => {
      const n = reference.Y.length;
      const r = reference.U[0].length;
      const basis = verifiedEigenbasis(flat(reference.Y), n);
      if (typeof basis === 'string') throw new Error(`${reference.name}: ${basis}`);
      expect(basis.exact).toBe(false);
      const normY = Math.max(...reference.eigenvalues.map(([lo, hi]) => Math.max(-lo, hi)));
      reference.eigenvalues.forEach(([down, up], i) => {
        expect(basis.lo[i], `lambda_${i}`).toBeLessThanOrEqual(down);
        expect(basis.hi[i], `lambda_${i}`).toBeGreaterThanOrEqual(up);
        // Weyl / Kato-Temple widths are ||A - D||_2 + ||A|| (2h + h^2) plus product radii: a few
        // n eps ||Y|| (backward-stable eigenvectors, Golub & Van Loan 8.3; h ~ ||Q^T Q - I||).
        const relative = (basis.hi[i] - basis.lo[i]) / (n * EPS * normY);
        worst.eigenvalue = Math.max(worst.eigenvalue, relative);
        expect(relative, `lambda_${i} width in n eps ||Y||`).toBeLessThan(100);
      });
      // V (the basis's) has column i signed so that v_i . q_i > 0: flip the reference where it disagrees.
      const signs = Array.from({ length: n }, (_, i) => {
        const agreement = reference.V.reduce((sum, row, k) => sum + row[i] * basis.vectors[k * n + i], 0);
        expect(Math.abs(agreement)).toBeGreaterThan(0.5);
        return agreement > 0 ? 1 : -1;
      });
      const enclosure = projectOnto(basis, flat(reference.U), r);
      const lambda = reference.eigenvalues.map(([down, up]) => 0.5 * down + 0.5 * up);
      for (let i = 0; i < n; i++) {
        const gap = Math.min(i > 0 ? lambda[i - 1] - lambda[i] : Infinity, i + 1 < n ? lambda[i] - lambda[i + 1] : Infinity);
        for (let c = 0; c < r; c++) {
          const [down, up] = reference.VTU[i][c];
          const [lo, hi] = signs[i] > 0 ? [down, up] : [-up, -down];
          expect(enclosure.lo[i * r + c], `(V^T U)_${i}${c}`).toBeLessThanOrEqual(lo);
          expect(enclosure.hi[i * r + c], `(V^T U)_${i}${c}`).toBeGreaterThanOrEqual(hi);
          // Radius (h + t_i (1 + h)) ||u_c||, t_i ~ sqrt 2 ||r_i|| / gap_i with ||r_i|| a few n eps ||Y||
          // (Davis-Kahan), h ~ n eps: so width / ||u_c|| is a few n eps ||Y|| / gap_i.
          const columnNorm = Math.hypot(...reference.U.map((row) => row[c]));
          const relative = (enclosure.hi[i * r + c] - enclosure.lo[i * r + c]) / columnNorm / ((n * EPS * normY) / gap);
          worst.projection = Math.max(worst.projection, relative);
          expect(relative, `(V^T U)_${i}${c} width in n eps ||Y|| / gap_i`).toBeLessThan(100);
        }
      }
    });
  }
  it('reports the worst widths', () => {
    console.log(`worst eigenvalue width ${worst.eigenvalue.toFixed(1)} n eps ||Y||; worst V^T U width ${worst.projection.toFixed(1)} n eps ||Y|| ||u_c|| / gap_i`);
    expect(worst.eigenvalue).toBeGreaterThan(0);
  });

  for (const reference of fixture.cases.filter((c) => !c.resolvable)) {
    it(`${reference.name}: eigenvalues closer than the resolution (gap ${reference.gap.toExponential(1)}) get a reason, not an enclosure`, () => {
      const basis = verifiedEigenbasis(flat(reference.Y), reference.Y.length);
      expect(basis).toMatch(/eigenvalues 2 and 3 of Y .* are not proved distinct/);
    });
  }
});

describe('verifiedEigenbasis at the ends of the double range', () => {
  // Y 2^k has eigenvalues lambda 2^k and the same eigenvectors, exactly: the reference still holds.
  const reference = fixture.cases.find((c) => c.name === 'spread-n6')!;
  const n = reference.Y.length;
  for (const power of [-1060, -1000, -900, 900, 1000]) {
    it(`Y 2^${power}: ${Math.abs(power) <= 1000 ? 'encloses' : 'encloses or refuses'} the exact eigenvalues and V^T U`, () => {
      const Y = Float64Array.from(reference.Y.flat(), (value) => value * 2 ** power);
      const basis = verifiedEigenbasis(Y, n);
      // Below 2^-1022 the entries of Y lose bits to the subnormals: a reason is an honest answer there.
      if (typeof basis === 'string') {
        expect(power).toBeLessThan(-1022);
        return;
      }
      const scale = 2 ** power;
      reference.eigenvalues.forEach(([down, up], i) => {
        // Only where down * 2^k is exact (a normal double) is it still a bound of lambda 2^k.
        if (Math.abs(down * scale) >= 2 ** -1022) expect(basis.lo[i]).toBeLessThanOrEqual(down * scale);
        if (Math.abs(up * scale) >= 2 ** -1022) expect(basis.hi[i]).toBeGreaterThanOrEqual(up * scale);
      });
      const r = reference.U[0].length;
      const enclosure = projectOnto(basis, flat(reference.U), r);
      for (let i = 0; i < n; i++) {
        const agreement = reference.V.reduce((sum, row, k) => sum + row[i] * basis.vectors[k * n + i], 0);
        for (let c = 0; c < r; c++) {
          const [down, up] = reference.VTU[i][c];
          expect(enclosure.lo[i * r + c]).toBeLessThanOrEqual(agreement > 0 ? down : -up);
          expect(enclosure.hi[i * r + c]).toBeGreaterThanOrEqual(agreement > 0 ? up : -down);
        }
      }
      if (Math.abs(power) <= 1000) expect(Math.max(...basis.vectorError)).toBeLessThan(1e-10);
    });
  }
});

describe('verifiedEigenbasis: the exact route for diagonal Y', () => {
  it('gives the eigenvalues and permutation of the structural decomposition, bit for bit, ties included', () => {
    const diagonal = [0.5, 3, -1, 3, 0, 1e-300];
    const n = diagonal.length;
    const Y = new Float64Array(n * n);
    diagonal.forEach((value, i) => (Y[i * n + i] = value));
    Y[1] = -0; // a signed zero off the diagonal is still zero
    Y[n] = -0;
    const basis = verifiedEigenbasis(Y, n);
    if (typeof basis === 'string') throw new Error(basis);
    const target = prepareTarget(Array.from({ length: n }, (_, i) => Array.from(Y.subarray(i * n, (i + 1) * n))));
    expect(basis.exact).toBe(true);
    expect(Array.from(basis.lo)).toEqual(Array.from(target.values));
    expect(Array.from(basis.hi)).toEqual(Array.from(target.values));
    expect(Array.from(basis.vectors)).toEqual(Array.from(target.phi));
    expect(basis.polarError).toBe(0);

    const U = Float64Array.from({ length: n * 2 }, (_, k) => (k % 3 === 0 ? -0 : Math.sin(k) * 10 ** (k - 6)));
    const projected = projectOnto(basis, U, 2);
    for (let j = 0; j < n; j++) {
      const row = Array.from({ length: n }, (_, i) => i).find((i) => target.phi[i * n + j] === 1)!;
      for (let c = 0; c < 2; c++) {
        expect(Object.is(projected.lo[j * 2 + c], U[row * 2 + c])).toBe(true);
        expect(Object.is(projected.hi[j * 2 + c], U[row * 2 + c])).toBe(true);
      }
    }
    const M = Float64Array.from({ length: n * n }, (_, k) => Math.min(k % n, Math.floor(k / n)) + 10 * Math.max(k % n, Math.floor(k / n)));
    const congruence = projectSymmetric(basis, M);
    for (let i = 0; i < n * n; i++) expect(congruence.lo[i]).toBe(congruence.hi[i]);
    expect(congruence.lo[0]).toBe(M[1 * n + 1]); // eigenvalue 1 is Y_11 = 3 (the first of the tie)
    expect(congruence.lo[1]).toBe(M[1 * n + 3]);
  });

  it('treats a 1 x 1 Y and Y = 0 as diagonal', () => {
    expect(verifiedEigenbasis(Float64Array.of(-2), 1)).toMatchObject({ exact: true, lo: Float64Array.of(-2) });
    const zero = verifiedEigenbasis(new Float64Array(9), 3);
    expect(zero).toMatchObject({ exact: true, lo: new Float64Array(3) });
  });
});

describe('verifiedEigenbasis: inputs', () => {
  it('refuses a matrix that is not exactly symmetric, not finite or of the wrong size (internal errors)', () => {
    expect(() => verifiedEigenbasis(Float64Array.of(1, 2, 2.0000000000000004, 1), 2)).toThrow(/not exactly symmetric/);
    expect(() => verifiedEigenbasis(Float64Array.of(1, NaN, NaN, 1), 2)).toThrow(/non-finite/);
    expect(() => verifiedEigenbasis(Float64Array.of(1, 0, 0), 2)).toThrow(/2 x 2/);
    const basis = verifiedEigenbasis(Float64Array.of(2, 1, 1, 0), 2);
    if (typeof basis === 'string') throw new Error(basis);
    expect(() => projectOnto(basis, Float64Array.of(1, 2, 3), 2)).toThrow(/2 x 2/);
    expect(() => projectOnto(basis, Float64Array.of(1, Infinity), 1)).toThrow(/non-finite/);
  });

  it('answers a reason, not an enclosure, when an eigenvalue overflows', () => {
    const big = Number.MAX_VALUE / 2;
    expect(verifiedEigenbasis(Float64Array.of(big, big, big, big), 2)).toMatch(/beyond the largest double|overflow/);
  });
});
