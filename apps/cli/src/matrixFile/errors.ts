/**
 * The error every matrix-file reader throws, and the helpers its messages share. Each format
 * module reports through a {@link Fail} bound to the file and the option, so a message always
 * reads `<argument> <file>: <problem>`.
 */

/**
 * What was wrong with a matrix file, as a stable machine-readable tag.
 *
 * - `missing`: no file at that path.
 * - `unreadable`: the path exists but cannot be read (a directory, no permission, I/O error).
 * - `unwritable`: an `--out` file that cannot be written (no permission, a directory, a full disk).
 * - `empty`: no entries (an empty or blank file, only comments or a header, `[]`, a first row with
 *   no entries, an array or Matrix Market size with a zero dimension).
 * - `invalid-json`: the content starts like JSON (`[` or `{`) but is not valid JSON.
 * - `invalid-npy`: a `.npy` file with a malformed header, an unknown format version, or fewer or
 *   more data bytes than its shape needs.
 * - `invalid-mtx`: a Matrix Market file with a malformed banner, size line or entry, an index out
 *   of range, an entry given twice, or another number of entries than the size line announces.
 * - `unsupported-type`: a well-formed file that does not hold a real matrix: a complex, boolean,
 *   string, object, structured, datetime or long-double `.npy` dtype; a complex or hermitian Matrix
 *   Market file; an `.npz` archive, a pickle or another binary file.
 * - `not-a-matrix`: valid JSON that is not an array of arrays, or a `.npy` array that is not 2-D.
 * - `ragged`: rows of different lengths (in CSV, also a header of another length than the rows).
 * - `not-a-number`: an entry that is not a number (text, `null`, an empty CSV field, a nested array).
 * - `not-finite`: an entry that is NaN, infinite, or too large for a double.
 * - `not-exact`: an integer entry (an `int64`/`uint64` `.npy` array, a Matrix Market `integer`
 *   file) beyond 2^53 that a double cannot hold exactly.
 * - `ambiguous-header`: CSV whose first row is `0,1,...,m-1` above rows of decimals: pandas' default
 *   column labels (`df.to_csv(path, index=False)`) or data; the message says how to tell.
 * - `ambiguous-index`: CSV whose header names its first column, which holds `0,1,...,n-1`: a
 *   named pandas index or data; the message says how to tell.
 */
export type MatrixFileReason =
  | 'missing'
  | 'unreadable'
  | 'unwritable'
  | 'empty'
  | 'invalid-json'
  | 'invalid-npy'
  | 'invalid-mtx'
  | 'unsupported-type'
  | 'not-a-matrix'
  | 'ragged'
  | 'not-a-number'
  | 'not-finite'
  | 'not-exact'
  | 'ambiguous-header'
  | 'ambiguous-index';

/**
 * The error {@link readMatrixFile} throws (and `--out` when a result file cannot be written). The
 * message reads `<argument> <file>: <problem>` and locates the problem (1-based row and column, the
 * line, and the offending text; for `.npy` also the 0-based numpy index); `file`, `reason` and
 * `argument` let callers branch without parsing it.
 *
 * @example
 * ```ts
 * try { readMatrixFile('Y.csv', '--Y'); }
 * catch (error) {
 *   if (error instanceof MatrixFileError && error.reason === 'missing') { ... }
 * }
 * ```
 */
export class MatrixFileError extends Error {
  override readonly name = 'MatrixFileError';

  constructor(
    /** The path as given on the command line. */
    readonly file: string,
    /** What was wrong, see {@link MatrixFileReason}. */
    readonly reason: MatrixFileReason,
    /** The option the file was given for, e.g. `--Y`. */
    readonly argument: string,
    /** The problem, without the file name (the message prepends `argument file:`). */
    readonly detail: string,
  ) {
    super(`${argument} ${file}: ${detail}`);
  }
}

/** Throws the {@link MatrixFileError} of the file being read. */
export type Fail = (reason: MatrixFileReason, detail: string) => never;

/** Whether a text field is a finite decimal number, a spelled-out non-finite value, or neither. */
export function classifyNumber(field: string): 'number' | 'non-finite' | 'invalid' {
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(field)) {
    return Number.isFinite(Number(field)) ? 'number' : 'non-finite';
  }
  return /^[+-]?(?:inf|infinity|nan)$/i.test(field) ? 'non-finite' : 'invalid';
}

/**
 * The value of a decimal entry, or the failure for a text that is not one. `where` locates the
 * entry (`entry at row 2, column 3 (line 4)`); `hint` is appended to a not-a-number message.
 */
export function decimalEntry(field: string, where: string, fail: Fail, hint = ''): number {
  const kind = classifyNumber(field);
  if (kind === 'number') return Number(field);
  if (kind === 'non-finite') {
    return fail('not-finite', `${where} is "${field}"${/^[+-]?\d|^[+-]?\./.test(field) ? ', which overflows a double' : ''}; every entry must be finite.`);
  }
  return fail('not-a-number', `${where} is "${truncate(field)}", not a number${hint}; entries must be decimal numbers such as -1.5 or 2e-3.`);
}

/**
 * The double of an integer, or `not-exact` when no double equals it: above 2^53 doubles are
 * spaced 2 or more apart, and silently rounding an integer matrix would change the input.
 */
export function exactInteger(value: bigint, where: string, fail: Fail): number {
  const double = Number(value);
  if (BigInt(double) !== value) {
    fail(
      'not-exact',
      `${where} is ${value}, which a double cannot hold exactly (the nearest is ${BigInt(double)}); ` +
        'beyond 2^53 = 9007199254740992 doubles skip integers. Convert the array to float64 first (a.astype(np.float64)) if that rounding is acceptable.',
    );
  }
  return double;
}

export function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
