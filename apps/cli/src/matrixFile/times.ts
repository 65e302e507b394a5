/**
 * The `--times` option of `factorflow trajectory`: a list of times or `linspace(a,b,n)`.
 */
import { FactorflowInputError } from '@factorflow/core';

import { classifyNumber, truncate } from './errors.js';

/**
 * What {@link parseTimes} threw: the text of the `--times` option was not one of the accepted
 * forms, or a time is negative or not finite. The message quotes the text and lists the forms.
 *
 * It is a `FactorflowInputError` (code `out-of-range`, argument `--times`), so a caller that
 * reports core's input errors reports this one too; `text` and `reason` give the parts.
 *
 * @example
 * ```ts
 * try { parseTimes('0..1'); } catch (error) { if (error instanceof TimesFormatError) console.error(error.message); }
 * ```
 */
export class TimesFormatError extends FactorflowInputError {
  constructor(
    /** The option text as given. */
    readonly text: string,
    /** The problem, without the accepted-forms reminder the message appends. */
    readonly reason: string,
  ) {
    super('out-of-range', '--times', `cannot read "${text}": ${reason} ${TIMES_FORMS}`);
  }
}

const TIMES_FORMS =
  'Accepted forms: a comma-separated list of times >= 0 such as "0,0.5,1", or "linspace(a,b,n)" ' +
  'for n >= 1 evenly spaced times from a to b inclusive, such as "linspace(0,10,50)".';

/** Most times `linspace` may produce: more is almost certainly a typo and would be slow to report. */
const MAX_LINSPACE = 100_000;

/**
 * Parses the `--times` option: the gradient-flow times t >= 0 at which W(t) (Min & Vidal 2025,
 * eq. (3)) is reported. Two forms are accepted:
 *
 * - a list: decimal numbers separated by commas, spaces allowed around them: `0,0.5,1`, `2`.
 * - `linspace(a,b,n)`: n >= 1 evenly spaced times from a to b inclusive (as numpy's linspace:
 *   a + (b - a) i / (n - 1) for i = 0..n-1, the last exactly b; `[a]` when n = 1), n an integer
 *   up to 100000, spaces allowed: `linspace(0, 10, 50)`.
 *
 * Times keep the given order (duplicates allowed).
 *
 * @param text - the option's text.
 * @returns the times.
 * @throws TimesFormatError (a `FactorflowInputError`) on any other form, an empty list item, a non-numeric or non-finite
 *   time, a negative time (the flow starts at t = 0), or a bad n; the message shows the accepted forms.
 * @example
 * ```ts
 * parseTimes('0,0.5,1');          // [0, 0.5, 1]
 * parseTimes('linspace(0,10,5)'); // [0, 2.5, 5, 7.5, 10]
 * ```
 */
export function parseTimes(text: string): number[] {
  const fail = (reason: string): never => {
    throw new TimesFormatError(text, reason);
  };
  const trimmed = text.trim();
  if (trimmed === '') return fail('no times given.');
  const time = (field: string, what: string): number => {
    const kind = classifyNumber(field);
    if (kind === 'invalid') return fail(`${what} "${truncate(field)}" is not a decimal number.`);
    if (kind === 'non-finite') return fail(`${what} "${field}" is not finite.`);
    const value = Number(field);
    if (value < 0) return fail(`${what} ${field} is negative; the flow starts at t = 0 and runs forward.`);
    return value;
  };
  const linspace = /^linspace\s*\((.*)\)$/i.exec(trimmed);
  if (linspace !== null) {
    const args = linspace[1].split(',').map((arg) => arg.trim());
    if (args.length !== 3) return fail(`linspace takes 3 arguments (a, b, n), got ${args.length}.`);
    const a = time(args[0], 'start a =');
    const b = time(args[1], 'end b =');
    if (!/^\d+$/.test(args[2]) || Number(args[2]) < 1 || Number(args[2]) > MAX_LINSPACE) {
      return fail(`the count n = "${truncate(args[2])}" must be an integer from 1 to ${MAX_LINSPACE}.`);
    }
    const n = Number(args[2]);
    if (n === 1) return [a];
    return Array.from({ length: n }, (_, i) => (i === n - 1 ? b : a + ((b - a) * i) / (n - 1)));
  }
  if (/^[a-z_]+\s*\(/i.test(trimmed)) return fail('unknown function; only linspace(a,b,n) is supported.');
  return trimmed.split(',').map((field, index) => {
    const item = field.trim();
    if (item === '') return fail(`item ${index + 1} of the list is empty.`);
    return time(item, `item ${index + 1},`);
  });
}
