/**
 * The explorer's engine, apart from its controls: the curves worker (a latest-only channel with a
 * coarse atlas filled while it idles), the restartable window search and then certification, the figure they draw, and the
 * timings written on the root.
 *
 * The root carries `data-latency-ms` (from the `input` event to the first plot for it in the DOM)
 * and `data-compute-ms` (worker time of that plot); `data-full-latency-ms` / `data-full-compute-ms`
 * of the last pass (for Gaussian n > 12, where a coarse grid is drawn first, the full grid and the
 * compute of its last slice); and, for the last plot, `data-render-ms` (Plot and DOM),
 * `data-wait-ms` (messaging and a busy page) and `data-queue-ms` (page to worker), with
 * `data-points` (times on the grid), `data-n` and `data-log10-alpha` of the problem drawn.
 * There, the coarse pass of every slider position is also precomputed while the worker is idle
 * (coarseAtlas.ts; progress in `data-atlas`, "done/total", and `data-atlas-ms` from the settings
 * change to the last position, idle waits included), and a move to a precomputed position is
 * drawn without the worker: `data-source` says which ("atlas" or "worker").
 */
import type { CertifiedWindows, MeasuredWindows, TheoremPlan } from '@factorflow/core';
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { type Delivery, LatestOnlyChannel } from '../shared/latestOnlyChannel';
import { clearPlot, mountPlot, plotWidth, useRedrawOnResize } from '../shared/plotHost';
import { quadraticTimes, saturationTime } from '../shared/problems';
import { useEditClock } from '../shared/useEditClock';
import { CoarseAtlas } from './coarseAtlas';
import {
  type ChunkBuffer,
  type CurvesRequest,
  type CurvesResult,
  type ExplorerProblem,
  type WindowsReply,
  type WindowsRequest,
  assembleChunk,
  curvePasses,
  windowsGridSize,
} from './explorerCompute';
import { explorerFigure } from './explorerFigure';
import { RestartableJob } from './restartableJob';

type FirstSource = 'worker' | 'atlas';

/** Idle time after the last input before the (slow) window search starts. */
const WINDOWS_DELAY_MS = 200;

type WindowsState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly key: string }
  | { readonly status: 'done'; readonly key: string; readonly windows: MeasuredWindows; readonly computeMs: number }
  | { readonly status: 'error'; readonly key: string; readonly error: string };

/** The certification pass, which starts once the measured windows of the same problem are in. */
type CertifiedState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly key: string }
  | { readonly status: 'done'; readonly key: string; readonly certified: CertifiedWindows; readonly computeMs: number }
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

function problemKey(problem: ExplorerProblem): string {
  return JSON.stringify([problem.values, problem.init, problem.epsilon, problem.log10Alpha, problem.seed]);
}

/** Everything of a problem but alpha, which the slider sets. */
type ExplorerSettings = Omit<ExplorerProblem, 'log10Alpha'>;

/** The key of a problem's settings (alpha left out): alpha_max and the hypotheses' verdicts but alpha's depend on these alone. */
function settingsKeyOf(settings: ExplorerSettings): string {
  return JSON.stringify([settings.values, settings.init, settings.epsilon, settings.seed]);
}

interface PlanState {
  readonly plan: TheoremPlan | null;
  readonly error: string | null;
  /** The settings this plan is for; null before the first plan and after an invalid input. */
  readonly key: string | null;
}

const NO_PLAN: PlanState = { plan: null, error: null, key: null };

interface ExplorerWorkersOptions {
  /** The settings to draw, or null while a control holds an invalid value. */
  readonly settings: ExplorerSettings | null;
  readonly log10AlphaRange: readonly [number, number];
  readonly alphaStep: number;
  readonly defaultLog10Alpha: number;
  /** Times in the full grid. */
  readonly timePoints: number;
}

