/**
 * The step-size x initialization-scale sweep of the U D V^T model against its baselines, read from
 * the results checked in under src/data: the JSON Lines that `factorflow udv sweep --setup <name>
 * --json` streams, one finished cell per line (schema factorflow-udv-sweep/2), made importable by
 * scripts/generate-data.mjs.
 */
import sweepA from '@site/src/data/generated/udv-sweep-a.json';
import sweepB2000 from '@site/src/data/generated/udv-sweep-b2000.json';
import sweepB5000 from '@site/src/data/generated/udv-sweep-b5000.json';
import clsx from 'clsx';
import type { ReactElement } from 'react';

import type { RunSummary } from '@factorflow/core';

import { TableHead } from '../TableHead';
import styles from './sweepTable.module.css';

/** One line of a sweep's stream (the JSON Schema udv-sweep.schema.json of @factorflow/cli states it in full). */
export interface SweepLine {
  readonly schema: string;
  readonly setup: string;
  readonly description: string;
  readonly seed: number;
  readonly maxIterations: number;
  /** 1-based position of the cell among `cells`. */
  readonly cell: number;
  readonly cells: number;
  readonly summary: RunSummary;
}

const FILES = {
  a: sweepA as unknown,
  b2000: sweepB2000 as unknown,
  b5000: sweepB5000 as unknown,
} as const;

type SweepSetup = keyof typeof FILES;

/**
 * The lines of a checked-in stream, checked: each of the expected schema and setup, and every cell
 * there once, in order (a stream cut short by an interrupted run is incomplete). Anything else is a
 * build error that names the command to regenerate the file.
 */
export function checkedLines<Line extends SweepLine>(
  value: unknown,
  expected: { readonly file: string; readonly schema: string; readonly setup: string; readonly command: string },
): Line[] {
  const lines = value as Line[];
  const regenerate = `regenerate it with '${expected.command} > ${expected.file}'`;
  if (!Array.isArray(lines) || lines.length === 0 || lines.some((line) => line?.schema !== expected.schema)) {
    throw new Error(`${expected.file} is not a stream of '${expected.schema}' lines: ${regenerate}`);
  }
  if (lines.some((line) => line.setup !== expected.setup)) throw new Error(`${expected.file} holds another setup than '${expected.setup}'`);
  if (lines.some((line, index) => line.cell !== index + 1 || line.cells !== lines.length)) {
    throw new Error(`${expected.file} does not hold every cell of the sweep once, in order (an interrupted run?): ${regenerate}`);
  }
  return lines;
}

/** The lines of one setup. */
function sweepLines(setup: SweepSetup): SweepLine[] {
  return checkedLines<SweepLine>(FILES[setup], {
    file: `src/data/udv-sweep-${setup}.jsonl`,
    schema: 'factorflow-udv-sweep/2',
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
  const lines = sweepLines(setup);
  const rows = lines.map((line) => line.summary);
  const { description, seed, maxIterations } = lines[0];
  const highlighted = rows.filter(trulyLowRank).length;
  return (
    <div className={styles.sweep} data-testid={`sweep-${setup}`}>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <TableHead columns={COLUMNS} />
          <tbody>
            {rows.map((row, index) => (
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
        {description}; seed {seed}, at most {maxIterations.toLocaleString('en-US')} iterations per run. Highlighted: runs whose X has
        exactly the true rank at 10⁻¹⁰ ({highlighted} of {rows.length}). Produced by <code>factorflow udv sweep --setup {setup} --json</code>.
      </p>
    </div>
  );
}
