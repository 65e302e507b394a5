import type { MeasuredWindows, TheoremPlan } from '@factorflow/core';
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { LiveExample } from '../shared/LiveExample';
import { HypothesisList, LegendItem, LogAlphaSlider, NumberField, SelectField, formatMs } from '../shared/controls';
import { type Delivery, LatestOnlyChannel } from '../shared/latestOnlyChannel';
import styles from '../shared/live.module.css';
import { mountPlot, plotWidth, useRedrawOnResize } from '../shared/plotHost';
import { formatAlpha, positiveError, quadraticTimes, saturationTime } from '../shared/problems';
import { useEditClock } from '../shared/useEditClock';
import { CoarseAtlas } from './coarseAtlas';
import {
  type CurvesRequest,
  type CurvesResult,
  type ExplorerProblem,
  type InitShape,
  type WindowsRequest,
  curvePasses,
  windowsGridSize,
} from './explorerCompute';
import { CATEGORICAL_GRADIENT, MEASURED_STROKE, THEOREM_FILL, VIRIDIS_GRADIENT, explorerFigure } from './explorerFigure';
import { RestartableJob } from './restartableJob';
import { parseSpectrum, presetSpectrum } from './spectrum';

export interface IncrementalExplorerProps {
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

type FirstSource = 'worker' | 'atlas';

/** Step of the log10 alpha slider; with the default range, 221 positions. */
const ALPHA_STEP = 0.05;

const INIT_SHAPES = [
  { value: 'spectral', label: 'spectral (Theorem 3)' },
  { value: 'gaussian', label: 'gaussian (Theorem 4)' },
];

/** Idle time after the last input before the (slow) window search starts. */
const WINDOWS_DELAY_MS = 200;

type WindowsState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly key: string }
  | { readonly status: 'done'; readonly key: string; readonly windows: MeasuredWindows; readonly computeMs: number }
  | { readonly status: 'error'; readonly key: string; readonly error: string };

interface Timings {
  readonly latencyMs: number;
  readonly computeMs: number;
  /** Where the first plot of this input came from: the worker, or the precomputed coarse atlas. */
  readonly source: FirstSource;
  readonly fullLatencyMs: number | null;
  readonly fullComputeMs: number | null;
  readonly points: number;
}

/** The full grid of a chunked submission, filled pass by pass. */
interface ChunkBuffer {
  readonly key: string;
  readonly times: Float64Array;
  readonly eigenvalues: Float64Array;
  filled: number;
}

/**
 * Copies one slice into the buffer for its problem (restarting it for a new problem) and returns
 * the full-grid result once every slice is in, else null.
 */
function assembleChunk(
  buffer: { current: ChunkBuffer | null },
  key: string,
  request: CurvesRequest,
  slice: CurvesResult,
): CurvesResult | null {
  const chunk = request.chunk;
  if (chunk === undefined) return slice;
  const n = slice.n;
  if (buffer.current === null || buffer.current.key !== key || chunk.offset === 0) {
    buffer.current = { key, times: new Float64Array(chunk.total), eigenvalues: new Float64Array(n * chunk.total), filled: 0 };
  }
  const target = buffer.current;
  const count = slice.times.length;
  target.times.set(slice.times, chunk.offset);
  for (let i = 0; i < n; i++) target.eigenvalues.set(slice.eigenvalues.subarray(i * count, (i + 1) * count), i * chunk.total + chunk.offset);
  target.filled += count;
  if (target.filled < chunk.total) return null;
  buffer.current = null;
  return { times: target.times, n, eigenvalues: target.eigenvalues, plan: null, planError: null };
}

function problemKey(problem: ExplorerProblem): string {
  return JSON.stringify([problem.values, problem.init, problem.epsilon, problem.log10Alpha, problem.seed]);
}

