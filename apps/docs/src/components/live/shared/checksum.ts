/**
 * Short fingerprints of plotted numbers, written to `data-series` so that a browser test can tell
 * whether a control changed what is drawn without parsing the SVG.
 */

/**
 * FNV-1a over the IEEE-754 bits of every number, as 8 hex digits. Hashing bits rather than
 * formatted strings keeps this well under a millisecond for the ~10^4 numbers of a plot at n = 50,
 * so the fingerprint does not eat into the slider's latency budget.
 */
export function checksumOf(arrays: readonly ArrayLike<number>[]): string {
  const scratch = new Float64Array(1);
  const words = new Uint32Array(scratch.buffer);
  let hash = 0x811c9dc5;
  for (const values of arrays) {
    for (let i = 0; i < values.length; i++) {
      scratch[0] = values[i];
      hash = Math.imul(hash ^ words[0], 0x01000193);
      hash = Math.imul(hash ^ words[1], 0x01000193);
    }
    // Separates [a, b], [c] from [a], [b, c].
    hash = Math.imul(hash ^ values.length, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
