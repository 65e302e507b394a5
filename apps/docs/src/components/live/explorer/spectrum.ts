/**
 * The explorer's Y, from its text box: parsed and checked here rather than by the planner, so a
 * typo gets a message instead of an exception, and built as diag(values) for core.
 */

/** Largest n the explorer accepts: the closed form costs O(n^3) per time on the main path. */
const MAX_EXPLORER_N = 60;

/** The spectrum of the "n = 50" preset: 50, 49, ..., 1 (distinct, as Theorems 3 and 4 require). */
export function presetSpectrum(n: number): number[] {
  return Array.from({ length: n }, (_, i) => n - i);
}

/** The field a message names, as its label reads, and how to fill it in. */
const FIELD = 'eigenvalues of Y';
const FIX = 'enter numbers separated by commas, e.g. 10, 8, 6';

/** Outcome of parsing the eigenvalue text box. */
type ParsedSpectrum = { readonly ok: true; readonly values: number[] } | { readonly ok: false; readonly error: string };

/**
 * Parses "10, 8, 6" into eigenvalues sorted decreasingly. Theorems 3 and 4 assume Y PSD, so
 * negative entries are rejected here with a message instead of as a planner exception. Each message
 * names the field and says how to fix it: it replaces the plot until the text is valid again.
 */
export function parseSpectrum(text: string): ParsedSpectrum {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length === 0) return { ok: false, error: `${FIELD}: empty; ${FIX}` };
  if (parts.length > MAX_EXPLORER_N) return { ok: false, error: `${FIELD}: ${parts.length} values, at most ${MAX_EXPLORER_N} are allowed; remove some` };
  const values: number[] = [];
  for (const part of parts) {
    const value = Number(part);
    if (!Number.isFinite(value)) return { ok: false, error: `${FIELD}: "${part}" is not a number; ${FIX}` };
    if (value < 0) return { ok: false, error: `${FIELD}: ${part} < 0, but the theorems assume Y positive semi-definite; enter values >= 0` };
    values.push(value);
  }
  if (!values.some((value) => value > 0)) return { ok: false, error: `${FIELD}: all zero, so Y = 0 has nothing to learn; enter at least one value > 0` };
  return { ok: true, values: values.sort((a, b) => b - a) };
}

/** diag(values) as rows: Y in its own eigenbasis (Phi = I), which loses no generality for the flow. */
export function diagonalMatrix(values: readonly number[]): number[][] {
  return values.map((value, i) => values.map((_, j) => (i === j ? value : 0)));
}
