/**
 * Progress of a long run on a stream (stderr, usually): a bar redrawn in place on a terminal,
 * and a plain line at each quarter otherwise, since CI logs and pipes keep every line they get.
 */

/** The part of a writable stream the reporter needs (`process.stderr` has it). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** What the progress lines say. */
export interface ProgressOptions {
  /** Starts each plain line, e.g. the command's name: `verify: 10/40 instances`. */
  readonly label: string;
  /** What is counted, e.g. `instances`. */
  readonly unit: string;
}

import { InputError, requireCallback, requireIntegerIn, requireRecord, requireText } from './validate.js';

const BAR_WIDTH = 30;

/**
 * A `(done, total)` callback that reports progress to `stream`.
 *
 * @param stream - where to write; a terminal (`isTTY`) gets the bar.
 * @param options - the label of the plain lines and the unit counted.
 * @returns the callback, to call after each piece of work with the counts so far (integers,
 *   0 <= done <= total, total >= 1; it throws an InputError otherwise).
 * @throws InputError when `stream` has no `write` or `options` no string label and unit.
 * @example
 * ```ts
 * const report = progressReporter(process.stderr, { label: 'verify', unit: 'instances' });
 * report(10, 40); // a bar on a terminal, else "verify: 10/40 instances"
 * ```
 */
export function progressReporter(stream: ProgressStream, options: ProgressOptions): (done: number, total: number) => void {
  requireCallback(requireRecord(stream, 'stream', '{ write, isTTY? }').write, 'stream.write', '(text: string) => unknown');
  if (stream.isTTY !== undefined && typeof stream.isTTY !== 'boolean') throw new InputError('out-of-range', 'stream.isTTY', 'must be true, false or absent.');
  const { label, unit } = requireRecord(options, 'options', '{ label, unit }');
  requireText(label, 'label');
  requireText(unit, 'unit');
  let lastQuarter = -1;
  return (done, total) => {
    requireIntegerIn(total, 'total', 1, Number.MAX_SAFE_INTEGER);
    requireIntegerIn(done, 'done', 0, total);
    if (stream.isTTY === true) {
      const filled = Math.round((BAR_WIDTH * done) / total);
      stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${options.unit}`);
      if (done === total) stream.write('\n');
      return;
    }
    const quarter = Math.floor((4 * done) / total);
    if (quarter > lastQuarter) {
      lastQuarter = quarter;
      stream.write(`${options.label}: ${done}/${total} ${options.unit}\n`);
    }
  };
}
