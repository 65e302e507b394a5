import React, { useCallback, useEffect, useRef, useState } from 'react';

import { TableHead } from '../../TableHead';
import { LiveExample } from '../shared/LiveExample';
import { LogSlider, NumberField, PerformanceDetails, formatMs } from '../shared/controls';
import type { Delivery } from '../shared/latestOnlyChannel';
import styles from '../shared/live.module.css';
import { clearPlot, markTimings, mountPlot, plotWidth, useRedrawOnResize } from '../shared/plotHost';
import { positiveError, seedError } from '../shared/problems';
import { useLatestOnlyWorker } from '../shared/useLatestOnlyWorker';
import readoutStyles from './udvSpectra.module.css';
import { type ModelTrace, type UdvRequest, type UdvResult, type UdvSettings, dataMatchedRadius, settingsKey } from './udvSpectraCompute';
import { FACET_LABELS, udvSpectraFigure } from './udvSpectraFigure';

interface UdvSpectraProps {
  /** X* is n x n (default 20). */
  readonly n?: number;
  /** rank(X*) (default 2). */
  readonly rank?: number;
  /** Observed unordered pairs (default 120). */
  readonly observed?: number;
  /** Initial seed (default 3). */
  readonly defaultSeed?: number;
  /** Initial radius a (default ||X*||_F^{1/3} = n^{1/3}). */
  readonly defaultRadius?: number;
  /** Initial step size (default 1e-3). */
  readonly defaultEta?: number;
  /** Initial log10 xi (default -2). */
  readonly defaultLog10Xi?: number;
  /** Chunks of training (default 40), each posted and drawn as it finishes. */
  readonly chunks?: number;
  /** Iterations per chunk (default 250). */
  readonly chunkIterations?: number;
}

/** Three significant digits, or an exponent outside [0.01, 1000). */
function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  return Math.abs(value) >= 1e3 || Math.abs(value) < 1e-2 ? value.toExponential(1) : value.toPrecision(3);
}

/** The last column holds a divergence note, when there is one. */
const READOUT_COLUMNS = ['model', 'iteration', 'rank at 10⁻¹⁰ (true)', 'zeros in d', 'dead columns', 'test error', 'f / f(0)', ''];

const RADIUS_RANGE: readonly [number, number] = [-0.5, 1.5];
const XI_RANGE: readonly [number, number] = [-6, 0];

/**
 * The U D V^T model (Hou, Sra & Yurtsever 2025) and Burer-Monteiro side by side on a seeded
 * n x n symmetric PSD completion problem of rank `rank` with `observed` observed pairs: both are
 * trained in the worker (udvSpectra.worker.ts) for `chunks` x `chunkIterations` steps, and after
 * every chunk the singular values of X are plotted over the iterations, with the rank at 1e-10,
 * the exact zeros in d and the test error of the latest iterate.
 */
