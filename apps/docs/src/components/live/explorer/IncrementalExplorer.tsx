import React, { useMemo, useState } from 'react';

import { AlphaMaxReadout } from '../shared/AlphaMaxReadout';
import { LiveExample } from '../shared/LiveExample';
import TeX from '../../paper/TeX';
import { ALPHA_STEP, AlphaSlider, HypothesisList, LegendItem, NumberField, InitShapeField, PerformanceDetails, formatMs } from '../shared/controls';
import styles from '../shared/live.module.css';
import { positiveError } from '../shared/problems';
import type { InitShape } from './explorerCompute';
import { CATEGORICAL_GRADIENT, CERTIFIED_FILL, MEASURED_STROKE, THEOREM_FILL, VIRIDIS_GRADIENT } from './explorerFigure';
import { parseSpectrum, presetSpectrum } from './spectrum';
import { useExplorerWorkers } from './useExplorerWorkers';

interface IncrementalExplorerProps {
  /** Initial eigenvalues of Y, comma separated (default "10, 8, 6, 4, 2"). */
  readonly defaultEigenvalues?: string;
  /** Initial shape: "spectral" (Theorem 3) or "gaussian" (Theorem 4). Default "spectral". */
  readonly defaultInit?: InitShape;
  /** Initial epsilon (default 0.5). */
  readonly defaultEpsilon?: number;
  /** Initial log10 alpha (default -11: below Theorem 3's alpha_max = 1.95e-11 for the default spectrum). */
  readonly defaultLog10Alpha?: number;
  /** Slider range of log10 alpha (default [-12, -1]); the time axis is fixed by its lower end. */
  readonly log10AlphaRange?: readonly [number, number];
  /** Seed of the Gaussian shape U0bar = gaussianInit(n, n, 1, seed) (default 7). */
  readonly seed?: number;
  /** Times in the full grid (default 200). */
  readonly timePoints?: number;
}

/**
 * Incremental learning, interactive (Min & Vidal 2025, Figure 1): the eigenvalues sigma_i(W(t)) of
 * the gradient flow W' = WY + YW - 2W^2 (eq. (4)) from W(0) = alpha U0bar U0bar^T, for a log-scale
 * slider over alpha. Spectral shape: each eigenvalue follows eq. (12) (Corollary 2) and the plan is
 * Theorem 3's; Gaussian shape: the closed form of Proposition 1 (eq. (5)) and Theorem 4's plan.
 * Shaded bands are the guaranteed intervals I_k of eq. (16); below the curves, one lane per rank k
 * holds I_k and the measured window where ||W(t) - Y_hat_k||_2 <= epsilon (the conclusions (17),
 * (23)). Then alpha_max of the plan ("computing" until the plan for the current settings is in)
 * and each hypothesis, ok or violated, in KaTeX. An invalid control clears all of it and shows
 * the message instead; timings sit in a closed "Performance" disclosure.
 *
 * Curves are computed in explorer.worker.ts, the window search in windows.worker.ts, both driven
 * by useExplorerWorkers, which also documents the timings on the root's data attributes.
 */
