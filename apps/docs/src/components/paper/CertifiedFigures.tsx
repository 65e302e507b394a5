/**
 * Figures of the `certified` suite of the checked-in verification run (results/verify.json): one
 * dot per instance, so the reader sees the spread behind the medians the /certified page quotes.
 */
import * as Plot from '@observablehq/plot';
import type { ReactElement } from 'react';

import { decades, power, usePlot } from './ResultFigures';
import { figureText, median, suite, verification } from './reports';
import styles from './paper.module.css';
import TeX from './TeX';

const SUITE = 'certified';

/** The instances of the suite that report `metric`, with whether their Y was rotated. */
function dotsOf(metric: string): { value: number; basis: string }[] {
  return suite(SUITE).outcomes.flatMap((outcome) => {
    const value = outcome.metrics[metric];
    return outcome.skipped || typeof value !== 'number' ? [] : [{ value, basis: outcome.metrics.rotated === 1 ? 'rotated Y' : 'diagonal Y' }];
  });
}

const BASES = ['diagonal Y', 'rotated Y'];

function coverageFigure(width: number): Plot.PlotOptions {
  const dots = dotsOf('coverage');
  const low = Math.min(0.95, ...dots.map((dot) => dot.value));
  return {
    width,
    height: 130,
    marginLeft: 80,
    marginRight: 24,
    x: { domain: [low, 1], label: 'certified length / measured length', labelAnchor: 'center', labelArrow: 'none', grid: true, percent: true },
    y: { domain: BASES, label: null },
    marks: [
      Plot.ruleX([0.99], { stroke: 'currentColor', strokeDasharray: '4 3' }),
      Plot.dot(dots, { x: 'value', y: 'basis', fill: 'basis', fillOpacity: 0.55, r: 4 }),
    ],
  };
}

function alphaFigure(width: number): Plot.PlotOptions {
  const dots = [
    ...dotsOf('alphaVsMeasured').map((dot) => ({ ...dot, ratio: 'measured α' })),
    ...dotsOf('alphaVsTheorem4').map((dot) => ({ ...dot, ratio: 'Theorem 4 αₘₐₓ' })),
  ];
  const values = dots.map((dot) => dot.value);
  return {
    width,
    height: 130,
    marginLeft: 110,
    marginRight: 24,
    x: {
      type: 'log',
      domain: [Math.min(1, ...values) / 1.5, Math.max(1, ...values) * 1.5],
      ticks: decades(values, width - 134),
      tickFormat: power,
      label: 'certifiedAlphaMax / …',
      labelAnchor: 'center',
      labelArrow: 'none',
      grid: true,
    },
    y: { domain: ['measured α', 'Theorem 4 αₘₐₓ'], label: null },
    marks: [Plot.ruleX([1], { stroke: 'currentColor', strokeDasharray: '4 3' }), Plot.dot(dots, { x: 'value', y: 'ratio', fill: 'ratio', fillOpacity: 0.55, r: 4 })],
  };
}

function Source(): ReactElement {
  const { seed, instances } = verification.report;
  return (
    <>
      Seed {seed}, <code>--instances {instances}</code>, from <code>{verification.file}</code>.
    </>
  );
}

/** Coverage of the measured windows by the certified ones, per instance, diagonal and rotated Y apart. */
export function CoverageStrip(): ReactElement {
  const ref = usePlot(coverageFigure);
  const values = dotsOf('coverage').map((dot) => dot.value);
  const middle = median(values);
  return (
    <figure className={styles.figure} data-testid="strip-coverage">
      <div ref={ref} className={styles.plot} />
      <figcaption className={styles.small}>
        Certified length / measured length per instance (each instance's median over its <TeX math="k" />; dashed line: 99%). Median{' '}
        <span data-testid="coverage-median" data-value={middle ?? ''}>
          {middle === null ? 'n/a' : `${(100 * middle).toFixed(2)}%`}
        </span>{' '}
        over {values.length} instances. <Source />
      </figcaption>
    </figure>
  );
}

/** certifiedAlphaMax against the largest alpha with every measured window and against Theorem 4's alpha_max. */
export function AlphaStrip(): ReactElement {
  const ref = usePlot(alphaFigure);
  const measured = dotsOf('alphaVsMeasured').map((dot) => dot.value);
  const theorem = dotsOf('alphaVsTheorem4').map((dot) => dot.value);
  return (
    <figure className={styles.figure} data-testid="strip-certified-alpha">
      <div ref={ref} className={styles.plot} />
      <figcaption className={styles.small}>
        <TeX math={String.raw`\alpha_{\text{cert}} / \alpha_{\text{measured}}`} /> (at most 1) and{' '}
        <TeX math={String.raw`\alpha_{\text{cert}} / \alpha_{\max}^{\text{Thm 4}}`} /> per instance (every fourth instance; dashed line: 1). Medians{' '}
        <span data-testid="alpha-vs-measured-median" data-value={median(measured) ?? ''}>
          {figureText(median(measured))}
        </span>{' '}
        and{' '}
        <span data-testid="alpha-vs-theorem4-median" data-value={median(theorem) ?? ''}>
          {figureText(median(theorem))}
        </span>{' '}
        over {measured.length} and {theorem.length} instances. <Source />
      </figcaption>
    </figure>
  );
}
