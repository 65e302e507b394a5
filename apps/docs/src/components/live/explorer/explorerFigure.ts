/**
 * Plot options for IncrementalExplorer (the paper's Figure 1 with Theorem 3/4's intervals): pure,
 * so the figure is a function of the worker's numbers and the width. Two panels on one time axis:
 * the curves with the guaranteed I_k shaded behind them, and below, one lane per rank k with I_k
 * and the measured window side by side, and the certified window (issue 20) under the measured
 * one. The lanes keep the measured windows clear of the curves:
 * drawn at height sigma_k(Y), a window sat exactly under the converged curve sigma_k(W(t)).
 */
import type { CertifiedWindows, MeasuredWindows, TheoremPlan } from '@factorflow/core';
import * as Plot from '@observablehq/plot';

import { checksumOf } from '../shared/checksum';
import { simplifySeries } from '../shared/simplify';
import type { CurvesResult } from './explorerCompute';

const HEIGHT = 380;
/** Height of one rank's lane: readable up to n = 12, then shrinking so n = 60 stays under ~250 px. */
const laneHeight = (ranks: number): number => (ranks <= 12 ? 16 : Math.max(4, Math.floor(240 / ranks)));
const LANES_MARGIN_TOP = 8;
const LANES_MARGIN_BOTTOM = 34;
const MARGIN_LEFT = 48;
const MARGIN_RIGHT = 16;

/** Fill of the guaranteed intervals I_k (eq. (16)): a neutral tint, distinct from every curve colour. */
export const THEOREM_FILL = '#7f93ad';
/** Opacity of I_k when the plan's hypotheses hold, and when they do not (drawn, but not a guarantee). */
const GUARANTEED_OPACITY = 0.22;
const UNGUARANTEED_OPACITY = 0.07;
/** Stroke of the measured windows: the text colour, so the bars read in light and dark mode. */
export const MEASURED_STROKE = 'currentColor';
/** Fill of the certified windows: tableau10's green, apart from the neutral I_k and the text-coloured measured bars. */
export const CERTIFIED_FILL = '#59a14f';
/** Legend swatches for the curves: the first tableau10 colours, and viridis (n > 10). */
export const CATEGORICAL_GRADIENT = 'linear-gradient(90deg, #4e79a7, #f28e2c, #e15759, #76b7b2, #59a14f)';
export const VIRIDIS_GRADIENT = 'linear-gradient(90deg, #440154, #3b528b, #21918c, #5ec962, #fde725)';

interface ExplorerFigureInput {
  readonly curves: CurvesResult;
  /** Eigenvalues of Y, decreasing: their largest sets the frame, the non-zero ones the lanes. */
  readonly values: readonly number[];
  readonly plan: TheoremPlan | null;
  readonly windows: MeasuredWindows | null;
  /** The certified windows of the same problem, once the certification pass has delivered them. */
  readonly certified: CertifiedWindows | null;
  readonly horizon: number;
  readonly width: number;
}

interface Band {
  readonly k: number;
  readonly start: number;
  readonly end: number;
}

/** Clips [start, end] (end may be Infinity) to [0, horizon]; null when nothing is left. */
function clip(start: number, end: number, horizon: number): { start: number; end: number } | null {
  const from = Math.max(0, start);
  const to = Math.min(end, horizon);
  return from <= to && from < horizon ? { start: from, end: to } : null;
}

