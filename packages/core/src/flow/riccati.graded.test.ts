/**
 * Graded initial conditions (issue 16): components of W0 far below ||W0|| are modes that will be
 * learned, and the closed form keeps them whenever the change of basis is exact; where it is not,
 * the result says from when W(t) depends on what rounding hid.
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import { gradientDescent } from './gradientDescent.js';
import { integrateGradientFlow } from './gradientFlow.js';
import { closedFormTrajectory, riccatiClosedForm } from './riccati.js';
import { riccatiModel } from './riccatiModel.js';
import { measuredWindows } from './windows.js';
import { randomOrthogonal, symmetricWithSpectrum } from '../linalg/orthogonal.js';
import { PROPERTY_SEED, maxAbsDifference } from '../testing/arbitraries.js';
import { thrown } from '../testing/errors.js';

/**
 * The logistic solution of one diagonal mode, w' = 2 s w - 2 w^2 (the diagonal of eq. (11)),
 * derived by hand: w(t) = s w0 e^{2st} / (s + w0 (e^{2st} - 1)), in the overflow-free form
 * 1 / (e^{-2st - ln w0} + (1 - e^{-2st}) / s) for s > 0 (the exponent is formed in logarithms so
 * that w0 = 1e-300 or below still works).
 */
function logistic(s: number, logW0: number, t: number): number {
  return 1 / (Math.exp(-2 * s * t - logW0) - Math.expm1(-2 * s * t) / s);
}

const Y = [
  [1, 0],
  [0, 2],
];

