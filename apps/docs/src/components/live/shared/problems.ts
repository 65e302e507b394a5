/**
 * What the live examples share about their problems, as pure functions (no React, no DOM) so the
 * workers and the components agree: seeds, time grids, and the checks and formats of the controls.
 */

/** A seed for a second, independent draw from the same user seed (kept in [0, 2^32)). */
export function derivedSeed(seed: number, offset: number): number {
  return (seed + offset) >>> 0;
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

/** alpha = 10^log10Alpha as TeX, "1.95\\times10^{-11}", for KaTeX readouts (same digits as formatAlpha). */
export function alphaTeX(log10Alpha: number): string {
  const [mantissa, exponent] = formatAlpha(log10Alpha).split('e');
  return `${mantissa}\\times10^{${Number(exponent)}}`;
}

/** Message of an exception thrown by core (FactorflowInputError carries its own explanation). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What is wrong with a seed typed into a live example, or null when it is usable. */
export function seedError(seed: number): string | null {
  return Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32 ? null : 'seed: must be a whole number from 0 to 4294967295; enter e.g. 1';
}

/**
 * What is wrong with a typed quantity that must be a finite number > 0 (epsilon, a step size), or
 * null; the message names the field by its label and suggests a value.
 */
export function positiveError(value: number, name: string, example: number): string | null {
  return value > 0 && Number.isFinite(value) ? null : `${name}: must be a number > 0; enter e.g. ${example}`;
}