/** The two panels' options and the checksum of every number they draw. */
export function explorerFigure(input: ExplorerFigureInput): { options: Plot.PlotOptions[]; checksum: string } {
  const { curves, values, plan, windows, certified, horizon, width } = input;
  const { n, times, eigenvalues } = curves;
  // sigma_1(W) can exceed sigma_1(Y) on the way (a large Gaussian W(0)); the frame holds every curve.
  let largest = Math.max(values[0], 1e-12);
  for (const value of eigenvalues) if (value > largest) largest = value;
  const top = largest * 1.06;
  const scale = { x: Math.max(width - MARGIN_LEFT - MARGIN_RIGHT, 1) / horizon, y: (HEIGHT - 50) / top };
  const line = simplifySeries(times, eigenvalues, n, scale);

  const bands: Band[] = [];
  for (const interval of plan?.intervals ?? []) {
    const clipped = interval.nonEmpty ? clip(interval.start, interval.end, horizon) : null;
    if (clipped) bands.push({ k: interval.k, ...clipped });
  }
  const segments: Band[] = [];
  for (const rank of windows?.perRank ?? []) {
    for (const window of rank.windows) {
      const clipped = clip(window.start, window.end, horizon);
      if (clipped) segments.push({ k: rank.k, ...clipped });
    }
  }
  const proved: Band[] = [];
  for (const rank of certified?.perRank ?? []) {
    for (const window of rank.certified) {
      const clipped = clip(window.start, window.end, horizon);
      if (clipped) proved.push({ k: rank.k, ...clipped });
    }
  }

  const ordinal = n <= 10;
  const guaranteed = plan?.hypothesesHold ?? false;
  const bandStyle = {
    fill: THEOREM_FILL,
    fillOpacity: guaranteed ? GUARANTEED_OPACITY : UNGUARANTEED_OPACITY,
    ...(guaranteed ? {} : { stroke: THEOREM_FILL, strokeDasharray: '3,3', strokeOpacity: 0.6 }),
  };
  const x = { domain: [0, horizon], label: 't', grid: true };
  const curvesPanel: Plot.PlotOptions = {
    width,
    height: HEIGHT,
    marginLeft: MARGIN_LEFT,
    marginRight: MARGIN_RIGHT,
    x,
    y: { domain: [0, top], label: 'σᵢ(W(t))', grid: true },
    color: ordinal ? { type: 'ordinal', scheme: 'tableau10' } : { type: 'linear', scheme: 'viridis', domain: [1, n * 1.15] },
    marks: [
      Plot.rect(bands, { x1: 'start', x2: 'end', y1: 0, y2: top, ariaLabel: (band: Band) => `I${band.k} shaded`, ...bandStyle }),
      ...(n <= 12 ? [Plot.text(bands, { x: (band: Band) => 0.5 * (band.start + band.end), y: top, text: (band: Band) => `I${band.k}`, dy: 8, fontSize: 10, fill: THEOREM_FILL })] : []),
      Plot.line({ length: line.x.length }, { x: line.x, y: line.y, z: line.z, stroke: line.z, strokeWidth: 1.5 }),
      Plot.ruleY([0]),
    ],
  };
  // One lane per non-zero eigenvalue of Y (the ranks k = 1..K of the theorems), k = 1 on top.
  const ranks = Math.max(values.filter((value) => value > 0).length, 1);
  const lane = laneHeight(ranks);
  const lanesPanel: Plot.PlotOptions = {
    width,
    height: LANES_MARGIN_TOP + LANES_MARGIN_BOTTOM + lane * ranks,
    marginTop: LANES_MARGIN_TOP,
    marginBottom: LANES_MARGIN_BOTTOM,
    marginLeft: MARGIN_LEFT,
    marginRight: MARGIN_RIGHT,
    x,
    y: { domain: [ranks + 0.5, 0.5], label: 'k', ticks: ranks <= 12 ? ranks : 5, tickFormat: (k: number) => (Number.isInteger(k) ? String(k) : '') },
    marks: [
      Plot.rect(bands, { x1: 'start', x2: 'end', y1: (band: Band) => band.k - 0.45, y2: (band: Band) => band.k + 0.45, ariaLabel: (band: Band) => `guaranteed interval, k = ${band.k}`, ...bandStyle }),
      Plot.rect(segments, {
        x1: 'start',
        x2: 'end',
        y1: (segment: Band) => segment.k - 0.2,
        y2: (segment: Band) => segment.k + 0.2,
        fill: MEASURED_STROKE,
        fillOpacity: 0.75,
        ariaLabel: (segment: Band) => `measured window, k = ${segment.k}`,
      }),
      Plot.rect(proved, {
        x1: 'start',
        x2: 'end',
        y1: (segment: Band) => segment.k + 0.24,
        y2: (segment: Band) => segment.k + 0.42,
        fill: CERTIFIED_FILL,
        ariaLabel: (segment: Band) => `certified window, k = ${segment.k}`,
      }),
    ],
  };
  const options = [curvesPanel, lanesPanel];
  const bandNumbers = bands.flatMap((band) => [band.k, band.start, band.end]);
  const segmentNumbers = segments.flatMap((segment) => [segment.k, segment.start, segment.end]);
  const provedNumbers = proved.flatMap((segment) => [segment.k, segment.start, segment.end]);
  return { options, checksum: checksumOf([line.x, line.y, line.z, bandNumbers, segmentNumbers, provedNumbers, [guaranteed ? 1 : 0]]) };
}
