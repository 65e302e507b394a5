/**
 * The radius sweep of the U D V^T model, radius factor x initialization scale, read from the result
 * files checked in under src/data (written by `factorflow udv radius --setup <name> --json`), in the
 * format of @factorflow/core's RadiusSweepReport.
 */
import radiusA from '@site/src/data/udv-radius-a.json';
import radiusB2000 from '@site/src/data/udv-radius-b2000.json';
import clsx from 'clsx';
import type { ReactElement } from 'react';

import type { RadiusSweepReport, RunSummary } from '@factorflow/core';

import { checkedReport, trulyLowRank } from './SweepTable';
import styles from './sweepTable.module.css';

const FORMAT = 'factorflow-udv-radius-sweep/1';

const FILES = {
  a: radiusA as unknown,
  b2000: radiusB2000 as unknown,
} as const;

type RadiusSweepSetup = keyof typeof FILES;

/** The report of one setup; a file of another format, setup or shape is a build error. */
function radiusSweepReport(setup: RadiusSweepSetup): RadiusSweepReport {
  const file = `src/data/udv-radius-${setup}.json`;
  const report = checkedReport<RadiusSweepReport>(FILES[setup], { file, format: FORMAT, setup, command: `factorflow udv radius --setup ${setup} --json` });
  if (!Array.isArray(report.factors) || !Array.isArray(report.xis) || report.rows.length !== report.factors.length * report.xis.length) {
    throw new Error(`${file}: expected one row per (factor, xi)`);
  }
  return report;
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
  const report = radiusSweepReport(setup);
  const columns = report.xis.length;
  const truthRank = report.rows[0]?.truthRank ?? null;
  return (
    <div className={styles.sweep} data-testid={`radius-sweep-${setup}`}>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.model}>a / a_data (a)</th>
              {report.xis.map((xi) => (
                <th key={xi}>ξ = {xiLabel(xi)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.factors.map((factor, i) => (
              <tr key={factor}>
                <td className={styles.model}>
                  {factor} <span className={styles.radius}>({(factor * report.dataRadius).toPrecision(3)})</span>
                </td>
                {report.rows.slice(i * columns, (i + 1) * columns).map((row, j) => (
                  <Cell key={j} row={row} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.caption}>
        {report.description}; U D Vᵀ at η = {report.eta}, a_data = {report.dataRadius.toPrecision(3)}, seed {report.seed}, at most{' '}
        {report.maxIterations.toLocaleString('en-US')} iterations per run. Each cell: test error (* = not converged) · rank at 10⁻³ /{' '}
        <strong>rank at 10⁻¹⁰</strong> (true rank {truthRank ?? '—'}) · exact zeros in d; hover for details. Highlighted: converged runs whose X
        has exactly the true rank at 10⁻¹⁰. Produced by <code>factorflow udv radius --setup {report.setup} --json</code>.
      </p>
    </div>
  );
}
