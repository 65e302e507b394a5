import React, { useState } from 'react';

import TeX from '../../paper/TeX';
import { LiveExample } from '../shared/LiveExample';
import { AlphaSlider, LatencyLine, NumberField, PerformanceDetails, SelectField, integerOptions } from '../shared/controls';
import styles from '../shared/live.module.css';
import { positiveError, seedError } from '../shared/problems';
import { useAlphaSweep } from '../shared/useAlphaSweep';
import { type AsymmetricRequest, type AsymmetricResult, type AsymmetricWindow, parseSingularValues } from './asymmetricCompute';
import { asymmetricFigure } from './asymmetricFigure';

interface AsymmetricExplorerProps {
  /** Initial shape of Y (default 3 x 5) and width r of the factors (default 3). */
  readonly defaultM?: number;
  readonly defaultN?: number;
  readonly defaultR?: number;
  /** Initial singular values of Y, as typed (default "3, 2, 1"). */
  readonly defaultSigma?: string;
  readonly defaultEpsilon?: number;
  readonly defaultSeed?: number;
  readonly defaultLog10Alpha?: number;
  /** Slider range of log10 alpha (default [-12, -1]). */
  readonly log10AlphaRange?: readonly [number, number];
}

interface Readout {
  readonly windows: AsymmetricWindow[];
  readonly missing: number[];
  readonly epsilon: number;
}

const SIZES = integerOptions(2, 6);

/** "[1.23, 4.56]" or "[1.23, ∞)". */
function windowText(window: AsymmetricWindow): string {
  return Number.isFinite(window.end) ? `[${window.start.toFixed(2)}, ${window.end.toFixed(2)}]` : `[${window.start.toFixed(2)}, ∞)`;
}

/**
 * The asymmetric flow X = U V^T (issue 19; beyond Min & Vidal 2025, who leave it to future work in
 * Section IV) on an m x n target with chosen singular values: from a balanced start
 * U0 = alpha^{1/2} P A, V0 = alpha^{1/2} Q A, the singular values of X(t) by the closed form of
 * Proposition 1 (eq. (5)) on Ysym = [[0, Y], [Y^T, 0]], and the measured windows where
 * ||X(t) - Y_hat_k||_2 <= epsilon. Runs in asymmetric.worker.ts.
 */
export default function AsymmetricExplorer(props: AsymmetricExplorerProps): React.JSX.Element {
  const {
    defaultM = 3,
    defaultN = 5,
    defaultR = 3,
    defaultSigma = '3, 2, 1',
    defaultEpsilon = 0.3,
    defaultSeed = 1,
    defaultLog10Alpha = -6,
    log10AlphaRange = [-12, -1],
  } = props;
  const [m, setM] = useState(defaultM);
  const [n, setN] = useState(defaultN);
  const [r, setR] = useState(defaultR);
  const [sigmaText, setSigmaText] = useState(defaultSigma);
  const [epsilonText, setEpsilonText] = useState(String(defaultEpsilon));
  const [seedText, setSeedText] = useState(String(defaultSeed));
  const parsed = parseSingularValues(sigmaText, m, n);
  const seed = Number(seedText);
  const epsilon = Number(epsilonText);
  const inputError = ('error' in parsed ? parsed.error : null) ?? seedError(seed) ?? positiveError(epsilon, 'ε', defaultEpsilon);
  const settings = inputError === null && 'values' in parsed ? { m, n, r, sigma: parsed.values, epsilon, seed } : null;

  const { rootRef, plotRef, log10Alpha, readout, error, timing, onSlider, edited } = useAlphaSweep({
    defaultLog10Alpha,
    createWorker: () => new Worker(new URL('./asymmetric.worker.ts', import.meta.url)),
    figure: asymmetricFigure,
    settings,
    readout: (result: AsymmetricResult, request: AsymmetricRequest): Readout => ({ windows: result.windows, missing: result.missing, epsilon: request.epsilon }),
  });

  const controls = (
    <>
      <SelectField label="m (rows of Y)" value={m} options={SIZES} testId="m" onChange={edited((value) => setM(Number(value)))} />
      <SelectField label="n (columns of Y)" value={n} options={SIZES} testId="n" onChange={edited((value) => setN(Number(value)))} />
      <SelectField label="r (columns of U0, V0)" value={r} options={integerOptions(1, 6)} testId="r" onChange={edited((value) => setR(Number(value)))} />
      <label className={styles.control}>
        <span>singular values of Y</span>
        <input type="text" value={sigmaText} data-testid="sigma" onChange={(event) => edited(setSigmaText)(event.target.value)} />
      </label>
      <NumberField label="ε" value={epsilonText} min={0} step={0.05} testId="epsilon" onChange={edited(setEpsilonText)} />
      <NumberField label="seed" value={seedText} min={0} step={1} testId="seed" onChange={edited(setSeedText)} />
      <AlphaSlider label="U0 = √α P A, V0 = √α Q A, α" range={log10AlphaRange} defaultValue={defaultLog10Alpha} log10Alpha={log10Alpha} onInput={onSlider} />
    </>
  );

  return (
    <LiveExample name="asymmetric" rootRef={rootRef} plotRef={plotRef} errors={[inputError, error]} controls={controls}>
      <p className={styles.meta} hidden={settings === null}>
        Lines: the singular values of X(t) from the balanced closed form; dashed: the singular values of Y. Below: the measured windows.
      </p>
      {readout ? (
        <ul className={styles.hypotheses} data-testid="asymmetric-readout">
          {readout.windows.map((window, index) => (
            <li key={index} data-k={window.k}>
              <TeX math={String.raw`\|X(t) - \hat Y_{${window.k}}\|_2 \le ${readout.epsilon}`} /> on <TeX math={String.raw`t \in ${windowText(window).replace('∞', '\\infty')}`} />
            </li>
          ))}
          {readout.missing.length > 0 ? (
            <li data-testid="missing">
              no window for <TeX math={`k = ${readout.missing.join(', ')}`} />: increase ε or decrease α
            </li>
          ) : null}
        </ul>
      ) : null}
      <PerformanceDetails>
        <LatencyLine timing={timing} />
      </PerformanceDetails>
    </LiveExample>
  );
}
