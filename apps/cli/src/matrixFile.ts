/**
 * Reading the matrices (Y, U0) and time lists the `factorflow` CLI takes on its command line.
 * Every failure names the file (or the option text) and the exact problem, so a user can fix
 * the input without reading code.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { FactorflowInputError } from '@factorflow/core';

import { type ParsedOptions, UsageError } from './options.js';

/** The path that means standard input. */
const STDIN = '-';

/**
 * What was wrong with a matrix file, as a stable machine-readable tag.
 *
 * - `missing`: no file at that path.
 * - `unreadable`: the path exists but cannot be read (a directory, no permission, I/O error).
 * - `empty`: no rows (an empty or blank file, only comment lines, `[]`, or a first row with no entries).
 * - `invalid-json`: the content starts like JSON (`[` or `{`) but is not valid JSON.
 * - `not-a-matrix`: valid JSON that is not an array of arrays.
 * - `ragged`: rows of different lengths.
 * - `not-a-number`: an entry that is not a number (text, `null`, an empty CSV field, a nested array).
 * - `not-finite`: an entry that is NaN, infinite, or too large for a double.
 */
export type MatrixFileReason =
  | 'missing'
  | 'unreadable'
  | 'empty'
  | 'invalid-json'
  | 'not-a-matrix'
  | 'ragged'
  | 'not-a-number'
  | 'not-finite';

/**
 * The error {@link readMatrixFile} throws. The message reads
 * `<argument> <file>: <problem>` and locates the problem (1-based row and column, the CSV line or
 * the JSON line/column/character offset, and the offending text); `file`, `reason` and `argument`
 * let callers branch without parsing it.
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

/**
 * Reads a matrix (an array of rows) from a file in either of two formats, told apart by content
 * (not by extension):
 *
 * - JSON, when the first non-blank character is `[` or `{`: an array of rows of numbers,
 *   `[[1, 2], [3, 4]]`.
 * - CSV otherwise: one row per line, entries separated by commas and/or whitespace
 *   (`1, 2` or `1 2` or `1,2`); lines whose first non-blank character is `#` are comments;
 *   blank lines are ignored. Entries are decimal numbers (`-1.5`, `.5`, `2e-3`).
 *
 * The matrix must be non-empty, rectangular and finite. It is returned as read: symmetry, shape
 * and PSD-ness are checked by `@factorflow/core` where the mathematics needs them (Y symmetric PSD
 * and U0 n x r in Min & Vidal 2025, eqs. (1)-(2)).
 *
 * Rows and columns in messages are 1-based, as in a spreadsheet.
 *
 * @param path - file path (relative paths resolve against the working directory), or `-` for
 *   standard input.
 * @param argument - the option the path was given for (e.g. `--Y`), used in messages.
 * @returns the rows of the matrix.
 * @throws MatrixFileError with `reason` `missing`, `unreadable`, `empty`, `invalid-json` (with the
 *   line, column and character offset where parsing stopped), `not-a-matrix`, `ragged` (which row,
 *   both lengths), `not-a-number` or `not-finite` (row, column and the entry's text).
 * @example
 * ```ts
 * // Y.json: [[2, 1], [1, 2]]      U0.csv: "# shape\n1, 0\n0, 1\n"
 * readMatrixFile('Y.json', '--Y');  // [[2, 1], [1, 2]]
 * readMatrixFile('U0.csv', '--U0'); // [[1, 0], [0, 1]]
 * ```
 */
