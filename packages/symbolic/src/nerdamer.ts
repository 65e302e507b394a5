/**
 * The symbolic route, on nerdamer-prime. nerdamer's `simplify` is known to return wrong
 * answers, so it is never called: every quantity is kept as an explicit numerator over a
 * list of denominator factors, each an expanded polynomial, and an identity is proved only
 * when the numerator of the difference expands, to a fixpoint, to the literal string "0".
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import nerdamer from 'nerdamer-prime/all';

import { toText, type Expr, type Rates } from './expr.js';
import { InputError, requireExpr, requireExprRecord, requireText } from './validate.js';

/** numerator / (product of denominator factors); every string is an expanded polynomial. */
export interface Fraction {
  readonly numerator: string;
  readonly denominator: readonly string[];
}

const MAX_EXPAND_PASSES = 12;

// nerdamer aborts long computations after its TIMEOUT (800 ms by default); the catalog's worker
// enforces its own wall-clock limit instead.
nerdamer.set('TIMEOUT', 600_000);

/**
 * The installed nerdamer-prime version, for the report: read beside its entry point, because its
 * `exports` hide package.json.
 *
 * @returns the version string, e.g. `1.5.0`.
 * @throws when nerdamer-prime is not installed (it is a dependency of this package).
 * @example
 * ```ts
 * buildReport(results, seed, seconds, nerdamerVersion());
 * ```
 */
export function nerdamerVersion(): string {
  const entry = createRequire(import.meta.url).resolve('nerdamer-prime');
  return (JSON.parse(readFileSync(join(dirname(entry), 'package.json'), 'utf8')) as { version: string }).version;
}

let callsSinceFlush = 0;

/** Evaluates one nerdamer command and returns its text (history flushed periodically). */
export function runNerdamer(text: string): string {
  requireText(text, 'text');
  let result: string;
  try {
    result = nerdamer(text).toString();
  } catch (error) {
    throw new InputError('out-of-range', 'text', `nerdamer cannot evaluate it (${error instanceof Error ? error.message : String(error)}); pass an expression in nerdamer's syntax.`);
  }
  if (++callsSinceFlush > 200) {
    // The expression history grows with every call and slows nerdamer down.
    nerdamer.flush();
    callsSinceFlush = 0;
  }
  return result;
}

/** Expands a polynomial until nerdamer's output stops changing (one pass is not always enough). */
export function expandFully(text: string): string {
  let current = runNerdamer(`expand(${requireText(text, 'text')})`);
  for (let pass = 1; pass < MAX_EXPAND_PASSES; pass++) {
    const next = runNerdamer(`expand(${current})`);
    if (next === current) return current;
    current = next;
  }
  throw new InputError('out-of-range', 'text', `expand did not reach a fixpoint in ${MAX_EXPAND_PASSES} passes; pass a polynomial nerdamer can expand, or split it.`);
}

function product(factors: readonly string[]): string {
  return factors.length === 0 ? '1' : factors.map((factor) => `(${factor})`).join('*');
}

function multiply(a: string, b: string): string {
  if (a === '0' || b === '0') return '0';
  if (a === '1') return b;
  if (b === '1') return a;
  return expandFully(`(${a})*(${b})`);
}

function withoutOne(factors: string[], factor: string): string[] {
  const index = factors.indexOf(factor);
  return index < 0 ? factors : [...factors.slice(0, index), ...factors.slice(index + 1)];
}

function sum(fractions: Fraction[]): Fraction {
  // Least common denominator by factor identity: a factor shared by two terms is used once.
  const common: string[] = [];
  for (const fraction of fractions) {
    let remaining = [...common];
    for (const factor of fraction.denominator) {
      if (remaining.includes(factor)) remaining = withoutOne(remaining, factor);
      else common.push(factor);
    }
  }
  const terms = fractions
    .map((fraction) => {
      let missing = [...common];
      for (const factor of fraction.denominator) missing = withoutOne(missing, factor);
      return multiply(fraction.numerator, expandFully(product(missing)));
    })
    .filter((term) => term !== '0');
  const numerator = terms.length === 0 ? '0' : expandFully(terms.map((term) => `(${term})`).join('+'));
  return { numerator, denominator: numerator === '0' ? [] : common };
}

