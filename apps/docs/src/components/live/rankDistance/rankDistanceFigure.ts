/**
 * Plot options for RankKDistance: ||W(t) - Y_hat_k||_2 on a log axis, epsilon, the guaranteed
 * intervals I_k of the theorem's plan as shaded bands (in rank k's colour), the measured windows
 * as thick bars on the epsilon line, and the certified windows as thin bars just under them.
 */
import type { CertifiedWindows, MeasuredWindows, TheoremPlan } from '@factorflow/core';
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
  /** The certified windows of the same problem, once the last pass has delivered them. */
  readonly certified: CertifiedWindows | null;
  /** The plan whose I_k are shaded; faint and dashed when its hypotheses fail at this alpha. */
  readonly plan: TheoremPlan | null;
  readonly horizon: number;
  readonly width: number;
}

const label = (k: number): string => `k = ${k}`;

/** A stretch of time for rank k (labelled as in the legend). */
interface Shaded {
  readonly k: string;
  readonly start: number;
  readonly end: number;
}

/** The figure's options and the checksum of every number it draws. */
export function rankDistanceFigure(input: RankFigureInput): { options: Plot.PlotOptions; checksum: string } {
  const { n, times, distances, epsilon, windows, certified, plan, horizon, width } = input;
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

  const segments = clipped((windows?.perRank ?? []).map((rank) => ({ k: rank.k, windows: rank.windows })), horizon);
  const proved = clipped((certified?.perRank ?? []).map((rank) => ({ k: rank.k, windows: rank.certified })), horizon);
  const intervals: (Shaded & { label: string })[] = [];
  for (const interval of plan?.intervals ?? []) {
    const start = Math.max(0, interval.start);
    const end = Math.min(interval.end, horizon);
    if (interval.nonEmpty && start <= end && start < horizon) intervals.push({ k: label(interval.k), start, end, label: `I${interval.k}` });
  }
  const guaranteed = plan?.hypothesesHold ?? false;
  const domain = Array.from({ length: n }, (_, i) => label(i + 1));
  const options: Plot.PlotOptions = {
    width,
    height: HEIGHT,
    marginLeft: 56,
    x: { domain: [0, horizon], label: 't', grid: true },
    y: { type: 'log', domain: [floor, top * 1.5], label: '‖W(t) − Ŷ_k‖₂', grid: true, ticks: powersOfTen(floor, top * 1.5), tickFormat: formatPower },
    color: { type: 'ordinal', domain, scheme: 'tableau10', legend: true },
    marks: [
      Plot.rect(intervals, {
        x1: 'start',
        x2: 'end',
        y1: floor,
        y2: top * 1.5,
        fill: 'k',
        fillOpacity: guaranteed ? 0.16 : 0.05,
        ...(guaranteed ? {} : { stroke: 'k', strokeDasharray: '3,3', strokeOpacity: 0.5 }),
        ariaLabel: (interval: Shaded) => `guaranteed interval, ${interval.k}`,
      }),
      Plot.text(intervals, { x: (interval: Shaded) => 0.5 * (interval.start + interval.end), y: top * 1.5, text: 'label', fill: 'k', dy: 8, fontSize: 10 }),
      Plot.ruleY([epsilon], { stroke: 'currentColor', strokeDasharray: '4,3' }),
      Plot.text([epsilon], { y: (value: number) => value, x: horizon, text: () => 'ε', textAnchor: 'end', dy: -7, dx: -2 }),
      Plot.ruleY(segments, { y: epsilon, x1: 'start', x2: 'end', stroke: 'k', strokeWidth: 6, strokeOpacity: 0.7, ariaLabel: (segment: Shaded) => `measured window, ${segment.k}` }),
      // Just under the measured bar, so that both stay visible where they coincide (coverage near 1).
      Plot.ruleY(proved, { y: epsilon, dy: 7, x1: 'start', x2: 'end', stroke: 'k', strokeWidth: 3, ariaLabel: (segment: Shaded) => `certified window, ${segment.k}` }),
      Plot.line({ length: line.x.length }, { x: line.x, y: lineY, z: lineLabels, stroke: lineLabels, strokeWidth: 1.5 }),
    ],
  };
  const windowNumbers = segments.flatMap((segment) => [segment.start, segment.end]);
  const certifiedNumbers = proved.flatMap((segment) => [segment.start, segment.end]);
  const intervalNumbers = intervals.flatMap((interval) => [interval.start, interval.end]);
  return { options, checksum: checksumOf([line.x, line.y, line.z, windowNumbers, intervalNumbers, certifiedNumbers, [guaranteed ? 1 : 0]]) };
}

/** The windows of each rank clipped to [0, horizon], labelled as in the legend; empty ones dropped. */
function clipped(ranks: readonly { readonly k: number; readonly windows: readonly { start: number; end: number }[] }[], horizon: number): Shaded[] {
  return ranks.flatMap((rank) =>
    rank.windows.flatMap((window) => {
      const start = Math.max(0, window.start);
      const end = Math.min(window.end, horizon);
      return start < end ? [{ k: label(rank.k), start, end }] : [];
    }),
  );
}
