import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { type OdeRightHandSide, dormandPrince } from './dormandPrince.js';
import { FactorflowNumericalError } from '../errors.js';
import { thrown } from '../testing/errors.js';

const PROPERTY_SEED = 0x0de5;

/** y' = lambda y: y(t) = y0 e^{lambda t}. */
const exponential =
  (lambda: number): OdeRightHandSide =>
  (_t, y, dydt) => {
    dydt[0] = lambda * y[0];
  };

/** Rotation y' = (-omega y2, omega y1): y(t) = (cos omega t, sin omega t) from (1, 0). */
const rotation =
  (omega: number): OdeRightHandSide =>
  (_t, y, dydt) => {
    dydt[0] = -omega * y[1];
    dydt[1] = omega * y[0];
  };

function grid(end: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (end * i) / (count - 1));
}

/** Largest Euclidean distance between the computed rotation states and the exact circle. */
function rotationError(states: Float64Array[], times: readonly number[], omega: number): number {
  return Math.max(
    ...times.map((t, i) => Math.hypot(states[i][0] - Math.cos(omega * t), states[i][1] - Math.sin(omega * t))),
  );
}

describe('dormandPrince: accuracy against exact solutions', () => {
  // With local extrapolation the global error of DOPRI5 stays within a small multiple of the
  // tolerance (it tracks tol, not steps * tol); 100 rtol leaves room and still catches a method
  // of lower order, whose error at these step counts is orders of magnitude larger.
  for (const dense of [true, false]) {
    it(`y' = lambda y matches y0 e^{lambda t} to ~rtol (dense: ${dense})`, () => {
      fc.assert(
        fc.property(
          fc.double({ min: -3, max: 3, noNaN: true }),
          fc.double({ min: 0.1, max: 10, noNaN: true }),
          fc.double({ min: 0.2, max: 4, noNaN: true }),
          (lambda, y0, end) => {
            const times = grid(end, 9);
            const rtol = 1e-10;
            const { states } = dormandPrince(exponential(lambda), Float64Array.of(y0), times, {
              rtol,
              atol: 1e-14 * y0,
              dense,
            });
            times.forEach((t, i) => {
              const exact = y0 * Math.exp(lambda * t);
              expect(Math.abs(states[i][0] - exact)).toBeLessThanOrEqual(100 * rtol * exact);
            });
          },
        ),
        { seed: PROPERTY_SEED, numRuns: 60 },
      );
    });

    it(`a 2D rotation stays on the exact circle over ~3 periods at rtol 1e-10 (dense: ${dense})`, () => {
      const times = grid(20, 201);
      const { states, steps, rejected } = dormandPrince(rotation(1), Float64Array.of(1, 0), times, {
        rtol: 1e-10,
        atol: 1e-10,
        dense,
      });
      expect(rotationError(states, times, 1)).toBeLessThan(1e-8);
      expect(rejected).toBeLessThanOrEqual(steps / 10);
    });
  }

  it('returns y0 itself (a copy) at t = 0 and leaves y0 untouched', () => {
    const y0 = Float64Array.of(1, 0);
    const { states } = dormandPrince(rotation(2), y0, [0, 0, 1], { rtol: 1e-8, atol: 1e-10 });
    expect(Array.from(states[0])).toEqual([1, 0]);
    expect(Array.from(states[1])).toEqual([1, 0]);
    expect(states[0]).not.toBe(y0);
    expect(Array.from(y0)).toEqual([1, 0]);
    expect(Math.hypot(states[2][0] - Math.cos(2), states[2][1] - Math.sin(2))).toBeLessThan(1e-6);
  });

  it('repeats a state for repeated times, in both output modes', () => {
    for (const dense of [true, false]) {
      const { states } = dormandPrince(exponential(-1), Float64Array.of(1), [0.5, 0.5, 1, 1], {
        rtol: 1e-10,
        atol: 1e-14,
        dense,
      });
      expect(states).toHaveLength(4);
      expect(states[1][0]).toBe(states[0][0]);
      expect(states[3][0]).toBe(states[2][0]);
      expect(Math.abs(states[2][0] - Math.exp(-1))).toBeLessThan(1e-9);
    }
  });
});

