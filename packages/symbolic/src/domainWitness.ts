/**
 * Counterexamples a reader can plug in: when an identity fails, the point the exact route happened
 * to draw may lie outside the paper's domain (a negative eigenvalue of Y >= 0, an indefinite W0,
 * a negative e^{sigma t}). A {@link Witness} writes the paper's symbols through parameters whose
 * only constraints are signs, e.g. W0 = L L^T or s_i = b^{k_i} with b = e^{sigma t} > 1, so every
 * point drawn from it satisfies the claim's hypotheses by construction.
 */
import { OutsideDomainError, evaluateExact, type Point } from './exact.js';
import { symbolsOf, type Expr, type Rates } from './expr.js';
import { Rational } from './rational.js';
import type { Domain } from './sign.js';
import { optional, requireDomains, requireExpr, requireExprRecord, requireFields, type FieldCheck } from './validate.js';

/** The paper's domain of a claim, as a parametrization with sign constraints only. */
export interface Witness {
  /** Domains of the parameters. */
  readonly domains: Readonly<Record<string, Domain>>;
  /** Paper symbols written in the parameters, e.g. `{ w11: l11^2 }`; a symbol not listed is a parameter itself. */
  readonly values: Readonly<Record<string, Expr>>;
  /**
   * The time of the point when the exponentials are powers of one base b = e^{rate t}: the
   * counterexample states t = ln(b)/rate, which is real (and >= 0 when b >= 1) for rate > 0.
   */
  readonly time?: { readonly base: Expr; readonly rate: Expr };
}

const ATTEMPTS = 400;

/**
 * A small rational in the domain (numerator up to 9, denominator up to 4): a witness is for a
 * reader to plug in, and the residual is a non-zero rational function, so small points suffice.
 */
function small(domain: Domain | undefined, uniform: () => number): Rational {
  const magnitude = () => Rational.of(1 + Math.floor(uniform() * 9), 1 + Math.floor(uniform() * 4));
  if (domain === 'positive') return magnitude();
  if (domain === 'nonnegative') return uniform() < 0.3 ? Rational.zero : magnitude();
  return uniform() < 0.5 ? magnitude() : magnitude().neg();
}

/** Checks a {@link Witness}'s fields (a FieldCheck for the checks that carry one). */
export const requireWitness: FieldCheck = (value, argument) =>
  requireFields(value, argument, '{ domains, values, time? }', {
    domains: requireDomains,
    values: requireExprRecord,
    time: optional((time, at) => requireFields(time, at, '{ base, rate }', { base: requireExpr, rate: requireExpr })),
  });

function text(point: Point, extra: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of [...point].sort(([a], [b]) => a.localeCompare(b))) out[name] = value.toString();
  return { ...out, ...extra };
}

/**
 * Searches the witness's domain for a point where one residual is non-zero. Returns the point in
 * the paper's symbols and the parameters, with t when the witness states it, or undefined when
 * no attempt gave a non-zero residual inside the domain.
 */
export function findWitness(residuals: readonly Expr[], rates: Rates, witness: Witness, uniform: () => number): { point: Record<string, string>; value: Rational } | undefined {
  const needed = new Set<string>();
  for (const residual of residuals) symbolsOf(residual, needed);
  for (const rate of Object.values(rates)) symbolsOf(rate, needed);
  const parameters = new Set<string>([...needed].filter((name) => !Object.hasOwn(witness.values, name)));
  for (const value of Object.values(witness.values)) symbolsOf(value, parameters);
  if (witness.time) for (const part of [witness.time.base, witness.time.rate]) symbolsOf(part, parameters);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const drawn = new Map<string, Rational>();
    for (const name of parameters) drawn.set(name, small(witness.domains[name], uniform));
    try {
      const point = new Map(drawn);
      for (const [name, value] of Object.entries(witness.values)) point.set(name, evaluateExact(value, drawn));
      for (const residual of residuals) {
        const value = evaluateExact(residual, point, rates);
        if (value.isZero()) continue;
        const time: Record<string, string> = witness.time ? { t: `ln(${evaluateExact(witness.time.base, drawn).toString()})/(${evaluateExact(witness.time.rate, drawn).toString()})` } : {};
        return { point: text(point, time), value };
      }
    } catch (error) {
      if (!(error instanceof OutsideDomainError)) throw error;
    }
  }
  return undefined;
}
