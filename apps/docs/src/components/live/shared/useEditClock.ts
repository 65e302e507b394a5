/**
 * The latency clock of edits other than the slider. A changed control re-renders before the
 * effect that resubmits runs, so the effect alone would start the clock too late: the change
 * stamps the time, and the resubmission takes that stamp as its start.
 */
import { useMemo, useRef } from 'react';

interface EditClock {
  /** Wraps a setter so that calling it stamps the time first. */
  edited<Value>(set: (value: Value) => void): (value: Value) => void;
  /** The stamp of the last edit, or now when there was none; clears the stamp. */
  takeStart(): number;
}

export function useEditClock(): EditClock {
  const startedRef = useRef(0);
  return useMemo(
    () => ({
      edited:
        <Value,>(set: (value: Value) => void) =>
        (value: Value): void => {
          startedRef.current = performance.now();
          set(value);
        },
      takeStart: (): number => {
        const started = startedRef.current || performance.now();
        startedRef.current = 0;
        return started;
      },
    }),
    [],
  );
}
