/**
 * The kinds of check and how each reaches a verdict. Every identity is decided twice, by
 * nerdamer (symbolic) and by exact rational evaluation at random points; every inequality by a
 * sign analysis (symbolic) and an exact-rational counterexample search. When two routes
 * disagree the result carries `checkerBug`, which the command turns into a failing exit status.
 */
import { ADVERSARIAL_FIELDS, type AdversarialCheck, type SearchSummary, runAdversarial } from './adversarial.js';
import { OutsideDomainError, evaluateExact, type Point } from './exact.js';
import { sub, substitute, symbolsOf, type Expr, type Rates } from './expr.js';
import type { ExprMatrix } from './matrix.js';
import { expandFully, nerdamerLimit, runNerdamer, toFraction, type Fraction } from './nerdamer.js';
import { NONCOMMUTATIVE_FIELDS, type NoncommutativeCheck, runNoncommutative } from './noncommutativeCheck.js';
import { Rational } from './rational.js';
import { REFERENCE_FIELDS, type ReferenceCheck, runReference } from './reference.js';
import { createUniform, sample } from './sampling.js';
import { fractionSign, polynomialSign, productSign, type Domain, type Sign } from './sign.js';
import { fractionTeX } from './tex.js';
import {
  type FieldCheck,
  InputError,
  optional,
  requireBoolean,
  requireCallback,
  requireDomains,
  requireExpr,
  requireExprMatrix,
  requireExprRecord,
  requireFields,
  requireIntegerIn,
  requireOneOf,
  requireRecord,
  requireSeed,
  requireText,
} from './validate.js';
import { WITNESS_FIELDS, type WitnessCheck, runWitness } from './witness.js';
import { findWitness, requireWitness, type Witness } from './domainWitness.js';

export type Verdict = 'holds' | 'holds-as-inequality' | 'fails' | 'unproved';
export type Relation = '<=' | '<' | '>=' | '>';
export type Domains = Readonly<Record<string, Domain>>;

/** lhs = rhs (scalars or matrices, entrywise), as a rational-function identity. */
export interface IdentityCheck {
  readonly kind: 'identity';
  readonly lhs: Expr | ExprMatrix;
  readonly rhs: Expr | ExprMatrix;
  /** Time derivatives of the symbols, for checks that involve d/dt. */
  readonly rates?: Rates;
  /** Domains of the symbols (for sampling). */
  readonly domains?: Domains;
  /** Only the upper triangle of a symmetric residual is computed symbolically. */
  readonly symmetric?: boolean;
  /**
   * When the paper's `=` is false: the inequality `lhs relation rhs` its argument needs, under
   * these hypotheses. If it holds the verdict is `holds-as-inequality`.
   */
  readonly weaker?: {
    readonly relation: Relation;
    readonly domains: Domains;
    readonly substitutions?: Readonly<Record<string, Expr>>;
  };
  /**
   * The paper's domain for the claim (Y >= 0, W0 = L L^T, S = e^{Sigma t} > 0, ...): when the
   * identity fails, the counterexample is drawn from it rather than from the proof's sampling.
   */
  readonly witness?: Witness;
}

/** lhs relation rhs for every point of the domains, after the hypotheses' substitutions. */
export interface InequalityCheck {
  readonly kind: 'inequality';
  readonly lhs: Expr;
  readonly relation: Relation;
  readonly rhs: Expr;
  readonly domains: Domains;
  /**
   * Hypotheses written as reparametrizations, e.g. `{ c: alpha + d }` with d >= 0 for alpha <= c.
   * The sign analysis and the search both see the substituted expression.
   */
  readonly substitutions?: Readonly<Record<string, Expr>>;
}

/** lim_{variable -> 0} expression = expected (nerdamer syntax, exponentials allowed). */
export interface LimitCheck {
  readonly kind: 'limit';
  readonly expression: string;
  readonly variable: string;
  readonly expected: string;
  /** The other symbols; the numeric route samples each in [0.1, 10]. */
  readonly domains: Domains;
  /** The expression in floating point, for the numeric second opinion. */
  readonly evaluate: (variable: number, point: Readonly<Record<string, number>>) => number;
  readonly evaluateExpected: (point: Readonly<Record<string, number>>) => number;
}

