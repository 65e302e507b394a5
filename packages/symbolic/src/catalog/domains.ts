/**
 * The paper's domains as witness parametrizations (see `Witness`): a positive definite matrix as
 * L L^T, and the exponentials of S = e^{Sigma t} as powers of one base, so that a counterexample
 * to an identity is a point a reader can plug into the paper's own setting.
 */
import { add, div, mul, pow, sub, sym, type Expr } from '../expr.js';
import type { Domain } from '../sign.js';
import type { Witness } from '../domainWitness.js';

interface Part {
  readonly values: Record<string, Expr>;
  readonly domains: Record<string, Domain>;
}

/**
 * The entries `prefix{i}{j}` (i <= j) of a positive definite n x n matrix as L L^T, L lower
 * triangular with entries `factor{i}{j}` and a positive diagonal.
 */
export function gram(prefix: string, factor: string, n: number): Part {
  const values: Record<string, Expr> = {};
  const domains: Record<string, Domain> = {};
  for (let i = 1; i <= n; i++) {
    domains[`${factor}${i}${i}`] = 'positive';
    for (let j = i; j <= n; j++) {
      const terms = Array.from({ length: i }, (_, k) => mul(sym(`${factor}${i}${k + 1}`), sym(`${factor}${j}${k + 1}`)));
      values[`${prefix}${i}${j}`] = add(...terms);
    }
  }
  return { values, domains };
}

/**
 * Eigenvalues sigma_i = k_i sigma > 0 (integer ratios) and exponentials e^{sigma_i t} = b^{k_i}
 * with b = 1 + c > 1: rational at one time t = ln(b)/sigma > 0. `names` maps each eigenvalue
 * symbol to its exponential symbol and its multiple k_i; `gains` optionally names G's entries
 * (e^{2 sigma_i t} - 1)/sigma_i.
 */
export function exponentials(names: readonly (readonly [eigenvalue: string, exponential: string, multiple: number, gain?: string])[]): Part & Pick<Witness, 'time'> {
  const [sigma, base] = [sym('sigma'), add(1, sym('c'))];
  const values: Record<string, Expr> = {};
  for (const [eigenvalue, exponential, multiple, gain] of names) {
    values[eigenvalue] = mul(multiple, sigma);
    values[exponential] = pow(base, multiple);
    if (gain) values[gain] = div(sub(pow(base, 2 * multiple), 1), mul(multiple, sigma));
  }
  return { values, domains: { sigma: 'positive', c: 'positive' }, time: { base, rate: sigma } };
}

/** Several parts as one witness. */
export function witness(...parts: readonly (Part & Partial<Pick<Witness, 'time'>>)[]): Witness {
  const time = parts.find((part) => part.time)?.time;
  return {
    values: Object.assign({}, ...parts.map((part) => part.values)) as Record<string, Expr>,
    domains: Object.assign({}, ...parts.map((part) => part.domains)) as Record<string, Domain>,
    ...(time ? { time } : {}),
  };
}
