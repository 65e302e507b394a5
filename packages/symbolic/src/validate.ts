/**
 * The boundary checks of the symbolic catalog's public functions, on harness's typed InputError.
 * Expressions are checked once: each node the builders make (or a check admits) is measured and
 * remembered, so a tree built by hundreds of calls is never walked again, and its depth and size
 * are bounded at the moment they would grow past what toText, the exact evaluation and nerdamer
 * can handle (a sum of itself doubled 60 times is a DAG of 61 nodes and a string of 2^60).
 */
import { InputError, describeValue, requireArray, requireCallback, requireIntegerIn, requireRecord, requireText } from '@factorflow/harness';

import type { Expr } from './expr.js';
import { MAX_EXPONENT, requireRational } from './rational.js';
/** Deepest expression: the evaluators recurse once per level. */
export const MAX_DEPTH = 1000;
/** Most nodes of an expression counted as a tree (a shared subtree once per use): what printing it costs. */
export const MAX_NODES = 1_000_000;
/** Largest dimension of a symbolic matrix. */
export const MAX_DIMENSION = 64;
/** Largest determinant or inverse: the cofactor expansion has n! terms. */
export const MAX_DETERMINANT = 8;

const SYMBOL_NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;
// nerdamer reserves these as constants or functions.
const RESERVED = ['e', 'E', 'i', 'pi', 'PI', 'Infinity'];
const KINDS = ['sym', 'num', 'add', 'mul', 'pow', 'dt'];

/** Depth and tree size of every expression node known to be well formed. */
const measured = new WeakMap<object, { readonly depth: number; readonly nodes: number }>();

function childrenOf(expr: Expr): readonly Expr[] {
  switch (expr.kind) {
    case 'sym':
    case 'num':
      return [];
    case 'add':
      return expr.terms;
    case 'mul':
      return expr.factors;
    case 'pow':
      return [expr.base];
    case 'dt':
      return [expr.arg];
  }
}

/** Records a node whose children are known, refusing it when it is too deep or too large. */
function measure(expr: Expr, argument: string): Expr {
  let depth = 0;
  let nodes = 1;
  for (const child of childrenOf(expr)) {
    const size = measured.get(child);
    if (size === undefined) throw new InputError('out-of-range', argument, 'holds a part that is not an expression; build it with sym, num, add, mul, pow, dt.');
    depth = Math.max(depth, size.depth);
    nodes += size.nodes;
  }
  if (depth + 1 > MAX_DEPTH || nodes > MAX_NODES) {
    throw new InputError(
      'out-of-range',
      argument,
      `would be ${depth + 1} levels deep with ${nodes} nodes, beyond ${MAX_DEPTH} levels or ${MAX_NODES} nodes; name a part with sym and substitute it instead.`,
    );
  }
  measured.set(expr, { depth: depth + 1, nodes });
  // Frozen, so that a node known to be well formed stays so.
  return Object.freeze(expr);
}

/** A node made by the builders, checked for size and remembered as well formed. */
export function made<E extends Expr>(expr: E, argument = 'expression'): E {
  return measure(expr, argument) as E;
}

/** Checks a symbol name: alphanumeric, starting with a letter, not one nerdamer reserves. */
export function requireSymbolName(name: unknown, argument: string): string {
  requireText(name, argument);
  const text = name as string;
  if (!SYMBOL_NAME.test(text)) throw new InputError('out-of-range', argument, `'${text}' must be alphanumeric and start with a letter, e.g. 'sigma1'.`);
  if (RESERVED.includes(text)) throw new InputError('out-of-range', argument, `'${text}' is reserved by nerdamer; choose another name.`);
  return text;
}

/** Checks an integer exponent of `pow` within +-{@link MAX_EXPONENT}. */
export function requireExponent(value: unknown, argument: string): number {
  return requireIntegerIn(value, argument, -MAX_EXPONENT, MAX_EXPONENT);
}

/**
 * Checks a value is a well-formed expression (see {@link Expr}) and returns it. A node already
 * known (made by the builders, or checked before) costs one lookup; a foreign one is walked once,
 * with its depth bounded before the recursion could overflow the stack.
 */
export function requireExpr(value: unknown, argument: string, depth = 0): Expr {
  if (typeof value === 'object' && value !== null && measured.has(value)) return value as Expr;
  if (depth > MAX_DEPTH) throw new InputError('out-of-range', argument, `is more than ${MAX_DEPTH} levels deep; name a part with sym and substitute it instead.`);
  const node = requireRecord(value, argument, "an expression (from sym, num, add, mul, pow or dt)");
  if (!KINDS.includes(node.kind as string)) {
    throw new InputError('out-of-range', argument, `has kind ${describeValue(node.kind)}, not one of ${KINDS.join(', ')}; build it with sym, num, add, mul, pow or dt.`);
  }
  const expr = node as unknown as Expr;
  switch (expr.kind) {
    case 'sym':
      requireSymbolName(expr.name, `${argument}.name`);
      break;
    case 'num':
      requireRational(expr.value, `${argument}.value`);
      break;
    case 'add':
    case 'mul': {
      const parts = expr.kind === 'add' ? expr.terms : expr.factors;
      const field = `${argument}.${expr.kind === 'add' ? 'terms' : 'factors'}`;
      requireArray(parts, field, MAX_NODES, (part, at) => requireExpr(part, at, depth + 1));
      if (parts.length === 0) throw new InputError('shape', field, 'is empty; use num(0) for an empty sum and num(1) for an empty product.');
      break;
    }
    case 'pow':
      requireExponent(expr.exponent, `${argument}.exponent`);
      requireExpr(expr.base, `${argument}.base`, depth + 1);
      break;
    case 'dt':
      requireExpr(expr.arg, `${argument}.arg`, depth + 1);
      break;
  }
  return measure(expr, argument);
}