export default function IncrementalExplorer(props: IncrementalExplorerProps): React.JSX.Element {
  const {
    defaultEigenvalues = '10, 8, 6, 4, 2',
    defaultInit = 'spectral',
    defaultEpsilon = 0.5,
    defaultLog10Alpha = -11,
    log10AlphaRange = [-12, -1],
    seed = 7,
    timePoints = 200,
  } = props;

  const [spectrumText, setSpectrumText] = useState(defaultEigenvalues);
  const [init, setInit] = useState<InitShape>(defaultInit);
  const [epsilonText, setEpsilonText] = useState(String(defaultEpsilon));
  const parsed = useMemo(() => parseSpectrum(spectrumText), [spectrumText]);
  const epsilon = Number(epsilonText);
  const inputError = !parsed.ok ? parsed.error : positiveError(epsilon, 'ε', defaultEpsilon);
  const values = parsed.ok ? parsed.values : null;
  const settings = values && inputError === null ? { values, init, epsilon, seed } : null;
  const { rootRef, plotRef, onSlider, edited, log10Alpha, planState, planPending, curvesError, timings, windowsState, certifiedState } = useExplorerWorkers({
    settings,
    log10AlphaRange,
    alphaStep: ALPHA_STEP,
    defaultLog10Alpha,
    timePoints,
  });

  const setSpectrum = edited(setSpectrumText);
  const plan = planPending ? null : planState.plan;
  const log10AlphaMax = plan?.logAlphaMax != null ? plan.logAlphaMax / Math.LN10 : null;
  const theorem = init === 'spectral' ? 3 : 4;
  const n = values?.length ?? 0;
  const windowsStatus = windowsState.status === 'done' ? windowsState : null;
  const certifiedStatus = certifiedState.status === 'done' ? certifiedState : null;

  const controls = (
    <>
      <label className={styles.control}>
        <span>eigenvalues of Y</span>
        <input type="text" value={spectrumText} data-testid="eigenvalues" onChange={(event) => setSpectrum(event.target.value)} />
      </label>
      <button type="button" className="button button--sm button--secondary" data-testid="preset-n50" onClick={() => setSpectrum(presetSpectrum(50).join(', '))}>
        n = 50
      </button>
      <button type="button" className="button button--sm button--secondary" onClick={() => setSpectrum(defaultEigenvalues)}>
        reset
      </button>
      <InitShapeField value={init} onChange={edited(setInit)} />
      <NumberField label="ε" value={epsilonText} min={0} step={0.05} testId="epsilon" onChange={edited(setEpsilonText)} />
      <AlphaSlider
        range={log10AlphaRange}
        defaultValue={defaultLog10Alpha}
        log10Alpha={log10Alpha}
        marker={log10AlphaMax}
        onInput={onSlider}
        detail={` (log₁₀ α = ${log10Alpha.toFixed(2)})`}
      />
    </>
  );

  const valid = settings !== null;
  return (
    <LiveExample name="incremental-explorer" rootRef={rootRef} plotRef={plotRef} errors={[inputError, curvesError]} controls={controls}>
      {valid ? (
        <ul className={styles.legend}>
          <LegendItem swatch={{ height: 3, background: n <= 10 ? CATEGORICAL_GRADIENT : VIRIDIS_GRADIENT }}>
            <TeX math={String.raw`\sigma_i(W(t)),\ i = 1, \dots, ${n}`} />
          </LegendItem>
          {plan && !plan.hypothesesHold ? (
            <LegendItem swatch={{ background: THEOREM_FILL, opacity: 0.25, border: `1px dashed ${THEOREM_FILL}` }}>
              <TeX math={String.raw`\mathcal I_k`} /> of eq. (16), not guaranteed here: a hypothesis of Theorem {theorem} fails
            </LegendItem>
          ) : (
            <LegendItem swatch={{ background: THEOREM_FILL, opacity: 0.45 }}>
              <TeX math={String.raw`\mathcal I_k`} /> guaranteed by Theorem {theorem} (eq. (16))
            </LegendItem>
          )}
          <LegendItem swatch={{ height: 5, background: MEASURED_STROKE, opacity: 0.75 }}>
            measured window <TeX math={String.raw`\|W(t) - \hat Y_k\|_2 \le \varepsilon`} />, in lane <TeX math="k" /> below the curves
          </LegendItem>
          <LegendItem swatch={{ height: 4, background: CERTIFIED_FILL }}>
            <span data-testid="certified-legend" data-count={certifiedStatus ? certifiedStatus.certified.perRank.reduce((total, rank) => total + rank.certified.length, 0) : ''}>
              certified window: the bound proved for every <TeX math="t" />, under the measured one
            </span>
          </LegendItem>
        </ul>
      ) : null}
      {valid ? (
        <AlphaMaxReadout
          theorem={theorem}
          pending={planPending && curvesError === null}
          plan={plan}
          planError={planState.error}
          log10Alpha={log10Alpha}
          log10AlphaRange={log10AlphaRange}
        />
      ) : null}
      {valid && planState.error ? <p className={styles.error}>Theorem {theorem} plan: {planState.error}</p> : null}
      {valid && plan && !planPending ? <HypothesisList hypotheses={plan.hypotheses} theorem={theorem} /> : null}
      {valid ? (
        <p className={styles.meta} data-testid="windows-status">
          {windowsState.status === 'running'
            ? 'measuring windows…'
            : windowsStatus
              ? `measured windows: ${windowsStatus.windows.perRank.filter((rank) => rank.windows.length > 0).length} of ${windowsStatus.windows.K} ranks reach ε`
              : windowsState.status === 'error'
                ? `measured windows: ${windowsState.error}`
                : 'measured windows: after the slider rests'}
          {certifiedState.status === 'running'
            ? '; certifying…'
            : certifiedStatus
              ? `; certified: ${certifiedStatus.certified.perRank.filter((rank) => rank.certified.length > 0).length} of ${certifiedStatus.certified.K} ranks`
              : certifiedState.status === 'error'
                ? `; certified windows: ${certifiedState.error}`
                : null}
        </p>
      ) : null}
      <PerformanceDetails>
        <p className={styles.meta} data-testid="timings">
          input → plot: <span className={styles.readout}>{formatMs(timings?.latencyMs ?? null)}</span>
          {timings?.source === 'atlas'
            ? ' (coarse grid precomputed while the worker was idle)'
            : ` (worker compute ${formatMs(timings?.computeMs ?? null)})`}
          {timings && timings.fullLatencyMs !== null && timings.fullLatencyMs !== timings.latencyMs
            ? `; full ${timings.points}-point grid: ${formatMs(timings.fullLatencyMs)} (compute ${formatMs(timings.fullComputeMs)})`
            : timings
              ? `; ${timings.points} times`
              : null}
          {windowsStatus
            ? `; window search: grid step at most ${windowsStatus.windows.resolution.toPrecision(3)} up to t = ${windowsStatus.windows.horizon.toPrecision(3)}, ${formatMs(windowsStatus.computeMs)}`
            : null}
        </p>
      </PerformanceDetails>
    </LiveExample>
  );
}
