/** Plot options for RouteComparison: the three routes overlaid, and their distance to the closed form. */
import * as Plot from '@observablehq/plot';

import { formatPower, powersOfTen } from '../shared/axes';
import { checksumOf } from '../shared/checksum';
import type { RoutesResult } from './routesCompute';

const ROUTES = ['closed form (eq. (5))', 'ODE (Dormand–Prince)', 'gradient descent'] as const;
const COLORS = ['#4e79a7', '#f28e2c', '#59a14f'];
/** Smallest relative error drawn on the log axis (errors at t = 0 are exactly 0: same U0). */
const ERROR_FLOOR = 1e-17;

/** Long-format columns (t, value, series id) of `count`-point rows stored one after another. */
function columns(times: Float64Array, values: Float64Array, rows: number, every = 1): { x: number[]; y: number[]; z: number[] } {
  const count = times.length;
  const x: number[] = [];
  const y: number[] = [];
  const z: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < count; j += every) {
      x.push(times[j]);
      y.push(values[i * count + j]);
      z.push(i);
    }
  }
  return { x, y, z };
}

/** The two figures' options and the checksum of every number they draw. */
export function routesFigure(result: RoutesResult, width: number): { options: Plot.PlotOptions[]; checksum: string } {
  const { n, times, closed, ode, gd, odeErrors, gdErrors } = result;
  const closedColumns = columns(times, closed, n);
  const odeColumns = columns(times, ode, n, 3);
  const gdColumns = columns(times, gd, n);
  let top = 0;
  for (const value of closed) top = Math.max(top, value);
  for (const value of gd) top = Math.max(top, value);
  const route = (index: number) => () => ROUTES[index];
  // Same x domain in both panels, so that times line up vertically.
  const x = { domain: [0, times[times.length - 1]], label: 't', grid: true };
  const color = { domain: [...ROUTES], range: COLORS, legend: true };
  const spectra: Plot.PlotOptions = {
    width,
    height: 320,
    marginLeft: 56,
    x,
    y: { domain: [0, Math.max(top, 1e-12) * 1.05], label: 'eigenvalues of W(t)', grid: true },
    color,
    marks: [
      Plot.line({ length: closedColumns.x.length }, { x: closedColumns.x, y: closedColumns.y, z: closedColumns.z, stroke: route(0), strokeWidth: 2 }),
      Plot.line({ length: gdColumns.x.length }, { x: gdColumns.x, y: gdColumns.y, z: gdColumns.z, stroke: route(2), strokeWidth: 1.5, strokeDasharray: '5,3' }),
      Plot.dot({ length: odeColumns.x.length }, { x: odeColumns.x, y: odeColumns.y, stroke: route(1), r: 2.5 }),
      Plot.ruleY([0]),
    ],
  };
  // t = 0 is left out: every route starts from the same U0, so the error there is exactly 0.
  const errorTimes = Array.from(times.subarray(1));
  const clamp = (values: Float64Array): number[] => Array.from(values.subarray(1), (value) => Math.max(value, ERROR_FLOOR));
  const odeLine = clamp(odeErrors);
  const gdLine = clamp(gdErrors);
  const low = Math.min(...odeLine, ...gdLine);
  const high = Math.max(...odeLine, ...gdLine);
  const errors: Plot.PlotOptions = {
    width,
    height: 190,
    marginLeft: 56,
    x,
    // The domain runs to the decade above the largest error, so its tick is inside the frame.
    y: { type: 'log', label: '‖W − W_closed‖₂ / ‖Y‖₂', grid: true, domain: [low, high * 10], ticks: powersOfTen(low, high * 10), tickFormat: formatPower },
    color: { domain: [...ROUTES], range: COLORS },
    marks: [
      Plot.line({ length: errorTimes.length }, { x: errorTimes, y: odeLine, stroke: route(1), strokeWidth: 1.5 }),
      Plot.line({ length: errorTimes.length }, { x: errorTimes, y: gdLine, stroke: route(2), strokeWidth: 1.5, strokeDasharray: '5,3' }),
    ],
  };
  return {
    options: [spectra, errors],
    checksum: checksumOf([closedColumns.x, closedColumns.y, odeColumns.y, gdColumns.y, odeLine, gdLine]),
  };
}
