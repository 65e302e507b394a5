/**
 * What `--out FILE.csv` and `--out FILE.npy` hold for each command: the numbers a numpy or pandas
 * user plots next, in the shape they would build themselves. NaN marks a value that does not
 * apply; +infinity an interval that never ends.
 */
import type { GuaranteeCheck, IncrementalLearningReport, TrainingRecord } from '@factorflow/core';

import type { AsymmetricTrajectoryReport } from '../commands/asymmetricTrajectory.js';
import type { TrajectoryReport } from '../commands/trajectory.js';
import type { NumberTable, ResultLayout } from './index.js';

/** The columns of `plan --out`, in order. */
const PLAN_COLUMNS = ['k', 'theorem4_start', 'theorem4_end', 'theorem3_start', 'theorem3_end', 'measured_start', 'measured_end'];

/** [start, end] of a theorem's I_k; NaN when the theorem gives none (not applicable, or I_k empty). */
function guaranteed(check: GuaranteeCheck | null): [number, number] {
  if (check === null || !check.interval.nonEmpty) return [Number.NaN, Number.NaN];
  return [check.interval.start, check.interval.end ?? Infinity];
}

function planTable(report: IncrementalLearningReport): NumberTable {
  const rows = report.ranks.flatMap((rank) => {
    const head = [rank.k, ...guaranteed(rank.theorem4), ...guaranteed(rank.theorem3)];
    if (rank.measured.length === 0) return [[...head, Number.NaN, Number.NaN]];
    return rank.measured.map((window) => [...head, window.start, window.end ?? Infinity]);
  });
  return { columns: PLAN_COLUMNS, rows };
}

/**
 * `plan`: one row per k and measured window (a k whose flow never comes within epsilon has one
 * row with NaN measured ends), columns k, Theorem 4's I_k, Theorem 3's I_k, the measured window.
 */
export const PLAN_LAYOUT: ResultLayout<IncrementalLearningReport> = {
  help: `.csv one row per k and measured window, columns ${PLAN_COLUMNS.join(', ')} (NaN: none, inf: unbounded); .npy the same numbers as a float64 array`,
  csv: planTable,
  npy: (report) => {
    const { rows } = planTable(report);
    return { shape: [rows.length, PLAN_COLUMNS.length], data: rows.flat() };
  },
};

/** The symmetric report's table: t (gd: requested, step; ode, gd: deviation), eigenvalue_1..n, W_1_1..W_n_n. */
function symmetricTable(report: TrajectoryReport): NumberTable {
  const gd = report.method === 'gd';
  const checked = report.method !== 'closed';
  const indices = Array.from({ length: report.n }, (_, i) => i + 1);
  const columns = [
    't',
    ...(gd ? ['requested', 'step'] : []),
    ...(checked ? ['deviation'] : []),
    ...indices.map((i) => `eigenvalue_${i}`),
    ...indices.flatMap((i) => indices.map((j) => `W_${i}_${j}`)),
  ];
  const rows = report.points.map((point) => [
    point.t,
    ...(gd ? [point.requested, point.step ?? Number.NaN] : []),
    ...(checked ? [point.deviation ?? Number.NaN] : []),
    ...point.eigenvalues,
    ...point.W.flat(),
  ]);
  return { columns, rows };
}

/**
 * The asymmetric report's table: t (gd: requested, step; ode and gd from a balanced start:
 * deviation), singular_value_1..min(m, n), X_1_1..X_m_n.
 */
function asymmetricTable(report: AsymmetricTrajectoryReport): NumberTable {
  const gd = report.method === 'gd';
  const checked = report.method !== 'closed' && report.balanced;
  const count = (size: number): number[] => Array.from({ length: size }, (_, i) => i + 1);
  const columns = [
    't',
    ...(gd ? ['requested', 'step'] : []),
    ...(checked ? ['deviation'] : []),
    ...count(Math.min(report.m, report.n)).map((i) => `singular_value_${i}`),
    ...count(report.m).flatMap((i) => count(report.n).map((j) => `X_${i}_${j}`)),
  ];
  const rows = report.points.map((point) => [
    point.t,
    ...(gd ? [point.requested, point.step ?? Number.NaN] : []),
    ...(checked ? [point.deviation ?? Number.NaN] : []),
    ...point.singularValues,
    ...point.X.flat(),
  ]);
  return { columns, rows };
}

/**
 * `trajectory`: `.npy` is W(t) stacked, shape (times, n, n), in the order of --times; `.csv` one row
 * per time with the time (for gd also the time asked for and the step), for ode and gd the distance
 * to the closed form, the eigenvalues of W(t) decreasing, and W(t) row by row. With --V0 the same
 * for X(t) (times, m, n) and its singular values.
 */
export const TRAJECTORY_LAYOUT: ResultLayout<TrajectoryReport | AsymmetricTrajectoryReport> = {
  help:
    '.npy W(t) as a float64 array of shape (times, n, n); .csv one row per time: t (gd: requested, step; ode, gd: deviation), eigenvalue_1..n, W_1_1..W_n_n. ' +
    'With --V0: X(t), shape (times, m, n), and singular_value_1..min(m, n), X_1_1..X_m_n',
  csv: (report) => ('flow' in report ? asymmetricTable(report) : symmetricTable(report)),
  npy: (report) =>
    'flow' in report
      ? { shape: [report.points.length, report.m, report.n], data: report.points.flatMap((point) => point.X.flat()) }
      : { shape: [report.points.length, report.n, report.n], data: report.points.flatMap((point) => point.W.flat()) },
};

/** What `udv --out` writes from one run: its history and the matrix it learned. */
export interface UdvRunResult {
  readonly history: readonly TrainingRecord[];
  /** The learned X, row-major n x n. */
  readonly X: Float64Array;
  readonly n: number;
}

/** `udv`: `.npy` is the learned X (n x n); `.csv` the training history, one row per recorded step. */
export const UDV_RUN_LAYOUT: ResultLayout<UdvRunResult> = {
  help: '.npy the learned X as an n x n float64 array; .csv the history, one row per recorded step: iteration, loss, test_error (nan when the problem has no truth)',
  csv: (result) => ({
    columns: ['iteration', 'loss', 'test_error'],
    rows: result.history.map((record) => [record.iteration, record.loss, record.testError ?? Number.NaN]),
  }),
  npy: (result) => ({ shape: [result.n, result.n], data: result.X }),
};
