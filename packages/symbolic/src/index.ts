/**
 * @factorflow/symbolic: machine-checked derivations of Min & Vidal (2025), Sections II-III.
 *
 * Every equation and proof step is a {@link CatalogEntry} with a {@link Check}; identities are
 * decided by nerdamer-prime and, independently, by exact rational evaluation; inequalities by a
 * sign analysis under the hypotheses and an exact-rational counterexample search.
 */
export { Rational } from './rational.js';
export { type Expr, type Rates, add, div, dt, mul, neg, num, pow, sub, substitute, sym, syms, symbolsOf, toText } from './expr.js';
export {
  type ExprMatrix,
  adjugate,
  block,
  blocks,
  determinant,
  diagonal,
  generalSymbols,
  identity,
  inverse,
  matAdd,
  matDt,
  matMul,
  matNeg,
  matScale,
  matSub,
  matrix,
  symmetricSymbols,
  transpose,
  zeros,
} from './matrix.js';
export { OutsideDomainError, evaluateExact, type Point } from './exact.js';
export { type Fraction, expandFully, nerdamerLimit, nerdamerVersion, runNerdamer, toFraction } from './nerdamer.js';
export { type Domain, type Monomial, type Sign, fractionSign, parsePolynomial, polynomialSign, productSign } from './sign.js';
export {
  type Check,
  type CheckResult,
  type Domains,
  type IdentityCheck,
  type InequalityCheck,
  type LimitCheck,
  type NumericCheck,
  type Relation,
  type Verdict,
  runCheck,
} from './check.js';
export type { CatalogEntry, EntryCategory } from './entry.js';
export type { Comparison, Condition, WitnessCheck } from './witness.js';
export type { ReferenceCheck } from './reference.js';
export { catalog, theoremHypotheses } from './catalog/index.js';
export { type CatalogRunOptions, DEFAULT_SEED, runCatalog, runEntry, selectEntries } from './runner.js';
export { type EntryResult, type HypothesisUsage, REPORT_SCHEMA, type SymbolicReport, buildReport, formatReport } from './report.js';
export { createUniform, sample, seedFor } from './sampling.js';
