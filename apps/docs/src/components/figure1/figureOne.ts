/**
 * The numbers and panels of "Figure 1, reproduced" (Min & Vidal 2025, Figure 1): sigma_{i,W}(t) of
 * Corollary 2, eq. (12), for each target sigma_{i,Y}, under spectral initialization at a few scales
 * alpha. Pure, so the figure is a function of the stated parameters and the width.
 */
import { scalarTrajectory } from '@factorflow/core';
import * as Plot from '@observablehq/plot';

import { checksumOf } from '../live/shared/checksum';

/**
 * Every parameter of the reproduction. The paper states none of them: the targets and sigma_0
 * are the live explorer's defaults, the scales span its slider's range.
 */
export const FIGURE_ONE = {
  /** sigma_{i,Y}, the eigenvalues of Y. */
  targets: [10, 8, 6, 4, 2],
  /** sigma_{i,0} = [Sigma_{U0}^2]_ii, the same for every mode. */
  sigma0: 1,
  /** The left panel's scale. */
  leftAlpha: 1e-6,
  /** The right panels' scales, decreasing. */
  rightAlphas: [1e-2, 1e-6, 1e-12],
  /** Samples per curve. */
  points: 400,
} as const;

/** Time axis of the left panel, and of the right ones in units of ln(1/alpha). */
const LEFT_HORIZON = 5;
const RIGHT_HORIZON = 0.5;

interface Sample {
  readonly target: number;
  readonly x: number;
  readonly value: number;
}

/** sigma_{i,W} on an evenly spaced grid of x in [0, horizon], with t = x * timeUnit. */
function curves(alpha: number, horizon: number, timeUnit: number): Sample[] {
  const samples: Sample[] = [];
  for (const target of FIGURE_ONE.targets) {
    const mode = { sigmaY: target, sigma0: FIGURE_ONE.sigma0, alpha };
    for (let j = 0; j < FIGURE_ONE.points; j++) {
      const x = (horizon * j) / (FIGURE_ONE.points - 1);
      samples.push({ target, x, value: scalarTrajectory(mode, x * timeUnit) });
    }
  }
  return samples;
}

const COLOR: Plot.ScaleOptions = { type: 'ordinal', domain: FIGURE_ONE.targets, scheme: 'tableau10' };

function panel(samples: Sample[], caption: string, xLabel: string, xDomain: [number, number], width: number, height: number): Plot.PlotOptions {
  return {
    width,
    height,
    marginLeft: 40,
    marginRight: 12,
    caption,
    x: { domain: xDomain, label: xLabel },
    y: { domain: [0, FIGURE_ONE.targets[0] * 1.05], label: 'σᵢ,W(t)', grid: true },
    color: COLOR,
    marks: [
      Plot.ruleY(FIGURE_ONE.targets, { stroke: (target: number) => target, strokeDasharray: '3,3', strokeOpacity: 0.6 }),
      Plot.line(samples, { x: 'x', y: 'value', z: 'target', stroke: 'target', strokeWidth: 2 }),
    ],
  };
}

export interface FigureOnePanels {
  readonly left: Plot.PlotOptions;
  readonly right: Plot.PlotOptions[];
  readonly checksum: string;
}

/** The four panels at the given widths (the left one wide, the right three side by side). */
export function figureOnePanels(leftWidth: number, rightWidth: number): FigureOnePanels {
  const left = curves(FIGURE_ONE.leftAlpha, LEFT_HORIZON, 1);
  const right = FIGURE_ONE.rightAlphas.map((alpha) => ({ alpha, samples: curves(alpha, RIGHT_HORIZON, Math.log(1 / alpha)) }));
  return {
    left: panel(left, `α = ${formatScale(FIGURE_ONE.leftAlpha)}`, 't', [0, LEFT_HORIZON], leftWidth, 240),
    right: right.map(({ alpha, samples }) => panel(samples, `α = ${formatScale(alpha)}`, 't / ln(1/α)', [0, RIGHT_HORIZON], rightWidth, 220)),
    checksum: checksumOf([left, ...right.map(({ samples }) => samples)].map((samples) => samples.map((sample) => sample.value))),
  };
}

/** 1e-6 rather than Plot's or JavaScript's 0.000001. */
export function formatScale(alpha: number): string {
  return `1e${Math.round(Math.log10(alpha))}`;
}
