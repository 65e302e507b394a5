/** Progress of a verification run on stderr, in verify's words, by the harness's reporter. */
import { type ProgressStream, progressReporter as harnessReporter } from '@factorflow/harness';

/**
 * A `(done, total)` callback for `runSuites` that reports to `stream`: a bar on a terminal,
 * otherwise a line `verify: done/total instances` at each quarter.
 */
export function progressReporter(stream: ProgressStream): (done: number, total: number) => void {
  return harnessReporter(stream, { label: 'verify', unit: 'instances' });
}
