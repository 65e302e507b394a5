/**
 * The radius sweep of the U D V^T model, radius factor x initialization scale, read from the results
 * checked in under src/data: the JSON Lines that `factorflow udv radius --setup <name> --json`
 * streams, one finished cell per line (schema factorflow-udv-radius-sweep/2), made importable by
 * scripts/generate-data.mjs.
 */
import radiusA from '@site/src/data/generated/udv-radius-a.json';
import radiusB2000 from '@site/src/data/generated/udv-radius-b2000.json';
import clsx from 'clsx';
import type { ReactElement } from 'react';

import type { RunSummary } from '@factorflow/core';

import { type SweepLine, checkedLines, trulyLowRank } from './SweepTable';
import styles from './sweepTable.module.css';

/** One line of the radius sweep's stream: a sweep line with the cell's radius factor and a_data. */
interface RadiusLine extends SweepLine {
  readonly dataRadius: number;
  readonly factor: number;
}

const FILES = {
  a: radiusA as unknown,
  b2000: radiusB2000 as unknown,
} as const;

type RadiusSweepSetup = keyof typeof FILES;

/** The grid of one setup: factors (rows) by xi (columns), from its checked lines; a file of another shape is a build error. */
function radiusGrid(setup: RadiusSweepSetup): { lines: RadiusLine[]; factors: number[]; xis: number[] } {
  const file = `src/data/udv-radius-${setup}.jsonl`;
  const lines = checkedLines<RadiusLine>(FILES[setup], { file, schema: 'factorflow-udv-radius-sweep/2', setup, command: `factorflow udv radius --setup ${setup} --json` });
  const factors = [...new Set(lines.map((line) => line.factor))];
  const xis = [...new Set(lines.map((line) => line.summary.xi ?? Number.NaN))];
  const inOrder = lines.every((line, index) => line.factor === factors[Math.floor(index / xis.length)] && line.summary.xi === xis[index % xis.length]);
  if (lines.length !== factors.length * xis.length || !inOrder) throw new Error(`${file}: expected one line per (factor, xi), factors outer`);
  return { lines, factors, xis };
}

function scientific(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return value >= 0.01 ? value.toPrecision(2) : value.toExponential(1);
}

function xiLabel(xi: number): string {
  return xi >= 0.01 ? String(xi) : `1e${Math.round(Math.log10(xi))}`;
}

function Cell({ row }: { readonly row: RunSummary }): ReactElement {
  const details = `${row.stop} after ${row.iterations} iterations, f / f(0) = ${scientific(row.relativeLoss)}, rank at 1e-6: ${row.rank.numerical}, dead columns: ${row.deadColumns ?? '—'}, ${row.seconds.toFixed(1)} s`;
  return (
    <td className={clsx(trulyLowRank(row) && row.stop === 'converged' && styles.truly)} title={details} data-truly-low-rank={trulyLowRank(row)}>
      {scientific(row.testError)}
      {row.stop === 'converged' ? '' : '*'} · {row.rank.approximate} / <strong>{row.rank.exact}</strong> · {row.exactZerosInD ?? '—'}
    </td>
  );
}

/** The radius sweep of one setup as a factor x xi grid, with the command that produced it. */
export default function RadiusSweepTable({ setup }: { readonly setup: RadiusSweepSetup }): ReactElement {
  const { lines, factors, xis } = radiusGrid(setup);
  const { description, seed, maxIterations, dataRadius } = lines[0];
  const { eta, truthRank } = lines[0].summary;
  const columns = xis.length;
  return (
    <div className={styles.sweep} data-testid={`radius-sweep-${setup}`}>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.model}>a / a_data (a)</th>
              {xis.map((xi) => (
                <th key={xi}>ξ = {xiLabel(xi)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {factors.map((factor, i) => (
              <tr key={factor}>
                <td className={styles.model}>
                  {factor} <span className={styles.radius}>({(factor * dataRadius).toPrecision(3)})</span>
                </td>
                {lines.slice(i * columns, (i + 1) * columns).map((line, j) => (
                  <Cell key={j} row={line.summary} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.caption}>
        {description}; U D Vᵀ at η = {eta}, a_data = {dataRadius.toPrecision(3)}, seed {seed}, at most{' '}
        {maxIterations.toLocaleString('en-US')} iterations per run. Each cell: test error (* = not converged) · rank at 10⁻³ /{' '}
        <strong>rank at 10⁻¹⁰</strong> (true rank {truthRank ?? '—'}) · exact zeros in d; hover for details. Highlighted: converged runs whose X
        has exactly the true rank at 10⁻¹⁰. Produced by <code>factorflow udv radius --setup {setup} --json</code>.
      </p>
    </div>
  );
}
