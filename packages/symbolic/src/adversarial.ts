/**
 * Adversarial numeric evidence for matrix facts outside the rational engine (spectral norms, the
 * Loewner order): instead of random trials only, Nelder-Mead minimizes the claim's relative gap
 * over the matrix entries from random starts at each size, and the report states the number of
 * evaluations, the sizes and the smallest gap found. The verdict is never better than `unproved`.
 */
import { type FieldCheck, InputError, requireArray, requireCallback, requireFields, requireIntegerIn, requireNonNegativeNumber, requireText } from './validate.js';

/** One shape searched: its label (e.g. `n = 5, k = 2`), its number of real parameters and the claim's gap. */
export interface AdversarialCase {
  readonly label: string;
  readonly dimension: number;
  /** The claim's relative gap at the parameters: >= 0 where it holds. */
  readonly gap: (parameters: readonly number[]) => number;
}

/** A claim `gap >= 0` for every real parameter vector of every case, searched adversarially. */
export interface AdversarialCheck {
  readonly kind: 'adversarial';
  readonly cases: readonly AdversarialCase[];
  /** Random starts per case. */
  readonly restarts: number;
  /** Nelder-Mead evaluations of the gap per start. */
  readonly evaluations: number;
  /** A gap below -tolerance is a violation; above it, floating-point rounding. */
  readonly tolerance: number;
}

/** What the search did, for the report. */
export interface SearchSummary {
  readonly evaluations: number;
  readonly restarts: number;
  /** The cases searched, e.g. `n = 2, k = 1`. */
  readonly cases: readonly string[];
  readonly worstGap: number;
  readonly worstCase: string;
}

const MAX_CASES = 1024;
const MAX_BUDGET = 1_000_000;

/** The fields of an adversarial check (a row of check.ts's CHECK_FIELDS). */
export const ADVERSARIAL_FIELDS: Readonly<Record<string, FieldCheck>> = {
  cases: (value, argument) =>
    requireArray(value, argument, MAX_CASES, (entry, at) =>
      requireFields(entry, at, '{ label, dimension, gap }', {
        label: (label, where) => requireText(label, where),
        dimension: (dimension, where) => requireIntegerIn(dimension, where, 1, MAX_BUDGET),
        gap: (gap, where) => requireCallback(gap, where, '(parameters) => relative gap'),
      }),
    ),
  restarts: (value, argument) => requireIntegerIn(value, argument, 1, MAX_BUDGET),
  evaluations: (value, argument) => requireIntegerIn(value, argument, 1, MAX_BUDGET),
  tolerance: requireNonNegativeNumber,
};

function gaussian(uniform: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** Minimizes f from x0 with at most `budget` evaluations (Nelder-Mead, standard coefficients). */
function nelderMead(f: (x: number[]) => number, x0: number[], budget: number): { x: number[]; value: number; used: number } {
  const n = x0.length;
  const value = (x: number[]) => {
    const y = f(x);
    return Number.isNaN(y) ? Infinity : y;
  };
  let simplex = [x0, ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + (Math.abs(v) > 1e-3 ? 0.5 * v : 0.5) : v)))].map((x) => ({ x, y: value(x) }));
  let used = simplex.length;
  while (used < budget) {
    simplex.sort((a, b) => a.y - b.y);
    const worst = simplex[n];
    const centroid = x0.map((_, j) => simplex.slice(0, n).reduce((sum, point) => sum + point.x[j], 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (worst.x[j] - c));
    const reflected = { x: along(-1), y: 0 };
    reflected.y = value(reflected.x);
    used++;
    if (reflected.y < simplex[0].y) {
      const expanded = { x: along(-2), y: 0 };
      expanded.y = value(expanded.x);
      used++;
      simplex[n] = expanded.y < reflected.y ? expanded : reflected;
    } else if (reflected.y < simplex[n - 1].y) {
      simplex[n] = reflected;
    } else {
      const contracted = { x: along(0.5), y: 0 };
      contracted.y = value(contracted.x);
      used++;
      if (contracted.y < worst.y) simplex[n] = contracted;
      else {
        const best = simplex[0].x;
        simplex = simplex.map((point, index) => (index === 0 ? point : { x: point.x.map((v, j) => best[j] + 0.5 * (v - best[j])), y: 0 })).map((point, index) => (index === 0 ? point : { x: point.x, y: value(point.x) }));
        used += n;
      }
    }
  }
  simplex.sort((a, b) => a.y - b.y);
  return { x: simplex[0].x, value: simplex[0].y, used };
}

/** The search's verdict: `fails` with the violating size when a gap is below -tolerance, else `unproved`. */
export function runAdversarial(check: AdversarialCheck, uniform: () => number): { verdict: 'fails' | 'unproved'; method: string; routes: Record<string, string>; search: SearchSummary } {
  let evaluations = 0;
  let worst = { gap: Infinity, label: check.cases[0].label };
  for (const { label, dimension, gap } of check.cases) {
    for (let restart = 0; restart < check.restarts; restart++) {
      const start = Array.from({ length: dimension }, () => gaussian(uniform));
      const found = nelderMead((x) => gap(x), start, check.evaluations);
      evaluations += found.used;
      if (found.value < worst.gap) worst = { gap: found.value, label };
    }
  }
  // Every evaluation NaN means the parametrization never reached the claim's domain: a bug in the entry.
  if (!Number.isFinite(worst.gap)) throw new InputError('out-of-range', 'check.cases', 'no evaluation of any gap was a finite number; the gaps must be finite on every parameter vector.');
  const cases = check.cases.map((entry) => entry.label);
  const search: SearchSummary = { evaluations, restarts: check.restarts, cases, worstGap: worst.gap, worstCase: worst.label };
  const summary = `Nelder-Mead from ${check.restarts} random starts in each of ${cases.length} cases (${cases[0]} to ${cases[cases.length - 1]}; ${evaluations} evaluations): smallest relative gap ${worst.gap.toExponential(2)} at ${worst.label}`;
  const method = 'adversarial numeric search';
  if (worst.gap < -check.tolerance) return { verdict: 'fails', method, routes: { adversarial: `violation: ${summary}` }, search };
  return { verdict: 'unproved', method, routes: { adversarial: `${summary} (evidence, not proof)` }, search };
}
