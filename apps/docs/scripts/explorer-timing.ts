/**
 * Compute time of one slider move of the incremental explorer at n = 50, Gaussian shape (issue 21),
 * in Node, with the calls the worker makes: `curvePasses` splits the move into a coarse pass with the
 * plan and slices of the full 200-point grid, and `computeCurves` runs each. Run from apps/docs:
 *
 *   npx tsx --conditions=source scripts/explorer-timing.ts
 *
 * Prints, for the coarse pass, the full grid and per time, the median and maximum over the slider
 * positions of one sweep (after one warm-up sweep), in CPU milliseconds, with the load average.
 * Asserts nothing.
 */
import { loadavg } from 'node:os';

import { computeCurves, curvePasses } from '../src/components/live/explorer/explorerCompute';
import { presetSpectrum } from '../src/components/live/explorer/spectrum';
import { quadraticTimes, saturationTime } from '../src/components/live/shared/problems';

/** CPU milliseconds of this process: the machine may be shared, and wall time would count other work. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const N = 50;
const TIME_POINTS = 200;
const values = presetSpectrum(N);
const positions = Array.from({ length: 23 }, (_, i) => -12 + (11 * i) / 22);

function sweep(): { coarse: number[]; full: number[]; perTime: number[] } {
  const coarse: number[] = [];
  const full: number[] = [];
  const perTime: number[] = [];
  for (const log10Alpha of positions) {
    const horizon = saturationTime(values, 10 ** log10Alpha);
    const passes = curvePasses({ values, init: 'gaussian', epsilon: 0.5, log10Alpha, seed: 7 }, quadraticTimes(horizon, TIME_POINTS), (count) => quadraticTimes(horizon, count));
    let start = cpuMs();
    computeCurves(passes[0]);
    coarse.push(cpuMs() - start);
    start = cpuMs();
    for (const pass of passes.slice(1)) computeCurves(pass);
    const elapsed = cpuMs() - start;
    full.push(elapsed);
    perTime.push(elapsed / TIME_POINTS);
  }
  return { coarse, full, perTime };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const describe = (values: number[]) => `median ${median(values).toFixed(2)} ms, max ${Math.max(...values).toFixed(2)} ms`;

sweep();
const load = loadavg()[0];
const { coarse, full, perTime } = sweep();
console.log(`Explorer at n = ${N}, Gaussian shape, ${positions.length} slider positions, CPU time (load average ${load.toFixed(2)} -> ${loadavg()[0].toFixed(2)}):`);
console.log(`- first pass (8 times and the Theorem 4 plan), drawn on a slider move: ${describe(coarse)}`);
console.log(`- full ${TIME_POINTS}-time grid (in slices): ${describe(full)}`);
console.log(`- per time: ${describe(perTime)}`);
