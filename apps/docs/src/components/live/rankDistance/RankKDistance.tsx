import type { CertifiedWindows, MeasuredWindows } from '@factorflow/core';
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import TeX from '../../paper/TeX';
import { AlphaMaxReadout } from '../shared/AlphaMaxReadout';
import { LiveExample } from '../shared/LiveExample';
import { AlphaSlider, HypothesisList, LatencyLine, NumberField, InitShapeField, PerformanceDetails, SelectField, formatMs, integerOptions } from '../shared/controls';
import type { Delivery } from '../shared/latestOnlyChannel';
import styles from '../shared/live.module.css';
import { clearPlot, markTimings, mountPlot, plotWidth, useRedrawOnResize } from '../shared/plotHost';
import { positiveError, quadraticTimes, saturationTime, seedError } from '../shared/problems';
import { useLatestOnlyWorker } from '../shared/useLatestOnlyWorker';
import { useSliderSubmissions } from '../shared/useSliderSubmissions';
import { type RankInit, type RankProblem, type RankRequest, type RankResult, rankSpectrum } from './rankDistanceCompute';
import { rankDistanceFigure } from './rankDistanceFigure';

interface RankKDistanceProps {
  /** Initial dimension n, 2..8 (default 5): Y has eigenvalues 2n, 2n - 2, ..., 2. */
  readonly defaultN?: number;
  /** Initial seed of the eigenbasis of Y and of U0bar (default 3). */
  readonly defaultSeed?: number;
  /** Initial shape: "spectral" (Theorem 3, default) or "gaussian" (Theorem 4). */
  readonly defaultInit?: RankInit;
  /** Initial epsilon (default 0.5). */
  readonly defaultEpsilon?: number;
  /** Initial log10 alpha (default -11: below Theorem 3's alpha_max = 1.95e-11 at n = 5, epsilon = 0.5). */
  readonly defaultLog10Alpha?: number;
  /** Slider range of log10 alpha (default [-12, -1]); the time axis is fixed by its lower end. */
  readonly log10AlphaRange?: readonly [number, number];
  /** Times on the grid (default 240). */
  readonly timePoints?: number;
}

type Distances = Extract<RankResult, { kind: 'distances' }>;

/** What the legend says about the certified windows drawn. */
interface CertifiedInfo {
  /** Certified windows in the figure. */
  readonly windows: number;
  readonly certifiedRanks: number;
  readonly measuredRanks: number;
  /** Median over the ranks with a measured window of certified length / measured length. */
  readonly medianCoverage: number;
  /** How the windows were certified, or why they could not be (core's `method`). */
  readonly method: string;
  readonly computeMs: number;
}

function certifiedInfoOf(certified: CertifiedWindows, computeMs: number): CertifiedInfo {
  const measured = certified.perRank.filter((rank) => rank.measured.length > 0);
  const coverages = measured.map((rank) => rank.coverage).sort((a, b) => a - b);
  const middle = Math.floor(coverages.length / 2);
  const medianCoverage = coverages.length === 0 ? 0 : coverages.length % 2 === 1 ? coverages[middle] : 0.5 * (coverages[middle - 1] + coverages[middle]);
  return {
    windows: certified.perRank.reduce((total, rank) => total + rank.certified.length, 0),
    certifiedRanks: measured.filter((rank) => rank.certified.length > 0).length,
    measuredRanks: measured.length,
    medianCoverage,
    method: certified.method,
    computeMs,
  };
}

const SIZES = integerOptions(2, 8);
function problemKey(problem: RankProblem): string {
  return JSON.stringify([problem.n, problem.init, problem.seed, problem.epsilon, problem.log10Alpha]);
}

/** The key of everything but alpha. */
function settingsKeyOf(settings: Omit<RankProblem, 'log10Alpha'>): string {
  return JSON.stringify([settings.n, settings.init, settings.seed, settings.epsilon]);
}

/**
 * The distance ||W(t) - Y_hat_k||_2 of the gradient flow to each best rank-k approximation
 * Y_hat_k (bestRankK; Min & Vidal 2025, eq. (17)) over time, for a seeded Y = Q diag(2n, ..., 2) Q^T
 * and U(0) = alpha^{1/2} U0bar with a spectral (Theorem 3) or Gaussian (Theorem 4) U0bar: W(t) from
 * the closed form (Proposition 1, eq. (5)). The dashed line is epsilon; thick bars on it mark the
 * measured windows (measuredWindows) where the distance is below epsilon, thin bars under them the
 * certified windows (certifiedWindows, issue 20) where it is proved below epsilon for every t,
 * shaded bands the I_k the theorem guarantees, with its alpha_max and hypotheses below. An invalid control clears the plot
 * and readouts. Runs in rankDistance.worker.ts (distances and plan first, then the window search, then the certification).
 */
