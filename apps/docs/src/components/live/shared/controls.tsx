/** Small presentational pieces shared by the live examples. */
import type { Hypothesis } from '@factorflow/core';
import React, { type ReactNode, useEffect, useId, useRef } from 'react';

import TeX from '../../paper/TeX';
import { hypothesisTeX } from './hypothesisTeX';
import styles from './live.module.css';
import { formatAlpha } from './problems';

interface LogSliderProps {
  /** Range of the slider, in log10 units. */
  readonly range: readonly [number, number];
  readonly step: number;
  readonly defaultValue: number;
  /** Called on every `input` event with the value and performance.now() taken first thing in the handler. */
  readonly onInput: (log10Value: number, startedAt: number) => void;
  /** log10 of a value to mark on the track (e.g. alpha_max), if it lies in range. */
  readonly marker?: number | null;
  /** What the slider sets, shown as "label = readout", then `detail`. */
  readonly label: ReactNode;
  readonly readout: ReactNode;
  readonly detail?: ReactNode;
  /** The input's data-testid. */
  readonly testId: string;
  /** When given, the slider follows it (a caller that resets the value), beyond `defaultValue`. */
  readonly value?: number;
}

/**
 * A slider over the log10 of a quantity. It listens to the native `input` event rather than
 * React's onChange: React skips onChange when a script sets `value` and dispatches `input` (its
 * value tracker sees no change), and the latency clock should start at the event, not at React's
 * re-render.
 */
export function LogSlider(props: LogSliderProps): React.JSX.Element {
  const { range, step, defaultValue, marker, label, readout, detail, value } = props;
  const [min, max] = range;
  const inputRef = useRef<HTMLInputElement>(null);
  const onInputRef = useRef(props.onInput);
  onInputRef.current = props.onInput;
  const listId = useId();

  useEffect(() => {
    const input = inputRef.current;
    if (input === null) return undefined;
    const handle = (): void => {
      const startedAt = performance.now();
      const value = Number(input.value);
      if (Number.isFinite(value)) onInputRef.current(value, startedAt);
    };
    input.addEventListener('input', handle);
    return () => input.removeEventListener('input', handle);
  }, []);
  useEffect(() => {
    const input = inputRef.current;
    if (input !== null && value !== undefined && Math.abs(Number(input.value) - value) > step / 2) input.value = String(value);
  }, [value, step]);

  const showMarker = marker !== null && marker !== undefined && marker >= min && marker <= max;
  return (
    <label className={styles.control}>
      <span>
        {label} = <span className={styles.readout}>{readout}</span>
        {detail}
      </span>
      <input
        ref={inputRef}
        type="range"
        data-testid={props.testId}
        min={min}
        max={max}
        step={step}
        defaultValue={defaultValue}
        list={showMarker ? listId : undefined}
        className={styles.slider}
      />
      {showMarker ? (
        <datalist id={listId}>
          <option value={marker} />
        </datalist>
      ) : null}
    </label>
  );
}

/** Step of every alpha slider, in log10 units: 221 positions over the usual [-12, -1]. */
export const ALPHA_STEP = 0.05;

interface AlphaSliderProps {
  readonly range: readonly [number, number];
  readonly defaultValue: number;
  /** log10 of the alpha on screen, which the readout shows (it follows the plot, not the thumb). */
  readonly log10Alpha: number;
  readonly onInput: (log10Alpha: number, startedAt: number) => void;
  /** What alpha scales (default just "α"). */
  readonly label?: ReactNode;
  readonly marker?: number | null;
  readonly detail?: ReactNode;
}

/** The log10 alpha slider of the gradient-flow examples, read out as alpha. */
export function AlphaSlider({ label = 'α', log10Alpha, ...rest }: AlphaSliderProps): React.JSX.Element {
  return <LogSlider step={ALPHA_STEP} label={label} readout={formatAlpha(log10Alpha)} testId="alpha-slider" {...rest} />;
}

/**
 * The hypotheses of a theorem plan, each marked ok or violated and rendered by KaTeX. The
 * planner's numbers behind each verdict (core's ASCII detail) are on hover.
 */