describe('graded initial conditions under a diagonal Y (exact change of basis)', () => {
  it('pins the examples of issue 16: nothing below 16 n eps is dropped any more', () => {
    // Mode 2 (lambda = 2) starts at w0 = 1e-15 and has saturated by t = 20: exact value 2 (1 - 4e-20).
    const fromW0 = riccatiClosedForm(Y, { W0: [[1, 0], [0, 1e-15]] }, 20);
    const fromU0 = riccatiClosedForm(Y, { U0: [[1, 0], [0, Math.sqrt(1e-15)]] }, 20);
    for (const W of [fromW0, fromU0]) {
      expect(W.get(1, 1)).toBeCloseTo(logistic(2, Math.log(1e-15), 20), 14);
      expect(W.get(0, 0)).toBeCloseTo(1, 14);
      expect(W.get(0, 1)).toBe(0);
    }
    // w0 = 1e-32 along lambda = 2: at t = 40 it is 2 up to 1e-37 (the ODE and GD below agree).
    expect(riccatiClosedForm(Y, { U0: [[1, 0], [0, 1e-16]] }, 40).get(1, 1)).toBeCloseTo(2, 14);
  });

  it('follows every mode exactly down to 1e-300 relative, mid-transition included', () => {
    // Y unsorted (Phi a permutation), U0 graded over 300 decades; each mode is logistic in w0 = u0^2.
    const lambda = [3, 1, 2];
    const u0 = [1e-150, 1, 1e-40];
    const logW0 = u0.map((u) => 2 * Math.log(u));
    const Yg = Matrix.diag(lambda).to2DArray();
    // t = 115.3 is the middle of the 1e-300 mode's transition (w = lambda / 2 at ln(lambda / w0) / (2 lambda)).
    const times = [0, 10, 50, 115.3, 400];
    const { W, rank, conditioning } = closedFormTrajectory(Yg, { U0: Matrix.diag(u0).to2DArray() }, times);
    expect(rank).toBe(3);
    expect(conditioning.exactBasis).toBe(true);
    expect(conditioning.warning).toBeNull();
    times.forEach((t, index) => {
      lambda.forEach((s, i) => {
        const expected = logistic(s, logW0[i], t);
        // The value is conditioned by 2 s t in t (d ln w / d ln t), so 1e-13 relative at 2 s t ~ 700.
        expect(Math.abs(W[index].get(i, i) - expected), `mode ${i} at t = ${t}`).toBeLessThanOrEqual(1e-13 * expected + 1e-300);
      });
    });
    expect(W[3].get(0, 0)).toBeGreaterThan(1);
    expect(W[3].get(0, 0)).toBeLessThan(2);
  });

  it('agrees across { U0 }, { W0 } and the ODE and GD routes', () => {
    const U0 = [
      [1, 0],
      [0, 1e-16],
    ];
    const closed = riccatiClosedForm(Y, { U0 }, 40);
    const fromW0 = riccatiClosedForm(Y, { W0: [[1, 0], [0, 1e-32]] }, 40);
    expect(maxAbsDifference(closed, fromW0)).toBeLessThanOrEqual(4 * Number.EPSILON);
    // The integrator needs an absolute tolerance at the scale of the tiny entry to follow it.
    const ode = integrateGradientFlow(Y, U0, { times: [20, 40], rtol: 1e-10, atol: 1e-30 });
    expect(Math.abs(ode.W[1].get(1, 1) - 2)).toBeLessThan(1e-8);
    expect(Math.abs(ode.W[0].get(1, 1) - riccatiClosedForm(Y, { U0 }, 20).get(1, 1))).toBeLessThan(1e-6);
    // Gradient descent from the same U0 is O(eta) from the flow: by t = 40 it has learned mode 2 too.
    const descent = gradientDescent(Y, U0, { eta: 1e-3, steps: 40_000 });
    expect(Math.abs(descent.W.get(1, 1) - closed.get(1, 1))).toBeLessThan(1e-4);
  });

  it('keeps a graded W0 that is not diagonal: Cholesky with pivoting on W0 itself (mpmath reference)', () => {
    // W0 = [[1, 1e-10], [1e-10, 1e-15]] is PD (det = 1e-15 - 1e-20), its small eigenvalue
    // 9.99990e-16 is below the former 16 n eps ||W0|| cut. Reference: W = E W0 (I + G W0)^{-1} E at
    // 400 digits, mpmath, on the exact doubles (scripts/graded_reference.py).
    const W0 = [
      [1, 1e-10],
      [1e-10, 1e-15],
    ];
    const reference: [number, number, number, number][] = [
      [5, 0.9999999999999999, 1.4841312310049575e-8, 4.8516022628785e-7],
      [8.8, 0.9999999999998882, 3.3700812857642155e-7, 0.9840345689500857],
      [12, 0.9999999999999997, 4.6390788283783745e-11, 1.999994299302911],
      [40, 1, 1.5335449501939017e-47, 2],
    ];
    const { W } = closedFormTrajectory(Y, { W0 }, reference.map(([t]) => t));
    reference.forEach(([t, w00, w01, w11], index) => {
      // Each entry to 1e-13 of its own scale sqrt(w_ii w_jj), however graded: the value is
      // conditioned by 2 lambda t ~ 35 in t at t = 8.8.
      expect(Math.abs(W[index].get(0, 0) - w00), `t = ${t}`).toBeLessThanOrEqual(1e-13 * w00);
      expect(Math.abs(W[index].get(0, 1) - w01), `t = ${t}`).toBeLessThanOrEqual(1e-13 * Math.sqrt(w00 * w11));
      expect(Math.abs(W[index].get(1, 1) - w11), `t = ${t}`).toBeLessThanOrEqual(1e-13 * w11);
    });
    const fromU0 = closedFormTrajectory(Y, { U0: [[1, 0], [1e-10, Math.sqrt(1e-15 - 1e-20)]] }, reference.map(([t]) => t)).W;
    fromU0.forEach((matrix, index) => expect(maxAbsDifference(matrix, W[index])).toBeLessThanOrEqual(1e-13 * 2));
  });

  it('drops a component only when it was computed inexactly: exact zeros, rank-deficient factors', () => {
    // Rows (1, 3) and (1/3, 1) are dependent only up to the rounding of 1/3, below the error bound of
    // the LQ's reflection: whether W0 has rank 1 or 2 is decided by the last bit. Row 1 is dropped
    // (rank 1) and, lambda being 1 > 0, reported.
    const dependent = riccatiModel(Y, { U0: [[1, 3], [1 / 3, 1]] });
    expect(dependent.rank).toBe(1);
    expect(dependent.conditioning.droppedDirections.map((direction) => direction.causes)).toEqual([['factor']]);
    // An exact zero row is not a hidden component: rank 1, nothing to report.
    const exactZero = riccatiModel(Y, { U0: [[1e-300], [0]] });
    expect(exactZero.rank).toBe(1);
    expect(exactZero.conditioning.droppedDirections).toEqual([]);
    // A W0 whose small eigenvalue is negative at rounding level is PSD up to rounding: the direction is dropped.
    const negative = riccatiModel(Y, { W0: [[1, 0], [0, -1e-20]] });
    expect(negative.rank).toBe(1);
    expect(negative.conditioning.warning).toBeNull();
  });
});

