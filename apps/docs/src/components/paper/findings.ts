/**
 * The findings of the verification run (results/verify.json) as plain data for the pages to
 * typeset. The report's `findings` are the command's ASCII sentences; the numbers behind them are
 * in each instance's `metrics`, so the pages aggregate those (counts, medians, extremes) and set
 * the words and the math themselves. `test/prose.test.ts` checks the aggregates against the
 * command's own sentences.
 */
import type { InstanceOutcomeJson } from '@factorflow/verify';

import { median, suite } from './reports';

type Metrics = InstanceOutcomeJson['metrics'];

/** The metrics of the suite's instances that ran (a skipped instance reports nothing). */
function ran(name: string): Metrics[] {
  return suite(name).outcomes.flatMap((outcome) => (outcome.skipped ? [] : [outcome.metrics]));
}

function values(metrics: readonly Metrics[], name: string): number[] {
  return metrics.flatMap((m) => (typeof m[name] === 'number' ? [m[name]] : []));
}

function sum(metrics: readonly Metrics[], name: string): number {
  return values(metrics, name).reduce((total, value) => total + value, 0);
}

/** Median, smallest and largest of a metric over the instances that report it. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly count: number;
}

function spread(metrics: readonly Metrics[], name: string): Spread {
  const all = values(metrics, name);
  const middle = median(all);
  if (middle === null) throw new Error(`no instance reports '${name}' in the generated report`);
  return { median: middle, min: Math.min(...all), max: Math.max(...all), count: all.length };
}

/** Proposition 1's routes: gradient descent's order in eta and the closed form against the ODE. */
export function routeFindings(): { gdRatio: Spread; odeError: Spread; cor2Error: Spread } {
  const prop1 = ran('proposition-1');
  return { gdRatio: spread(prop1, 'gdRatio'), odeError: spread(prop1, 'odeError'), cor2Error: spread(ran('corollary-2'), 'error') };
}

/** One shape (n, r) of the random-initialization suite (Remark III-C1). */
export interface RandomInitRow {
  readonly n: number;
  readonly r: number;
  /** Empirical quantiles of M_hat = max(||W0bar||, ||W0bar^-1||); q90 is M_0.9. */
  readonly q50: number;
  readonly q90: number;
  readonly q99: number;
  /** Fresh draws checked, draws with M_hat <= M_0.9, and draws on which (23) held. */
  readonly checked: number;
  readonly covered: number;
  readonly successes: number;
}

export function randomInitRows(): RandomInitRow[] {
  return ran('random-init').map((m) => {
    const field = (name: string): number => {
      const value = m[name];
      if (typeof value !== 'number') throw new Error(`a random-init instance lacks '${name}': regenerate results/verify.json`);
      return value;
    };
    return {
      n: field('n'),
      r: field('r'),
      q50: field('q50'),
      q90: field('q90'),
      q99: field('q99'),
      checked: field('checked'),
      covered: field('covered'),
      successes: field('successes'),
    };
  });
}

/** The random-initialization suite over all shapes: Theorem 4 at alpha_max(M_0.9) on fresh draws. */
export function randomInitTotals() {
  const all = ran('random-init');
  const checked = sum(all, 'checked');
  const covered = sum(all, 'covered');
  const successes = sum(all, 'successes');
  const coveredSuccesses = sum(all, 'coveredSuccesses');
  return {
    checked,
    successes,
    covered,
    coveredSuccesses,
    uncovered: checked - covered,
    uncoveredSuccesses: successes - coveredSuccesses,
    worstCoveredSlack: Math.max(0, ...values(all, 'worstCoveredSlack')),
    worstUncoveredSlack: Math.max(0, ...values(all, 'worstUncoveredSlack')),
    largestUncoveredRatio: Math.max(0, ...values(all, 'largestUncoveredRatio')),
  };
}

