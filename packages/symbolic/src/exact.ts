/**
 * The exact-rational route: evaluates an expression at a rational point, carrying the time
 * derivative as the tangent part of a dual number (forward-mode differentiation in exact
 * arithmetic). It shares nothing with the nerdamer route but the expression tree, so the two
 * are independent opinions on every identity.
 */
import type { Expr, Rates } from './expr.js';
import { Rational } from './rational.js';
import { InputError, describeValue, requireExpr, requireExprRecord, requireRational } from './validate.js';

/** A value and its time derivative. */
interface Dual {
  readonly value: Rational;
  readonly tangent: Rational;
}

export type Point = ReadonlyMap<string, Rational>;

/**
 * Thrown when the point makes a denominator vanish; the caller draws another point. An InputError
 * on `point` (code `out-of-range`), so that it is typed like every other refusal.
 */
export class OutsideDomainError extends InputError {
  /** @param message - which denominator vanished. */
  constructor(message: string) {
    super('out-of-range', 'point', `${message}; the point is outside the expression's domain, draw another.`);
  }
}

function dualPow(base: Dual, exponent: number): Dual {
  if (exponent === 0) return { value: Rational.one, tangent: Rational.zero };
  if (base.value.isZero() && exponent < 0) throw new OutsideDomainError('division by zero');
  const value = base.value.pow(exponent);
  // d(b^k) = k b^(k-1) b'
  const tangent = base.value.isZero()
    ? exponent === 1
      ? base.tangent
      : Rational.zero
    : Rational.of(exponent).mul(base.value.pow(exponent - 1)).mul(base.tangent);
  return { value, tangent };
}

function evaluateDual(expr: Expr, point: Point, tangents: Point): Dual {
  switch (expr.kind) {
    case 'sym': {
      const value = point.get(expr.name);
      if (value === undefined) throw new InputError('out-of-range', 'point', `has no value for symbol '${expr.name}'; give every symbol of the expression and of the rates a Rational.`);
      return { value, tangent: tangents.get(expr.name) ?? Rational.zero };
    }
    case 'num':
      return { value: expr.value, tangent: Rational.zero };
    case 'add':
      return expr.terms
        .map((term) => evaluateDual(term, point, tangents))
        .reduce((a, b) => ({ value: a.value.add(b.value), tangent: a.tangent.add(b.tangent) }));
    case 'mul':
      return expr.factors
        .map((factor) => evaluateDual(factor, point, tangents))
        .reduce((a, b) => ({ value: a.value.mul(b.value), tangent: a.tangent.mul(b.value).add(a.value.mul(b.tangent)) }));
    case 'pow':
      return dualPow(evaluateDual(expr.base, point, tangents), expr.exponent);
    case 'dt': {
      // Second derivatives are never needed by the catalog; refusing them keeps the dual numbers first order.
      if (containsDt(expr.arg)) throw new InputError('out-of-range', 'expr', 'nests dt inside dt; the exact route carries first derivatives only, so write the second derivative out.');
      return { value: evaluateDual(expr.arg, point, tangents).tangent, tangent: Rational.zero };
    }
  }
}

function containsDt(expr: Expr): boolean {
  switch (expr.kind) {
    case 'sym':
    case 'num':
      return false;
    case 'add':
      return expr.terms.some(containsDt);
    case 'mul':
      return expr.factors.some(containsDt);
    case 'pow':
      return containsDt(expr.base);
    case 'dt':
      return true;
  }
}

/**
 * The exact value of `expr` at `point`, where each symbol's time derivative is its rate
 * evaluated at the same point. Throws {@link OutsideDomainError} if a denominator vanishes.
 */
export function evaluateExact(expr: Expr, point: Point, rates: Rates = {}): Rational {
  requireExpr(expr, 'expr');
  if (!(point instanceof Map)) throw new InputError('out-of-range', 'point', `expected a Map from symbol names to Rationals, got ${describeValue(point)}.`);
  for (const [name, value] of point) requireRational(value, `point.get('${String(name)}')`);
  requireExprRecord(rates, 'rates');
  const tangents = new Map<string, Rational>();
  for (const [name, rate] of Object.entries(rates)) tangents.set(name, evaluateDual(rate, point, new Map()).value);
  try {
    return evaluateDual(expr, point, tangents).value;
  } catch (error) {
    // A zero denominator met by Rational.div rather than by a power: the same way out of the domain.
    if (error instanceof InputError && !(error instanceof OutsideDomainError) && /division by zero/.test(error.message)) throw new OutsideDomainError('division by zero');
    throw error;
  }
}
