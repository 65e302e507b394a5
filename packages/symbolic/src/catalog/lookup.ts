/**
 * The entries of the equation catalog looked up by id: the entries of items 1-3 of issue 17 reuse
 * their checks (one home for each piece of math) and read their equation labels, so that a
 * cross-reference is compared with the catalog's data rather than with a label typed twice.
 */
import type { Check, IdentityCheck, InequalityCheck } from '../check.js';
import type { CatalogEntry } from '../entry.js';
import type { Expr } from '../expr.js';
import { InputError } from '../validate.js';
import { corollary2Entries } from './corollary2.js';
import { gradientFlowEntries } from './gradientFlow.js';
import { proposition1Entries } from './proposition1.js';
import { remarkEntries } from './remarks.js';
import { theorem3Entries } from './theorem3.js';
import { theorem4Entries } from './theorem4/index.js';

const equationEntries: readonly CatalogEntry[] = [
  ...gradientFlowEntries,
  ...proposition1Entries,
  ...corollary2Entries,
  ...theorem3Entries,
  ...theorem4Entries,
  ...remarkEntries,
];

/** The equation entry with this id; a missing id is a bug in the catalog, raised when it loads. */
export function entryById(id: string): CatalogEntry {
  const entry = equationEntries.find((candidate) => candidate.id === id);
  if (!entry) throw new InputError('out-of-range', 'id', `names no entry of the equation catalog: '${id}'.`);
  return entry;
}

/** The check of an equation entry, which must be of the given kind. */
export function checkOf<K extends Check['kind']>(id: string, kind: K): Extract<Check, { kind: K }> {
  const { check } = entryById(id);
  if (check.kind !== kind) throw new InputError('out-of-range', 'id', `entry '${id}' has a ${check.kind} check, not ${kind}.`);
  return check as Extract<Check, { kind: K }>;
}

/** The scalar right-hand side of an identity entry, e.g. a derivative proved in closed form. */
export function scalarRightSide(id: string): Expr {
  const { rhs } = checkOf(id, 'identity') as IdentityCheck;
  if (Array.isArray(rhs)) throw new InputError('shape', 'id', `entry '${id}' is a matrix identity; a scalar one is needed.`);
  return rhs as Expr;
}

/** The inequality check of an entry, reused as the formalization of a stated reason. */
export function inequalityOf(id: string): InequalityCheck {
  return checkOf(id, 'inequality');
}

const NUMBER_RANGE = /\((\d+)\)-\((\d+)\)/g;
const NUMBER = /\((\d+)\)/g;
const NAMED = /(Prop\.|Cor\.|Thm\.) \d+/g;

/**
 * The labels an equation field names: equation numbers, with a range `(5)-(6)` expanded, and
 * result names (`Prop. 1`, `Cor. 2`, `Thm. 3`).
 */
export function labelsOf(equation: string): string[] {
  const labels = new Set<string>();
  for (const [, from, to] of equation.matchAll(NUMBER_RANGE)) for (let n = Number(from); n <= Number(to); n++) labels.add(`(${n})`);
  for (const [label] of equation.matchAll(NUMBER)) labels.add(label);
  for (const [label] of equation.matchAll(NAMED)) labels.add(label);
  return [...labels];
}

/**
 * What the catalog says a citation should read: `cited` itself when the holder's label names it,
 * otherwise the holder's first label of the same kind (an equation number for `(n)`, a result
 * name for `Prop. 1`).
 */
export function resolvedLabel(cited: string, holderId: string): string {
  const labels = labelsOf(entryById(holderId).equation);
  if (labels.includes(cited)) return cited;
  const sameKind = labels.filter((label) => label.startsWith('(') === cited.startsWith('('));
  return sameKind[0] ?? entryById(holderId).equation;
}
