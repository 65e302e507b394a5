/**
 * The expression language of the catalog: rational functions of named symbols, plus a time
 * derivative. Exponentials never appear: each e^{2 sigma t} is an independent symbol whose
 * derivative is given by a chain rule (see {@link Rates}), so every quantity of the paper is a
 * rational function and identities are decided exactly. Since e^{2 sigma t} is transcendental
 * over Q(sigma, t), an identity of rational functions in (sigma, t, u) holds on u = e^{2 sigma t}
 * if and only if it holds for independent u.
 */
import { Rational } from './rational.js';

export type Expr =
  | { readonly kind: 'sym'; readonly name: string }
  | { readonly kind: 'num'; readonly value: Rational }
  | { readonly kind: 'add'; readonly terms: readonly Expr[] }
  | { readonly kind: 'mul'; readonly factors: readonly Expr[] }
  | { readonly kind: 'pow'; readonly base: Expr; readonly exponent: number }
  | { readonly kind: 'dt'; readonly arg: Expr };

/**
 * Time derivatives of the symbols, as polynomials in the symbols: `{ t: 1, u: 2 sigma u }`
 * encodes u = e^{2 sigma t}. Symbols without a rate are constants.
 */
export type Rates = Readonly<Record<string, Expr>>;

const SYMBOL_NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;

/** A named symbol. Names are alphanumeric, so they print unchanged in nerdamer syntax. */
export function sym(name: string): Expr {
  if (!SYMBOL_NAME.test(name)) throw new RangeError(`symbol name '${name}' must be alphanumeric and start with a letter`);
  // nerdamer reserves these as constants or functions.
  if (['e', 'E', 'i', 'pi', 'PI', 'Infinity'].includes(name)) throw new RangeError(`symbol name '${name}' is reserved by nerdamer`);
  return { kind: 'sym', name };
}

/** Several symbols at once: `syms('a b c')`. */
export function syms(names: string): Expr[] {
  return names.trim().split(/\s+/).map(sym);
}

/** A rational constant: `num(3)`, `num(1, 4)`. */
export function num(numerator: number | bigint, denominator: number | bigint = 1): Expr {
  return { kind: 'num', value: Rational.of(numerator, denominator) };
}

type Operand = Expr | number;

function lift(operand: Operand): Expr {
  return typeof operand === 'number' ? num(operand) : operand;
}

export function add(...terms: Operand[]): Expr {
  return terms.length === 1 ? lift(terms[0]) : { kind: 'add', terms: terms.map(lift) };
}

export function mul(...factors: Operand[]): Expr {
  return factors.length === 1 ? lift(factors[0]) : { kind: 'mul', factors: factors.map(lift) };
}

export function neg(operand: Operand): Expr {
  return mul(-1, operand);
}

export function sub(minuend: Operand, subtrahend: Operand): Expr {
  return add(minuend, neg(subtrahend));
}

/** Integer power; a negative exponent is a reciprocal. */
export function pow(base: Operand, exponent: number): Expr {
  if (!Number.isInteger(exponent)) throw new RangeError(`pow: exponent ${exponent} must be an integer`);
  return exponent === 1 ? lift(base) : { kind: 'pow', base: lift(base), exponent };
}

export function div(numerator: Operand, denominator: Operand): Expr {
  return mul(numerator, pow(denominator, -1));
}

/** d/dt of an expression, with the chain rule given by the check's {@link Rates}. */
export function dt(arg: Operand): Expr {
  return { kind: 'dt', arg: lift(arg) };
}

/** Replaces symbols by expressions (hypotheses enter as reparametrizations such as c = alpha + d). */
export function substitute(expr: Expr, replacements: Readonly<Record<string, Expr>>): Expr {
  switch (expr.kind) {
    case 'sym':
      return replacements[expr.name] ?? expr;
    case 'num':
      return expr;
    case 'add':
      return { kind: 'add', terms: expr.terms.map((term) => substitute(term, replacements)) };
    case 'mul':
      return { kind: 'mul', factors: expr.factors.map((factor) => substitute(factor, replacements)) };
    case 'pow':
      return { kind: 'pow', base: substitute(expr.base, replacements), exponent: expr.exponent };
    case 'dt':
      return { kind: 'dt', arg: substitute(expr.arg, replacements) };
  }
}

/** The symbols an expression mentions, sorted. */
export function symbolsOf(expr: Expr, into: Set<string> = new Set()): Set<string> {
  switch (expr.kind) {
    case 'sym':
      into.add(expr.name);
      break;
    case 'num':
      break;
    case 'add':
      for (const term of expr.terms) symbolsOf(term, into);
      break;
    case 'mul':
      for (const factor of expr.factors) symbolsOf(factor, into);
      break;
    case 'pow':
      symbolsOf(expr.base, into);
      break;
    case 'dt':
      symbolsOf(expr.arg, into);
      break;
  }
  return into;
}

/** Plain infix text in nerdamer's syntax (used for polynomial rates and for reports). */
export function toText(expr: Expr): string {
  switch (expr.kind) {
    case 'sym':
      return expr.name;
    case 'num':
      return expr.value.denominator === 1n && expr.value.numerator >= 0n ? expr.value.toString() : `(${expr.value.toString()})`;
    case 'add':
      return `(${expr.terms.map(toText).join('+')})`;
    case 'mul':
      return `(${expr.factors.map(toText).join('*')})`;
    case 'pow':
      return `(${toText(expr.base)})^(${expr.exponent})`;
    case 'dt':
      return `dt(${toText(expr.arg)})`;
  }
}
