/**
 * The problem instances the live examples run on, as pure functions (no React, no DOM) so the
 * workers and the components build exactly the same matrices from the same controls.
 */
import { gaussianInit, symmetricEigen } from '@factorflow/core';

/** Largest n the explorer accepts: the closed form costs O(n^3) per time on the main path. */
export const MAX_EXPLORER_N = 60;

/** The spectrum of the "n = 50" preset: 50, 49, ..., 1 (distinct, as Theorems 3 and 4 require). */
export function presetSpectrum(n: number): number[] {
  return Array.from({ length: n }, (_, i) => n - i);
}

/** Outcome of parsing the eigenvalue text box. */
export type ParsedSpectrum = { readonly ok: true; readonly values: number[] } | { readonly ok: false; readonly error: string };

/**
 * Parses "10, 8, 6" into eigenvalues sorted decreasingly. Theorems 3 and 4 assume Y PSD, so
 * negative entries are rejected here with a message instead of as a planner exception.
 */
export function parseSpectrum(text: string): ParsedSpectrum {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length === 0) return { ok: false, error: 'enter at least one eigenvalue' };
  if (parts.length > MAX_EXPLORER_N) return { ok: false, error: `at most ${MAX_EXPLORER_N} eigenvalues` };
  const values: number[] = [];
  for (const part of parts) {
    const value = Number(part);
    if (!Number.isFinite(value)) return { ok: false, error: `"${part}" is not a number` };
    if (value < 0) return { ok: false, error: `${part} < 0: the theorems assume Y positive semi-definite` };
    values.push(value);
  }
  if (!values.some((value) => value > 0)) return { ok: false, error: 'Y = 0 has nothing to learn' };
  return { ok: true, values: values.sort((a, b) => b - a) };
}

/** diag(values) as rows: Y in its own eigenbasis (Phi = I), which loses no generality for the flow. */
export function diagonalMatrix(values: readonly number[]): number[][] {
  return values.map((value, i) => values.map((_, j) => (i === j ? value : 0)));
}

/** A seed for a second, independent draw from the same user seed (kept in [0, 2^32)). */
export function derivedSeed(seed: number, offset: number): number {
  return (seed + offset) >>> 0;
}

/**
 * Y = Q diag(spectrum) Q^T with Q the eigenvectors of a seeded random symmetric matrix: a
 * prescribed spectrum in a generic (non-axis-aligned) eigenbasis.
 */
export function rotatedSpectrum(spectrum: readonly number[], seed: number): number[][] {
  const n = spectrum.length;
  const G = gaussianInit(n, n, 1, seed).to2DArray();
  const symmetric = G.map((row, i) => row.map((value, j) => 0.5 * (value + G[j][i])));
  const Q = symmetricEigen(symmetric).vectors.to2DArray();
  return Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) => {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += Q[a][k] * spectrum[k] * Q[b][k];
      return sum;
    }),
  );
}

/**
 * A seeded random symmetric Y: G G^T / n (PSD, eigenvalues O(1)) or (G + G^T) / (2 sqrt(n))
 * (indefinite, semicircle-like spectrum in about [-sqrt(2), sqrt(2)]), G with iid N(0, 1) entries.
 */
export function randomSymmetric(n: number, psd: boolean, seed: number): number[][] {
  const G = gaussianInit(n, n, 1, seed).to2DArray();
  return G.map((row, i) =>
    row.map((_, j) => {
      if (!psd) return (G[i][j] + G[j][i]) / (2 * Math.sqrt(n));
      let sum = 0;
      for (let k = 0; k < n; k++) sum += G[i][k] * G[j][k];
      return sum / n;
    }),
  );
}

/**
 * A time by which every mode of a spectrally initialized flow (sigma_0 = 1) with eigenvalue at
 * least `floor` times the largest has saturated: from eq. (12), sigma_W reaches half of sigma_Y
 * near t = log(sigma_Y / alpha) / (2 sigma_Y), and is within 1% of it log(100) / (2 sigma_Y) later.
 * Ignoring tiny eigenvalues keeps one near-zero entry from stretching the axis without bound.
 */
export function saturationTime(eigenvalues: readonly number[], alpha: number, floor = 0): number {
  const largest = Math.max(...eigenvalues);
  let horizon = 0;
  for (const sigma of eigenvalues) {
    if (sigma <= 0 || sigma < floor * largest) continue;
    horizon = Math.max(horizon, (Math.log(sigma / alpha) + Math.log(100)) / (2 * sigma));
  }
  return horizon > 0 ? horizon : 1;
}

/**
 * `count` times on [0, horizon], denser near 0: t_j = horizon (j / (count - 1))^2. Large
 * eigenvalues are learned early and fast (transition width ~ 1 / sigma), small ones late and
 * slowly, so quadratic spacing resolves both ends with one grid.
 */
export function quadraticTimes(horizon: number, count: number): Float64Array {
  const times = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const u = count === 1 ? 1 : j / (count - 1);
    times[j] = horizon * u * u;
  }
  return times;
}

/** alpha = 10^log10Alpha as "1.00e-6", also when it underflows (alpha_max can be 1e-400). */
export function formatAlpha(log10Alpha: number): string {
  if (log10Alpha > -300) return (10 ** log10Alpha).toExponential(2);
  let exponent = Math.floor(log10Alpha);
  let mantissa = (10 ** (log10Alpha - exponent)).toFixed(2);
  if (mantissa === '10.00') {
    mantissa = '1.00';
    exponent += 1;
  }
  return `${mantissa}e${exponent}`;
}

/** Message of an exception thrown by core (FactorflowInputError carries its own explanation). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What is wrong with a seed and step size typed into a live example, or null when both are usable. */
export function seedAndStepError(seed: number, eta: number): string | null {
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) return 'the seed must be an integer in [0, 2^32)';
  if (!(eta > 0 && Number.isFinite(eta))) return 'η must be a number > 0';
  return null;
}