export default function RankKDistance(props: RankKDistanceProps): React.JSX.Element {
  const {
    defaultN = 5,
    defaultSeed = 3,
    defaultInit = 'spectral',
    defaultEpsilon = 0.5,
    defaultLog10Alpha = -11,
    log10AlphaRange = [-12, -1],
    timePoints = 240,
  } = props;
  const [n, setN] = useState(defaultN);
  const [seedText, setSeedText] = useState(String(defaultSeed));
  const [init, setInit] = useState<RankInit>(defaultInit);
  const [epsilonText, setEpsilonText] = useState(String(defaultEpsilon));
  const [log10Alpha, setLog10Alpha] = useState(defaultLog10Alpha);
  const [error, setError] = useState<string | null>(null);
  const [timing, setTiming] = useState<{ latencyMs: number; computeMs: number } | null>(null);
  const [windowsInfo, setWindowsInfo] = useState<{ reached: number; ranks: number; computeMs: number } | null>(null);
  const [certifiedInfo, setCertifiedInfo] = useState<CertifiedInfo | null>(null);

  const rootRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const drawnRef = useRef<{ key: string; distances: Distances; epsilon: number } | null>(null);
  /** The drawn problem's distances and plan, for the readouts, with the key of its settings. */
  const [drawn, setDrawn] = useState<{ settingsKey: string; distances: Distances } | null>(null);
  const windowsRef = useRef<{ key: string; windows: MeasuredWindows } | null>(null);
  const certifiedRef = useRef<{ key: string; certified: CertifiedWindows } | null>(null);

  // The axis is fixed by the smallest alpha on the slider, so moving the slider moves the curves.
  const horizon = useMemo(() => saturationTime(rankSpectrum(n), 10 ** log10AlphaRange[0]), [n, log10AlphaRange]);

  const draw = useCallback((): void => {
    const container = plotRef.current;
    const drawn = drawnRef.current;
    if (container === null || drawn === null) return;
    const { options, checksum } = rankDistanceFigure({
      n: drawn.distances.n,
      times: drawn.distances.times,
      distances: drawn.distances.distances,
      epsilon: drawn.epsilon,
      windows: windowsRef.current?.key === drawn.key ? windowsRef.current.windows : null,
      certified: certifiedRef.current?.key === drawn.key ? certifiedRef.current.certified : null,
      plan: drawn.distances.plan,
      horizon: drawn.distances.times[drawn.distances.times.length - 1],
      width: plotWidth(container),
    });
    mountPlot(container, options, checksum);
  }, []);

  const channelRef = useLatestOnlyWorker<RankRequest, RankResult>(
    () => new Worker(new URL('./rankDistance.worker.ts', import.meta.url)),
    (delivery: Delivery<RankRequest, RankResult>) => {
      const { request, result } = delivery;
      if (result === null) {
        setError(delivery.error);
        return;
      }
      const key = problemKey(request);
      // Replies to valid settings that were edited into invalid ones since are dropped.
      if (latestSettingsRef.current === null) return;
      if (result.kind === 'certified') {
        certifiedRef.current = { key, certified: result.certified };
        setCertifiedInfo(certifiedInfoOf(result.certified, delivery.computeMs));
        draw();
        return;
      }
      if (result.kind === 'windows') {
        windowsRef.current = { key, windows: result.windows };
        const { perRank } = result.windows;
        setWindowsInfo({ reached: perRank.filter((rank) => rank.windows.length > 0).length, ranks: perRank.length, computeMs: delivery.computeMs });
        draw();
        return;
      }
      drawnRef.current = { key, distances: result, epsilon: request.epsilon };
      draw();
      const latencyMs = performance.now() - delivery.startedAt;
      markTimings(rootRef.current, latencyMs, delivery.computeMs);
      setError(null);
      setLog10Alpha(request.log10Alpha);
      setTiming({ latencyMs, computeMs: delivery.computeMs });
      setDrawn({ settingsKey: settingsKeyOf(request), distances: result });
      if (windowsRef.current?.key !== key) setWindowsInfo(null);
      if (certifiedRef.current?.key !== key) setCertifiedInfo(null);
    },
  );

  const seed = Number(seedText);
  const epsilon = Number(epsilonText);
  const inputError = seedError(seed) ?? positiveError(epsilon, 'ε', defaultEpsilon);
  const settings = inputError === null ? { n, init, seed, epsilon } : null;
  const settingsKey = settings ? settingsKeyOf(settings) : null;
  const latestSettingsRef = useRef<string | null>(settingsKey);
  latestSettingsRef.current = settingsKey;

  // Invalid input: nothing on screen may belong to the last valid settings.
  useEffect(() => {
    if (settingsKey !== null) return;
    drawnRef.current = null;
    windowsRef.current = null;
    certifiedRef.current = null;
    clearPlot(plotRef.current);
    setDrawn(null);
    setWindowsInfo(null);
    setCertifiedInfo(null);
    setTiming(null);
    setError(null);
  }, [settingsKey]);

  const submit = useCallback(
    (log10: number, startedAt: number): void => {
      if (settings === null) return;
      const problem: RankProblem = { ...settings, log10Alpha: log10 };
      const times = quadraticTimes(horizon, timePoints);
      // Certification is the slowest pass: last, and dropped when a newer position is waiting.
      channelRef.current?.submit([{ kind: 'distances', ...problem, times }, { kind: 'windows', ...problem }, { kind: 'certified', ...problem }], startedAt);
    },
    // settingsKey stands for `settings`, a new object on every render.
    [settingsKey, horizon, timePoints, channelRef],
  );
  const { onSlider, edited } = useSliderSubmissions(defaultLog10Alpha, submit);
  // The plan on screen belongs to the drawn problem; until one for the current settings arrives it is pending.
  const pending = settingsKey !== null && drawn?.settingsKey !== settingsKey && error === null;
  const plan = drawn?.distances.plan ?? null;

  useRedrawOnResize(plotRef, draw);

  const controls = (
    <>
      <SelectField label="n" value={n} options={SIZES} testId="n" onChange={edited((value) => setN(Number(value)))} />
      <InitShapeField value={init} onChange={edited(setInit)} />
      <NumberField label="seed" value={seedText} min={0} step={1} testId="seed" onChange={edited(setSeedText)} />
      <NumberField label="ε" value={epsilonText} min={0} step={0.05} testId="epsilon" onChange={edited(setEpsilonText)} />
      <AlphaSlider
        range={log10AlphaRange}
        defaultValue={defaultLog10Alpha}
        log10Alpha={log10Alpha}
        marker={plan?.logAlphaMax != null ? plan.logAlphaMax / Math.LN10 : null}
        onInput={onSlider}
      />
    </>
  );

  const theorem = init === 'spectral' ? 3 : 4;
  const valid = settings !== null;
  return (
    <LiveExample name="rank-k-distance" rootRef={rootRef} plotRef={plotRef} errors={[inputError, error]} controls={controls}>
      {valid ? (
        <p className={styles.meta}>
          <TeX math={String.raw`Y = Q\,\mathrm{diag}(${rankSpectrum(n).join(', ')})\,Q^\top`} />. Dashed: <TeX math={String.raw`\varepsilon`} />. Bars on it: measured
          windows where <TeX math={String.raw`\|W(t) - \hat Y_k\|_2 \le \varepsilon`} />
          {windowsInfo ? ` (${windowsInfo.reached} of ${windowsInfo.ranks} ranks reach ε)` : ' (searching…)'}. Shaded, labelled:
          the intervals <TeX math={String.raw`\mathcal I_k`} /> of eq. (16) that Theorem {theorem} guarantees.{' '}
          <span data-testid="certified-legend" data-count={certifiedInfo?.windows ?? ''}>
            Thin bars under the bars: certified windows, where the bound is proved for every <TeX math="t" />
            {certifiedInfo === null
              ? ' (certifying…)'
              : certifiedInfo.windows === 0
                ? ` (none here: ${certifiedInfo.method})`
                : ` (${certifiedInfo.certifiedRanks} of ${certifiedInfo.measuredRanks} ranks certified, median ${(100 * certifiedInfo.medianCoverage).toFixed(1)}% of the measured length)`}
            .
          </span>
        </p>
      ) : null}
      {valid ? (
        <AlphaMaxReadout
          theorem={theorem}
          pending={pending}
          plan={pending ? null : plan}
          planError={pending ? null : (drawn?.distances.planError ?? null)}
          log10Alpha={log10Alpha}
          log10AlphaRange={log10AlphaRange}
        />
      ) : null}
      {valid && !pending && drawn?.distances.planError ? <p className={styles.error}>Theorem {theorem} plan: {drawn.distances.planError}</p> : null}
      {valid && !pending && plan ? <HypothesisList hypotheses={plan.hypotheses} theorem={theorem} /> : null}
      <PerformanceDetails>
        <LatencyLine timing={timing} />
        {windowsInfo ? <p className={styles.meta}>window search: {formatMs(windowsInfo.computeMs)}</p> : null}
        {certifiedInfo ? <p className={styles.meta}>certification: {formatMs(certifiedInfo.computeMs)}</p> : null}
      </PerformanceDetails>
    </LiveExample>
  );
}