/**
 * The p-quantile of M_hat for a square Gaussian n x n shape in Edelman's large-n limit,
 * P(n s_min^2 <= x) = 1 - exp(-x/2 - sqrt(x)) (A. Edelman, "Eigenvalues and condition numbers
 * of random matrices", SIAM J. Matrix Anal. Appl. 9(4), 1988; quoted by the random-init suite for
 * Remark III-C1 of Min & Vidal 2025). M_hat is 1/s_min^2 in the tail, so
 * P(M_hat <= m) = p means x/2 + sqrt(x) = -ln p at x = n/m, whose root is sqrt(x) = sqrt(1 - 2 ln p) - 1.
 *
 * @param n - the size of the square shape, a positive integer.
 * @param p - the probability, in (0, 1).
 * @returns n / x, the quantile m.
 */
export function edelmanQuantile(n: number, p: number): number {
  if (!(Number.isInteger(n) && n > 0)) throw new RangeError(`edelmanQuantile: n must be a positive integer, got ${n}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`edelmanQuantile: p must lie in (0, 1), got ${p}`);
  const root = Math.sqrt(1 - 2 * Math.log(p)) - 1;
  return n / (root * root);
}

/** How a rank-deficient margin compares the Theorem-4-style alpha with the measured one (Remark III-C2). */
export interface Margins {
  /** Instances whose Theorem-4-style alpha is at most the measured alpha_needed (log10 margin >= 0). */
  readonly below: number;
  readonly count: number;
  /** Median and smallest log10(alpha_needed / alpha_theorem). */
  readonly median: number;
  readonly min: number;
}

function margins(metrics: readonly Metrics[], name: string): Margins {
  const all = values(metrics, name);
  const middle = median(all);
  if (middle === null) throw new Error(`no rank-deficient instance reports '${name}'`);
  return { below: all.filter((margin) => margin >= 0).length, count: all.length, median: middle, min: Math.min(...all) };
}

/** The rank-deficient suite (Remark III-C2) over all its instances. */
export function rankDeficientTotals() {
  const all = ran('rank-deficient');
  const rankOne = all.filter((m) => m.r === 1);
  return {
    instances: all.length,
    aboveR: sum(all, 'aboveR'),
    rankOne: rankOne.length,
    rankOneUnconstrained: sum(rankOne, 'unconstrained'),
    /** log10 of the largest alpha the suite tries: an unconstrained instance has windows up to it. */
    log10AlphaCeiling: Math.max(...values(all.filter((m) => m.unconstrained === 1), 'log10AlphaNeeded')),
    range: margins(all, 'log10MarginRange'),
    top: margins(all, 'log10MarginTop'),
  };
}

/** How the shrunk counterexample of a hypothesis search breaks Theorem 3's or 4's conclusion. */
export type Break =
  | { readonly kind: 'empty'; readonly k: number; readonly closest: number; readonly repeated: boolean }
  | { readonly kind: 'exceeds'; readonly k: number; readonly ratio: number; readonly t: number; readonly start: number; readonly end: number };

/** The shrunk counterexample one search found, read from the instance's report line. */
export interface Counterexample {
  readonly seed: number;
  readonly n: number;
  readonly sigmaY: readonly number[];
  /** Theorem 3: the spectral shape sigma_{i,0}; Theorem 4: the Gaussian shape and its M. */
  readonly shape:
    | { readonly kind: 'spectral'; readonly sigma0: readonly number[] }
    /** `call` draws U0bar; `removed`, when set, is the eigenvector of Y whose component was taken out. */
    | { readonly kind: 'gaussian'; readonly call: string; readonly removed: number | null; readonly M: number };
  readonly epsilon: number;
  readonly breaks: Break;
}

/** One search of the hypothesis-necessity suite: a hypothesis of Theorem 3 or 4 violated alone. */
export interface NecessityRow {
  readonly id: string;
  readonly searches: number;
  readonly found: number;
  readonly tries: number;
  /** Largest ||W(t) - Y_hat_k|| / eps on the I_k over the candidates that held. */
  readonly worstRatio: number;
  /** log10(alpha / alpha_max) of the counterexample, when one was found. */
  readonly log10AlphaOverMax: number | null;
  readonly counterexample: Counterexample | null;
}

function match(line: string, pattern: RegExp, what: string): RegExpMatchArray {
  const found = line.match(pattern);
  if (!found) throw new Error(`hypothesis-necessity: cannot read ${what} from '${line.slice(0, 120)}...': the report's format changed`);
  return found;
}

const list = (text: string) => text.split(',').map((entry) => Number(entry));

/** Reads a counterexample from the line `runKind` of the necessity suite writes for it. */
export function parseCounterexample(line: string): Counterexample {
  const [, seed, n, sigmaY] = match(line, /: seed (\d+), shrunk counterexample n=(\d+), sigmaY=\[([^\]]*)\]/, 'the instance');
  const spectral = line.match(/sigma0=\[([^\]]*)\]/);
  const shape: Counterexample['shape'] = spectral
    ? { kind: 'spectral', sigma0: list(spectral[1]) }
    : (() => {
        const [, call, removed, M] = match(line, /U0bar = (gaussianInit\([^)]*\))(?: minus its component along eigenvector (\d+))?, M=([\d.e+-]+)/, 'the shape');
        return { kind: 'gaussian', call, removed: removed === undefined ? null : Number(removed), M: Number(M) };
      })();
  const [, epsilon] = match(line, /eps=([\d.e+-]+)/, 'eps');
  const [, k] = match(line, /\): k=(\d+): /, 'k');
  const empty = line.match(/I_k is empty and no t >= 0 has .*?\(closest approach ([\d.]+) eps(, best case over the repeated eigenspace)?\)/);
  const breaks: Break = empty
    ? { kind: 'empty', k: Number(k), closest: Number(empty[1]), repeated: empty[2] !== undefined }
    : (() => {
        const [, ratio, t, start, end] = match(line, /= ([\d.]+) eps at t=([\d.]+) in I_k = \[([^,]+), ([^\]]+)\]/, 'the break');
        return { kind: 'exceeds', k: Number(k), ratio: Number(ratio), t: Number(t), start: Number(start), end: Number(end) };
      })();
  return { seed: Number(seed), n: Number(n), sigmaY: list(sigmaY), shape, epsilon: Number(epsilon), breaks };
}