/** A statement outside the engine (matrix norms, Loewner order): searched numerically, never proved. */
export interface NumericCheck {
  readonly kind: 'numeric';
  readonly trials: number;
  /** One random trial; returns a description of a violation, or undefined. */
  readonly trial: (uniform: () => number) => string | undefined;
}

export type Check = IdentityCheck | InequalityCheck | LimitCheck | NumericCheck | WitnessCheck | ReferenceCheck | NoncommutativeCheck | AdversarialCheck;

export interface CheckResult {
  readonly verdict: Verdict;
  readonly method: string;
  /** What each route said, in words. */
  readonly routes: Readonly<Record<string, string>>;
  /** The nonzero residual when an identity fails: `(numerator) / (factor * factor ...)`, truncated. */
  readonly residual?: string;
  /** The same residual as TeX (`\frac{...}{...}`, the paper's symbols), for rendering. */
  readonly residualTeX?: string;
  /** An exact point (symbol -> rational) where the statement fails. */
  readonly counterexample?: Readonly<Record<string, string>>;
  /** Set when two routes disagree: a bug in the checker, never in the paper. */
  readonly checkerBug?: string;
  /** For an adversarial search: its size and the smallest gap it found. */
  readonly search?: SearchSummary;
}

const IDENTITY_POINTS = 6;
const SEARCH_POINTS = 400;
const MAX_ATTEMPTS = 200;
const RESIDUAL_CHARS = 400;

const RELATIONS = ['<=', '<', '>=', '>'];
/** Most trials of a numeric check: each is a call of the check's own function. */
const MAX_TRIALS = 1_000_000;

const exprOrMatrix: FieldCheck = (value, argument) => (Array.isArray(value) ? requireExprMatrix(value, argument) : requireExpr(value, argument));
const relation: FieldCheck = (value, argument) => requireOneOf(value, argument, RELATIONS);
const exprRecord: FieldCheck = (value, argument) => requireExprRecord(value, argument);
const text: FieldCheck = (value, argument) => requireText(value, argument);
const callback: FieldCheck = (value, argument) => requireCallback(value, argument, 'as documented in the Check type');

/** The fields of each kind of check, checked before any of it runs. */
const CHECK_FIELDS: Readonly<Record<Check['kind'], Readonly<Record<string, FieldCheck>>>> = {
  identity: {
    lhs: exprOrMatrix,
    rhs: exprOrMatrix,
    rates: optional(exprRecord),
    domains: optional(requireDomains),
    symmetric: optional(requireBoolean),
    weaker: optional((value, argument) => requireFields(value, argument, '{ relation, domains, substitutions? }', { relation, domains: requireDomains, substitutions: optional(exprRecord) })),
    witness: optional(requireWitness),
  },
  inequality: { lhs: requireExpr, rhs: requireExpr, relation, domains: requireDomains, substitutions: optional(exprRecord) },
  limit: { expression: text, variable: text, expected: text, domains: requireDomains, evaluate: callback, evaluateExpected: callback },
  numeric: { trials: (value, argument) => requireIntegerIn(value, argument, 0, MAX_TRIALS), trial: callback },
  witness: WITNESS_FIELDS,
  reference: REFERENCE_FIELDS,
  noncommutative: NONCOMMUTATIVE_FIELDS,
  adversarial: ADVERSARIAL_FIELDS,
};

/** Checks a {@link Check}: its kind, the fields of that kind, and that an identity's two sides have one shape. */
function requireCheck(check: unknown): void {
  const kind = requireOneOf(requireRecord(check, 'check', '{ kind, ... }').kind, 'check.kind', Object.keys(CHECK_FIELDS)) as Check['kind'];
  requireFields(check, 'check', `a ${kind} check`, CHECK_FIELDS[kind]);
  if (kind !== 'identity') return;
  const { lhs, rhs } = check as IdentityCheck;
  const [left, right] = [asMatrix(lhs), asMatrix(rhs)];
  if (left.length !== right.length || left[0].length !== right[0].length) {
    throw new InputError('shape', 'check.rhs', `is ${right.length}x${right[0].length} but lhs is ${left.length}x${left[0].length}; both sides need one shape.`);
  }
}