export function readMatrixFile(path: string, argument: string): number[][] {
  const fail = (reason: MatrixFileReason, detail: string): never => {
    throw new MatrixFileError(path, reason, argument, detail);
  };
  let text: string;
  try {
    // '-' is standard input, as for most Unix tools: `python make_y.py | factorflow plan --Y - ...`.
    text = readFileSync(path === STDIN ? 0 : path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('missing', `file not found (looked for ${resolve(path)}).`);
    if (code === 'EISDIR') return fail('unreadable', 'is a directory, not a file.');
    if (code === 'EACCES' || code === 'EPERM') return fail('unreadable', 'permission denied; the file cannot be read.');
    return fail('unreadable', `cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail('empty', 'the file is empty; expected a JSON array of rows or CSV rows.');
  const first = text.trimStart()[0];
  return first === '[' || first === '{' ? matrixFromJson(text, fail) : matrixFromCsv(text, fail);
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

type Fail = (reason: MatrixFileReason, detail: string) => never;

/** A JSON value with where it starts in the text and its source text (for messages). */
type JsonNode =
  | { readonly kind: 'array'; readonly items: JsonNode[]; readonly offset: number }
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly offset: number }
  | {
      readonly kind: 'object' | 'string' | 'true' | 'false' | 'null';
      readonly text: string;
      readonly offset: number;
    };

function matrixFromJson(text: string, fail: Fail): number[][] {
  let root: JsonNode;
  try {
    root = parseJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = lineAndColumn(text, error.offset);
    return fail('invalid-json', `invalid JSON at line ${line}, column ${column} (character ${error.offset}): ${error.message}`);
  }
  const at = (node: JsonNode): string => {
    const { line, column } = lineAndColumn(text, node.offset);
    return `line ${line}, column ${column}`;
  };
  if (root.kind !== 'array') {
    return fail('not-a-matrix', `expected a JSON array of rows such as [[1, 2], [3, 4]], got ${describe(root)}.`);
  }
  if (root.items.length === 0) return fail('empty', 'the JSON array has no rows; expected an array of rows such as [[1, 2], [3, 4]].');
  const rows: number[][] = [];
  root.items.forEach((row, i) => {
    if (row.kind !== 'array') {
      const vector = root.items.every((item) => item.kind === 'number');
      return fail(
        'not-a-matrix',
        `row ${i + 1} (${at(row)}) is ${describe(row)}, not an array; expected an array of rows such as [[1, 2], [3, 4]]` +
          (vector ? ` (a column vector is written [[1], [2], [3]], a row vector [[1, 2, 3]]).` : '.'),
      );
    }
    if (i === 0 && row.items.length === 0) fail('empty', `row 1 (${at(row)}) has no entries; the matrix needs at least one column.`);
    const columns = rows.length > 0 ? rows[0].length : row.items.length;
    if (row.items.length !== columns) {
      fail(
        'ragged',
        `row ${i + 1} (${at(row)}) has ${row.items.length} ${plural(row.items.length, 'entry', 'entries')} but row 1 has ${columns}; every row must have the same length.`,
      );
    }
    rows.push(
      row.items.map((entry, j) => {
        const where = `entry at row ${i + 1}, column ${j + 1} (${at(entry)})`;
        if (entry.kind !== 'number') return fail('not-a-number', `${where} is ${describe(entry)}; every entry must be a number.`);
        if (!Number.isFinite(entry.value)) {
          return fail('not-finite', `${where} is ${entry.text}, which overflows a double to ${entry.value}; every entry must be finite.`);
        }
        return entry.value;
      }),
    );
  });
  return rows;
}

function matrixFromCsv(text: string, fail: Fail): number[][] {
  const rows: number[][] = [];
  let firstLine = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const lineNumber = index + 1;
    const row = rows.length + 1;
    const fields = line.split(/\s*,\s*|\s+/);
    const values = fields.map((field, j) => {
      const where = `entry at row ${row}, column ${j + 1} (line ${lineNumber})`;
      if (field === '') return fail('not-a-number', `${where} is empty (two separators in a row, or one at the end of the line).`);
      const kind = classifyNumber(field);
      if (kind === 'number') return Number(field);
      if (kind === 'non-finite') {
        return fail('not-finite', `${where} is "${field}"${/^[+-]?\d|^[+-]?\./.test(field) ? ', which overflows a double' : ''}; every entry must be finite.`);
      }
      const hint = row === 1 ? ' (a header line? start it with # to make it a comment)' : '';
      return fail('not-a-number', `${where} is "${truncate(field)}", not a number${hint}; entries must be decimal numbers such as -1.5 or 2e-3.`);
    });
    if (rows.length === 0) firstLine = lineNumber;
    else if (values.length !== rows[0].length) {
      fail(
        'ragged',
        `row ${row} (line ${lineNumber}) has ${values.length} ${plural(values.length, 'entry', 'entries')} but row 1 (line ${firstLine}) has ${rows[0].length}; every row must have the same length.`,
      );
    }
    rows.push(values);
  });
  if (rows.length === 0) return fail('empty', 'the file has no rows (only blank lines and # comments).');
  return rows;
}

/** Whether a CSV field or time is a finite decimal number, a spelled-out non-finite value, or neither. */
function classifyNumber(field: string): 'number' | 'non-finite' | 'invalid' {
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(field)) {
    return Number.isFinite(Number(field)) ? 'number' : 'non-finite';
  }
  return /^[+-]?(?:inf|infinity|nan)$/i.test(field) ? 'non-finite' : 'invalid';
}

function describe(node: JsonNode): string {
  switch (node.kind) {
    case 'array':
      return 'an array';
    case 'number':
      return `the number ${node.text}`;
    case 'object':
      return 'an object';
    case 'string':
      return `the string ${truncate(node.text)}`;
    default:
      return node.kind;
  }
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A JSON syntax error at a character offset. */
class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A strict JSON parser (RFC 8259) that keeps where each value starts and the source text of
 * numbers and strings, so errors can point at the exact character and at the entry's text.
 */
function parseJson(text: string): JsonNode {
  let i = 0;
  const found = (): string => (i < text.length ? `found ${JSON.stringify(text[i])}` : 'found the end of the input');
  const error = (expected: string): never => {
    throw new JsonSyntaxError(i, `expected ${expected}, ${found()}.`);
  };
  const skipWhitespace = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const value = (): JsonNode => {
    skipWhitespace();
    const offset = i;
    const c = text[i];
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      skipWhitespace();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', items, offset };
      }
      for (;;) {
        items.push(value());
        skipWhitespace();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return { kind: 'array', items, offset };
        } else error("',' or ']' after an array element");
      }
    }
    if (c === '{') {
      i++;
      skipWhitespace();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', text: text.slice(offset, i), offset };
      }
      for (;;) {
        skipWhitespace();
        if (text[i] !== '"') error('a string key in an object');
        string();
        skipWhitespace();
        if (text[i] !== ':') error("':' after an object key");
        i++;
        value();
        skipWhitespace();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return { kind: 'object', text: text.slice(offset, i), offset };
        } else error("',' or '}' after an object member");
      }
    }
    if (c === '"') {
      string();
      return { kind: 'string', text: text.slice(offset, i), offset };
    }
    for (const literal of ['true', 'false', 'null'] as const) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return { kind: literal, text: literal, offset };
      }
    }
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (match === null || match[0] === '' || match[0] === '-') return error('a value (number, array, object, string, true, false or null)');
    i += match[0].length;
    return { kind: 'number', value: Number(match[0]), text: match[0], offset };
  };
  const string = (): void => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      const code = text.charCodeAt(i);
      if (code < 0x20) throw new JsonSyntaxError(i, 'unescaped control character (such as a line break) inside a string.');
      if (text[i] === '\\') {
        const escape = text[i + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new JsonSyntaxError(i, 'invalid \\u escape in a string.');
          i += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) throw new JsonSyntaxError(i, 'invalid escape sequence in a string.');
        i += 2;
        continue;
      }
      i++;
    }
    if (i >= text.length) error("'\"' closing a string");
    i++;
  };
  const root = value();
  skipWhitespace();
  if (i < text.length) error('the end of the input after the top-level value');
  return root;
}

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
