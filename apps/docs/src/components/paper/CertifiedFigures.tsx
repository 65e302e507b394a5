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

/** The values of `metric` over the instances of the suite that report it. */
function valuesOf(metric: string): number[] {
  return suite(SUITE).outcomes.flatMap((outcome) => {
    const value = outcome.metrics[metric];
    return outcome.skipped || typeof value !== 'number' ? [] : [value];
  });
}


const ROWS = ['median over k', 'worst k'];
const BASES = ['diagonal Y', 'rotated Y'];

/**
 * The share of the measured length left uncertified, 1 - coverage, of every instance, by the basis
 * of its Y (a rotated Y is certified through its verified eigenbasis), on a log axis: coverage
 * itself crowds against 1.
 */
function uncoveredDots(): { value: number; row: string; basis: string }[] {
  return suite(SUITE).outcomes.flatMap((outcome) => {
    const { coverage, worstCoverage, rotated } = outcome.metrics;
    if (outcome.skipped || typeof coverage !== 'number' || typeof worstCoverage !== 'number') return [];
    const basis = BASES[rotated === 1 ? 1 : 0];
    return [
      { value: 1 - coverage, row: ROWS[0], basis },
      { value: 1 - worstCoverage, row: ROWS[1], basis },
    ];
  });
}

function coverageFigure(width: number): Plot.PlotOptions {
  // A fully certified window (share 0) is drawn at the axis floor.
  const dots = uncoveredDots();
  const positive = dots.map((dot) => dot.value).filter((value) => value > 0);
  const floor = Math.min(1e-2, ...positive) / 2;
  const values = [floor, ...positive];
  return {
    width,
    height: 130,
    marginLeft: 110,
    marginRight: 24,
    x: {
      type: 'log',
      domain: [floor, 1],
      ticks: decades(values, width - 134).filter((tick) => tick <= 1),
      tickFormat: power,
      label: 'measured length not certified (1 − coverage)',
      labelAnchor: 'center',
      labelArrow: 'none',
      grid: true,
    },
    y: { domain: ROWS, label: null },
    color: { type: 'ordinal', domain: BASES, scheme: 'tableau10', legend: true },
    marks: [
      Plot.ruleX([0.01], { stroke: 'currentColor', strokeDasharray: '4 3' }),
      Plot.dot(dots, { x: (dot: { value: number }) => Math.max(dot.value, floor), y: 'row', fill: 'basis', fillOpacity: 0.55, r: 4 }),
    ],
  };
}

function alphaFigure(width: number): Plot.PlotOptions {
  const dots = [
    ...valuesOf('alphaVsMeasured').map((value) => ({ value, ratio: 'measured α' })),
    ...valuesOf('alphaVsTheorem4').map((value) => ({ value, ratio: 'Theorem 4 αₘₐₓ' })),
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

const percent = (value: number | null): string => (value === null ? 'n/a' : `${(100 * value).toFixed(3)}%`);

function Source(): ReactElement {
  const { seed, instances } = verification.report;
  return (
    <>
      Seed {seed}, <code>--instances {instances}</code>, from <code>{verification.file}</code>.
    </>
  );
}

/** What the certified windows leave of the measured ones, per instance, with the medians over all and by basis. */
export function CoverageStrip(): ReactElement {
  const ref = usePlot(coverageFigure);
  const values = valuesOf('coverage');
  const diagonal = median(valuesOf('diagonalCoverage'));
  const rotated = median(valuesOf('rotatedCoverage'));
  const middle = median(values);
  return (
    <figure className={styles.figure} data-testid="strip-coverage">
      <div ref={ref} className={styles.plot} />
      <figcaption className={styles.small}>
        The share of the measured windows' length that is not certified, per instance, colored by the basis of its <TeX math="Y" />: the
        median over its <TeX math="k" /> and its worst <TeX math="k" /> (dashed line: 1%, the issue's goal for the median). Median coverage{' '}
        <span data-testid="coverage-median" data-value={middle ?? ''}>
          {percent(middle)}
        </span>{' '}
        over {values.length} instances; for a diagonal <TeX math="Y" />{' '}
        <span data-testid="diagonal-coverage-median" data-value={diagonal ?? ''}>
          {percent(diagonal)}
        </span>{' '}
        over {valuesOf('diagonalCoverage').length}, for a rotated <TeX math="Y" />{' '}
        <span data-testid="rotated-coverage-median" data-value={rotated ?? ''}>
          {percent(rotated)}
        </span>{' '}
        over {valuesOf('rotatedCoverage').length}. <Source />
      </figcaption>
    </figure>
  );
}

/** certifiedAlphaMax against the largest alpha with every measured window and against Theorem 4's alpha_max. */
export function AlphaStrip(): ReactElement {
  const ref = usePlot(alphaFigure);
  const measured = valuesOf('alphaVsMeasured');
  const theorem = valuesOf('alphaVsTheorem4');
  return (
    <figure className={styles.figure} data-testid="strip-certified-alpha">
      <div ref={ref} className={styles.plot} />
      <figcaption className={styles.small}>
        <TeX math={String.raw`\alpha_{\text{cert}} / \alpha_{\text{measured}}`} /> (at most 1) and{' '}
        <TeX math={String.raw`\alpha_{\text{cert}} / \alpha_{\max}^{\text{Thm 4}}`} /> per instance (every second instance; dashed line: 1). Medians{' '}
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