function asMatrix(value: Expr | ExprMatrix): ExprMatrix {
  return Array.isArray(value) ? (value as ExprMatrix) : [[value as Expr]];
}

function randomPoint(symbols: Iterable<string>, domains: Domains, uniform: () => number): Map<string, Rational> {
  const point = new Map<string, Rational>();
  for (const name of symbols) point.set(name, sample(domains[name], uniform));
  return point;
}

function pointText(point: Point, keep?: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of [...point].sort(([a], [b]) => a.localeCompare(b)))
    if (!keep || keep.has(name)) out[name] = value.toString();
  return out;
}

function truncate(text: string): string {
  return text.length > RESIDUAL_CHARS ? `${text.slice(0, RESIDUAL_CHARS)}... (${text.length} characters)` : text;
}

/** Multi-term factors in parentheses; a bare monomial needs none inside `*`. */
function factorText(factor: string): string {
  return /[+\-(]/.test(factor) ? `(${factor})` : factor;
}

function fractionText(fraction: Fraction): string {
  if (fraction.denominator.length === 0) return truncate(fraction.numerator);
  return truncate(`(${fraction.numerator}) / (${fraction.denominator.map(factorText).join(' * ')})`);
}

/** The residual as text and as TeX, for a result. */
function residualFields(fraction: Fraction): { residual: string; residualTeX: string } {
  return { residual: fractionText(fraction), residualTeX: fractionTeX(fraction) };
}

/** Evaluates residual entries at random points until one is nonzero or `points` points agree on 0. */
function exactRoute(
  residuals: readonly Expr[],
  rates: Rates,
  domains: Domains,
  uniform: () => number,
): { zero: boolean; points: number; point?: Point; value?: Rational } {
  const symbols = new Set<string>();
  for (const residual of residuals) symbolsOf(residual, symbols);
  for (const rate of Object.values(rates)) symbolsOf(rate, symbols);
  let points = 0;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && points < IDENTITY_POINTS; attempt++) {
    const point = randomPoint(symbols, domains, uniform);
    try {
      for (const residual of residuals) {
        const value = evaluateExact(residual, point, rates);
        if (!value.isZero()) return { zero: false, points: points + 1, point, value };
      }
      points++;
    } catch (error) {
      if (!(error instanceof OutsideDomainError)) throw error;
    }
  }
  if (points < IDENTITY_POINTS) {
    throw new InputError('out-of-range', 'check', `only ${points} of ${IDENTITY_POINTS} random points were inside the domain of the residual; check the domains, or the denominators that vanish.`);
  }
  return { zero: true, points };
}

