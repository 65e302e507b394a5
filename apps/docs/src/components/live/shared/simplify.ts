/**
 * Polyline simplification in screen space. Observable Plot's cost grows with the number of
 * points (about 7 ms for 50 curves x 200 times here), while most of a learning curve is flat:
 * dropping points that lie within a fraction of a pixel of the kept polyline leaves the picture
 * unchanged and makes drawing several times cheaper.
 */

/** Scale from data units to pixels, per axis. */
interface PixelScale {
  readonly x: number;
  readonly y: number;
}

/**
 * Indices of the points of (x[from..to), y[from..to)) that Ramer-Douglas-Peucker keeps at
 * `tolerance` pixels; always includes both ends. Distances are vertical in pixels, which for a
 * function of t is the visible error and needs no square root.
 */
function simplifiedIndices(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  from: number,
  to: number,
  scale: PixelScale,
  tolerance: number,
): number[] {
  const last = to - 1;
  if (last - from < 2) return Array.from({ length: to - from }, (_, i) => from + i);
  const keep = new Uint8Array(to - from);
  keep[0] = 1;
  keep[last - from] = 1;
  const stack: [number, number][] = [[from, last]];
  while (stack.length > 0) {
    const [a, b] = stack.pop() as [number, number];
    const ax = x[a] * scale.x;
    const ay = y[a] * scale.y;
    const span = x[b] * scale.x - ax;
    const rise = y[b] * scale.y - ay;
    let worst = -1;
    let worstAt = -1;
    for (let i = a + 1; i < b; i++) {
      const along = span === 0 ? 0 : (x[i] * scale.x - ax) / span;
      const deviation = Math.abs(y[i] * scale.y - (ay + along * rise));
      if (deviation > worst) {
        worst = deviation;
        worstAt = i;
      }
    }
    if (worst > tolerance) {
      keep[worstAt - from] = 1;
      stack.push([a, worstAt], [worstAt, b]);
    }
  }
  const indices: number[] = [];
  for (let i = 0; i < keep.length; i++) if (keep[i] === 1) indices.push(from + i);
  return indices;
}

/**
 * Simplified columns for `count` series of `length` points each, stored one series after the
 * other in `y` and sharing the abscissae `x`: returns x, y and the 1-based series id z.
 */
export function simplifySeries(
  x: Float64Array,
  y: Float64Array,
  count: number,
  scale: PixelScale,
  tolerance = 0.25,
): { x: Float64Array; y: Float64Array; z: Int32Array } {
  const length = x.length;
  const kept: number[][] = [];
  let total = 0;
  for (let series = 0; series < count; series++) {
    const offset = series * length;
    const indices = simplifiedIndices(x, y.subarray(offset, offset + length), 0, length, scale, tolerance);
    kept.push(indices);
    total += indices.length;
  }
  const outX = new Float64Array(total);
  const outY = new Float64Array(total);
  const outZ = new Int32Array(total);
  let at = 0;
  kept.forEach((indices, series) => {
    const offset = series * length;
    for (const index of indices) {
      outX[at] = x[index];
      outY[at] = y[offset + index];
      outZ[at] = series + 1;
      at += 1;
    }
  });
  return { x: outX, y: outY, z: outZ };
}
