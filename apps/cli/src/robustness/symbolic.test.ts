/**
 * Robustness of @factorflow/symbolic, driven by core's robustness contract from here (the one
 * workspace that may import both). The expression builders, matrices, exact evaluation, nerdamer
 * routes, sign analysis, checks, the catalog runner and the report, with malformed and extreme
 * arguments; symbolic throws harness's typed InputError.
 */
import { FactorflowInputError, FactorflowNumericalError } from '@factorflow/core';
import { type RobustnessSpec, checkRobustness, robustnessCoverage } from '@factorflow/core/testing';
import { InputError } from '@factorflow/harness';
import * as symbolic from '@factorflow/symbolic';
import { describe, expect, it } from 'vitest';

const options = { errors: [FactorflowInputError, FactorflowNumericalError, InputError] };
const { add, div, mul, pow, sym, identity, zeros, symmetricSymbols, Rational } = symbolic;
const [a, b, x, y] = ['a', 'b', 'x', 'y'].map(sym);

/** The quickest entry of the catalog (a few milliseconds), for the runner's valid arguments. */
const ENTRY = 'cor2.limit-infinity';
let entryResult: symbolic.EntryResult | undefined;
const result = () => (entryResult ??= symbolic.runEntry(ENTRY, 1));
const report = () => symbolic.buildReport([result()], 1, 0.5, '1.5.0');

/** Strings that are names or expressions: any string is a value there. */
const text = { freeText: true };
/** An operand of the builders is an expression or an integer. */
const operand = { kinds: ['number' as const, 'object' as const] };
const operands = (...names: string[]) => Object.fromEntries(names.map((name) => [name, operand]));
/** Rational.of and num take numbers or bigints. */
const whole = { kinds: ['number' as const, 'bigint' as const] };
const expectExpr = (value: unknown) => expect(symbolic.toText(value as symbolic.Expr)).toEqual(expect.any(String));
const expectMatrix = (value: unknown) => (value as symbolic.ExprMatrix).forEach((row) => row.forEach(expectExpr));

