/**
 * The words the docs put on a verdict of the symbolic catalog. A `holds` is a proof only when a
 * symbolic route reached it; a cross-reference compared with the catalog's data (`reference`
 * checks) is a reading, a witness point that satisfies the claim refutes nothing, and a search is
 * evidence. The label is derived from the report's `method` field, the one place the checker says
 * how it decided, so a new entry of any kind is labelled by how it was checked, not by its id.
 */
import type { Verdict } from './reports';

/** How a verdict was reached, read from the report's method text (packages/symbolic/src/check.ts, reference.ts, witness.ts). */
export type MethodKind = 'proof' | 'reading' | 'witness' | 'evidence';

export function methodKind(method: string): MethodKind {
  if (method.startsWith('reading')) return 'reading';
  if (method.startsWith('exact witness')) return 'witness';
  // Every symbolic route is named `symbolic ...` or `noncommutative ...`; an undecided sign analysis says so first.
  if (/^(symbolic|noncommutative)/.test(method)) return 'proof';
  return 'evidence';
}

/** The label of a verdict reached by `method`, e.g. `proved`, `holds (reading)`, `numeric evidence`. */
export function verdictLabel(verdict: Verdict, method: string): string {
  if (verdict === 'fails') return 'fails as written';
  if (verdict === 'holds-as-inequality') return 'holds as ≥ only';
  const kind = methodKind(method);
  if (kind === 'reading') return verdict === 'holds' ? 'holds (reading)' : 'reading undecided';
  if (kind === 'witness') return 'not refuted (witness)';
  if (verdict === 'holds') return kind === 'proof' ? 'proved' : 'holds (numeric evidence)';
  return 'numeric evidence';
}

/** `count label` for each label among the verdicts, most frequent first. */
export function labelCounts(results: readonly { readonly verdict: Verdict; readonly method: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const { verdict, method } of results) {
    const label = verdictLabel(verdict, method);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([label, count]) => `${count} ${label}`);
}