export default function UdvSpectra(props: UdvSpectraProps): React.JSX.Element {
  const { n = 20, rank = 2, observed = 120, defaultSeed = 3, defaultEta = 1e-3, defaultLog10Xi = -2, chunks = 40, chunkIterations = 250 } = props;
  const dataRadius = dataMatchedRadius(n);
  const [seedText, setSeedText] = useState(String(defaultSeed));
  const [etaText, setEtaText] = useState(String(defaultEta));
  const [log10Radius, setLog10Radius] = useState(Math.log10(props.defaultRadius ?? dataRadius));
  const [log10Xi, setLog10Xi] = useState(defaultLog10Xi);
  const [result, setResult] = useState<UdvResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const rootRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const drawnRef = useRef<UdvResult | null>(null);

  const draw = useCallback((): void => {
    const container = plotRef.current;
    const drawn = drawnRef.current;
    if (container === null || drawn === null) return;
    const { options, checksum } = udvSpectraFigure({ n: drawn.n, traces: drawn.traces, horizon: drawn.chunks * chunkIterations, width: plotWidth(container) });
    mountPlot(container, options, checksum);
  }, [chunkIterations]);

  const channelRef = useLatestOnlyWorker<UdvRequest, UdvResult>(
    () => new Worker(new URL('./udvSpectra.worker.ts', import.meta.url)),
    (delivery: Delivery<UdvRequest, UdvResult>) => {
      const root = rootRef.current;
      // Chunks of valid settings that were edited into invalid ones since are dropped.
      if (latestKeyRef.current === null) return;
      if (delivery.result === null) {
        setError(delivery.error);
        if (root) root.dataset.done = 'error';
        return;
      }
      drawnRef.current = delivery.result;
      draw();
      if (root) {
        root.dataset.chunk = String(delivery.result.chunk);
        root.dataset.key = settingsKey(delivery.request);
        root.dataset.done = delivery.finalPass && !delivery.superseded ? 'true' : 'false';
        const chunkMs = delivery.result.chunkMs;
        root.dataset.chunkMs = Array.from(chunkMs, (ms) => ms.toFixed(2)).join(',');
      }
      markTimings(root, performance.now() - delivery.startedAt, delivery.computeMs);
      setError(null);
      setResult(delivery.result);
    },
  );

  const seed = Number(seedText);
  const eta = Number(etaText);
  const inputError = seedError(seed) ?? positiveError(eta, 'η', defaultEta);
  const settings: UdvSettings | null =
    inputError === null ? { n, rank, observed, seed, radius: 10 ** log10Radius, eta, xi: 10 ** log10Xi, chunks, chunkIterations } : null;
  const key = settings ? settingsKey(settings) : null;
  const latestKeyRef = useRef<string | null>(key);
  latestKeyRef.current = key;

  useEffect(() => {
    if (settings === null) {
      // Invalid input: nothing on screen may belong to the last valid settings.
      drawnRef.current = null;
      clearPlot(plotRef.current);
      setResult(null);
      setError(null);
      return;
    }
    if (rootRef.current) rootRef.current.dataset.done = 'false';
    const passes = Array.from({ length: chunks }, (_, j) => ({ ...settings, chunk: j + 1 }));
    channelRef.current?.submit(passes, performance.now());
    // `key` stands for `settings`, a new object on every render.
  }, [key, channelRef]);

  useRedrawOnResize(plotRef, draw);

  const chunkMs = result ? Array.from(result.chunkMs) : [];
  const meanChunkMs = chunkMs.length > 0 ? chunkMs.reduce((sum, value) => sum + value, 0) / chunkMs.length : null;
  const row = (trace: ModelTrace): React.JSX.Element => (
    <tr key={trace.model} data-model={trace.model} data-rank={trace.rank} data-zeros={trace.zeros ?? ''}>
      <td>{FACET_LABELS[trace.model]}</td>
      <td className={styles.readout}>{trace.iterations[trace.iterations.length - 1]}</td>
      <td className={styles.readout}>
        {trace.rank} <span className={styles.detail}>({result?.truthRank})</span>
      </td>
      <td className={styles.readout}>{trace.zeros ?? '—'}</td>
      <td className={styles.readout}>{trace.deadColumns ?? '—'}</td>
      <td className={styles.readout}>{formatNumber(trace.testError)}</td>
      <td className={styles.readout}>{formatNumber(trace.relativeLoss)}</td>
      <td>{trace.divergedAt === null ? '' : `diverged at step ${trace.divergedAt}`}</td>
    </tr>
  );

  const controls = (
    <>
      <NumberField label="seed" value={seedText} min={0} step={1} testId="seed" onChange={setSeedText} />
      <LogSlider
        label="radius a"
        readout={formatNumber(10 ** log10Radius)}
        value={log10Radius}
        defaultValue={log10Radius}
        range={RADIUS_RANGE}
        step={0.01}
        marker={Math.log10(dataRadius)}
        testId="radius-slider"
        onInput={setLog10Radius}
      />
      <button type="button" className="button button--sm button--secondary" data-testid="data-radius" onClick={() => setLog10Radius(Math.log10(dataRadius))}>
        a = ‖X*‖<sub>F</sub>
        <sup>1/3</sup> = {dataRadius.toFixed(2)}
      </button>
      <NumberField label="η" value={etaText} min={0} step={0.001} testId="eta" onChange={setEtaText} />
      <LogSlider label="ξ" readout={formatNumber(10 ** log10Xi)} value={log10Xi} defaultValue={log10Xi} range={XI_RANGE} step={0.1} testId="xi-slider" onInput={setLog10Xi} />
    </>
  );

  return (
    <LiveExample name="udv-spectra" rootRef={rootRef} plotRef={plotRef} errors={[inputError, error]} controls={controls}>
      <p className={styles.meta}>
        {n} × {n} symmetric PSD X* of rank {rank}, ‖X*‖<sub>F</sub> = {n}, {observed} observed pairs (seed s); both models start from ξ·N(0, 1) factors
        (seed s + 1; d₀ = 1) and run {chunks} chunks of {chunkIterations} steps with no early stop. Dashed: the rank threshold 10⁻¹⁰ σ₁. A log axis
        cannot show a zero: values below 10⁻¹⁶ σ₁, exact zeros included, are drawn on the dotted floor 10⁻¹⁶ σ₁.
      </p>
      <div className={readoutStyles.scroller}>
        <table className={readoutStyles.readout} data-testid="udv-readout">
          <TableHead columns={READOUT_COLUMNS} />
          <tbody>{result ? result.traces.map(row) : null}</tbody>
        </table>
      </div>
      <p className={styles.meta}>
        chunk {result?.chunk ?? 0} of {chunks}
      </p>
      <PerformanceDetails>
        <p className={styles.meta} data-testid="timings">
          worker time per chunk (both models, {chunkIterations} steps each, and two SVDs): mean {formatMs(meanChunkMs)}, last{' '}
          {formatMs(chunkMs.length > 0 ? chunkMs[chunkMs.length - 1] : null)}
        </p>
      </PerformanceDetails>
    </LiveExample>
  );
}
