/** Plot options for RankKDistance: ||W(t) - Y_hat_k||_2 on a log axis, epsilon, and the measured windows. */
import type { MeasuredWindows } from '@factorflow/core';
import * as Plot from '@observablehq/plot';

import { formatPower, powersOfTen } from '../shared/axes';
import { checksumOf } from '../shared/checksum';
import { simplifySeries } from '../shared/simplify';

const HEIGHT = 360;

interface RankFigureInput {
  readonly n: number;
  readonly times: Float64Array;
  /** ||W(t_j) - Y_hat_k|| at [(k - 1) * times.length + j]. */
  readonly distances: Float64Array;
  readonly epsilon: number;
  readonly windows: MeasuredWindows | null;
  readonly horizon: number;
  readonly width: number;
}

const label = (k: number): string => `k = ${k}`;

/** The figure's options and the checksum of every number it draws. */
export function rankDistanceFigure(input: RankFigureInput): { options: Plot.PlotOptions; checksum: string } {
  const { n, times, distances, epsilon, windows, horizon, width } = input;
  let top = epsilon;
  let bottom = epsilon;
  for (const value of distances) {
    top = Math.max(top, value);
    if (value > 0) bottom = Math.min(bottom, value);
  }
  // ||W - Y|| (k = n) decays like e^{-2 sigma_n t} towards 0; the axis stops 1e-8 below the top
  // and the curve is cut (not clamped, which would draw a false plateau) where it leaves the axis.
  const floor = Math.max(bottom, top * 1e-8) / 1.5;
  const logged = distances.map((value) => Math.log10(Math.max(value, floor)));
  const decades = Math.log10((top * 1.5) / floor);
  // Simplify in log space, where the curves are drawn.
  const line = simplifySeries(times, logged, n, { x: Math.max(width - 80, 1) / horizon, y: (HEIGHT - 60) / decades });
  const lineY = line.y.map((value) => (value <= Math.log10(floor) ? Number.NaN : 10 ** value));
  const lineLabels = Array.from(line.z, label);

  const segments: { k: string; start: number; end: number }[] = [];
  for (const rank of windows?.perRank ?? []) {
    for (const window of rank.windows) {
      const start = Math.max(0, window.start);
      const end = Math.min(window.end, horizon);
      if (start < end) segments.push({ k: label(rank.k), start, end });
    }
  }
  const domain = Array.from({ length: n }, (_, i) => label(i + 1));
  const options: Plot.PlotOptions = {
    width,
    height: HEIGHT,
    marginLeft: 56,
    x: { domain: [0, horizon], label: 't', grid: true },
    y: { type: 'log', domain: [floor, top * 1.5], label: '‖W(t) − Ŷ_k‖₂', grid: true, ticks: powersOfTen(floor, top * 1.5), tickFormat: formatPower },
    color: { type: 'ordinal', domain, scheme: 'tableau10', legend: true },
    marks: [
      Plot.rect(segments, { x1: 'start', x2: 'end', y1: floor, y2: top * 1.5, fill: 'k', fillOpacity: 0.1 }),
      Plot.ruleY([epsilon], { stroke: 'currentColor', strokeDasharray: '4,3' }),
      Plot.text([epsilon], { y: (value: number) => value, x: horizon, text: () => 'ε', textAnchor: 'end', dy: -7, dx: -2 }),
      Plot.ruleY(segments, { y: epsilon, x1: 'start', x2: 'end', stroke: 'k', strokeWidth: 6, strokeOpacity: 0.7 }),
      Plot.line({ length: line.x.length }, { x: line.x, y: lineY, z: lineLabels, stroke: lineLabels, strokeWidth: 1.5 }),
    ],
  };
  const windowNumbers = segments.flatMap((segment) => [segment.start, segment.end]);
  return { options, checksum: checksumOf([line.x, line.y, line.z, windowNumbers]) };
}
