/**
 * Figures of the checked-in verification run (results/verify.json): one dot per instance, so a
 * reader sees the spread behind each median the prose quotes. Observable Plot needs a DOM, so the
 * figures are drawn after hydration, at the column's width, and redrawn when it changes.
 */
import * as Plot from '@observablehq/plot';
import { type ReactElement, type RefObject, useEffect, useRef } from 'react';

import { type TheoremMetric, type TheoremSuite, figureText, median, metricValues, suite, verification } from './reports';
import styles from './paper.module.css';
import TeX from './TeX';

const SUITES: readonly TheoremSuite[] = ['theorem-3', 'theorem-4'];

/** What each metric measures, as TeX for the caption and as plain text for the SVG axis. */
const METRICS: Record<TheoremMetric, { caption: string; axis: string; bound: string }> = {
  slack: {
    caption: '\\max_{k,\\ t \\in \\mathcal I_k} \\|W(t) - \\hat Y_k\\|_2 / \\varepsilon',
    axis: 'worst ‖W(t) − Ŷₖ‖₂ / ε on the Iₖ',
    bound: 'the theorems guarantee at most 1',
  },
  windowRatio: {
    caption: '|\\text{measured window}| / |\\mathcal I_k|',
    axis: 'measured window length / guaranteed length',
    bound: 'at least 1, since each measured window contains its guaranteed interval',
  },
  alphaRatio: {
    caption: '\\alpha_{\\text{works}} / \\alpha_{\\max}',
    axis: 'largest α with every window / αₘₐₓ',
    bound: 'above 1 wherever the bound on α is conservative',
  },
};

/** Draws `figure(width)` into the returned ref's element after hydration and on every resize. */
export function usePlot(figure: (width: number) => Plot.PlotOptions): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = ref.current;
    if (container === null) return undefined;
    let drawnWidth = 0;
    const draw = () => {
      const width = Math.floor(container.clientWidth);
      if (width <= 0 || Math.abs(width - drawnWidth) < 4) return;
      drawnWidth = width;
      container.replaceChildren(Plot.plot(figure(width)));
    };
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(container);
    return () => observer.disconnect();
  }, [figure]);
  return ref;
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 10^k with a superscript exponent: the log axes span up to 14 decades, too many for plain numbers. */
export function power(value: number): string {
  const exponent = Math.round(Math.log10(value));
  const digits = String(Math.abs(exponent)).replace(/\d/g, (digit) => SUPERSCRIPTS[Number(digit)]);
  return `10${exponent < 0 ? '⁻' : ''}${digits}`;
}

/** Whole decades covering the values and 1, every `step` decades so that the labels do not collide. */
export function decades(values: readonly number[], width: number): number[] {
  const low = Math.floor(Math.log10(Math.min(1, ...values)));
  const high = Math.ceil(Math.log10(Math.max(1, ...values)));
  const step = Math.max(1, Math.ceil((high - low) / Math.max(2, Math.floor(width / 70))));
  const ticks: number[] = [];
  for (let exponent = low; exponent <= high; exponent += step) ticks.push(10 ** exponent);
  return ticks;
}

const stripFigures = new Map<TheoremMetric, (width: number) => Plot.PlotOptions>();

/** One row per theorem suite, a dot per instance on a log axis, the median as a tick, 1 as a rule. */
function stripFigure(metric: TheoremMetric): (width: number) => Plot.PlotOptions {
  const cached = stripFigures.get(metric);
  if (cached) return cached;
  const dots = SUITES.flatMap((name) => metricValues(name, metric).map((value) => ({ suite: name, value })));
  const medians = SUITES.map((name) => ({ suite: name, value: verification.figures[name][metric].median }));
  const all = dots.map((dot) => dot.value);
  const figure = (width: number): Plot.PlotOptions => ({
    width,
    height: 150,
    marginLeft: 80,
    marginRight: 24,
    x: {
      type: 'log',
      domain: [Math.min(1, ...all) / 1.5, Math.max(1, ...all) * 1.5],
      ticks: decades(all, width - 104),
      tickFormat: power,
      label: METRICS[metric].axis,
      labelAnchor: 'center',
      labelArrow: 'none',
      grid: true,
    },
    y: { domain: [...SUITES], label: null },
    marks: [
      Plot.ruleX([1], { stroke: 'currentColor', strokeDasharray: '4 3' }),
      Plot.dot(dots, { x: 'value', y: 'suite', fill: 'suite', fillOpacity: 0.55, r: 4 }),
      Plot.tickX(medians, { x: 'value', y: 'suite', stroke: 'black', strokeWidth: 3 }),
    ],
  });
  stripFigures.set(metric, figure);
  return figure;
}

/** The distribution of one metric over the instances of both theorem suites, with its medians. */
export function MetricStrip({ metric }: { metric: TheoremMetric }): ReactElement {
  const ref = usePlot(stripFigure(metric));
  const { seed, instances } = verification.report;
  return (
    <figure className={styles.figure} data-testid={`strip-${metric}`}>
      <div ref={ref} className={styles.plot} />
      <figcaption className={styles.small}>
        <TeX math={METRICS[metric].caption} /> per instance ({METRICS[metric].bound}; dashed line: 1). Thick ticks: medians,{' '}
        {SUITES.map((name, index) => (
          <span key={name} data-testid={`median-${name}-${metric}`} data-value={verification.figures[name][metric].median}>
            {index > 0 ? ' and ' : ''}
            {figureText(verification.figures[name][metric].median)} for <code>{name}</code> ({verification.figures[name][metric].instances} instances)
          </span>
        ))}
        . Seed {seed}, <code>--instances {instances}</code>, from <code>{verification.file}</code>.
      </figcaption>
    </figure>
  );
}