const specs: Record<string, RobustnessSpec> = {
  sym: { parameters: ['name'], valid: () => ['x'], paths: { name: text }, check: expectExpr },
  syms: { parameters: ['names'], valid: () => ['a b c'], paths: { names: text }, check: (value) => (value as symbolic.Expr[]).forEach(expectExpr) },
  num: { parameters: ['numerator', 'denominator'], valid: () => [3, 4], paths: { numerator: whole, denominator: whole }, check: expectExpr },
  add: { parameters: ['term0', 'term1'], argumentNames: ['terms'], valid: () => [x, 2], paths: operands('term0', 'term1'), check: expectExpr },
  mul: { parameters: ['factor0', 'factor1'], argumentNames: ['factors'], valid: () => [x, 2], paths: operands('factor0', 'factor1'), check: expectExpr },
  neg: { parameters: ['operand'], valid: () => [x], paths: operands('operand'), check: expectExpr },
  sub: { parameters: ['minuend', 'subtrahend'], valid: () => [x, y], paths: operands('minuend', 'subtrahend'), check: expectExpr },
  pow: { parameters: ['base', 'exponent'], valid: () => [x, 2], paths: operands('base'), check: expectExpr },
  div: { parameters: ['numerator', 'denominator'], valid: () => [x, y], paths: operands('numerator', 'denominator'), check: expectExpr },
  dt: { parameters: ['arg'], valid: () => [x], paths: operands('arg'), check: expectExpr },
  substitute: { parameters: ['expr', 'replacements'], valid: () => [add(x, y), { x: sym('z') }], check: expectExpr },
  symbolsOf: { parameters: ['expr', 'into'], valid: () => [add(x, y), new Set<string>()] },
  toText: { parameters: ['expr'], valid: () => [add(x, mul(2, y))] },
  matrix: { parameters: ['rows'], valid: () => [[[1, 2], [3, 4]]], check: expectMatrix },
  identity: { parameters: ['n'], valid: () => [2], check: expectMatrix },
  zeros: { parameters: ['rows', 'columns'], valid: () => [2, 3], check: expectMatrix },
  diagonal: { parameters: ['entries'], valid: () => [[1, 2]], check: expectMatrix },
  symmetricSymbols: { parameters: ['prefix', 'n'], valid: () => ['w', 2], paths: { prefix: text }, check: expectMatrix },
  generalSymbols: { parameters: ['prefix', 'rows', 'columns'], valid: () => ['u', 2, 3], paths: { prefix: text }, check: expectMatrix },
  matAdd: { parameters: ['a', 'b'], valid: () => [identity(2), zeros(2, 2)], check: expectMatrix },
  matSub: { parameters: ['a', 'b'], valid: () => [identity(2), zeros(2, 2)], check: expectMatrix },
  matScale: { parameters: ['scalar', 'm'], valid: () => [2, identity(2)], paths: operands('scalar'), check: expectMatrix },
  matNeg: { parameters: ['m'], valid: () => [identity(2)], check: expectMatrix },
  matMul: { parameters: ['factor0', 'factor1'], argumentNames: ['factors'], valid: () => [identity(2), zeros(2, 3)], check: expectMatrix },
  transpose: { parameters: ['m'], valid: () => [zeros(2, 3)], check: expectMatrix },
  determinant: { parameters: ['m'], valid: () => [symmetricSymbols('w', 2)], check: expectExpr },
  adjugate: { parameters: ['m'], valid: () => [symmetricSymbols('w', 2)], check: expectMatrix },
  inverse: { parameters: ['m'], valid: () => [symmetricSymbols('w', 2)], check: expectMatrix },
  matDt: { parameters: ['m'], valid: () => [identity(2)], check: expectMatrix },
  blocks: { parameters: ['rows'], valid: () => [[[identity(2), zeros(2, 1)]]], check: expectMatrix },
  block: { parameters: ['m', 'r0', 'r1', 'c0', 'c1'], valid: () => [identity(3), 0, 2, 1, 3], check: expectMatrix },
  Rational: {
    // The class is used through Rational.of; the constructor is private.
    parameters: ['numerator', 'denominator'],
    valid: () => [6, -4],
    paths: { numerator: whole, denominator: whole },
    // In lowest terms with a positive denominator, and p / q as given.
    check: (value, [p, q]) => {
      const rational = value as symbolic.Rational;
      expect(rational.denominator > 0n).toBe(true);
      // A denominator not given is 1.
      expect(rational.numerator * BigInt((q ?? 1) as number | bigint)).toBe(BigInt(p as number | bigint) * rational.denominator);
    },
  },
  evaluateExact: {
    parameters: ['expr', 'point', 'rates'],
    valid: () => [add(x, mul(2, y)), new Map([['x', Rational.of(1)], ['y', Rational.of(2)]]), {}],
    check: (value, [, point]) => {
      if ((point as Map<string, unknown>).size === 2) expect((value as symbolic.Rational).toString()).toMatch(/^-?\d+(\/\d+)?$/);
    },
  },
  runNerdamer: { parameters: ['text'], valid: () => ['expand((a+b)^2)'], paths: { text } },
  expandFully: { parameters: ['text'], valid: () => ['(a+b)^2'], paths: { text } },
  nerdamerLimit: { parameters: ['expression', 'variable', 'value'], valid: () => ['sin(x)/x', 'x', '0'], paths: { expression: text, variable: text, value: text } },
  nerdamerVersion: { parameters: [], valid: () => [] },
  toFraction: { parameters: ['expr', 'rates'], valid: () => [div(x, add(x, 1)), {}] },
  parsePolynomial: { parameters: ['text'], valid: () => ['2*a^2-b'], paths: { text } },
  polynomialSign: { parameters: ['text', 'domains'], valid: () => ['a^2+1', { a: 'positive' }], paths: { text } },
  productSign: { parameters: ['signs'], valid: () => [['positive', 'negative']] },
  fractionSign: { parameters: ['numerator', 'denominator'], valid: () => ['positive', ['negative']] },
  runCheck: {
    parameters: ['check', 'seed'],
    valid: () => [{ kind: 'identity', lhs: pow(add(a, b), 2), rhs: add(pow(a, 2), mul(2, a, b), pow(b, 2)), domains: { a: 'positive' }, symmetric: false }, 1],
    check: (value) => expect((value as symbolic.CheckResult).verdict).toMatch(/^(holds|fails|unproved|holds-as-inequality)$/),
    numRuns: 10,
  },
  runEntry: { parameters: ['id', 'seed'], valid: () => [ENTRY, 1], paths: { id: text }, numRuns: 10 },
  selectEntries: { parameters: ['only'], valid: () => [['thm3']] },
  runCatalog: {
    parameters: ['options'],
    valid: () => [{ only: [ENTRY], seed: 1, workers: 0, timeoutSeconds: 60, onResult: () => undefined }],
    // No `only` (or none given) is every entry: a run of a minute that the caller asked for.
    paths: { options: { omit: ['undefined', '{}', '{ length: 3e9 }'] }, 'options.only': { omit: ['undefined', '[]'] }, 'options.workers': { maxWork: 0 } },
    async: true,
    numRuns: 10,
  },
  buildReport: { parameters: ['results', 'seed', 'seconds', 'nerdamerPrime'], valid: () => [[result()], 1, 0.5, '1.5.0'], paths: { nerdamerPrime: text } },
  formatReport: {
    parameters: ['report'],
    valid: () => [report()],
    // The paper's citation is text; the schema and engine describe the report, and the text leaves them out.
    paths: { 'report.paper': text, 'report.schema': { anyKind: true }, 'report.engine': { anyKind: true } },
  },
  createUniform: {
    parameters: ['seed'],
    valid: () => [1],
    check: (value) => {
      const draw = (value as () => number)();
      expect(draw >= 0 && draw < 1).toBe(true);
    },
  },
  seedFor: { parameters: ['id', 'base'], valid: () => ['thm3.19', 20251124], paths: { id: text } },
  sample: { parameters: ['domain', 'uniform'], valid: () => ['positive', symbolic.createUniform(1)] },
};

const excluded: Record<string, string> = {
  OutsideDomainError: 'the typed error a point outside the domain throws: its constructor records which denominator vanished and computes nothing',
};

/** The function each spec drives: the export itself, or for the Rational class its factory. */
function driven(name: string): (...args: never[]) => unknown {
  if (name === 'Rational') return ((numerator: bigint, denominator: bigint) => Rational.of(numerator, denominator)) as (...args: never[]) => unknown;
  return symbolic[name as keyof typeof symbolic] as (...args: never[]) => unknown;
}

describe('robustness of @factorflow/symbolic', () => {
  it('has a spec or a stated reason for every export', () => {
    expect(robustnessCoverage(symbolic, specs, excluded)).toEqual({ missing: [], stale: [], unexplained: [] });
  });

  for (const [name, spec] of Object.entries(specs)) it(name, () => checkRobustness(name, driven(name), spec, options));
});
