/** How the trajectory commands print numbers. */

/** A number with 6 significant digits (or `digits`), exponent notation outside [1e-3, 1e5). */
export function num(value: number, digits = 6): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  return magnitude >= 1e-3 && magnitude < 1e5 ? value.toPrecision(digits) : value.toExponential(digits - 1);
}