function runIdentity(check: IdentityCheck, uniform: () => number): CheckResult {
  const lhs = asMatrix(check.lhs);
  const rhs = asMatrix(check.rhs);
  const rates = check.rates ?? {};
  const domains = check.domains ?? {};
  const residuals: Expr[] = [];
  lhs.forEach((row, i) =>
    row.forEach((entry, j) => {
      if (!check.symmetric || j >= i) residuals.push(sub(entry, rhs[i][j]));
    }),
  );
  const exact = exactRoute(residuals, rates, domains, uniform);
  let nonzero: Fraction | undefined;
  for (const residual of residuals) {
    const fraction = toFraction(residual, rates);
    if (fraction.numerator !== '0') {
      nonzero = fraction;
      break;
    }
  }
  const routes: Record<string, string> = {
    symbolic: nonzero ? 'residual numerator expands to a nonzero polynomial' : 'residual numerator expands to 0',
    exact: exact.zero
      ? `residual exactly 0 at ${exact.points} random rational points`
      : `residual ${exact.value?.toString()} at a random rational point`,
  };
  if (!nonzero && exact.zero) return { verdict: 'holds', method: 'symbolic + exact-rational', routes };
  if (!nonzero || exact.zero)
    return {
      verdict: 'unproved',
      method: 'symbolic + exact-rational',
      routes,
      checkerBug: 'the symbolic and exact-rational routes disagree on whether the residual is 0',
    };
  // The proof's sampling ranges over all rationals; a reader's counterexample lies in the claim's domain.
  const witnessed = check.witness ? findWitness(residuals, rates, check.witness, uniform) : undefined;
  const counterexample = check.witness ? witnessed?.point : exact.point ? pointText(exact.point) : undefined;
  if (check.witness) routes.witness = witnessed ? `residual ${witnessed.value.toString()} at a point of the claim's domain` : "no non-zero residual found inside the claim's domain";
  if (check.weaker && residuals.length === 1) {
    // Substituting into an expression before differentiating it would be wrong: no rates here.
    if (check.rates) throw new InputError('out-of-range', 'check.weaker', 'an identity with rates cannot have a weaker inequality; drop the rates or the weaker relation.');
    const weaker = runInequality({ kind: 'inequality', lhs: lhs[0][0], rhs: rhs[0][0], ...check.weaker }, uniform);
    if (weaker.checkerBug) return weaker;
    if (weaker.verdict === 'holds')
      return {
        verdict: 'holds-as-inequality',
        method: `symbolic + exact-rational; ${weaker.method} for ${check.weaker.relation}`,
        routes: { ...routes, inequality: weaker.routes.symbolic },
        ...residualFields(nonzero),
        counterexample,
      };
  }
  return { verdict: 'fails', method: 'symbolic + exact-rational', routes, ...residualFields(nonzero), counterexample };
}

/** The sign of an expanded polynomial, trying a verified nerdamer factorization when monomials alone do not decide it. */
function numeratorSign(numerator: string, domains: Domains): Sign {
  const direct = polynomialSign(numerator, domains);
  if (direct !== 'unknown') return direct;
  const factored = runNerdamer(`factor(${numerator})`);
  const factors = splitTopLevelProduct(factored);
  if (factors.length < 2) return 'unknown';
  // nerdamer's factor is not trusted: the factors must expand back to the numerator.
  if (expandFully(`(${factors.map((factor) => `(${factor})`).join('*')})-(${numerator})`) !== '0') return 'unknown';
  return productSign(factors.map((factor) => polynomialSign(expandFully(factor), domains)));
}