interface ExplorerWorkers {
  readonly rootRef: RefObject<HTMLDivElement | null>;
  readonly plotRef: RefObject<HTMLDivElement | null>;
  /** The slider's input handler. */
  readonly onSlider: (log10Alpha: number, startedAt: number) => void;
  /** Wraps the setters of the other controls, so that the plot's latency counts from the edit. */
  readonly edited: ReturnType<typeof useEditClock>['edited'];
  /** Alpha of the curves on screen. */
  readonly log10Alpha: number;
  /** The plan on screen, or none while `planPending`. */
  readonly planState: PlanState;
  /** Valid settings whose plan has not arrived yet: a readout must say so, not report the last plan or none. */
  readonly planPending: boolean;
  readonly curvesError: string | null;
  readonly timings: Timings | null;
  readonly windowsState: WindowsState;
  readonly certifiedState: CertifiedState;
}

export function useExplorerWorkers(options: ExplorerWorkersOptions): ExplorerWorkers {
  const { settings, log10AlphaRange, alphaStep, defaultLog10Alpha, timePoints } = options;
  const [alphaMin, alphaMax] = log10AlphaRange;
  const settingsKey = settings ? settingsKeyOf(settings) : null;
  // The axis is fixed by the smallest alpha on the slider, so moving the slider moves the curves, not the axis.
  // settingsKey stands for `settings`, a new object on every render.
  const horizon = useMemo(() => (settings ? saturationTime(settings.values, 10 ** alphaMin) : 1), [settingsKey, alphaMin]);

  const [log10Alpha, setLog10Alpha] = useState(defaultLog10Alpha);
  const [planState, setPlanState] = useState<PlanState>(NO_PLAN);
  const [curvesError, setCurvesError] = useState<string | null>(null);
  const [timings, setTimings] = useState<Timings | null>(null);
  const [windowsState, setWindowsState] = useState<WindowsState>({ status: 'idle' });
  const [certifiedState, setCertifiedState] = useState<CertifiedState>({ status: 'idle' });

  const rootRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const channelRef = useRef<LatestOnlyChannel<CurvesRequest, CurvesResult> | null>(null);
  const windowsJobRef = useRef<RestartableJob<WindowsRequest, WindowsReply> | null>(null);
  const windowsTimerRef = useRef<number>(0);
  /** The slider's value, read synchronously by the input handler (state lags one render behind). */
  const alphaRef = useRef(defaultLog10Alpha);
  /** The newest problem submitted; replies for older ones still draw, windows for them do not. */
  const latestKeyRef = useRef<string | null>(null);
  const horizonRef = useRef(horizon);
  /** What is on screen; `horizon` is its own time axis, so a redraw never rescales it to newer settings. */
  const drawnRef = useRef<{ key: string; problem: ExplorerProblem; curves: CurvesResult; plan: TheoremPlan | null; horizon: number } | null>(null);
  const windowsRef = useRef<{ key: string; windows: MeasuredWindows; computeMs: number } | null>(null);
  const certifiedRef = useRef<{ key: string; certified: CertifiedWindows } | null>(null);
  const firstDrawRef = useRef<{ latencyMs: number; computeMs: number; source: FirstSource } | null>(null);
  const atlasRef = useRef<CoarseAtlas | null>(null);
  const { edited, takeStart } = useEditClock();
  const chunksRef = useRef<ChunkBuffer | null>(null);

  const draw = useCallback((): void => {
    const container = plotRef.current;
    const drawn = drawnRef.current;
    if (container === null || drawn === null) return;
    const windows = windowsRef.current?.key === drawn.key ? windowsRef.current.windows : null;
    const certified = certifiedRef.current?.key === drawn.key ? certifiedRef.current.certified : null;
    const { options, checksum } = explorerFigure({
      curves: drawn.curves,
      values: drawn.problem.values,
      plan: drawn.plan,
      windows,
      certified,
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
      const request = { ...target, gridSize: windowsGridSize(target.values.length) };
      job.run(request, (reply) => {
        if (latestKeyRef.current !== key) return;
        if (!reply.ok || reply.result.kind !== 'measured') {
          setWindowsState({ status: 'error', key, error: reply.ok ? 'unexpected reply' : reply.error });
          return;
        }
        const windows = reply.result.windows;
        windowsRef.current = { key, windows, computeMs: reply.computeMs };
        setWindowsState({ status: 'done', key, windows, computeMs: reply.computeMs });
        draw();
        // Then the slower certification on the same worker: a new input cancels it like the search.
        setCertifiedState({ status: 'running', key });
        job.run({ ...request, certify: true }, (certifiedReply) => {
          if (latestKeyRef.current !== key) return;
          if (!certifiedReply.ok || certifiedReply.result.kind !== 'certified') {
            setCertifiedState({ status: 'error', key, error: certifiedReply.ok ? 'unexpected reply' : certifiedReply.error });
            return;
          }
          const certified = certifiedReply.result.certified;
          certifiedRef.current = { key, certified };
          setCertifiedState({ status: 'done', key, certified, computeMs: certifiedReply.computeMs });
          draw();
        });
      });
    },
    [draw],
  );

  const scheduleWindows = useCallback(
    (target: ExplorerProblem): void => {
      window.clearTimeout(windowsTimerRef.current);
      const key = problemKey(target);
      if (windowsRef.current?.key === key && certifiedRef.current?.key === key) return;
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
      // but never over the newest once that is on screen (drawn from the atlas while it was computed),
      // and never while the controls hold an invalid value (nothing is submitted then).
      const newest = latestKeyRef.current;
      if (newest === null) return;
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
      if (request.withPlan) setPlanState({ plan: result.plan, error: result.planError, key: settingsKeyOf(request) });
      setLog10Alpha(request.log10Alpha);
      const measured = windowsRef.current;
      setWindowsState((previous) =>
        measured?.key === key
          ? { status: 'done', key, windows: measured.windows, computeMs: measured.computeMs }
          : previous.status === 'idle'
            ? previous
            : { status: 'idle' },
      );
      const proved = certifiedRef.current;
      setCertifiedState((previous) =>
        proved?.key === key ? { status: 'done', key, certified: proved.certified, computeMs: 0 } : previous.status === 'idle' ? previous : { status: 'idle' },
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
    const windowsJob = new RestartableJob<WindowsRequest, WindowsReply>(
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
  useEffect(() => {
    const channel = channelRef.current;
    atlasRef.current = null;
    channel?.setIdleWork(null);
    delete rootRef.current?.dataset.atlas;
    delete rootRef.current?.dataset.atlasMs;
    if (settings === null) {
      // Invalid input: nothing on screen may belong to the last valid settings.
      latestKeyRef.current = null;
      window.clearTimeout(windowsTimerRef.current);
      windowsJobRef.current?.cancel();
      drawnRef.current = null;
      windowsRef.current = null;
      certifiedRef.current = null;
      clearPlot(plotRef.current);
      setPlanState(NO_PLAN);
      setWindowsState({ status: 'idle' });
      setCertifiedState({ status: 'idle' });
      setTimings(null);
      setCurvesError(null);
      return;
    }
    horizonRef.current = horizon;
    submit({ ...settings, log10Alpha: alphaRef.current }, takeStart());
    // Where a coarse pass comes first (Gaussian, n > 12), precompute it for every slider position.
    const fullTimes = quadraticTimes(horizon, timePoints);
    const passesAt = (log10Alpha: number): CurvesRequest[] =>
      curvePasses({ ...settings, log10Alpha }, fullTimes, (count) => quadraticTimes(horizon, count));
    if (channel === null || passesAt(alphaRef.current).length === 1) return;
    const atlas = new CoarseAtlas((log10Alpha) => passesAt(log10Alpha)[0], { min: alphaMin, max: alphaMax, step: alphaStep });
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
  }, [settingsKey, horizon, submit, timePoints, alphaMin, alphaMax, alphaStep, takeStart]);

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

  const planPending = settingsKey !== null && planState.key !== settingsKey;
  return { rootRef, plotRef, onSlider, edited, log10Alpha, planState, planPending, curvesError, timings, windowsState, certifiedState };
}
