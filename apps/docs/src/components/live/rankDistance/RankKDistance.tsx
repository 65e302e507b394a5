import type { MeasuredWindows } from '@factorflow/core';
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { LogAlphaSlider, NumberField, formatMs } from '../shared/controls';
import type { Delivery } from '../shared/latestOnlyChannel';
import styles from '../shared/live.module.css';
import { markTimings, mountPlot, observeWidth, plotWidth } from '../shared/plotHost';
import { formatAlpha, quadraticTimes, saturationTime } from '../shared/problems';
import { useLatestOnlyWorker } from '../shared/useLatestOnlyWorker';
import { type RankProblem, type RankRequest, type RankResult, rankSpectrum } from './rankDistanceCompute';
import { rankDistanceFigure } from './rankDistanceFigure';

export interface RankKDistanceProps {
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
export function RankKDistance(props: RankKDistanceProps): React.JSX.Element {
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
  const alphaRef = useRef(defaultLog10Alpha);
  const drawnRef = useRef<{ key: string; distances: Distances; epsilon: number } | null>(null);
  const windowsRef = useRef<{ key: string; windows: MeasuredWindows } | null>(null);
  const editStartedRef = useRef(0);

  // The axis is fixed by the smallest alpha on the slider, so moving the slider moves the curves.
  const horizon = useMemo(() => saturationTime(rankSpectrum(n), 10 ** log10AlphaRange[0]), [n, log10AlphaRange]);
  const horizonRef = useRef(horizon);
  horizonRef.current = horizon;

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
  const inputError =
    !Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32
      ? 'the seed must be an integer in [0, 2^32)'
      : !(epsilon > 0 && Number.isFinite(epsilon))
        ? 'epsilon must be a number > 0'
        : null;
  const settings = inputError === null ? { n, seed, epsilon } : null;
  const settingsKey = settings ? JSON.stringify(settings) : null;

  const submit = useCallback(
    (log10: number, startedAt: number): void => {
      if (settings === null) return;
      const problem: RankProblem = { ...settings, log10Alpha: log10 };
      const times = quadraticTimes(horizonRef.current, timePoints);
      channelRef.current?.submit([{ kind: 'distances', ...problem, times }, { kind: 'windows', ...problem }], startedAt);
    },
    // settingsKey stands for `settings`, a new object on every render.
    [settingsKey, timePoints, channelRef],
  );

  useEffect(() => {
    submit(alphaRef.current, editStartedRef.current || performance.now());
    editStartedRef.current = 0;
  }, [submit, horizon]);

  useEffect(() => {
    const container = plotRef.current;
    return container ? observeWidth(container, draw) : undefined;
  }, [draw]);

  const onSlider = useCallback(
    (value: number, startedAt: number): void => {
      alphaRef.current = value;
      // The label follows when the plot does (no re-render inside the input event).
      submit(value, startedAt);
    },
    [submit],
  );

  const markEdit = (): void => {
    editStartedRef.current = performance.now();
  };

  return (
    <div ref={rootRef} className={styles.root} data-testid="live-example" data-example="rank-k-distance">
      <div className={styles.controls}>
        <label className={styles.control}>
          <span>n</span>
          <select
            value={n}
            data-testid="n"
            onChange={(event) => {
              markEdit();
              setN(Number(event.target.value));
            }}
          >
            {Array.from({ length: 7 }, (_, i) => i + 2).map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label="seed"
          value={seedText}
          min={0}
          step={1}
          testId="seed"
          onChange={(text) => {
            markEdit();
            setSeedText(text);
          }}
        />
        <NumberField
          label="ε"
          value={epsilonText}
          min={0}
          step={0.05}
          testId="epsilon"
          onChange={(text) => {
            markEdit();
            setEpsilonText(text);
          }}
        />
        <LogAlphaSlider
          min={log10AlphaRange[0]}
          max={log10AlphaRange[1]}
          step={0.05}
          defaultValue={defaultLog10Alpha}
          onInput={onSlider}
          label={
            <>
              α = <span className={styles.readout}>{formatAlpha(log10Alpha)}</span>
            </>
          }
        />
      </div>
      {inputError ? <p className={styles.error}>{inputError}</p> : null}
      {error ? <p className={styles.error}>{error}</p> : null}
      <div ref={plotRef} className={styles.plot} data-testid="plot" />
      <p className={styles.meta}>
        Y = Q diag({rankSpectrum(n).join(', ')}) Qᵀ. Dashed: ε. Bars on it and shaded bands: measured windows where ‖W(t) − Ŷ_k‖₂ ≤ ε
        {windowsInfo ? ` (${windowsInfo.reached} of ${windowsInfo.ranks} ranks reach ε; search ${formatMs(windowsInfo.computeMs)})` : ' (searching…)'}.
      </p>
      <p className={styles.meta}>
        input → plot: {formatMs(timing?.latencyMs ?? null)} (worker compute {formatMs(timing?.computeMs ?? null)})
      </p>
    </div>
  );
}

export default RankKDistance;