function times(a: Fraction, b: Fraction): Fraction {
  const numerator = multiply(a.numerator, b.numerator);
  return { numerator, denominator: numerator === '0' ? [] : [...a.denominator, ...b.denominator] };
}

function reciprocal(a: Fraction): Fraction {
  if (a.numerator === '0') throw new InputError('out-of-range', 'expr', 'divides by an expression that expands to 0; check the denominators.');
  return { numerator: expandFully(product(a.denominator)), denominator: a.numerator === '1' ? [] : [a.numerator] };
}

/** d/dt of a polynomial: sum over symbols of rate * partial derivative (the chain rule). */
function polynomialRate(polynomial: string, rates: Rates): string {
  const terms: string[] = [];
  for (const [name, rate] of Object.entries(rates)) {
    const partial = runNerdamer(`diff(${polynomial}, ${name})`);
    if (partial !== '0') terms.push(`(${toText(rate)})*(${partial})`);
  }
  return terms.length === 0 ? '0' : expandFully(terms.join('+'));
}

// Expressions are immutable and matrix products share their entries, so the residuals of one
// check reuse the same subexpressions many times; each is expanded once per rates object.
const fractions = new WeakMap<Rates, WeakMap<Expr, Fraction>>();

/** Writes an expression as an explicit fraction of expanded polynomials. */
export function toFraction(expr: Expr, rates: Rates = {}): Fraction {
  return fractionOf(requireExpr(expr, 'expr'), requireExprRecord(rates, 'rates'));
}

function fractionOf(expr: Expr, rates: Rates): Fraction {
  let known = fractions.get(rates);
  if (!known) fractions.set(rates, (known = new WeakMap()));
  let fraction = known.get(expr);
  if (!fraction) known.set(expr, (fraction = expandedFraction(expr, rates)));
  return fraction;
}

function expandedFraction(expr: Expr, rates: Rates): Fraction {
  switch (expr.kind) {
    case 'sym':
      return { numerator: expr.name, denominator: [] };
    case 'num':
      return {
        numerator: expr.value.numerator.toString(),
        denominator: expr.value.denominator === 1n ? [] : [expr.value.denominator.toString()],
      };
    case 'add':
      return sum(expr.terms.map((term) => fractionOf(term, rates)));
    case 'mul':
      return expr.factors.map((factor) => fractionOf(factor, rates)).reduce(times);
    case 'pow': {
      const base = fractionOf(expr.base, rates);
      const oriented = expr.exponent < 0 ? reciprocal(base) : base;
      let result: Fraction = { numerator: '1', denominator: [] };
      for (let k = 0; k < Math.abs(expr.exponent); k++) result = times(result, oriented);
      return result;
    }
    case 'dt': {
      const inner = fractionOf(expr.arg, rates);
      const numeratorRate = polynomialRate(inner.numerator, rates);
      if (inner.denominator.length === 0) return { numerator: numeratorRate, denominator: [] };
      const denominator = expandFully(product(inner.denominator));
      const denominatorRate = polynomialRate(denominator, rates);
      // (N/P)' = (N' P - N P') / P^2
      const numerator = expandFully(`(${multiply(numeratorRate, denominator)})-(${multiply(inner.numerator, denominatorRate)})`);
      return { numerator, denominator: numerator === '0' ? [] : [...inner.denominator, ...inner.denominator] };
    }
  }
}

/** nerdamer `limit(expression, variable, value)`, expression in nerdamer syntax. */
export function nerdamerLimit(expression: string, variable: string, value: string): string {
  requireText(expression, 'expression');
  requireText(variable, 'variable');
  requireText(value, 'value');
  try {
    return runNerdamer(`limit(${expression}, ${variable}, ${value})`);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(error.code, 'expression', `with variable '${variable}' and value '${value}': ${error.message.slice('text: '.length)}`);
  }
}
