import React, { useState } from 'react';

import TeX from '../../paper/TeX';
import { LiveExample } from '../shared/LiveExample';
import { AlphaSlider, LatencyLine, NumberField, PerformanceDetails, SelectField, integerOptions } from '../shared/controls';
import styles from '../shared/live.module.css';
import { positiveError, seedError } from '../shared/problems';
import { useAlphaSweep } from '../shared/useAlphaSweep';
import type { RoutesRequest, RoutesResult } from './routesCompute';
import { routesFigure } from './routesFigure';

interface RouteComparisonProps {
  /** Initial dimension n of Y, 2..8 (default 4). */
  readonly defaultN?: number;
  /** Initial width r of U0, 1..n (default n). */
  readonly defaultR?: number;
  /** Start with Y PSD (default) or indefinite. */
  readonly defaultPsd?: boolean;
  /** Initial seed (default 1). */
  readonly defaultSeed?: number;
  /** Initial log10 alpha (default -4). */
  readonly defaultLog10Alpha?: number;
  /** Initial gradient-descent step (default 0.01). */
  readonly defaultEta?: number;
  /** Slider range of log10 alpha (default [-8, -1]). */
  readonly log10AlphaRange?: readonly [number, number];
}

interface Readout {
  readonly odeError: number;
  readonly odeAt: number;
  readonly gdError: number;
  readonly gdAt: number;
  readonly gdSteps: number;
  /** The step size of these results (the field may already hold another). */
  readonly eta: number;
  readonly odeSteps: number;
  readonly eigenvaluesY: Float64Array;
}

const SIZES = integerOptions(2, 8);
const Y_KINDS = [
  { value: 'psd', label: 'PSD: G Gᵀ / n' },
  { value: 'indefinite', label: 'indefinite: (G + Gᵀ) / 2√n' },
];

/** The largest entry of `errors` and the time where it occurs. */
function worst(errors: Float64Array, times: Float64Array): { value: number; at: number } {
  let at = 0;
  for (let j = 1; j < errors.length; j++) if (errors[j] > errors[at]) at = j;
  return { value: errors[at], at: times[at] };
}

/**
 * One seeded problem, three routes to W(t) = U(t) U(t)^T (Min & Vidal 2025): the closed form of
 * Proposition 1 (eq. (5), closedFormTrajectory), the gradient flow U' = (Y - U U^T) U of eq. (2)
 * integrated by Dormand-Prince (integrateGradientFlow), and gradient descent with step eta
 * (gradientDescent), overlaid as eigenvalues of W(t), with max_t ||W_route - W_closed||_2 / ||Y||_2.
 * Y may be indefinite and U0 rank-deficient (r < n, Remark III-C2). Runs in routes.worker.ts.
 */
export default function RouteComparison(props: RouteComparisonProps): React.JSX.Element {
  const {
    defaultN = 4,
    defaultR,
    defaultPsd = true,
    defaultSeed = 1,
    defaultLog10Alpha = -4,
    defaultEta = 0.01,
    log10AlphaRange = [-8, -1],
  } = props;
  const [n, setN] = useState(defaultN);
  const [r, setR] = useState(Math.min(defaultR ?? defaultN, defaultN));
  const [psd, setPsd] = useState(defaultPsd);
  const [seedText, setSeedText] = useState(String(defaultSeed));
  const [etaText, setEtaText] = useState(String(defaultEta));
  const seed = Number(seedText);
  const eta = Number(etaText);
  const inputError = seedError(seed) ?? positiveError(eta, 'GD step η', defaultEta);
  const settings = inputError === null ? { n, r: Math.min(r, n), psd, seed, eta } : null;

  const { rootRef, plotRef, log10Alpha, readout, error, timing, onSlider, edited } = useAlphaSweep({
    defaultLog10Alpha,
    createWorker: () => new Worker(new URL('./routes.worker.ts', import.meta.url)),
    figure: routesFigure,
    settings,
    readout: (result: RoutesResult, request: RoutesRequest): Readout => {
      const ode = worst(result.odeErrors, result.times);
      const gd = worst(result.gdErrors, result.times);
      return {
        odeError: ode.value,
        odeAt: ode.at,
        gdError: gd.value,
        gdAt: gd.at,
        gdSteps: result.gdSteps,
        eta: request.eta,
        odeSteps: result.odeSteps,
        eigenvaluesY: result.eigenvaluesY,
      };
    },
  });

  const controls = (
    <>
      <SelectField
        label="n"
        value={n}
        options={SIZES}
        testId="n"
        onChange={edited((value) => {
          const next = Number(value);
          setN(next);
          setR((current) => Math.min(current, next));
        })}
      />
      <SelectField
        label="r (columns of U0)"
        value={Math.min(r, n)}
        options={integerOptions(1, n, (width) => (width < n ? `${width} (rank-deficient)` : width))}
        testId="r"
        onChange={edited((value) => setR(Number(value)))}
      />
      <SelectField label="Y" value={psd ? 'psd' : 'indefinite'} options={Y_KINDS} testId="y-kind" onChange={edited((value) => setPsd(value === 'psd'))} />
      <NumberField label="seed" value={seedText} min={0} step={1} testId="seed" onChange={edited(setSeedText)} />
      <NumberField label="GD step η" value={etaText} min={0} step={0.005} testId="eta" onChange={edited(setEtaText)} />
      <AlphaSlider label="U0 = √α Ū0, α" range={log10AlphaRange} defaultValue={defaultLog10Alpha} log10Alpha={log10Alpha} onInput={onSlider} />
    </>
  );

  return (
    <LiveExample name="route-comparison" rootRef={rootRef} plotRef={plotRef} errors={[inputError, error]} controls={controls}>
      <p className={styles.meta} hidden={settings === null}>
        Lines: closed form; dots: ODE (every third time); dashes: gradient descent. Lower panel: distance of each route to the closed form.
      </p>
      {readout ? (
        <ul className={styles.hypotheses} data-testid="route-readout">
          <li>
            <TeX math={String.raw`\max_t \|W_{\mathrm{ODE}} - W_{\mathrm{closed}}\|_2 / \|Y\|_2 =`} />{' '}
            <span className={styles.readout} data-testid="ode-error">
              {readout.odeError.toExponential(2)}
            </span>{' '}
            (at <TeX math={`t = ${readout.odeAt.toFixed(2)}`} />; {readout.odeSteps} Dormand–Prince steps, relative tolerance <TeX math="10^{-10}" />)
          </li>
          <li>
            <TeX math={String.raw`\max_t \|W_{\mathrm{GD}} - W_{\mathrm{closed}}\|_2 / \|Y\|_2 =`} />{' '}
            <span className={styles.readout} data-testid="gd-error">
              {readout.gdError.toExponential(2)}
            </span>{' '}
            (at <TeX math={`t = ${readout.gdAt.toFixed(2)}`} />; {readout.gdSteps} steps of <TeX math={String.raw`\eta = ${readout.eta}`} />: the gap is{' '}
            <TeX math={String.raw`O(\eta)`} />)
          </li>
          <li>
            eigenvalues of <TeX math="Y" />: {Array.from(readout.eigenvaluesY, (value) => value.toFixed(3)).join(', ')}
          </li>
        </ul>
      ) : null}
      <PerformanceDetails>
        <LatencyLine timing={timing} />
      </PerformanceDetails>
    </LiveExample>
  );
}