interface ShapeRow {
  readonly n: number;
  readonly r: number;
  readonly count: number;
  readonly allUpToR: number;
  readonly aboveR: number;
  readonly unconstrained: number;
  /** Median log10 of the largest alpha with a window for every k <= r, over constrained instances. */
  readonly log10Needed: number | null;
}

/** The rank-deficient suite's instances grouped by shape (n, r). */
export function rankDeficientRows(): ShapeRow[] {
  const rows = new Map<string, { n: number; r: number; metrics: Record<string, number | null>[] }>();
  for (const outcome of suite('rank-deficient').outcomes) {
    if (outcome.skipped) continue;
    const { n, r } = outcome.metrics;
    if (typeof n !== 'number' || typeof r !== 'number') continue;
    const key = `${n},${r}`;
    const row = rows.get(key) ?? { n, r, metrics: [] };
    row.metrics.push(outcome.metrics);
    rows.set(key, row);
  }
  const sum = (metrics: Record<string, number | null>[], name: string) => metrics.reduce((total, m) => total + (m[name] ?? 0), 0);
  return [...rows.values()]
    .sort((a, b) => a.n - b.n || a.r - b.r)
    .map(({ n, r, metrics }) => ({
      n,
      r,
      count: metrics.length,
      allUpToR: sum(metrics, 'allUpToR'),
      aboveR: sum(metrics, 'aboveR'),
      unconstrained: sum(metrics, 'unconstrained'),
      log10Needed: median(metrics.flatMap((m) => (m.unconstrained === 0 && typeof m.log10AlphaNeeded === 'number' ? [m.log10AlphaNeeded] : []))),
    }));
}

/** The rank-deficient suite (Remark III-C2) as a table, one row per shape. */
export function RankDeficientTable(): ReactElement {
  const rows = rankDeficientRows();
  return (
    <div data-testid="rank-deficient-table">
      <table>
        <thead>
          <tr>
            <th><TeX math="n" /></th>
            <th><TeX math="r" /></th>
            <th>instances</th>
            <th>windows for every <TeX math="k \le r" /></th>
            <th>a window for some <TeX math="k > r" /></th>
            <th>no small <TeX math="\alpha" /> needed</th>
            <th>median <TeX math="\log_{10}\alpha_{\text{needed}}" /></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.n},${row.r}`}>
              <td>{row.n}</td>
              <td>{row.r}</td>
              <td>{row.count}</td>
              <td>{row.allUpToR}/{row.count}</td>
              <td>{row.aboveR}/{row.count}</td>
              <td>{row.unconstrained}/{row.count}</td>
              <td>{row.log10Needed === null ? '—' : row.log10Needed.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.small}>
        <TeX math="\alpha_{\text{needed}}" />: the largest <TeX math="\alpha" /> at which windows exist for every{' '}
        <TeX math="k \le r" />, by bisection on the closed form; the median is over the instances that need a small{' '}
        <TeX math="\alpha" />. Seed {verification.report.seed}, from <code>{verification.file}</code>.
      </p>
    </div>
  );
}

const neededFigure = (width: number): Plot.PlotOptions => {
  const points = suite('rank-deficient').outcomes.flatMap((outcome) => {
    const { gapR, log10AlphaNeeded, r, unconstrained } = outcome.metrics;
    return !outcome.skipped && unconstrained === 0 && typeof gapR === 'number' && typeof log10AlphaNeeded === 'number'
      ? [{ gap: gapR, needed: log10AlphaNeeded, r: `r = ${r}` }]
      : [];
  });
  return {
    width,
    height: 260,
    x: { label: 'spectral gap 1 − max σₖ₊₁/σₖ over k ≤ r', grid: true },
    y: { label: 'log₁₀ of the largest working α', grid: true },
    color: { legend: true, type: 'ordinal', scheme: 'tableau10' },
    marks: [Plot.dot(points, { x: 'gap', y: 'needed', fill: 'r', r: 4 })],
  };
};

/** How small alpha must be for windows up to rank r, against the spectral gap the windows must resolve. */
export function NeededAlphaFigure(): ReactElement {
  const ref = usePlot(neededFigure);
  return (
    <figure className={styles.figure} data-testid="needed-alpha">
      <div ref={ref} className={styles.plot} />
      <figcaption className={styles.small}>
        Each dot is one rank-deficient instance that needs a small <TeX math="\alpha" />: the largest working{' '}
        <TeX math="\alpha" /> against the gap <TeX math="1 - \max_{k \le r}\sigma_{k+1,Y}/\sigma_{k,Y}" />. Seed{' '}
        {verification.report.seed}, from <code>{verification.file}</code>.
      </figcaption>
    </figure>
  );
}
