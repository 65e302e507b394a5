import type { MeasuredWindows } from '@factorflow/core';
import React, { useCallback, useMemo, useRef, useState } from 'react';

import { LiveExample } from '../shared/LiveExample';
import { AlphaSlider, LatencyLine, NumberField, SelectField, formatMs, integerOptions } from '../shared/controls';
import type { Delivery } from '../shared/latestOnlyChannel';
import styles from '../shared/live.module.css';
import { markTimings, mountPlot, plotWidth, useRedrawOnResize } from '../shared/plotHost';
import { positiveError, quadraticTimes, saturationTime, seedError } from '../shared/problems';
import { useLatestOnlyWorker } from '../shared/useLatestOnlyWorker';
import { useSliderSubmissions } from '../shared/useSliderSubmissions';
import { type RankProblem, type RankRequest, type RankResult, rankSpectrum } from './rankDistanceCompute';
import { rankDistanceFigure } from './rankDistanceFigure';

interface RankKDistanceProps {
  /** Initial dimension n, 2..8 (default 5): Y has eigenvalues 2n, 2n - 2, ..., 2. */
  readonly defaultN?: number;
  /** Initial seed of the eigenbasis of Y and of U0bar (default 3). */
  readonly defaultSeed?: number;
  /** Initial epsilon (default 0.5). */
  readonly defaultEpsilon?: number;
  /** Initial log10 alpha (default -6). */
  readonly defaultLog10Alpha?: number;
  /** Slider range of log10 alpha (default [-12, -1]); the time axis is fixed by its lower end. */
  readonly log10AlphaRange?: readonly [number, number];
  /** Times on the grid (default 240). */
  readonly timePoints?: number;
}

type Distances = Extract<RankResult, { kind: 'distances' }>;

const SIZES = integerOptions(2, 8);

function problemKey(problem: RankProblem): string {
  return JSON.stringify([problem.n, problem.seed, problem.epsilon, problem.log10Alpha]);
}

/**
 * The distance ||W(t) - Y_hat_k||_2 of the gradient flow to each best rank-k approximation
 * Y_hat_k (bestRankK; Min & Vidal 2025, eq. (17)) over time, for a seeded Y = Q diag(2n, ..., 2) Q^T
 * and U(0) = alpha^{1/2} U0bar with Gaussian U0bar: W(t) from the closed form (Proposition 1,
 * eq. (5)). The dashed line is epsilon; thick bars on it and shaded bands mark the measured windows
 * (measuredWindows) where the distance is below epsilon, the conclusion (23) of Theorem 4.
 * Runs in rankDistance.worker.ts (distances first, then the window search).
 */
export default function RankKDistance(props: RankKDistanceProps): React.JSX.Element {
  const {
    defaultN = 5,
    defaultSeed = 3,
    defaultEpsilon = 0.5,
    defaultLog10Alpha = -6,
    log10AlphaRange = [-12, -1],
    timePoints = 240,
  } = props;
  const [n, setN] = useState(defaultN);
  const [seedText, setSeedText] = useState(String(defaultSeed));
  const [epsilonText, setEpsilonText] = useState(String(defaultEpsilon));
  const [log10Alpha, setLog10Alpha] = useState(defaultLog10Alpha);
  const [error, setError] = useState<string | null>(null);
  const [timing, setTiming] = useState<{ latencyMs: number; computeMs: number } | null>(null);
  const [windowsInfo, setWindowsInfo] = useState<{ reached: number; ranks: number; computeMs: number } | null>(null);

  const rootRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const drawnRef = useRef<{ key: string; distances: Distances; epsilon: number } | null>(null);
  const windowsRef = useRef<{ key: string; windows: MeasuredWindows } | null>(null);

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
      if (windowsRef.current?.key !== key) setWindowsInfo(null);
    },
  );

  const seed = Number(seedText);
  const epsilon = Number(epsilonText);
  const inputError = seedError(seed) ?? positiveError(epsilon, 'epsilon');
  const settings = inputError === null ? { n, seed, epsilon } : null;
  const settingsKey = settings ? JSON.stringify(settings) : null;

  const submit = useCallback(
    (log10: number, startedAt: number): void => {
      if (settings === null) return;
      const problem: RankProblem = { ...settings, log10Alpha: log10 };
      const times = quadraticTimes(horizon, timePoints);
      channelRef.current?.submit([{ kind: 'distances', ...problem, times }, { kind: 'windows', ...problem }], startedAt);
    },
    // settingsKey stands for `settings`, a new object on every render.
    [settingsKey, horizon, timePoints, channelRef],
  );
  const { onSlider, edited } = useSliderSubmissions(defaultLog10Alpha, submit);

  useRedrawOnResize(plotRef, draw);

  const controls = (
    <>
      <SelectField label="n" value={n} options={SIZES} testId="n" onChange={edited((value) => setN(Number(value)))} />
      <NumberField label="seed" value={seedText} min={0} step={1} testId="seed" onChange={edited(setSeedText)} />
      <NumberField label="ε" value={epsilonText} min={0} step={0.05} testId="epsilon" onChange={edited(setEpsilonText)} />
      <AlphaSlider range={log10AlphaRange} defaultValue={defaultLog10Alpha} log10Alpha={log10Alpha} onInput={onSlider} />
    </>
  );

  return (
    <LiveExample name="rank-k-distance" rootRef={rootRef} plotRef={plotRef} errors={[inputError, error]} controls={controls}>
      <p className={styles.meta}>
        Y = Q diag({rankSpectrum(n).join(', ')}) Qᵀ. Dashed: ε. Bars on it and shaded bands: measured windows where ‖W(t) − Ŷ_k‖₂ ≤ ε
        {windowsInfo ? ` (${windowsInfo.reached} of ${windowsInfo.ranks} ranks reach ε; search ${formatMs(windowsInfo.computeMs)})` : ' (searching…)'}.
      </p>
      <LatencyLine timing={timing} />
    </LiveExample>
  );
}