describe('dormandPrince: order and step-size control', () => {
  it('is 5th order: on a fixed grid, halving h divides the error by ~2^5 = 32', () => {
    // With a loose tolerance every step is accepted and dense: false lands on each grid time,
    // so the steps are exactly the grid: a clean fixed-step order test.
    const errorFor = (count: number): number => {
      const times = grid(4, count + 1);
      const result = dormandPrince(rotation(1), Float64Array.of(1, 0), times, {
        rtol: 0.5,
        atol: 0.5,
        dense: false,
        initialStep: 4 / count,
      });
      expect(result.steps).toBe(count);
      expect(result.rejected).toBe(0);
      return rotationError(result.states.slice(-1), times.slice(-1), 1);
    };
    const coarse = errorFor(10);
    const fine = errorFor(20);
    const finer = errorFor(40);
    expect(Math.log2(coarse / fine)).toBeGreaterThan(4.6);
    expect(Math.log2(coarse / fine)).toBeLessThan(5.6);
    expect(Math.log2(fine / finer)).toBeGreaterThan(4.6);
    expect(Math.log2(fine / finer)).toBeLessThan(5.6);
  });

  it('adaptive steps scale like tol^{-1/5} and the error like tol', () => {
    // The controller keeps the local error estimate, C h^5 for the embedded 4th-order solution,
    // at tol: h ~ tol^{1/5}, so tightening tol 100x multiplies the steps by 100^{1/5} = 2.51.
    const times = grid(20, 2);
    const runs = [1e-6, 1e-8, 1e-10, 1e-12].map((tol) => {
      const { states, steps } = dormandPrince(rotation(1), Float64Array.of(1, 0), times, { rtol: tol, atol: tol });
      return { tol, steps, error: rotationError(states, times, 1) };
    });
    for (let i = 1; i < runs.length; i++) {
      const stepRatio = runs[i].steps / runs[i - 1].steps;
      expect(stepRatio).toBeGreaterThan(2.1);
      expect(stepRatio).toBeLessThan(3);
      // Error against steps: slope -5 on a log-log plot for a 5th-order method.
      const slope = Math.log(runs[i - 1].error / runs[i].error) / Math.log(runs[i].steps / runs[i - 1].steps);
      expect(slope).toBeGreaterThan(4);
      expect(slope).toBeLessThan(6.5);
    }
  });

  it('dense output is as accurate as landing on every time, with steps independent of the output count', () => {
    const times = grid(20, 401);
    const options = { rtol: 1e-10, atol: 1e-10 };
    const dense = dormandPrince(rotation(1), Float64Array.of(1, 0), times, { ...options, dense: true });
    const stepped = dormandPrince(rotation(1), Float64Array.of(1, 0), times, { ...options, dense: false });
    const denseError = rotationError(dense.states, times, 1);
    const steppedError = rotationError(stepped.states, times, 1);
    expect(denseError).toBeLessThan(1e-8);
    expect(denseError).toBeLessThan(10 * steppedError);
    // Landing on 400 times forces more steps; dense output does not.
    expect(stepped.steps).toBeGreaterThanOrEqual(400);
    const endpointsOnly = dormandPrince(rotation(1), Float64Array.of(1, 0), [0, 20], { ...options, dense: true });
    expect(dense.steps).toBe(endpointsOnly.steps);
    expect(Array.from(dense.states[400])).toEqual(Array.from(endpointsOnly.states[1]));
  });

  it('uses FSAL: 6 evaluations per attempted step, plus the first and one for the initial-step heuristic', () => {
    const result = dormandPrince(rotation(3), Float64Array.of(1, 0), [5], { rtol: 1e-9, atol: 1e-12 });
    expect(result.evaluations).toBe(6 * (result.steps + result.rejected) + 2);
    const given = dormandPrince(rotation(3), Float64Array.of(1, 0), [5], { rtol: 1e-9, atol: 1e-12, initialStep: 1 });
    expect(given.evaluations).toBe(6 * (given.steps + given.rejected) + 1);
    // A first step of 1 is far too long for omega = 3 at this tolerance: it must be rejected.
    expect(given.rejected).toBeGreaterThan(0);
  });

  it('follows a time-dependent right-hand side (y\' = cos t)', () => {
    const times = grid(10, 11);
    const { states } = dormandPrince(
      (t, _y, dydt) => {
        dydt[0] = Math.cos(t);
      },
      Float64Array.of(0),
      times,
      { rtol: 1e-10, atol: 1e-12 },
    );
    times.forEach((t, i) => expect(Math.abs(states[i][0] - Math.sin(t))).toBeLessThan(1e-9));
  });
});

