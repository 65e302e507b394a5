import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { randomOrthogonal, symmetricWithSpectrum } from '@factorflow/core';

import { readMatrixFile } from '../matrixFile/index.js';
import { certifyReport, formatCertify } from './certify.js';

const examples = (name: string): string => fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));
const Y = readMatrixFile(examples('Y-diag.json'), '--Y');
const rotated = readMatrixFile(examples('Y.json'), '--Y');
const U0 = readMatrixFile(examples('U0.json'), '--U0');
const epsilon = 0.5;

describe('certifyReport', () => {
  const report = certifyReport(Y, U0, epsilon, 1e-12);

  it('certifies inside the measured windows, at the given alpha, for every k', () => {
    expect(report.alpha).toBe(1e-12);
    // Y diagonal, the paper's setting: every rank gets a certified window.
    expect(report.ranks.every((rank) => rank.certified.length > 0)).toBe(true);
    expect(report.alphaSource).toBe('given');
    expect(report.ranks.map((rank) => rank.k)).toEqual([1, 2, 3, 4, 5]);
    for (const rank of report.ranks) {
      expect(rank.measured.length).toBeGreaterThan(0);
      for (const window of rank.certified) {
        const inside = rank.measured.some((measured) => measured.start <= window.start && (measured.end === null || (window.end !== null && window.end <= measured.end)));
        expect(inside, `k = ${rank.k}: [${window.start}, ${window.end}] inside a measured window`).toBe(true);
      }
      expect(rank.coverage).toBeGreaterThanOrEqual(0);
      expect(rank.coverage).toBeLessThanOrEqual(1);
    }
    // Only the last window never closes (Y_hat_5 = Y is approached for ever after).
    expect(report.ranks[4].measured.at(-1)?.end).toBeNull();
    expect(report.ranks.slice(0, 4).every((rank) => rank.measured.every((window) => window.end !== null))).toBe(true);
  });

  it("puts certifiedAlphaMax between Theorem 4's alpha_max and the measured largest alpha", () => {
    const { certified, measured, theorem4, logCertified } = report.alphaMax;
    expect(certified).not.toBeNull();
    expect(Math.log(certified!)).toBeCloseTo(logCertified!, 10);
    // The theorem's alpha_max is proved too, so a sound certificate reaches at least it; and no
    // window can be certified where the flow has none.
    expect(certified!).toBeGreaterThanOrEqual(theorem4!);
    expect(certified!).toBeLessThanOrEqual(measured! * (1 + report.alphaMax.relativeTolerance));
  });

  it('is JSON without Infinity or NaN', () => {
    const text = JSON.stringify(report);
    expect(JSON.parse(text)).toEqual(report);
    expect(text).not.toMatch(/Infinity|NaN/);
  });
});

describe('formatCertify', () => {
  it('shows a row per k with the measured and certified windows, and the alpha bounds', () => {
    const text = formatCertify(certifyReport(Y, U0, epsilon, undefined));
    expect(text).toContain("Theorem 4's alpha_max)");
    const rows = text.split('\n').filter((line) => /^ {2}[1-5] {2}/.test(line));
    expect(rows).toHaveLength(5);
    expect(rows[4]).toMatch(/\[[\d.]+, inf\).*\[[\d.]+, inf\).*\[[\d.]+, inf\)/);
    for (const row of rows) expect(row).toMatch(/\d+\.\d{3}%$/);
    expect(text).toMatch(/^certifiedAlphaMax = \d\.\d{3}e-\d+ \(every window certified non-empty/m);
    expect(text).toMatch(/largest alpha with every measured window = \d\.\d{3}e-\d+ {3}Theorem 4's alpha_max = 1\.382e-29/);
    expect(text).not.toMatch(/NaN|undefined|null/);
  });

  it('certifies a rotated Y through its verified eigenbasis, as it prints a diagonal one', () => {
    const report = certifyReport(rotated, U0, epsilon, 1e-12);
    expect(rotated[0][1]).not.toBe(0);
    for (const rank of report.ranks) {
      expect(rank.certified.length, `k = ${rank.k}`).toBeGreaterThan(0);
      expect(rank.coverage).toBeGreaterThanOrEqual(0.99);
      for (const window of rank.certified) {
        const inside = rank.measured.some((measured) => measured.start <= window.start && (measured.end === null || (window.end !== null && window.end <= measured.end)));
        expect(inside, `k = ${rank.k}: [${window.start}, ${window.end}] inside a measured window`).toBe(true);
      }
    }
    const text = formatCertify(report);
    const rows = text.split('\n').filter((line) => /^ {2}[1-5] {2}/.test(line));
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toMatch(/\d+\.\d{3}%$/);
    expect(text).toMatch(/^ {2}method: .*verified eigenbasis of Y/m);
    expect(text).toMatch(/^certifiedAlphaMax = \d\.\d{3}e-\d+ \(every window certified non-empty/m);
    expect(text).not.toMatch(/NaN|undefined|null|not certified/);
  });

  it('certifies nothing for a rotated Y with a repeated eigenvalue, and says why', () => {
    const repeated = symmetricWithSpectrum(randomOrthogonal(4, 3), [3, 2, 2, 1]).to2DArray();
    repeated.forEach((row, i) => row.forEach((_, j) => (repeated[i][j] = repeated[Math.min(i, j)][Math.max(i, j)])));
    const shape = [
      [1, 0.2, 0, 0.1],
      [0, 1, 0.3, 0],
      [0.1, 0, 1, 0.2],
      [0.3, 0.1, 0, 1],
    ];
    const text = formatCertify(certifyReport(repeated, shape, 0.3, 1e-8));
    const rows = text.split('\n').filter((line) => /^ {2}[1-4] {2}/.test(line));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toMatch(/none +(0\.000%|-)$/);
    expect(text).toMatch(/^ {2}method: not certified: .*eigenvalues 2 and 3 of Y .* are not proved distinct/m);
  });

  it('says why nothing was certified when no alpha is available (a repeated eigenvalue)', () => {
    const repeated = [
      [2, 0, 0],
      [0, 2, 0],
      [0, 0, 1],
    ];
    const shape = [
      [1, 0.2, 0],
      [0, 1, 0.3],
      [0.1, 0, 1],
    ];
    const report = certifyReport(repeated, shape, 0.5, undefined);
    expect(report.alpha).toBeNull();
    expect(report.ranks).toEqual([]);
    expect(formatCertify(report)).toMatch(/^Certified windows: none\. /m);
  });
});
