/**
 * The reference check: what the paper cites (an equation number, the size of an identity block)
 * against what the catalog's data say it should be (the label of the entry that holds the cited
 * equation, the size of the block the identity multiplies). It decides a reading of the text, not
 * a mathematical fact, and says so in its method; it never reports a proof.
 */
import { type FieldCheck, requireText } from './validate.js';

/** The paper's label or subscript, and the one the catalog's data give. */
export interface ReferenceCheck {
  readonly kind: 'reference';
  /** What is compared, e.g. `the closed-form solution` or `the identity next to e^{Sigma_k^c t_k}`. */
  readonly about: string;
  /** What the paper writes, e.g. `(1)` or `I_k`. */
  readonly cited: string;
  /** What the data give, computed in the catalog from the entries or from a block layout. */
  readonly actual: string;
  /** Where `actual` comes from, e.g. `entry prop1.closed-form.n2` or `n = 8, K = 3, k = 1`. */
  readonly source: string;
}

const text: FieldCheck = (value, argument) => requireText(value, argument);

/** The fields of a reference check, for check.ts's table. */
export const REFERENCE_FIELDS: Readonly<Record<string, FieldCheck>> = { about: text, cited: text, actual: text, source: text };

/** `holds` when the cited label is the one the data give, `fails` otherwise. */
export function runReference(check: ReferenceCheck): { verdict: 'holds' | 'fails'; method: string; routes: Record<string, string> } {
  const same = check.cited.trim() === check.actual.trim();
  return {
    verdict: same ? 'holds' : 'fails',
    method: 'reading (a cited label compared with the catalog data; not a proof)',
    routes: { reading: `${check.about}: the paper has ${check.cited}; ${check.source} gives ${check.actual}` },
  };
}
