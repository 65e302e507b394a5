/**
 * The witness check: a claim refuted at one exact point that satisfies every hypothesis of the
 * claim. It carries the readings of Min & Vidal (2025) under which a theorem fails, and the stated
 * reasons that do not imply their step: the point is given, not searched, and each hypothesis is
 * evaluated exactly there, so a witness outside the claim's domain is caught as a checker bug.
 */
import { OutsideDomainError, evaluateExact, type Point } from './exact.js';
import type { Expr } from './expr.js';
import { Rational } from './rational.js';
import { type FieldCheck, InputError, describeValue, requireArray, requireExpr, requireFields, requireOneOf, requireRecord, requireText } from './validate.js';

/** How the two sides of a condition compare. */
export type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** `lhs comparison rhs`, with its LaTeX for the report. */
export interface Condition {
  readonly lhs: Expr;
  readonly comparison: Comparison;
  readonly rhs: Expr;
  readonly text: string;
}

/** A claim, its hypotheses, and an exact point (symbol -> 'p/q') meant to satisfy them and refute it. */
export interface WitnessCheck {
  readonly kind: 'witness';
  readonly point: Readonly<Record<string, string>>;
  readonly hypotheses: readonly Condition[];
  readonly claim: Condition;
}

const COMPARISONS: readonly Comparison[] = ['=', '!=', '<', '<=', '>', '>='];
/** More hypotheses than any claim of the paper has. */
const MAX_CONDITIONS = 64;
const RATIONAL_TEXT = /^-?\d+(\/\d+)?$/;

function parseRational(text: string, argument: string): Rational {
  if (!RATIONAL_TEXT.test(text)) throw new InputError('out-of-range', argument, `must be an exact rational such as '-3/4', got ${describeValue(text)}.`);
  const [numerator, denominator = '1'] = text.split('/');
  return Rational.of(BigInt(numerator), BigInt(denominator));
}

const condition: FieldCheck = (value, argument) =>
  requireFields(value, argument, '{ lhs, comparison, rhs, text }', {
    lhs: requireExpr,
    rhs: requireExpr,
    comparison: (item, at) => requireOneOf(item, at, COMPARISONS),
    text: (item, at) => requireText(item, at),
  });

/** The fields of a witness check, for check.ts's table. */
export const WITNESS_FIELDS: Readonly<Record<string, FieldCheck>> = {
  point: (value, argument) => {
    for (const [name, text] of Object.entries(requireRecord(value, argument, '{ symbol: "p/q" }'))) parseRational(requireText(text, `${argument}.${name}`), `${argument}.${name}`);
  },
  hypotheses: (value, argument) => requireArray(value, argument, MAX_CONDITIONS, condition),
  claim: condition,
};

function holds(value: Condition, point: Point): { holds: boolean; left: Rational; right: Rational } {
  const left = evaluateExact(value.lhs, point);
  const right = evaluateExact(value.rhs, point);
  const order = left.compare(right);
  const table: Record<Comparison, boolean> = { '=': order === 0, '!=': order !== 0, '<': order < 0, '<=': order <= 0, '>': order > 0, '>=': order >= 0 };
  return { holds: table[value.comparison], left, right };
}

/** Evaluates every hypothesis and the claim at the witness point, exactly. */
export function runWitness(check: WitnessCheck): {
  verdict: 'fails' | 'unproved';
  method: string;
  routes: Record<string, string>;
  counterexample?: Record<string, string>;
  checkerBug?: string;
} {
  const point = new Map(Object.entries(check.point).map(([name, text]) => [name, parseRational(text, `check.point.${name}`)]));
  const method = 'exact witness (every hypothesis evaluated at the point)';
  try {
    for (const [index, hypothesis] of check.hypotheses.entries()) {
      const { holds: ok, left, right } = holds(hypothesis, point);
      if (!ok)
        return {
          verdict: 'unproved',
          method,
          routes: { exact: `hypothesis ${index + 1} (${hypothesis.text}) is false at the point: ${left} vs ${right}` },
          checkerBug: `the witness violates hypothesis ${index + 1}, ${hypothesis.text}: it refutes nothing`,
        };
    }
    const { holds: ok, left, right } = holds(check.claim, point);
    const summary = `all ${check.hypotheses.length} hypotheses hold exactly; the claim ${check.claim.text} gives ${left} ${check.claim.comparison} ${right}`;
    if (ok) return { verdict: 'unproved', method, routes: { exact: `${summary}, true: the point does not refute it` } };
    return { verdict: 'fails', method, routes: { exact: `${summary}, false` }, counterexample: { ...check.point } };
  } catch (error) {
    if (!(error instanceof OutsideDomainError)) throw error;
    return { verdict: 'unproved', method, routes: { exact: error.message }, checkerBug: 'the witness point makes a denominator vanish' };
  }
}