describe('the conditioning flag under a non-diagonal Y', () => {
  const Q = randomOrthogonal(2, 3);
  // Y = Q diag(1, 2) Q^T: lambda = 2 is column 1 of Q.
  const Yr = symmetricWithSpectrum(Q, [1, 2]).to2DArray();
  const U0 = Q.mmul(Matrix.diag([1, 1e-20])).to2DArray();
  /** The exact flow from this U0 in Q's basis, as if the 1e-20 component were resolved. */
  const exact = (t: number): Matrix => Q.mmul(Matrix.diag([logistic(1, 0, t), logistic(2, Math.log(1e-40), t)])).mmul(Q.transpose());

  it('reports the component along lambda = 2 that the change of basis cannot resolve, with the times it matters', () => {
    const model = riccatiModel(Yr, { U0 });
    expect(model.conditioning.exactBasis).toBe(false);
    const [direction] = model.conditioning.droppedDirections;
    expect(direction.index).toBe(0);
    expect(direction.lambda).toBeCloseTo(2, 14);
    expect(direction.causes).toContain('basis');
    // The bound covers the component that is really there.
    expect(direction.bound).toBeGreaterThanOrEqual(1e-20);
    expect(model.conditioning.reliableUntil).toBe(direction.from);
    expect(model.conditioning.warning).toMatch(/lambda = 2\.000/);
    // Before `from` the computed W(t) is the exact flow to rounding; by `saturatesBy` (the earliest
    // possible saturation) the exact flow has not yet saturated, and later it differs by O(lambda).
    const [before, late] = closedFormTrajectory(Yr, { U0 }, [direction.from, 40]).W;
    expect(maxAbsDifference(before, exact(direction.from))).toBeLessThan(1e-13 * 2);
    expect(direction.saturatesBy).toBeLessThanOrEqual(Math.log(2 / 1e-40) / 4);
    expect(maxAbsDifference(late, exact(40))).toBeGreaterThan(0.5);
  });

  it('carries the flag on the trajectory, and a diagonal Y never raises it (seeded)', () => {
    expect(closedFormTrajectory(Yr, { U0 }, [1]).conditioning.warning).not.toBeNull();
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: -300, max: 0 }), { minLength: 3, maxLength: 3 }),
        (lambda, exponents) => {
          const U0graded = Matrix.diag(exponents.map((e) => 10 ** (e / 2))).to2DArray();
          const { conditioning, rank } = closedFormTrajectory(Matrix.diag(lambda).to2DArray(), { U0: U0graded }, [1]);
          expect(conditioning.warning).toBeNull();
          expect(rank).toBe(3);
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 100 },
    );
  });
});

