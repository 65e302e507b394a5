/**
 * The step-size x initialization-scale sweep of the U D V^T model against its baselines, read from
 * the result files checked in under src/data (written by `factorflow udv sweep --setup <name>
 * --json`), in the format of @factorflow/core's SweepReport.
 */
import sweepA from '@site/src/data/udv-sweep-a.json';
import sweepB2000 from '@site/src/data/udv-sweep-b2000.json';
import sweepB5000 from '@site/src/data/udv-sweep-b5000.json';
import clsx from 'clsx';
import type { ReactElement } from 'react';

import type { RunSummary, SweepReport } from '@factorflow/core';

import { TableHead } from '../TableHead';
import styles from './sweepTable.module.css';

const FORMAT = 'factorflow-udv-sweep/1';

const FILES = {
  a: sweepA as unknown,
  b2000: sweepB2000 as unknown,
  b5000: sweepB5000 as unknown,
} as const;

type SweepSetup = keyof typeof FILES;

/**
 * A checked-in result file, checked: its format, its setup and that it has rows. A file of another
 * format or setup is a build error that names the command to regenerate it.
 */
export function checkedReport<Report extends { readonly format: string; readonly setup: string; readonly rows: readonly unknown[] }>(
  value: unknown,
  expected: { readonly file: string; readonly format: Report['format']; readonly setup: string; readonly command: string },
): Report {
  const report = value as Partial<Report> | null;
  if (report === null || typeof report !== 'object' || report.format !== expected.format || !Array.isArray(report.rows)) {
    throw new Error(`${expected.file} is not a '${expected.format}' file: regenerate it with '${expected.command}'`);
  }
  if (report.setup !== expected.setup) throw new Error(`${expected.file} holds setup '${String(report.setup)}'`);
  return report as Report;
}

/** The report of one setup. */
function sweepReport(setup: SweepSetup): SweepReport {
  return checkedReport<SweepReport>(FILES[setup], {
    file: `src/data/udv-sweep-${setup}.json`,
    format: FORMAT,
    setup,
    command: `factorflow udv sweep --setup ${setup} --json`,
  });
}

/** Soft hyphens (\u00ad) let the narrow columns break their headers. */
const COLUMNS = [
  'model',
  'η',
  'ξ',
  'stop',
  'iter\u00adations',
  'f / f(0)',
  'test error',
  { label: 'rank at 10⁻³ / 10⁻⁶ / 10⁻¹⁰ (true)', title: 'numerical rank of X at relative tolerances 1e-3, 1e-6, 1e-10, and rank(X*)' },
  'zeros in d',
  'dead col\u00adumns',
  'time (s)',
];

/** Two significant digits, or an exponent outside [0.01, 1000); '—' for null. */
function short(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return value === null ? '—' : String(value);
  if (value === 0) return '0';
  return Math.abs(value) >= 1e3 || Math.abs(value) < 1e-2 ? value.toExponential(1) : value.toPrecision(2);
}

function modelCell(row: RunSummary): ReactElement {
  switch (row.model) {
    case 'udv':
      return (
        <>
          U D Vᵀ <span className={styles.radius}>(a = {row.radius === null ? '—' : row.radius.toPrecision(3)})</span>
        </>
      );
    case 'bm':
      return <>Burer–Monteiro</>;
    case 'deep':
      return <>depth 3</>;
    case 'nuclear':
      return <>nuclear norm</>;
  }
}

/** Whether X is truly of the true rank: no singular value above 1e-10 sigma_1 beyond the first r*. */
export function trulyLowRank(row: RunSummary): boolean {
  return row.truthRank !== null && row.rank.exact === row.truthRank;
}

/** The sweep of one setup as a table, with the command that produced it and its settings. */
export default function SweepTable({ setup }: { readonly setup: SweepSetup }): ReactElement {
  const report = sweepReport(setup);
  const highlighted = report.rows.filter(trulyLowRank).length;
  return (
    <div className={styles.sweep} data-testid={`sweep-${setup}`}>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <TableHead columns={COLUMNS} />
          <tbody>
            {report.rows.map((row, index) => (
              <tr key={index} className={clsx(trulyLowRank(row) && styles.truly)} data-truly-low-rank={trulyLowRank(row)}>
                <td className={styles.model}>{modelCell(row)}</td>
                <td>{short(row.eta)}</td>
                <td>{short(row.xi)}</td>
                <td title={row.stop}>{row.stop === 'max-iterations' ? 'max-iter.' : row.stop}</td>
                <td>{row.iterations}</td>
                <td>{short(row.relativeLoss)}</td>
                <td>{short(row.testError)}</td>
                <td>
                  {row.rank.approximate} / {row.rank.numerical} / <strong>{row.rank.exact}</strong> ({row.truthRank ?? '—'})
                </td>
                <td>{row.exactZerosInD ?? '—'}</td>
                <td>{row.deadColumns ?? '—'}</td>
                <td>{row.seconds.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.caption}>
        {report.description}; seed {report.seed}, at most {report.maxIterations.toLocaleString('en-US')} iterations per run. Highlighted: runs
        whose X has exactly the true rank at 10⁻¹⁰ ({highlighted} of {report.rows.length}). Produced by{' '}
        <code>factorflow udv sweep --setup {report.setup} --json</code>.
      </p>
    </div>
  );
}