/**
 * Incremental learning, interactive (Min & Vidal 2025, Figure 1): the eigenvalues sigma_i(W(t)) of
 * the gradient flow W' = WY + YW - 2W^2 (eq. (4)) from W(0) = alpha U0bar U0bar^T, for a log-scale
 * slider over alpha. Spectral shape: each eigenvalue follows eq. (12) (Corollary 2) and the plan is
 * Theorem 3's; Gaussian shape: the closed form of Proposition 1 (eq. (5)) and Theorem 4's plan.
 * Shaded bands are the guaranteed intervals I_k of eq. (16); bars drawn at height sigma_{k,Y} are
 * the measured windows where ||W(t) - Y_hat_k||_2 <= epsilon (the conclusions (17), (23)). Below
 * the plot: alpha_max of the plan and each hypothesis, ok or violated.
 *
 * Curves are computed in explorer.worker.ts, the window search in windows.worker.ts. The root
 * carries `data-latency-ms` (from the `input` event to the first plot for it in the DOM) and
 * `data-compute-ms` (worker time of that plot); `data-full-latency-ms` / `data-full-compute-ms` of
 * the last pass (for Gaussian n > 12, where a coarse grid is drawn first, the full grid and the
 * compute of its last slice); and, for the last plot, `data-render-ms` (Plot and DOM), `data-wait-ms` (messaging and
 * a busy page) and `data-queue-ms` (page to worker), with `data-points` (times on the grid),
 * `data-n` and `data-log10-alpha` of the problem drawn.
 * There, the coarse pass of every slider position is also precomputed while the worker is idle
 * (coarseAtlas.ts; progress in `data-atlas`, "done/total", and `data-atlas-ms` from the settings
 * change to the last position, idle waits included), and a move to a precomputed position is
 * drawn without the worker: `data-source` says which ("atlas" or "worker").
 */