describe('dormandPrince: errors', () => {
  const y0 = Float64Array.of(1);
  const rhs = exponential(-1);

  it.each([
    ['rtol', { rtol: 0, atol: 1e-12 }, 'out-of-range'],
    ['rtol', { rtol: -1e-6, atol: 1e-12 }, 'out-of-range'],
    ['rtol', { rtol: Number.NaN, atol: 1e-12 }, 'not-finite'],
    ['rtol', { rtol: 1e-17, atol: 1e-12 }, 'out-of-range'],
    ['rtol', { rtol: 2, atol: 1e-12 }, 'out-of-range'],
    ['atol', { rtol: 1e-6, atol: 0 }, 'out-of-range'],
    ['atol', { rtol: 1e-6, atol: Infinity }, 'not-finite'],
    ['maxSteps', { rtol: 1e-6, atol: 1e-12, maxSteps: 2.5 }, 'out-of-range'],
    ['maxSteps', { rtol: 1e-6, atol: 1e-12, maxSteps: 0 }, 'out-of-range'],
    ['initialStep', { rtol: 1e-6, atol: 1e-12, initialStep: -1 }, 'out-of-range'],
  ] as const)('rejects a bad %s (%o)', (argument, options, code) => {
    const error = thrown(() => dormandPrince(rhs, y0, [1], options));
    expect(error.code).toBe(code);
    expect(error.argument).toBe(argument);
  });

  it('rejects a non-boolean dense flag', () => {
    const options = { rtol: 1e-6, atol: 1e-12, dense: 'yes' as unknown as boolean };
    expect(thrown(() => dormandPrince(rhs, y0, [1], options)).argument).toBe('dense');
  });

  it('rejects bad times: decreasing, negative, NaN, empty', () => {
    const options = { rtol: 1e-6, atol: 1e-12 };
    expect(thrown(() => dormandPrince(rhs, y0, [0, 2, 1], options))).toMatchObject({ code: 'out-of-range', argument: 'times' });
    expect(thrown(() => dormandPrince(rhs, y0, [-1, 1], options))).toMatchObject({ code: 'out-of-range', argument: 'times[0]' });
    expect(thrown(() => dormandPrince(rhs, y0, [Number.NaN], options))).toMatchObject({ code: 'not-finite' });
    expect(thrown(() => dormandPrince(rhs, y0, [], options))).toMatchObject({ code: 'shape', argument: 'times' });
  });

  it('rejects a non-finite or empty y0', () => {
    const options = { rtol: 1e-6, atol: 1e-12 };
    expect(thrown(() => dormandPrince(rhs, Float64Array.of(Number.NaN), [1], options))).toMatchObject({
      code: 'not-finite',
      argument: 'y0',
    });
    expect(thrown(() => dormandPrince(rhs, new Float64Array(0), [1], options))).toMatchObject({ code: 'shape' });
  });

  it('throws a numerical error not-converged with argument maxSteps when the step budget runs out', () => {
    const error = thrown(
      () => dormandPrince(rotation(1), Float64Array.of(1, 0), [100], { rtol: 1e-10, atol: 1e-10, maxSteps: 50 }),
      FactorflowNumericalError,
    );
    expect(error.code).toBe('not-converged');
    expect(error.argument).toBe('maxSteps');
    expect(error.message).toMatch(/raise maxSteps/);
  });

  it('throws diverged on a finite-time blow-up (y\' = y^2, y(0) = 1 blows up at t = 1)', () => {
    const blowUp: OdeRightHandSide = (_t, y, dydt) => {
      dydt[0] = y[0] * y[0];
    };
    const error = thrown(() => dormandPrince(blowUp, Float64Array.of(1), [2], { rtol: 1e-8, atol: 1e-10 }), FactorflowNumericalError);
    expect(error.code).toBe('diverged');
    expect(error.message).toMatch(/t = 0\.99|t = 1/);
    // Before the blow-up the solution 1 / (1 - t) is still computed accurately.
    const { states } = dormandPrince(blowUp, Float64Array.of(1), [0.9], { rtol: 1e-10, atol: 1e-12 });
    expect(Math.abs(states[0][0] - 10)).toBeLessThan(1e-7);
  });

  it('rejects a right-hand side that is non-finite at the initial state as bad input', () => {
    const error = thrown(() => dormandPrince((_t, _y, dydt) => (dydt[0] = Number.NaN), Float64Array.of(1), [1], { rtol: 1e-6, atol: 1e-9 }));
    expect(error).toMatchObject({ code: 'not-finite', argument: 'rhs' });
  });
});
