/**
 * Plot options for UdvSpectra: the singular values sigma_i of X over the iterations, one line per
 * i, on a log axis, one facet per model; dashed, the rank threshold 1e-10 sigma_1; dotted, the
 * floor 1e-16 sigma_1 at which smaller values (exact zeros included) are drawn.
 */
import * as Plot from '@observablehq/plot';

import { formatPower, powersOfTen } from '../shared/axes';
import { checksumOf } from '../shared/checksum';
import { RANK_TOLERANCE, type ModelTrace, type UdvModelName } from './udvSpectraCompute';

const HEIGHT = 380;

/** Values below FLOOR_RATIO sigma_1(t), exact zeros included, are drawn at that floor. */
const FLOOR_RATIO = 1e-16;

export const FACET_LABELS: Readonly<Record<UdvModelName, string>> = {
  udv: 'U D Uᵀ (projected GD)',
  bm: 'U Uᵀ (Burer–Monteiro, GD)',
};

interface UdvFigureInput {
  readonly n: number;
  readonly traces: readonly ModelTrace[];
  /** The x axis runs to this iteration (the whole budget), so the curves grow into it. */
  readonly horizon: number;
  readonly width: number;
}

/** The figure's options and the checksum of every number it draws. */
export function udvSpectraFigure(input: UdvFigureInput): { options: Plot.PlotOptions; checksum: string } {
  const { n, traces, horizon, width } = input;
  const x: number[] = [];
  const y: number[] = [];
  const index: number[] = [];
  const facet: string[] = [];
  const series: string[] = [];
  const guideX: number[] = [];
  const guideY: number[] = [];
  const guideFacet: string[] = [];
  const guideKind: string[] = [];
  let top = 0;
  let bottom = Infinity;
  for (const trace of traces) {
    const label = FACET_LABELS[trace.model];
    const points = trace.iterations.length;
    for (let p = 0; p < points; p++) {
      const sigma1 = trace.spectra[p * n];
      if (!(sigma1 > 0)) continue;
      const floor = FLOOR_RATIO * sigma1;
      top = Math.max(top, sigma1);
      bottom = Math.min(bottom, floor);
      for (const [kind, ratio] of [
        ['threshold', RANK_TOLERANCE],
        ['floor', FLOOR_RATIO],
      ] as const) {
        guideX.push(trace.iterations[p]);
        guideY.push(ratio * sigma1);
        guideFacet.push(label);
        guideKind.push(kind);
      }
    }
    for (let i = 0; i < n; i++) {
      for (let p = 0; p < points; p++) {
        const sigma1 = trace.spectra[p * n];
        if (!(sigma1 > 0)) continue;
        x.push(trace.iterations[p]);
        y.push(Math.max(trace.spectra[p * n + i], FLOOR_RATIO * sigma1));
        index.push(i + 1);
        facet.push(label);
        series.push(`${trace.model}:${i + 1}`);
      }
    }
  }
  if (!(top > 0)) {
    top = 1;
    bottom = FLOOR_RATIO;
  }
  const domain: [number, number] = [bottom / 2, top * 2];
  const options: Plot.PlotOptions = {
    width,
    height: HEIGHT,
    marginLeft: 56,
    marginRight: 16,
    x: { domain: [0, horizon], label: 'iteration', grid: true, ticks: 4 },
    y: { type: 'log', domain, label: 'σᵢ(X)', grid: true, ticks: powersOfTen(domain[0], domain[1]), tickFormat: formatPower },
    fx: { domain: traces.map((trace) => FACET_LABELS[trace.model]), label: null, padding: 0.08 },
    color: { type: 'linear', domain: [1, n], scheme: 'turbo', legend: true, label: 'i (σᵢ, decreasing)' },
    marks: [
      Plot.frame({ strokeOpacity: 0.2 }),
      ...(['threshold', 'floor'] as const).map((kind) => {
        const rows = guideKind.flatMap((value, k) => (value === kind ? [k] : []));
        return Plot.line(rows, {
          x: (k: number) => guideX[k],
          y: (k: number) => guideY[k],
          fx: (k: number) => guideFacet[k],
          stroke: 'currentColor',
          strokeOpacity: 0.6,
          strokeDasharray: kind === 'threshold' ? '5,3' : '1,3',
        });
      }),
      Plot.line({ length: x.length }, { x, y, fx: facet, z: series, stroke: index, strokeWidth: 1.4 }),
    ],
  };
  return { options, checksum: checksumOf([x, y, index, facet.map((label) => label.length)]) };
}