export function IncrementalExplorer(props: IncrementalExplorerProps): React.JSX.Element {
  const {
    defaultEigenvalues = '10, 8, 6, 4, 2',
    defaultInit = 'spectral',
    defaultEpsilon = 0.5,
    defaultLog10Alpha = -11,
    log10AlphaRange = [-12, -1],
    seed = 7,
    timePoints = 200,
  } = props;
  const [alphaMin, alphaMax] = log10AlphaRange;

  const [spectrumText, setSpectrumText] = useState(defaultEigenvalues);
  const [init, setInit] = useState<InitShape>(defaultInit);
  const [epsilonText, setEpsilonText] = useState(String(defaultEpsilon));
  const [log10Alpha, setLog10Alpha] = useState(defaultLog10Alpha);
  const [planState, setPlanState] = useState<{ plan: TheoremPlan | null; error: string | null }>({ plan: null, error: null });
  const [curvesError, setCurvesError] = useState<string | null>(null);
  const [timings, setTimings] = useState<Timings | null>(null);
  const [windowsState, setWindowsState] = useState<WindowsState>({ status: 'idle' });

  const parsed = useMemo(() => parseSpectrum(spectrumText), [spectrumText]);
  const epsilon = Number(epsilonText);
  const inputError = !parsed.ok ? parsed.error : positiveError(epsilon, 'epsilon');
  const values = parsed.ok ? parsed.values : null;
  // The axis is fixed by the smallest alpha on the slider, so moving the slider moves the curves, not the axis.
  const horizon = useMemo(() => (values ? saturationTime(values, 10 ** alphaMin) : 1), [values, alphaMin]);

  const rootRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const channelRef = useRef<LatestOnlyChannel<CurvesRequest, CurvesResult> | null>(null);
  const windowsJobRef = useRef<RestartableJob<WindowsRequest, MeasuredWindows> | null>(null);
  const windowsTimerRef = useRef<number>(0);
  /** The slider's value, read synchronously by the input handler (state lags one render behind). */
  const alphaRef = useRef(defaultLog10Alpha);
  /** The newest problem submitted; replies for older ones still draw, windows for them do not. */
  const latestKeyRef = useRef<string | null>(null);
  const horizonRef = useRef(horizon);
  /** What is on screen; `horizon` is its own time axis, so a redraw never rescales it to newer settings. */
  const drawnRef = useRef<{ key: string; problem: ExplorerProblem; curves: CurvesResult; plan: TheoremPlan | null; horizon: number } | null>(null);
  const windowsRef = useRef<{ key: string; windows: MeasuredWindows; computeMs: number } | null>(null);
  const firstDrawRef = useRef<{ latencyMs: number; computeMs: number; source: FirstSource } | null>(null);
  const atlasRef = useRef<CoarseAtlas | null>(null);
  const { edited, takeStart } = useEditClock();
  const chunksRef = useRef<ChunkBuffer | null>(null);

  const draw = useCallback((): void => {
    const container = plotRef.current;
    const drawn = drawnRef.current;
    if (container === null || drawn === null) return;
    const windows = windowsRef.current?.key === drawn.key ? windowsRef.current.windows : null;
    const { options, checksum } = explorerFigure({
      curves: drawn.curves,
      values: drawn.problem.values,
      plan: drawn.plan,
      windows,
      horizon: drawn.horizon,
      width: plotWidth(container),
    });
    mountPlot(container, options, checksum);
  }, []);

  const runWindows = useCallback(
    (target: ExplorerProblem): void => {
      const job = windowsJobRef.current;
      const key = problemKey(target);
      if (job === null || latestKeyRef.current !== key) return;
      setWindowsState({ status: 'running', key });
      job.run({ ...target, gridSize: windowsGridSize(target.values.length) }, (reply) => {
        if (latestKeyRef.current !== key) return;
        if (reply.ok) {
          windowsRef.current = { key, windows: reply.result, computeMs: reply.computeMs };
          setWindowsState({ status: 'done', key, windows: reply.result, computeMs: reply.computeMs });
          draw();
        } else {
          setWindowsState({ status: 'error', key, error: reply.error });
        }
      });
    },
    [draw],
  );

  const scheduleWindows = useCallback(
    (target: ExplorerProblem): void => {
      window.clearTimeout(windowsTimerRef.current);
      if (windowsRef.current?.key === problemKey(target)) return;
      windowsTimerRef.current = window.setTimeout(() => runWindows(target), WINDOWS_DELAY_MS);
    },
    [runWindows],
  );

  const receive = useCallback(
    (delivery: Delivery<CurvesRequest, CurvesResult>, source: FirstSource = 'worker'): void => {
      const { request } = delivery;
      if (delivery.result === null) {
        setCurvesError(delivery.error);
        return;
      }
      const key = problemKey(request);
      // A reply for an older input still draws while the newest is pending (the plot follows a drag),
      // but never over the newest once that is on screen (drawn from the atlas while it was computed).
      const newest = latestKeyRef.current;
      if (source === 'worker' && key !== newest && drawnRef.current?.key === newest) return;
      const result = request.chunk ? assembleChunk(chunksRef, key, request, delivery.result) : delivery.result;
      // A slice of the full grid is drawn only once the grid is complete; the coarse pass stays up meanwhile.
      if (result === null) return;
      const plan = request.withPlan ? result.plan : drawnRef.current?.key === key ? drawnRef.current.plan : null;
      drawnRef.current = { key, problem: request, curves: result, plan, horizon: result.times[result.times.length - 1] };
      const drawStarted = performance.now();
      draw();
      // Measured right after the figure is in the DOM, before any React work.
      const drawn = performance.now();
      const latencyMs = drawn - delivery.startedAt;
      // The first plot for an input is its one pass, or the coarse pass; slices of the full grid come later.
      if (request.chunk === undefined) firstDrawRef.current = { latencyMs, computeMs: delivery.computeMs, source };
      const first = firstDrawRef.current ?? { latencyMs, computeMs: delivery.computeMs, source };
      const root = rootRef.current;
      if (root !== null) {
        root.dataset.latencyMs = first.latencyMs.toFixed(2);
        root.dataset.computeMs = first.computeMs.toFixed(2);
        root.dataset.source = first.source;
        if (delivery.finalPass) {
          root.dataset.fullLatencyMs = latencyMs.toFixed(2);
          root.dataset.fullComputeMs = delivery.computeMs.toFixed(2);
        }
        root.dataset.points = String(result.times.length);
        root.dataset.n = String(result.n);
        root.dataset.log10Alpha = String(request.log10Alpha);
        // The rest of the latency: structured clone, message queueing, and the page being busy.
        root.dataset.renderMs = (drawn - drawStarted).toFixed(2);
        root.dataset.waitMs = (delivery.receivedAt - delivery.startedAt - delivery.computeMs).toFixed(2);
        root.dataset.queueMs = delivery.queuedMs.toFixed(2);
      }
      if (request.withPlan) setPlanState({ plan: result.plan, error: result.planError });
      setLog10Alpha(request.log10Alpha);
      const measured = windowsRef.current;
      setWindowsState((previous) =>
        measured?.key === key
          ? { status: 'done', key, windows: measured.windows, computeMs: measured.computeMs }
          : previous.status === 'idle'
            ? previous
            : { status: 'idle' },
      );
      setCurvesError(null);
      setTimings({
        latencyMs: first.latencyMs,
        computeMs: first.computeMs,
        source: first.source,
        fullLatencyMs: delivery.finalPass ? latencyMs : null,
        fullComputeMs: delivery.finalPass ? delivery.computeMs : null,
        points: result.times.length,
      });
      if (delivery.finalPass && !delivery.superseded) scheduleWindows(request);
    },
    [draw, scheduleWindows],
  );

  /** Sends a problem to the worker: one pass, or a coarse then a full pass for Gaussian at large n. */
  const submit = useCallback(
    (target: ExplorerProblem, startedAt: number): void => {
      latestKeyRef.current = problemKey(target);
      window.clearTimeout(windowsTimerRef.current);
      windowsJobRef.current?.cancel();
      const horizonNow = horizonRef.current;
      const passes = curvePasses(target, quadraticTimes(horizonNow, timePoints), (count) => quadraticTimes(horizonNow, count));
      const cached = passes.length > 1 ? atlasRef.current?.lookup(target.log10Alpha) : null;
      if (!cached) {
        channelRef.current?.submit(passes, startedAt);
        return;
      }
      // Drawn from the atlas at once; the worker refines the full grid behind it.
      receive(
        {
          request: passes[0],
          result: cached,
          error: null,
          computeMs: 0,
          queuedMs: 0,
          startedAt,
          receivedAt: performance.now(),
          pass: 0,
          finalPass: false,
          superseded: false,
        },
        'atlas',
      );
      channelRef.current?.submit(passes.slice(1), startedAt);
    },
    [timePoints, receive],
  );

  // Workers exist only in the browser: created here, never during server-side rendering.
  useEffect(() => {
    const channel = new LatestOnlyChannel<CurvesRequest, CurvesResult>(
      () => new Worker(new URL('./explorer.worker.ts', import.meta.url)),
      receive,
    );
    const windowsJob = new RestartableJob<WindowsRequest, MeasuredWindows>(
      () => new Worker(new URL('./windows.worker.ts', import.meta.url)),
    );
    channelRef.current = channel;
    windowsJobRef.current = windowsJob;
    return () => {
      window.clearTimeout(windowsTimerRef.current);
      channel.dispose();
      windowsJob.dispose();
      channelRef.current = null;
      windowsJobRef.current = null;
    };
  }, [receive]);

  // Everything but alpha: resubmit at the slider's current value when a setting changes.
  const settings = values && inputError === null ? { values, init, epsilon, seed } : null;
  const settingsKey = settings ? JSON.stringify(settings) : null;
  useEffect(() => {
    const channel = channelRef.current;
    atlasRef.current = null;
    channel?.setIdleWork(null);
    delete rootRef.current?.dataset.atlas;
    delete rootRef.current?.dataset.atlasMs;
    if (settings === null) return;
    horizonRef.current = horizon;
    submit({ ...settings, log10Alpha: alphaRef.current }, takeStart());
    // Where a coarse pass comes first (Gaussian, n > 12), precompute it for every slider position.
    const fullTimes = quadraticTimes(horizon, timePoints);
    const passesAt = (log10Alpha: number): CurvesRequest[] =>
      curvePasses({ ...settings, log10Alpha }, fullTimes, (count) => quadraticTimes(horizon, count));
    if (channel === null || passesAt(alphaRef.current).length === 1) return;
    const atlas = new CoarseAtlas((log10Alpha) => passesAt(log10Alpha)[0], { min: alphaMin, max: alphaMax, step: ALPHA_STEP });
    atlasRef.current = atlas;
    const atlasStarted = performance.now();
    channel.setIdleWork({
      next: () => atlas.next(alphaRef.current),
      deliver: (request, result) => {
        atlas.store(request, result);
        const root = rootRef.current;
        if (root === null || atlasRef.current !== atlas) return;
        root.dataset.atlas = `${atlas.count}/${atlas.size}`;
        if (atlas.count === atlas.size) root.dataset.atlasMs = (performance.now() - atlasStarted).toFixed(0);
      },
    });
    // settingsKey stands for `settings`, a new object on every render.
  }, [settingsKey, horizon, submit, timePoints, alphaMin, alphaMax, takeStart]);

  useRedrawOnResize(plotRef, draw);

  const onSlider = useCallback(
    (value: number, startedAt: number): void => {
      alphaRef.current = value;
      // No React state here: a re-render inside the input event would delay the worker's reply.
      // The label follows in `receive`, showing the alpha of the curves on screen.
      if (settings !== null) submit({ ...settings, log10Alpha: value }, startedAt);
      else setLog10Alpha(value);
    },
    // settingsKey stands for `settings`, as above.
    [settingsKey, submit],
  );

  const setSpectrum = edited(setSpectrumText);
  const plan = planState.plan;
  const log10AlphaMax = plan?.logAlphaMax != null ? plan.logAlphaMax / Math.LN10 : null;
  const theorem = init === 'spectral' ? 3 : 4;
  const n = values?.length ?? 0;
  const windowsStatus = windowsState.status === 'done' ? windowsState : null;

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
      <SelectField
        label="init shape"
        value={init}
        options={INIT_SHAPES}
        testId="init-shape"
        onChange={edited((value) => setInit(value === 'gaussian' ? 'gaussian' : 'spectral'))}
      />
      <NumberField label="ε" value={epsilonText} min={0} step={0.05} testId="epsilon" onChange={edited(setEpsilonText)} />
      <LogAlphaSlider
        range={log10AlphaRange}
        step={ALPHA_STEP}
        defaultValue={defaultLog10Alpha}
        marker={log10AlphaMax}
        onInput={onSlider}
        label="α"
        readout={formatAlpha(log10Alpha)}
        detail={` (log₁₀ α = ${log10Alpha.toFixed(2)})`}
      />
    </>
  );

  return (
    <LiveExample name="incremental-explorer" rootRef={rootRef} plotRef={plotRef} errors={[inputError, curvesError]} controls={controls}>
      <ul className={styles.legend}>
        <LegendItem swatch={{ height: 3, background: n <= 10 ? CATEGORICAL_GRADIENT : VIRIDIS_GRADIENT }}>σᵢ(W(t)), i = 1..{n}</LegendItem>
        {plan && !plan.hypothesesHold ? (
          <LegendItem swatch={{ background: THEOREM_FILL, opacity: 0.25, border: `1px dashed ${THEOREM_FILL}` }}>
            I_k of eq. (16), not guaranteed here: a hypothesis of Theorem {theorem} fails
          </LegendItem>
        ) : (
          <LegendItem swatch={{ background: THEOREM_FILL, opacity: 0.45 }}>I_k guaranteed by Theorem {theorem} (eq. (16))</LegendItem>
        )}
        <LegendItem swatch={{ height: 5, background: MEASURED_STROKE, opacity: 0.45 }}>
          measured window ‖W(t) − Ŷ_k‖₂ ≤ ε, drawn at height σ_k(Y)
        </LegendItem>
      </ul>
      <p className={styles.meta}>
        Theorem {theorem}: α_max = {log10AlphaMax === null ? 'none (a hypothesis fails for every α)' : formatAlpha(log10AlphaMax)}
        {plan && log10AlphaMax !== null ? (log10Alpha <= log10AlphaMax ? ' — the slider is below α_max' : ' — the slider is above α_max') : null}
        {plan?.theorem === 4 && 'M' in plan && typeof plan.M === 'number' ? `, M = ${plan.M.toPrecision(4)}` : null}
      </p>
      {planState.error ? <p className={styles.error}>Theorem {theorem} plan: {planState.error}</p> : null}
      {plan ? <HypothesisList hypotheses={plan.hypotheses} /> : null}
      <p className={styles.meta} data-testid="windows-status">
        {windowsState.status === 'running' ? (
          'measuring windows…'
        ) : windowsStatus ? (
          `measured windows: ${windowsStatus.windows.perRank.filter((rank) => rank.windows.length > 0).length} of ${windowsStatus.windows.K} ranks reach ε, search grid ${Math.round(windowsStatus.windows.horizon / windowsStatus.windows.resolution)} (${formatMs(windowsStatus.computeMs)})`
        ) : windowsState.status === 'error' ? (
          `measured windows: ${windowsState.error}`
        ) : (
          'measured windows: after the slider rests'
        )}
      </p>
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
      </p>
    </LiveExample>
  );
}

export default IncrementalExplorer;
