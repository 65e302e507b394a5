/** A catalog entry: one equation or proof step of Min & Vidal (2025), as the paper writes it, and its check. */
import type { Check } from './check.js';

/**
 * What kind of claim an entry checks: an equation (`identity`), a bound (`inequality`), whether a
 * step's stated reason implies it (`justification`), whether a definition's possible readings keep
 * the theorem true (`reading`), or a sentence or cross-reference of the prose (`text`).
 */
export type EntryCategory = 'identity' | 'inequality' | 'justification' | 'reading' | 'text';

export interface CatalogEntry {
  /** Stable identifier, e.g. `thm3.19.eq1`; `--only` selects by prefix. */
  readonly id: string;
  /** Paper section: `II`, `II-A`, `II-B`, `III-A`, `III-B`, `III-C1`, `III-C2`, `IV`. */
  readonly section: string;
  /** The paper's equation number or label, e.g. `(19)`, `Prop. 1`, `(c)`. */
  readonly equation: string;
  /** What kind of claim this is; see {@link EntryCategory}. */
  readonly category: EntryCategory;
  /** One line saying what is checked. */
  readonly title: string;
  /** The statement as the paper writes it (LaTeX). */
  readonly statement: string;
  /** The hypotheses the check assumes (LaTeX), beyond the standing ones of its section. */
  readonly hypotheses: readonly string[];
  /** The instance the check covers when it is not fully general, prose with `$...$` TeX, e.g. `$n = 2$, general symmetric $W_0$`. */
  readonly scope?: string;
  readonly check: Check;
  /** For a statement that fails: the corrected statement, itself checked. */
  readonly correction?: { readonly statement: string; readonly check: Check };
  /** The theorem hypotheses this proof step relies on (Theorems 3 and 4), for the usage table. */
  readonly uses?: readonly string[];
  /** What a reader should know: why the step holds or fails, and what it implies; prose with `$...$` TeX. */
  readonly notes?: string;
}
