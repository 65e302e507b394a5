/** Plot options for AsymmetricExplorer: the singular values of X(t), and the measured windows below them. */
import * as Plot from '@observablehq/plot';

import { checksumOf } from '../shared/checksum';
import type { AsymmetricResult } from './asymmetricCompute';

const COLORS = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc948'];

/** The two figures' options and the checksum of every number they draw. */
export function asymmetricFigure(result: AsymmetricResult, width: number): { options: Plot.PlotOptions[]; checksum: string } {
  const { count, times, singularValues, sigma, windows } = result;
  const points = times.length;
  const horizon = times[points - 1];
  const x: number[] = [];
  const y: number[] = [];
  const z: string[] = [];
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < points; j++) {
      x.push(times[j]);
      y.push(singularValues[i * points + j]);
      z.push(`σ${i + 1}(X)`);
    }
  }
  const series = Array.from({ length: count }, (_, i) => `σ${i + 1}(X)`);
  const color = { domain: series, range: COLORS.slice(0, count), legend: true };
  const xAxis = { domain: [0, horizon], label: 't', grid: true };
  const top = Math.max(...sigma, ...y) * 1.08;
  const values: Plot.PlotOptions = {
    width,
    height: 300,
    marginLeft: 48,
    x: xAxis,
    y: { domain: [0, top], label: 'singular values of X(t)', grid: true },
    color,
    marks: [
      Plot.ruleY(Array.from(sigma), { stroke: '#999', strokeDasharray: '4,3' }),
      Plot.line({ length: x.length }, { x, y, z, stroke: z, strokeWidth: 2 }),
      Plot.ruleY([0]),
    ],
  };
  // A window that never closes is drawn to the end of the axis.
  const bars = windows.map((window) => ({ k: `k = ${window.k}`, start: window.start, end: Math.min(window.end, horizon) }));
  const ranks = Array.from({ length: sigma.length }, (_, i) => `k = ${i + 1}`);
  const windowPanel: Plot.PlotOptions = {
    width,
    height: 40 + 26 * Math.max(1, ranks.length),
    marginLeft: 48,
    x: xAxis,
    y: { domain: ranks, label: null },
    marks: [
      Plot.barX(bars, { x1: 'start', x2: 'end', y: 'k', fill: (bar: { k: string }) => COLORS[ranks.indexOf(bar.k) % COLORS.length], insetTop: 4, insetBottom: 4 }),
      Plot.text(['windows where ‖X(t) − Ŷ_k‖₂ ≤ ε'], { frameAnchor: 'top-right', dy: -2, fontSize: 11 }),
    ],
  };
  return {
    options: [values, windowPanel],
    checksum: checksumOf([times, singularValues, bars.map((bar) => bar.start), bars.map((bar) => bar.end)]),
  };
}
