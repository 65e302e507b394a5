/**
 * The submission cycle of an example driven by one slider. The slider submits inside its input
 * event, with no React state change there, so a re-render never delays the worker; any other
 * control gives a new `submit`, which resubmits at the slider's current value, timed from the edit.
 */
import { useCallback, useEffect, useRef } from 'react';

import { useEditClock } from './useEditClock';

type Submit = (log10Alpha: number, startedAt: number) => void;

/** Returns the slider's input handler and `edited`, the wrapper for the setters of the other controls. */
export function useSliderSubmissions(
  defaultLog10Alpha: number,
  submit: Submit,
): { onSlider: Submit; edited: ReturnType<typeof useEditClock>['edited'] } {
  const alphaRef = useRef(defaultLog10Alpha);
  const { edited, takeStart } = useEditClock();

  useEffect(() => {
    submit(alphaRef.current, takeStart());
  }, [submit, takeStart]);

  const onSlider = useCallback(
    (value: number, startedAt: number): void => {
      alphaRef.current = value;
      // The label follows when the plot does.
      submit(value, startedAt);
    },
    [submit],
  );
  return { onSlider, edited };
}
