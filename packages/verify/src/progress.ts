/**
 * Progress of a verification run on stderr: a bar redrawn in place on a terminal, and a plain
 * line at each quarter otherwise (CI logs and pipes keep every line they receive).
 */

/** The part of a writable stream the reporter needs. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

const BAR_WIDTH = 30;

/** A `(done, total)` callback for `runSuites` that reports to `stream`. */
export function progressReporter(stream: ProgressStream): (done: number, total: number) => void {
  let lastQuarter = -1;
  return (done, total) => {
    if (stream.isTTY === true) {
      const filled = Math.round((BAR_WIDTH * done) / total);
      stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${done}/${total} instances`);
      if (done === total) stream.write('\n');
      return;
    }
    const quarter = Math.floor((4 * done) / total);
    if (quarter > lastQuarter) {
      lastQuarter = quarter;
      stream.write(`verify: ${done}/${total} instances\n`);
    }
  };
}
