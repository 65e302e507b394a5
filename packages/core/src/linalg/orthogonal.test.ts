import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { FactorflowInputError } from '../errors.js';
import { PROPERTY_SEED } from '../testing/arbitraries.js';
import { randomOrthogonal, rectangularWithSpectrum, symmetricWithSpectrum } from './orthogonal.js';
import { singularValues, symmetricEigen } from './spectral.js';

describe('randomOrthogonal and symmetricWithSpectrum', () => {
  it('give an orthogonal Q and an exactly symmetric Y with the prescribed eigenvalues', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 12, maxLength: 12 }),
        (n, seed, values) => {
          const Q = randomOrthogonal(n, seed);
          const gram = Q.transpose().mmul(Q);
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(Math.abs(gram.get(i, j) - (i === j ? 1 : 0))).toBeLessThan(16 * n * Number.EPSILON);
          const lambda = values.slice(0, n);
          const Y = symmetricWithSpectrum(Q, lambda);
          for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(Y.get(i, j)).toBe(Y.get(j, i));
          const scale = Math.max(1, ...lambda.map(Math.abs));
          const expected = [...lambda].sort((a, b) => b - a);
          symmetricEigen(Y).values.forEach((value, i) => expect(Math.abs(value - expected[i])).toBeLessThan(64 * n * Number.EPSILON * scale));
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 100 },
    );
  });

  it('is reproducible from its seed and differs between seeds', () => {
    expect(randomOrthogonal(4, 11).to2DArray()).toEqual(randomOrthogonal(4, 11).to2DArray());
    expect(randomOrthogonal(4, 11).to2DArray()).not.toEqual(randomOrthogonal(4, 12).to2DArray());
  });

  it('rejects a size that is not a positive integer', () => {
    expect(() => randomOrthogonal(0, 1)).toThrow(FactorflowInputError);
    expect(() => randomOrthogonal(2.5, 1)).toThrow(FactorflowInputError);
  });
});

describe('rectangularWithSpectrum', () => {
  it('gives an m x n matrix whose singular values are sigma padded with zeros', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 0xfffffffe }),
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 7, maxLength: 7 }),
        (m, n, seed, values) => {
          const sigma = values.slice(0, Math.max(1, Math.min(m, n) - (seed % 2)));
          const Y = rectangularWithSpectrum(randomOrthogonal(m, seed), randomOrthogonal(n, seed + 1), sigma);
          expect([Y.rows, Y.columns]).toEqual([m, n]);
          const expected = [...sigma, ...new Array<number>(Math.min(m, n) - sigma.length).fill(0)].sort((a, b) => b - a);
          const scale = Math.max(1, ...sigma);
          singularValues(Y).forEach((value, i) => expect(Math.abs(value - expected[i]), `seed ${seed}`).toBeLessThan(64 * Math.max(m, n) * Number.EPSILON * scale));
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 100 },
    );
  });

  it('names the argument at fault', () => {
    const [P, Q] = [randomOrthogonal(2, 1), randomOrthogonal(3, 2)];
    const argumentOf = (call: () => unknown): string | undefined => {
      try {
        call();
      } catch (error) {
        return error instanceof FactorflowInputError ? error.argument.replace(/\[\d+\]$/, '') : 'not typed';
      }
      return undefined;
    };
    expect(argumentOf(() => rectangularWithSpectrum(P, Q, [3, 2, 1]))).toBe('sigma');
    expect(argumentOf(() => rectangularWithSpectrum(P, Q, [-1]))).toBe('sigma');
    expect(argumentOf(() => rectangularWithSpectrum([[1, 0, 0]], Q, [1]))).toBe('P');
    expect(argumentOf(() => rectangularWithSpectrum(P, Q, [1e308, 1e308]))).toBe(undefined);
    expect(argumentOf(() => rectangularWithSpectrum(P, [[1, 0], [0, 1], [1, 1]], [1]))).toBe('Q');
    expect(argumentOf(() => rectangularWithSpectrum([[2]], [[1]], [1]))).toBe('P');
    expect(argumentOf(() => rectangularWithSpectrum([[1]], [[1]], [Number.MAX_VALUE]))).toBe(undefined);
  });
});