/** An operand of the builders: an expression, or an integer (a safe integer, exactly a rational). */
export function requireOperand(value: unknown, argument: string): Expr | number {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new InputError('out-of-range', argument, `must be an expression or a safe integer, got ${value}; use num(p, q) for a fraction.`);
    return value;
  }
  return requireExpr(value, argument);
}

/** Checks a matrix of expressions: non-empty rows of one length, at most {@link MAX_DIMENSION} each way. */
export function requireExprMatrix(value: unknown, argument: string, entry: (item: unknown, at: string) => unknown = requireExpr): void {
  requireArray(value, argument, MAX_DIMENSION, (row, at) => requireArray(row, at, MAX_DIMENSION, entry));
  const rows = value as readonly (readonly unknown[])[];
  if (rows.length === 0 || rows[0].length === 0) throw new InputError('shape', argument, 'is empty; give at least one row and one column.');
  rows.forEach((row, i) => {
    if (row.length !== rows[0].length) throw new InputError('shape', argument, `row ${i} has ${row.length} entries but row 0 has ${rows[0].length}; give rows of one length.`);
  });
}

/** Checks a size of a symbolic matrix, 1 to {@link MAX_DIMENSION}. */
export function requireDimension(value: unknown, argument: string): number {
  return requireIntegerIn(value, argument, 1, MAX_DIMENSION);
}

/** Checks a record whose values are expressions (rates, substitutions), keyed by symbol names. */
export function requireExprRecord(value: unknown, argument: string): Readonly<Record<string, Expr>> {
  const record = requireRecord(value, argument, '{ name: expression }');
  for (const [name, expr] of Object.entries(record)) {
    requireSymbolName(name, `${argument} key`);
    requireExpr(expr, `${argument}.${name}`);
  }
  return record as Readonly<Record<string, Expr>>;
}

const DOMAINS = ['positive', 'nonnegative'];
const SIGNS = ['positive', 'nonnegative', 'zero', 'nonpositive', 'negative', 'unknown'];

/** Checks a domain ('positive' or 'nonnegative'), or undefined for an unconstrained symbol when `optional`. */
export function requireDomain(value: unknown, argument: string, optional = false): void {
  if (optional && value === undefined) return;
  if (!DOMAINS.includes(value as string)) throw new InputError('out-of-range', argument, `must be 'positive' or 'nonnegative', got ${describeValue(value)}.`);
}

/** Checks the domains of a check: symbol names to 'positive' or 'nonnegative'. */
export function requireDomains(value: unknown, argument: string): void {
  for (const [name, domain] of Object.entries(requireRecord(value, argument, "{ name: 'positive' | 'nonnegative' }"))) {
    requireDomain(domain, `${argument}.${name}`);
  }
}

/** Checks a Sign of the sign analysis. */
export function requireSign(value: unknown, argument: string): void {
  if (!SIGNS.includes(value as string)) throw new InputError('out-of-range', argument, `must be one of ${SIGNS.map((sign) => `'${sign}'`).join(', ')}, got ${describeValue(value)}.`);
}

/** A check of one field, called with the field's value and its name to blame. */
export type FieldCheck = (value: unknown, argument: string) => unknown;

/** `check`, skipped when the field is absent. */
export const optional =
  (check: FieldCheck): FieldCheck =>
  (value, argument) =>
    value === undefined ? undefined : check(value, argument);

/** Checks an object and each field named in `checks`, blamed as `argument.field`. */
export function requireFields(value: unknown, argument: string, shape: string, checks: Readonly<Record<string, FieldCheck>>): Readonly<Record<string, unknown>> {
  const record = requireRecord(value, argument, shape);
  for (const [key, check] of Object.entries(checks)) check(record[key], `${argument}.${key}`);
  return record;
}

/** Checks a value is one of `choices`. */
export function requireOneOf(value: unknown, argument: string, choices: readonly string[]): string {
  if (!choices.includes(value as string)) {
    throw new InputError('out-of-range', argument, `must be one of ${choices.map((choice) => `'${choice}'`).join(', ')}, got ${describeValue(value)}.`);
  }
  return value as string;
}

/** Checks a value is true or false. */
export function requireBoolean(value: unknown, argument: string): boolean {
  if (typeof value !== 'boolean') throw new InputError('out-of-range', argument, `must be true or false, got ${describeValue(value)}.`);
  return value;
}

/** Checks a finite number >= 0 (a duration, a count of seconds). */
export function requireNonNegativeNumber(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InputError(typeof value === 'number' && !Number.isFinite(value) ? 'not-finite' : 'out-of-range', argument, `must be a finite number >= 0, got ${describeValue(value)}.`);
  }
  return value;
}

/** Checks a 32-bit seed. */
export function requireSeed(value: unknown, argument: string): number {
  return requireIntegerIn(value, argument, 0, 0xffffffff);
}

export { InputError, describeValue, requireArray, requireCallback, requireIntegerIn, requireRecord, requireText };
export { MAX_EXPONENT, requireRational } from './rational.js';
