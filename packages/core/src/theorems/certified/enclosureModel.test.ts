/**
 * The enclosure with enclosed eigenvalues and an enclosed start (what a rotated Y gives): a
 * certificate must hold for every Y = diag(lambda) and start in the boxes at once. The boxes here
 * are far wider than a verified eigenbasis gives (1e-6 relative against ~1e-15), so that the windows
 * of their members differ measurably (by ~1e-6, against the measured windows' 1e-9) and a
 * certificate that ignored part of a box would reach past some member's window.
 */
import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';

import { measuredWindows } from '../../flow/windows.js';
import { createRandom, gaussianInit } from '../../random.js';
import { proveInterval } from './certifyWindow.js';
import { enclosureModel } from './enclosureModel.js';

const lambda = [10, 5, 2];
const width = 1e-6;
const epsilon = 0.5;
const U0 = gaussianInit(3, 3, 1e-4, 5).to1DArray();
const lambdaBox = { lo: Float64Array.from(lambda, (l) => l * (1 - width)), hi: Float64Array.from(lambda, (l) => l * (1 + width)) };
const startBox = {
  rows: 3,
  columns: 3,
  lo: Float64Array.from(U0, (u) => u - width * Math.abs(u)),
  hi: Float64Array.from(U0, (u) => u + width * Math.abs(u)),
};

/** Corners of the eigenvalue box and random members of the start box, with their measured windows. */
function cornerWindows(k: number): { start: number; end: number }[] {
  const random = createRandom(17);
  const windows: { start: number; end: number }[] = [];
  for (let corner = 0; corner < 8; corner++) {
    const values = lambda.map((_, i) => ((corner >> i) & 1 ? lambdaBox.hi[i] : lambdaBox.lo[i]));
    for (let draw = 0; draw < 3; draw++) {
      const U = Float64Array.from(U0, (_, i) => startBox.lo[i] + random.uniform() * (startBox.hi[i] - startBox.lo[i]));
      const measured = measuredWindows(Matrix.diag(values), { U0: new Matrix([...Array(3)].map((_, i) => Array.from(U.subarray(3 * i, 3 * i + 3)))) }, epsilon);
      expect(measured.perRank[k - 1].windows.length).toBe(1);
      windows.push(measured.perRank[k - 1].windows[0]);
    }
  }
  return windows;
}

describe('enclosureModel with enclosed eigenvalues and start', () => {
  const model = enclosureModel(lambdaBox, { U: startBox });
  if (typeof model === 'string') throw new Error(model);

  for (const k of [1, 2]) {
    it(`k = ${k}: proves the common part of every member's window and nothing past the earliest end`, () => {
      const windows = cornerWindows(k);
      const start = Math.max(...windows.map((w) => w.start));
      const end = Math.min(...windows.map((w) => w.end));
      // The boxes move the window ends by ~width t, 100 times the measured windows' accuracy: a
      // certificate of the box's middle alone would reach past the earliest end by half the spread.
      const endSpread = Math.max(...windows.map((w) => w.end)) - end;
      const startSpread = start - Math.min(...windows.map((w) => w.start));
      expect(Math.min(endSpread, startSpread)).toBeGreaterThan(1e-7);
      const length = end - start;
      expect(proveInterval(model, k, epsilon, start + 0.01 * length, end - 0.01 * length, 4000).certified).toBe(true);
      expect(proveInterval(model, k, epsilon, end - 0.01 * length, end + 0.25 * endSpread, 4000).certified).toBe(false);
      expect(proveInterval(model, k, epsilon, start - 0.25 * startSpread, start + 0.01 * length, 4000).certified).toBe(false);
    });
  }

  it('keeps an eigenvalue enclosure that contains 0 (a singular Y): finite pieces are proved, the tail is not', () => {
    const singular = { lo: Float64Array.of(10, 5, -1e-15), hi: Float64Array.of(10, 5, 1e-15) };
    const withZero = enclosureModel(singular, { U: startBox });
    if (typeof withZero === 'string') throw new Error(withZero);
    const measured = measuredWindows(Matrix.diag([10, 5, 0]), { U0: new Matrix([...Array(3)].map((_, i) => U0.slice(3 * i, 3 * i + 3))) }, epsilon);
    const { start } = measured.perRank[1].windows[0];
    expect(proveInterval(withZero, 2, epsilon, start * 1.01, start * 3, 4000).certified).toBe(true);
    expect(proveInterval(withZero, 2, epsilon, start * 3, Number.POSITIVE_INFINITY, 200).certified).toBe(false);
  });

  it('answers a reason, not a model, for an enclosed start that needs an exact rank deficiency', () => {
    // Rank 2 in 3 x 3: the third row is the sum of the first two, which no box of width > 0 keeps.
    const s = 2 ** -12;
    const deficient = Float64Array.of(3 * s, s, -2 * s, s, 2 * s, s, 4 * s, 3 * s, -s);
    const box = { rows: 3, columns: 3, lo: deficient.map((u) => u - 1e-3 * Math.abs(u)), hi: deficient.map((u) => u + 1e-3 * Math.abs(u)) };
    expect(enclosureModel(lambdaBox, { U: box })).toMatch(/numerical rank 2 < min\(n, r\) = 3.*enclosed/);
    // The same data as points is exact: a model.
    expect(typeof enclosureModel(lambdaBox, { U: { rows: 3, columns: 3, lo: deficient, hi: deficient } })).toBe('object');
  });
});
