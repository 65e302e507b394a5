/** Tick helpers for the log axes of the live examples. */

/** The powers of ten in [low, high], at most about eight of them (every other decade when needed). */
export function powersOfTen(low: number, high: number): number[] {
  const first = Math.ceil(Math.log10(low));
  const last = Math.floor(Math.log10(high));
  const stride = Math.max(1, Math.ceil((last - first + 1) / 8));
  const ticks: number[] = [];
  for (let exponent = last; exponent >= first; exponent -= stride) ticks.push(10 ** exponent);
  return ticks;
}

/** 0.01 .. 100 as decimals, other powers of ten as 1e-5 (Plot's default would print SI prefixes, 10µ). */
export function formatPower(value: number): string {
  const exponent = Math.round(Math.log10(value));
  return exponent >= -2 && exponent <= 2 ? String(10 ** exponent) : `1e${exponent}`;
}