/**
 * The searches of the hypothesis-necessity suite in the report's order. The report names a search
 * only in its sentences (`<id>: NEEDED, ...`, one per search that ran, in the suite's order), and
 * numbers it in the instance metrics (`search`); the counterexample lines are the failed instances' reports.
 */
export function necessityRows(): NecessityRow[] {
  const result = suite('hypothesis-necessity');
  const ids = result.findings.map((line) => match(line, /^([A-Za-z0-9-]+): /, 'the search id')[1]);
  const indices = [...new Set(result.outcomes.flatMap((o) => (typeof o.metrics.search === 'number' ? [o.metrics.search] : [])))].sort((a, b) => a - b);
  if (indices.length !== ids.length) throw new Error(`hypothesis-necessity: ${ids.length} sentences for ${indices.length} searches`);
  const failed = result.outcomes.filter((outcome) => !outcome.passed);
  return indices.map((index, position) => {
    const own = result.outcomes.filter((outcome) => outcome.metrics.search === index && !outcome.skipped);
    const metrics = own.map((outcome) => outcome.metrics);
    const first = own.find((outcome) => outcome.metrics.found === 1);
    const line = first ? result.failures[failed.indexOf(first)] : undefined;
    const excess = values(metrics, 'log10AlphaOverMax');
    return {
      id: ids[position],
      searches: own.length,
      found: sum(metrics, 'found'),
      tries: sum(metrics, 'tries'),
      worstRatio: Math.max(0, ...values(metrics, 'worstRatio')),
      log10AlphaOverMax: excess.length === 0 ? null : Math.min(...excess),
      counterexample: line === undefined ? null : parseCounterexample(line),
    };
  });
}