describe('kept components known only coarsely under a non-diagonal Y (issue 16 re-audit)', () => {
  // Y = Q diag(1, 2) Q^T and U0 = Q diag(1, g): the component g along lambda = 2 is learned near
  // t = (ln 2 - 2 ln g) / 4. Given as W0 = fl(U0 U0^T), it is an eigenvalue g^2 of W0 determined only
  // to about eps ||W0||: for g = 1e-8 the audit found W(t) off by 7e-4 there, with no warning.
  const Q = randomOrthogonal(2, 3);
  const Yr = symmetricWithSpectrum(Q, [1, 2]).to2DArray();
  const cases = [1e-4, 1e-8].map((g) => {
    const U0 = Q.mmul(Matrix.diag([1, g]));
    const exact = (t: number): Matrix => Q.mmul(Matrix.diag([logistic(1, 0, t), logistic(2, 2 * Math.log(g), t)])).mmul(Q.transpose());
    return { g, U0: U0.to2DArray(), W0: U0.mmul(U0.transpose()).to2DArray(), exact, transition: (Math.log(2) - 2 * Math.log(g)) / 4 };
  });

  it('says so whenever W(t) at a transition is off by more than the tolerance, and when it starts to matter', () => {
    for (const { g, U0, W0, exact, transition } of cases) {
      for (const [route, init] of [['U0', { U0 }], ['W0', { W0 }]] as const) {
        const { W, conditioning } = closedFormTrajectory(Yr, init, [transition]);
        const error = maxAbsDifference(W[0], exact(transition));
        if (error > 1e-12 * 2) {
          expect(conditioning.warning, `g = ${g}, ${route}`).toMatch(/known only to a relative/);
          expect(conditioning.reliableUntil, `g = ${g}, ${route}`).toBeLessThanOrEqual(transition);
          // The reported relative uncertainty times lambda bounds what was found.
          const [direction] = conditioning.uncertainDirections;
          expect(error).toBeLessThanOrEqual((direction.bound / direction.component) * direction.lambda);
        }
      }
    }
    // The cases above do reach beyond rounding: the W0 route at g = 1e-8 is off by more than 1e-4.
    const coarse = cases[1];
    expect(maxAbsDifference(closedFormTrajectory(Yr, { W0: coarse.W0 }, [coarse.transition]).W[0], coarse.exact(coarse.transition))).toBeGreaterThan(1e-4);
  });

  it('stays silent where the components are resolved: U0 at g = 1e-4, and a generic rotated start', () => {
    const { U0, exact, transition } = cases[0];
    const { W, conditioning } = closedFormTrajectory(Yr, { U0 }, [transition]);
    expect(conditioning.warning).toBeNull();
    expect(maxAbsDifference(W[0], exact(transition))).toBeLessThan(1e-13 * 2);
    const Q5 = randomOrthogonal(5, 4);
    const generic = riccatiModel(symmetricWithSpectrum(Q5, [5, 4, 3, 2, 1]), { U0: Q5.mmul(Matrix.diag([1, 0.7, 0.5, 0.3, 0.2]).mul(1e-6)).to2DArray() });
    expect(generic.conditioning.uncertainDirections).toEqual([]);
  });
});

