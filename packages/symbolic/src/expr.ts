/**
 * The expression language of the catalog: rational functions of named symbols, plus a time
 * derivative. Exponentials never appear: each e^{2 sigma t} is an independent symbol whose
 * derivative is given by a chain rule (see {@link Rates}), so every quantity of the paper is a
 * rational function and identities are decided exactly. Since e^{2 sigma t} is transcendental
 * over Q(sigma, t), an identity of rational functions in (sigma, t, u) holds on u = e^{2 sigma t}
 * if and only if it holds for independent u.
 */
import { Rational } from './rational.js';
import { InputError, describeValue, made, requireExponent, requireExpr, requireExprRecord, requireOperand, requireSymbolName, requireText } from './validate.js';

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

/** A named symbol. Names are alphanumeric, so they print unchanged in nerdamer syntax. */
export function sym(name: string): Expr {
  return made({ kind: 'sym', name: requireSymbolName(name, 'name') });
}

/** Several symbols at once: `syms('a b c')`. */
export function syms(names: string): Expr[] {
  return requireText(names, 'names')
    .trim()
    .split(/\s+/)
    .map((name) => made({ kind: 'sym', name: requireSymbolName(name, 'names') }));
}

/** A rational constant: `num(3)`, `num(1, 4)`. */
export function num(numerator: number | bigint, denominator: number | bigint = 1): Expr {
  return made({ kind: 'num', value: Rational.of(numerator, denominator) });
}

type Operand = Expr | number;

function lift(operand: Operand, argument: string): Expr {
  const checked = requireOperand(operand, argument);
  return typeof checked === 'number' ? num(checked) : checked;
}

function lifted(operands: readonly Operand[], argument: string): Expr[] {
  return operands.map((operand, index) => lift(operand, `${argument}[${index}]`));
}

/** The sum of the operands (num(0) for none). */
export function add(...terms: Operand[]): Expr {
  if (terms.length === 0) return num(0);
  const checked = lifted(terms, 'terms');
  return checked.length === 1 ? checked[0] : made({ kind: 'add', terms: checked }, 'terms');
}

/** The product of the operands (num(1) for none). */
export function mul(...factors: Operand[]): Expr {
  if (factors.length === 0) return num(1);
  const checked = lifted(factors, 'factors');
  return checked.length === 1 ? checked[0] : made({ kind: 'mul', factors: checked }, 'factors');
}

export function neg(operand: Operand): Expr {
  return mul(-1, lift(operand, 'operand'));
}

export function sub(minuend: Operand, subtrahend: Operand): Expr {
  return add(lift(minuend, 'minuend'), neg(lift(subtrahend, 'subtrahend')));
}

/** Integer power, |exponent| <= 64; a negative exponent is a reciprocal. */
export function pow(base: Operand, exponent: number): Expr {
  const checked = requireExponent(exponent, 'exponent');
  const lower = lift(base, 'base');
  return checked === 1 ? lower : made({ kind: 'pow', base: lower, exponent: checked }, 'base');
}

export function div(numerator: Operand, denominator: Operand): Expr {
  return mul(lift(numerator, 'numerator'), pow(lift(denominator, 'denominator'), -1));
}

/** d/dt of an expression, with the chain rule given by the check's {@link Rates}. */
export function dt(arg: Operand): Expr {
  return made({ kind: 'dt', arg: lift(arg, 'arg') }, 'arg');
}

/** Replaces symbols by expressions (hypotheses enter as reparametrizations such as c = alpha + d). */
export function substitute(expr: Expr, replacements: Readonly<Record<string, Expr>>): Expr {
  return substituted(requireExpr(expr, 'expr'), requireExprRecord(replacements, 'replacements'));
}

function substituted(expr: Expr, replacements: Readonly<Record<string, Expr>>): Expr {
  switch (expr.kind) {
    case 'sym':
      return Object.hasOwn(replacements, expr.name) ? replacements[expr.name] : expr;
    case 'num':
      return expr;
    case 'add':
      return made({ kind: 'add', terms: expr.terms.map((term) => substituted(term, replacements)) });
    case 'mul':
      return made({ kind: 'mul', factors: expr.factors.map((factor) => substituted(factor, replacements)) });
    case 'pow':
      return made({ kind: 'pow', base: substituted(expr.base, replacements), exponent: expr.exponent });
    case 'dt':
      return made({ kind: 'dt', arg: substituted(expr.arg, replacements) });
  }
}

/** The symbols an expression mentions, sorted. */
export function symbolsOf(expr: Expr, into: Set<string> = new Set()): Set<string> {
  if (!(into instanceof Set)) throw new InputError('out-of-range', 'into', `expected a Set to add the names to, got ${describeValue(into)}.`);
  collectSymbols(requireExpr(expr, 'expr'), into);
  return into;
}

function collectSymbols(expr: Expr, into: Set<string>): void {
  switch (expr.kind) {
    case 'sym':
      into.add(expr.name);
      break;
    case 'num':
      break;
    case 'add':
      for (const term of expr.terms) collectSymbols(term, into);
      break;
    case 'mul':
      for (const factor of expr.factors) collectSymbols(factor, into);
      break;
    case 'pow':
      collectSymbols(expr.base, into);
      break;
    case 'dt':
      collectSymbols(expr.arg, into);
      break;
  }
}

/** Plain infix text in nerdamer's syntax (used for polynomial rates and for reports). */
export function toText(expr: Expr): string {
  return text(requireExpr(expr, 'expr'));
}

function text(expr: Expr): string {
  switch (expr.kind) {
    case 'sym':
      return expr.name;
    case 'num':
      return expr.value.denominator === 1n && expr.value.numerator >= 0n ? expr.value.toString() : `(${expr.value.toString()})`;
    case 'add':
      return `(${expr.terms.map(text).join('+')})`;
    case 'mul':
      return `(${expr.factors.map(text).join('*')})`;
    case 'pow':
      return `(${text(expr.base)})^(${expr.exponent})`;
    case 'dt':
      return `dt(${text(expr.arg)})`;
  }
}
