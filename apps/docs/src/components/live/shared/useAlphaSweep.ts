/**
 * The life cycle of an example that recomputes one figure in a worker for settings from its
 * controls and alpha from its slider: submit, draw the newest reply, reset on invalid input,
 * redraw on resize, and time each reply. The route comparison and the asymmetric explorer share it;
 * each keeps its own controls and readout.
 */
import type * as Plot from '@observablehq/plot';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

import type { Delivery } from './latestOnlyChannel';
import { clearPlot, markTimings, mountPlot, plotWidth, useRedrawOnResize } from './plotHost';
import { useLatestOnlyWorker } from './useLatestOnlyWorker';
import { useSliderSubmissions } from './useSliderSubmissions';

type Request<Settings> = Settings & { readonly log10Alpha: number };

export interface AlphaSweepOptions<Settings extends object, Result, Readout> {
  readonly defaultLog10Alpha: number;
  /** Called once, in the browser. */
  readonly createWorker: () => Worker;
  /** The figure of a reply at a container width. */
  readonly figure: (result: Result, width: number) => { options: Plot.PlotOptions | readonly Plot.PlotOptions[]; checksum: string };
  /** The controls' settings, or null while an input is invalid (then nothing of the last reply stays on screen). */
  readonly settings: Settings | null;
  /** What the example prints under the figure for a reply. */
  readonly readout: (result: Result, request: Request<Settings>) => Readout;
}

export interface AlphaSweep<Readout> {
  readonly rootRef: RefObject<HTMLDivElement | null>;
  readonly plotRef: RefObject<HTMLDivElement | null>;
  /** The alpha of the figure on screen (the slider label follows the plot, not the thumb). */
  readonly log10Alpha: number;
  readonly readout: Readout | null;
  /** The worker's error for the current settings. */
  readonly error: string | null;
  readonly timing: { latencyMs: number; computeMs: number } | null;
  readonly onSlider: (log10Alpha: number, startedAt: number) => void;
  /** Wraps a setter of a control other than the slider, so the resubmission is timed from the edit. */
  readonly edited: ReturnType<typeof useSliderSubmissions>['edited'];
}

export function useAlphaSweep<Settings extends object, Result, Readout>(options: AlphaSweepOptions<Settings, Result, Readout>): AlphaSweep<Readout> {
  const { defaultLog10Alpha, createWorker, settings } = options;
  const [log10Alpha, setLog10Alpha] = useState(defaultLog10Alpha);
  const [readout, setReadout] = useState<Readout | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [timing, setTiming] = useState<{ latencyMs: number; computeMs: number } | null>(null);

  const rootRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const lastRef = useRef<Result | null>(null);
  // Inline callbacks of the caller change on every render; the worker's reply uses the newest.
  const callbacksRef = useRef(options);
  callbacksRef.current = options;

  const draw = useCallback((): void => {
    const container = plotRef.current;
    if (container === null || lastRef.current === null) return;
    const { options: plotOptions, checksum } = callbacksRef.current.figure(lastRef.current, plotWidth(container));
    mountPlot(container, plotOptions, checksum);
  }, []);

  const settingsKey = settings ? JSON.stringify(settings) : null;
  const latestSettingsRef = useRef<string | null>(settingsKey);
  latestSettingsRef.current = settingsKey;

  const channelRef = useLatestOnlyWorker<Request<Settings>, Result>(createWorker, (delivery: Delivery<Request<Settings>, Result>) => {
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
    setReadout(callbacksRef.current.readout(delivery.result, delivery.request));
  });

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

  return { rootRef, plotRef, log10Alpha, readout, error, timing, onSlider, edited };
}