function splitTopLevelProduct(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === '*' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function runInequality(check: InequalityCheck, uniform: () => number): CheckResult {
  const strict = check.relation === '<' || check.relation === '>';
  const oriented = check.relation === '<=' || check.relation === '<' ? sub(check.rhs, check.lhs) : sub(check.lhs, check.rhs);
  const substitutions = check.substitutions ?? {};
  const gap = substitute(oriented, substitutions);
  const fraction = toFraction(gap);
  const sign = fractionSign(
    numeratorSign(fraction.numerator, check.domains),
    fraction.denominator.map((factor) => polynomialSign(factor, check.domains)),
  );
  const proved = strict ? sign === 'positive' : sign === 'positive' || sign === 'nonnegative' || sign === 'zero';
  const symbolic = `gap ${strict ? '> 0' : '>= 0'} needed; sign analysis of the factors gives: ${sign}`;

  const symbols = symbolsOf(gap);
  let violation: { point: Point; value: Rational } | undefined;
  let points = 0;
  for (let attempt = 0; attempt < SEARCH_POINTS * 4 && points < SEARCH_POINTS && !violation; attempt++) {
    const point = randomPoint(symbols, check.domains, uniform);
    try {
      const value = evaluateExact(gap, point);
      points++;
      if (value.sign() < 0 || (strict && value.isZero())) violation = { point, value };
    } catch (error) {
      if (!(error instanceof OutsideDomainError)) throw error;
    }
  }
  const search = violation
    ? `counterexample: gap = ${violation.value.toString()} at an exact rational point`
    : `no counterexample at ${points} random rational points`;
  const routes = { symbolic, exact: search };
  if (proved && !violation) return { verdict: 'holds', method: 'symbolic sign analysis + exact-rational search', routes };
  if (proved && violation)
    return {
      verdict: 'unproved',
      method: 'symbolic sign analysis + exact-rational search',
      routes,
      checkerBug: 'the sign analysis proved the inequality but the exact search found a violation',
      counterexample: pointText(violation.point),
    };
  if (violation) {
    // Report the point in the paper's symbols too (the substituted ones are recovered from the hypotheses).
    const original: Record<string, string> = pointText(violation.point);
    for (const [name, replacement] of Object.entries(substitutions)) {
      try {
        original[name] = evaluateExact(replacement, violation.point).toString();
      } catch (error) {
        if (!(error instanceof OutsideDomainError)) throw error;
      }
    }
    return { verdict: 'fails', method: 'exact-rational counterexample', routes, counterexample: original };
  }
  return { verdict: 'unproved', method: 'sign analysis undecided; exact-rational search', routes };
}

function runLimit(check: LimitCheck, uniform: () => number): CheckResult {
  const limit = nerdamerLimit(check.expression, check.variable, '0');
  const symbolicEqual = expandFully(`(${limit})-(${check.expected})`) === '0';
  let numericEqual = true;
  let worst = 0;
  for (let trial = 0; trial < 8; trial++) {
    // Moderate values keep both scales in the asymptotic regime and every exponential finite.
    const point: Record<string, number> = {};
    for (const name of Object.keys(check.domains)) point[name] = 0.1 + 9.9 * uniform();
    const expected = check.evaluateExpected(point);
    // A limit with a smooth approach: the gap shrinks (about linearly) with the variable.
    const coarse = Math.abs(check.evaluate(1e-3, point) - expected);
    const fine = Math.abs(check.evaluate(1e-6, point) - expected);
    const scale = Math.max(Math.abs(expected), 1);
    worst = Math.max(worst, fine / scale);
    if (!(fine <= 0.01 * coarse + 1e-9 * scale)) numericEqual = false;
  }
  const routes = {
    symbolic: `nerdamer limit = ${limit}; ${symbolicEqual ? 'equals' : 'differs from'} ${check.expected}`,
    numeric: numericEqual ? `converges (relative gap ${worst.toExponential(1)} at 1e-6)` : 'does not converge to the expected value',
  };
  if (symbolicEqual && numericEqual) return { verdict: 'holds', method: 'symbolic (nerdamer limit) + numeric', routes };
  if (symbolicEqual !== numericEqual)
    return { verdict: 'unproved', method: 'symbolic (nerdamer limit) + numeric', routes, checkerBug: 'nerdamer limit and the numeric evaluation disagree' };
  return { verdict: 'fails', method: 'symbolic (nerdamer limit) + numeric', routes };
}

function runNumeric(check: NumericCheck, uniform: () => number): CheckResult {
  for (let trial = 0; trial < check.trials; trial++) {
    const violation = check.trial(uniform);
    if (violation !== undefined)
      return { verdict: 'fails', method: 'numeric search', routes: { numeric: `violation at trial ${trial + 1}: ${violation}` } };
  }
  return {
    verdict: 'unproved',
    method: 'numeric search',
    routes: { numeric: `no counterexample in ${check.trials} random trials (evidence, not proof)` },
  };
}

/** Runs one check with a seeded generator; the same seed gives the same result. */
export function runCheck(check: Check, seed: number): CheckResult {
  requireCheck(check);
  const uniform = createUniform(requireSeed(seed, 'seed'));
  switch (check.kind) {
    case 'identity':
      return runIdentity(check, uniform);
    case 'inequality':
      return runInequality(check, uniform);
    case 'limit':
      return runLimit(check, uniform);
    case 'numeric':
      return runNumeric(check, uniform);
    case 'witness':
      return runWitness(check);
    case 'reference':
      return runReference(check);
    case 'noncommutative':
      return runNoncommutative(check, uniform);
    case 'adversarial':
      return runAdversarial(check, uniform);
  }
}
