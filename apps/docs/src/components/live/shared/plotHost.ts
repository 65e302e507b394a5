/**
 * Imperative mounting of Observable Plot figures. The live components draw outside React's
 * render cycle: a worker reply goes straight to the DOM, which saves a scheduler hop on the
 * slider's latency path, and the figure never takes part in React reconciliation.
 */
import * as Plot from '@observablehq/plot';
import { type RefObject, useEffect } from 'react';

/** Width used before layout (and during SSR, where nothing is drawn). */
const DEFAULT_PLOT_WIDTH = 640;

/**
 * Replaces the container's figure(s) and records the fingerprint of the plotted numbers in
 * `data-series`, in the same task, so an observer never sees a new figure with an old fingerprint.
 */
export function mountPlot(container: HTMLElement, options: Plot.PlotOptions | readonly Plot.PlotOptions[], checksum: string): void {
  const list = Array.isArray(options) ? options : [options];
  container.replaceChildren(...list.map((figure: Plot.PlotOptions) => Plot.plot(figure)));
  container.dataset.series = checksum;
}

/** Removes the figure and its fingerprint: an invalid input must not leave a stale plot on screen. */
export function clearPlot(container: HTMLElement | null): void {
  if (container === null) return;
  container.replaceChildren();
  delete container.dataset.series;
}

/**
 * Last known width per container. Reading clientWidth on every draw would force a synchronous
 * layout of the whole page on the slider's latency path; the ResizeObserver keeps this current.
 */
const knownWidths = new WeakMap<HTMLElement, number>();

/** Inner width of the container, or the default when it is not laid out yet. */
export function plotWidth(container: HTMLElement | null): number {
  if (container === null) return DEFAULT_PLOT_WIDTH;
  let width = knownWidths.get(container);
  if (width === undefined) {
    width = container.clientWidth;
    if (width > 0) knownWidths.set(container, width);
  }
  return width > 0 ? Math.floor(width) : DEFAULT_PLOT_WIDTH;
}

/**
 * Calls `redraw` when the container's width changes by more than a few pixels (not on the
 * initial observation), at most once per frame. Returns the unsubscribe function.
 */
function observeWidth(container: HTMLElement, redraw: () => void): () => void {
  let lastWidth = container.clientWidth;
  let frame = 0;
  const observer = new ResizeObserver((entries) => {
    const width = entries[entries.length - 1].contentRect.width;
    if (width > 0) knownWidths.set(container, width);
    if (Math.abs(width - lastWidth) < 4) return;
    lastWidth = width;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(redraw);
  });
  observer.observe(container);
  return () => {
    cancelAnimationFrame(frame);
    observer.disconnect();
  };
}

/** Redraws the figure in `containerRef` when its width changes (see observeWidth), from mount to unmount. */
export function useRedrawOnResize(containerRef: RefObject<HTMLElement | null>, redraw: () => void): void {
  useEffect(() => {
    const container = containerRef.current;
    return container ? observeWidth(container, redraw) : undefined;
  }, [containerRef, redraw]);
}

/** Writes the interaction timings on a component root (`data-latency-ms`, `data-compute-ms`). */
export function markTimings(root: HTMLElement | null, latencyMs: number, computeMs: number): void {
  if (root === null) return;
  root.dataset.latencyMs = latencyMs.toFixed(2);
  root.dataset.computeMs = computeMs.toFixed(2);
}
