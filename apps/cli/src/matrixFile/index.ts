/**
 * Reading the matrices (Y, U0) and time lists the `factorflow` CLI takes on its command line, in
 * any of the formats a numpy, pandas or scipy user has at hand. Every failure names the file (or
 * the option text) and the exact problem, so a user can fix the input without reading code.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { type ParsedOptions, UsageError } from '../options.js';
import { matrixFromCsv } from './csv.js';
import { MatrixFileError, type MatrixFileReason } from './errors.js';
import { matrixFromJson } from './json.js';
import { isMatrixMarket, matrixFromMtx } from './mtx.js';
import { isNpy, matrixFromNpy } from './npy.js';

export { type NumberTable, encodeCsv } from './csv.js';
export { MatrixFileError, type MatrixFileReason } from './errors.js';
export { type NumberArray, encodeNpy } from './npy.js';
export { TimesFormatError, parseTimes } from './times.js';

/** The path that means standard input. */
const STDIN = '-';

/** What the formats are, for messages. */
const FORMATS = 'a .npy file, Matrix Market, a JSON array of rows, or CSV';

/**
 * Reads a matrix (an array of rows) from a file in one of four formats, told apart by content
 * (not by extension), so standard input can hold any of them:
 *
 * - `.npy` (np.save), when the file starts with the magic bytes `\x93NUMPY`: a 2-D array of a real
 *   dtype (float16/32/64, int8-64, uint8-64, either byte order, C or Fortran order), versions 1.0,
 *   2.0 and 3.0.
 * - Matrix Market (scipy.io.mmwrite), when the first line is a `%%MatrixMarket` banner: `array` or
 *   `coordinate`, `real`, `integer` or `pattern`, `general`, `symmetric` or `skew-symmetric`.
 * - JSON, when the first non-blank character is `[` or `{`: an array of rows of numbers,
 *   `[[1, 2], [3, 4]]`.
 * - CSV otherwise: one row per line, entries separated by commas, tabs or spaces; `#` comment
 *   lines and blank lines are ignored; a header row and an index column as pandas writes them
 *   (`df.to_csv(path)`) are recognized, by the rule of `matrixFromCsv` (a row of numbers is never
 *   taken for a header).
 *
 * The matrix must be non-empty, rectangular and finite; integers must be exact in a double. It is
 * returned as read: symmetry, shape and PSD-ness are checked by `@factorflow/core` where the
 * mathematics needs them (Y symmetric PSD and U0 n x r in Min & Vidal 2025, eqs. (1)-(2)).
 *
 * Rows and columns in messages are 1-based, as in a spreadsheet (`.npy` messages add the 0-based
 * numpy index).
 *
 * @param path - file path (relative paths resolve against the working directory), or `-` for
 *   standard input.
 * @param argument - the option the path was given for (e.g. `--Y`), used in messages.
 * @returns the rows of the matrix.
 * @throws MatrixFileError with a `reason` of {@link MatrixFileReason}: where the file could not be
 *   read, the location and text of a bad entry, or what the file holds instead of a real matrix.
 * @example
 * ```ts
 * // Y.npy: np.save('Y.npy', np.array([[2., 1.], [1., 2.]]))      U0.csv: "# shape\n1, 0\n0, 1\n"
 * readMatrixFile('Y.npy', '--Y');  // [[2, 1], [1, 2]]
 * readMatrixFile('U0.csv', '--U0'); // [[1, 0], [0, 1]]
 * ```
 */
export function readMatrixFile(path: string, argument: string): number[][] {
  const fail = (reason: MatrixFileReason, detail: string): never => {
    throw new MatrixFileError(path, reason, argument, detail);
  };
  let bytes: Buffer;
  try {
    // '-' is standard input, as for most Unix tools: `python make_y.py | factorflow plan --Y - ...`.
    bytes = readFileSync(path === STDIN ? 0 : path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('missing', `file not found (looked for ${resolve(path)}).`);
    if (code === 'EISDIR') return fail('unreadable', 'is a directory, not a file.');
    if (code === 'EACCES' || code === 'EPERM') return fail('unreadable', 'permission denied; the file cannot be read.');
    return fail('unreadable', `cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (isNpy(bytes)) return matrixFromNpy(bytes, fail);
  const binary = binaryKind(bytes);
  if (binary !== null) return fail('unsupported-type', `is ${binary}, not a matrix file; expected ${FORMATS}.`);
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail('empty', `the file is empty; expected ${FORMATS}.`);
  if (isMatrixMarket(text)) return matrixFromMtx(text, fail);
  const first = text.trimStart()[0];
  if (first === '%') {
    return fail('invalid-mtx', 'starts with % but its first line is not a Matrix Market banner such as "%%MatrixMarket matrix array real general".');
  }
  return first === '[' || first === '{' ? matrixFromJson(text, fail) : matrixFromCsv(text, fail);
}

/**
 * What a binary file that is not `.npy` probably is, or null for text. Python users reach for
 * np.savez and pickle as often as np.save; naming them says what to do instead.
 */
function binaryKind(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return 'a zip archive (an .npz from np.savez?); save one array per file with np.save(path, array)';
  }
  if (bytes[0] === 0x80 && bytes[1] >= 2 && bytes[1] <= 5) return 'a Python pickle; save the array with np.save(path, array) instead';
  return bytes.subarray(0, 4096).includes(0) ? 'a binary file' : null;
}

/**
 * The target and the initial factor of `plan` and `trajectory`, from `--Y FILE` and `--U0 FILE`,
 * read in that order (so a problem with both is reported for Y); one of them may be `-`, standard input.
 *
 * @throws MatrixFileError as {@link readMatrixFile}; UsageError when both are `-`.
 */
export function readYAndU0(options: ParsedOptions<'Y' | 'U0'>): { Y: number[][]; U0: number[][] } {
  const [Y, U0] = [options.required('Y'), options.required('U0')];
  if (Y === STDIN && U0 === STDIN) throw new UsageError("--Y and --U0 cannot both be '-': standard input holds one matrix; give the other as a file.");
  return { Y: readMatrixFile(Y, '--Y'), U0: readMatrixFile(U0, '--U0') };
}
