import React, { useCallback, useEffect, useRef, useState } from 'react';

import TeX from '../../paper/TeX';
import { LiveExample } from '../shared/LiveExample';
import { AlphaSlider, LatencyLine, NumberField, PerformanceDetails, SelectField, integerOptions } from '../shared/controls';
import type { Delivery } from '../shared/latestOnlyChannel';
import styles from '../shared/live.module.css';
import { clearPlot, markTimings, mountPlot, plotWidth, useRedrawOnResize } from '../shared/plotHost';
import { positiveError, seedError } from '../shared/problems';
import { useLatestOnlyWorker } from '../shared/useLatestOnlyWorker';
import { useSliderSubmissions } from '../shared/useSliderSubmissions';
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
  const [log10Alpha, setLog10Alpha] = useState(defaultLog10Alpha);
  const [readout, setReadout] = useState<Readout | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [timing, setTiming] = useState<{ latencyMs: number; computeMs: number } | null>(null);

  const rootRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const lastRef = useRef<AsymmetricResult | null>(null);

  const draw = useCallback((): void => {
    const container = plotRef.current;
    if (container === null || lastRef.current === null) return;
    const { options, checksum } = asymmetricFigure(lastRef.current, plotWidth(container));
    mountPlot(container, options, checksum);
  }, []);

  const channelRef = useLatestOnlyWorker<AsymmetricRequest, AsymmetricResult>(
    () => new Worker(new URL('./asymmetric.worker.ts', import.meta.url)),
    (delivery: Delivery<AsymmetricRequest, AsymmetricResult>) => {
      // Replies to valid settings that were edited into invalid ones since are dropped.
      if (latestSettingsRef.current === null) return;
      if (delivery.result === null) {
        setError(delivery.error);
        return;
      }
      lastRef.current = delivery.result;
      draw();
      const latencyMs = performance.now() - delivery.startedAt;
      markTimings(rootRef.current, latencyMs, delivery.computeMs);
      setError(null);
      setLog10Alpha(delivery.request.log10Alpha);
      setTiming({ latencyMs, computeMs: delivery.computeMs });
      setReadout({ windows: delivery.result.windows, missing: delivery.result.missing, epsilon: delivery.request.epsilon });
    },
  );

  const parsed = parseSingularValues(sigmaText, m, n);
  const seed = Number(seedText);
  const epsilon = Number(epsilonText);
  const inputError = ('error' in parsed ? parsed.error : null) ?? seedError(seed) ?? positiveError(epsilon, 'ε', defaultEpsilon);
  const settings = inputError === null && 'values' in parsed ? { m, n, r, sigma: parsed.values, epsilon, seed } : null;
  const settingsKey = settings ? JSON.stringify(settings) : null;
  const latestSettingsRef = useRef<string | null>(settingsKey);
  latestSettingsRef.current = settingsKey;

  // Invalid input: nothing on screen may belong to the last valid settings.
  useEffect(() => {
    if (settingsKey !== null) return;
    lastRef.current = null;
    clearPlot(plotRef.current);
    setReadout(null);
    setTiming(null);
    setError(null);
  }, [settingsKey]);

  const submit = useCallback(
    (log10: number, startedAt: number): void => {
      if (settings !== null) channelRef.current?.submit([{ ...settings, log10Alpha: log10 }], startedAt);
    },
    // settingsKey stands for `settings`, a new object on every render.
    [settingsKey, channelRef],
  );
  const { onSlider, edited } = useSliderSubmissions(defaultLog10Alpha, submit);

  useRedrawOnResize(plotRef, draw);

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