describe('time limit relative to the time scale 1/||Y||_2', () => {
  it('scales times exactly: Y by 2^-1000 and 2^1000', () => {
    const shape = [
      [1, 0.5],
      [0.5, 3],
    ];
    const U0 = [
      [1e-3, 2e-4],
      [-3e-4, 1e-3],
    ];
    const times = [0, 0.5, 2, 8, 40];
    const base = closedFormTrajectory(shape, { U0 }, times).W;
    for (const power of [-1000, 1000]) {
      const c = 2 ** power;
      const scaled = closedFormTrajectory(
        shape.map((row) => row.map((x) => x * c)),
        { U0: U0.map((row) => row.map((x) => x * 2 ** (power / 2))) },
        times.map((t) => t / c),
      ).W;
      scaled.forEach((matrix, index) => expect(matrix.to2DArray()).toEqual(base[index].clone().mul(c).to2DArray()));
    }
  });

  it('measures the windows of a problem scaled by 2^-1000 (transitions near 1e302) and 2^1000 at its own times', () => {
    const Yd = [
      [4, 0],
      [0, 1],
    ];
    const U0 = [
      [1e-6, 0],
      [0, 1e-6],
    ];
    const base = measuredWindows(Yd, { U0 }, 0.25);
    for (const power of [-1000, 1000]) {
      const c = 2 ** power;
      const scaled = measuredWindows(Yd.map((row) => row.map((x) => x * c)), { U0: U0.map((row) => row.map((x) => x * 2 ** (power / 2))) }, 0.25 * c);
      expect(scaled.horizon * c).toBeCloseTo(base.horizon, 10);
      expect(scaled.perRank.map(({ windows }) => windows.length)).toEqual(base.perRank.map(({ windows }) => windows.length));
      base.perRank.forEach(({ windows }, k) => {
        windows.forEach(({ start, end }, w) => {
          const other = scaled.perRank[k].windows[w];
          // Window ends are bisected to 1e-9 relative.
          expect(Math.abs(other.start * c - start)).toBeLessThanOrEqual(2e-9 * start);
          expect(Number.isFinite(end) ? Math.abs(other.end * c - end) <= 2e-9 * end : other.end === end).toBe(true);
        });
      });
    }
  });

  it('refuses times beyond 1e300 time scales, naming the limit', () => {
    const error = thrown(() => riccatiClosedForm([[1e10]], { U0: [[1]] }, 1e291));
    expect(error).toMatchObject({ code: 'out-of-range', argument: 't' });
    expect(error.message).toMatch(/1e300 \/ \|\|Y\|\|_2/);
    expect(riccatiClosedForm([[1e10]], { U0: [[1]] }, 1e290).get(0, 0)).toBeCloseTo(1e10, 4);
  });
});

describe('a component below the normal doubles', () => {
  // For Y = diag(1, 2) and U0 = diag(1, u) the second mode is the logistic of Corollary 2:
  // w(t) = 2 u^2 e^{4t} / (2 + u^2 (e^{4t} - 1)), written with logarithms because u^2 underflows.
  const exact = (u: number, t: number): number => 2 / (1 + Math.exp(Math.log(2) - 2 * Math.log(u) - 4 * t - Math.log1p(-(u * u) / 2)));

  it('is reported as uncertain from a time before the closed form leaves the exact flow', () => {
    const u = 2 ** -1074;
    const model = riccatiModel([[1, 0], [0, 2]], { U0: [[1, 0], [0, u]] });
    const { reliableUntil, warning, uncertainDirections } = model.conditioning;
    expect(uncertainDirections.map((direction) => direction.causes)).toEqual([['subnormal']]);
    expect(warning).toMatch(/subnormal arithmetic/);
    expect(reliableUntil).not.toBeNull();
    const until = reliableUntil as number;
    // Up to that time the answer is the exact one; at the transition (w = 1 near t = ln(2/u^2)/4) it may not be.
    for (const t of [0, until / 2, until]) expect(Math.abs(riccatiClosedForm([[1, 0], [0, 2]], { U0: [[1, 0], [0, u]] }, t).get(1, 1) - exact(u, t))).toBeLessThan(1e-12);
    expect(until).toBeLessThan((Math.log(2) - 2 * Math.log(u)) / 4);
  });

  it('is not reported for the smallest normal components, which the closed form keeps exactly', () => {
    const u = 1e-300;
    const model = riccatiModel([[1, 0], [0, 2]], { U0: [[1, 0], [0, u]] });
    expect(model.conditioning.warning).toBeNull();
    const transition = (Math.log(2) - 2 * Math.log(u)) / 4;
    expect(Math.abs(riccatiClosedForm([[1, 0], [0, 2]], { U0: [[1, 0], [0, u]] }, transition).get(1, 1) - exact(u, transition))).toBeLessThan(1e-12);
  });
});