export function HypothesisList({ hypotheses, theorem }: { readonly hypotheses: readonly Hypothesis[]; readonly theorem: 3 | 4 }): React.JSX.Element {
  return (
    <ul className={styles.hypotheses} data-testid="hypotheses">
      {hypotheses.map((hypothesis) => (
        <li key={hypothesis.name} title={hypothesis.detail} data-hypothesis={hypothesis.name} data-holds={hypothesis.holds}>
          <span className={hypothesis.holds ? styles.ok : styles.violated}>{hypothesis.holds ? 'ok' : 'violated'}</span>{' '}
          <TeX math={hypothesisTeX(hypothesis, theorem)} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Developer timings, kept out of the reading flow: a closed disclosure, opened on demand. The
 * numbers stay in the DOM (and on the root's data attributes), so the browser tests still read them.
 */
export function PerformanceDetails({ children }: { readonly children: ReactNode }): React.JSX.Element {
  return (
    <details className={styles.performance} data-testid="performance">
      <summary>Performance</summary>
      {children}
    </details>
  );
}

/** One legend entry: a swatch (styled by the caller) and its text. */
export function LegendItem({ swatch, children }: { readonly swatch: React.CSSProperties; readonly children: ReactNode }): React.JSX.Element {
  return (
    <li>
      <span className={styles.swatch} style={swatch} aria-hidden="true" />
      {children}
    </li>
  );
}

/** "12.3 ms", or an em dash before the first measurement. */
export function formatMs(ms: number | null): string {
  return ms === null ? '—' : `${ms.toFixed(1)} ms`;
}

interface NumberFieldProps {
  readonly label: ReactNode;
  readonly value: string;
  readonly step: number;
  readonly min?: number;
  readonly max?: number;
  readonly testId: string;
  /** The raw text: the caller parses and validates it, so a half-typed number is not lost. */
  readonly onChange: (text: string) => void;
}

/** A labelled number input, the shape every live example uses for n, r, seed, epsilon and eta. */
export function NumberField({ label, value, step, min, max, testId, onChange }: NumberFieldProps): React.JSX.Element {
  return (
    <label className={styles.control}>
      <span>{label}</span>
      <input type="number" value={value} min={min} max={max} step={step} data-testid={testId} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}

interface SelectFieldProps {
  readonly label: ReactNode;
  readonly value: string | number;
  readonly options: readonly { readonly value: string | number; readonly label: ReactNode }[];
  readonly testId: string;
  readonly onChange: (value: string) => void;
}

/** A labelled drop-down, laid out like NumberField. */
export function SelectField({ label, value, options, testId, onChange }: SelectFieldProps): React.JSX.Element {
  return (
    <label className={styles.control}>
      <span>{label}</span>
      <select value={value} data-testid={testId} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const INIT_SHAPES = [
  { value: 'spectral', label: 'spectral (Theorem 3)' },
  { value: 'gaussian', label: 'gaussian (Theorem 4)' },
];

/** The shape of U0bar: spectral (aligned with Y, Theorem 3) or Gaussian (Theorem 4). */
export function InitShapeField({ value, onChange }: { value: 'spectral' | 'gaussian'; onChange: (shape: 'spectral' | 'gaussian') => void }): React.JSX.Element {
  return <SelectField label="init shape" value={value} options={INIT_SHAPES} testId="init-shape" onChange={(text) => onChange(text === 'gaussian' ? 'gaussian' : 'spectral')} />;
}

/** The integers from..to as options, each labelled with itself unless `label` says otherwise. */
export function integerOptions(from: number, to: number, label: (value: number) => ReactNode = (value) => value): { value: number; label: ReactNode }[] {
  return Array.from({ length: to - from + 1 }, (_, i) => ({ value: from + i, label: label(from + i) }));
}

/** Latency of the plot on screen: from the input event to the figure in the DOM, and the worker's share. */
export function LatencyLine({ timing }: { readonly timing: { readonly latencyMs: number; readonly computeMs: number } | null }): React.JSX.Element {
  return (
    <p className={styles.meta} data-testid="timings">
      input → plot: {formatMs(timing?.latencyMs ?? null)} (worker compute {formatMs(timing?.computeMs ?? null)})
    </p>
  );
}
