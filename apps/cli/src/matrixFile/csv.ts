/**
 * Delimited text: CSV as pandas, R and np.savetxt write it, tab- and space-separated text, with an
 * optional header row and index column. Reading never drops a row of numbers: a row is a header
 * only when it holds a name, and an index column only when the header marks one; what cannot be
 * told apart is an error that says how to disambiguate, never a guess.
 */
import { type Fail, classifyNumber, decimalEntry, plural, truncate } from './errors.js';

/**
 * A separator: a comma with any blanks around it, a tab with spaces around it, or a run of
 * spaces. A tab is a separator of its own (not part of a whitespace run) so that the empty corner
 * of a tab-separated pandas header (`\t0\t1`) and an empty field (`1\t\t2`) stay visible.
 */
const SEPARATOR = /[ \t]*,[ \t]*|[ ]*\t[ ]*|[ ]+/y;

/** A whole number as pandas writes numeric column labels and the default index. */
const INTEGER = /^[+-]?\d+$/;

/** One non-blank, non-comment line split into fields. */
interface Line {
  /** 1-based line number in the file. */
  readonly number: number;
  readonly cells: string[];
}

/**
 * The rows of delimited numeric text. Blank lines and lines whose first non-blank character is
 * `#` (np.savetxt's `header=`) are skipped. Fields are separated by commas, tabs or runs of spaces
 * and may be double-quoted (`""` inside quotes is a quote), as pandas and R quote names.
 *
 * - **Header**: the first row is a header when it holds a name (text that does not start like a
 *   number, or an empty first field) and every other field is a name or a whole number (pandas
 *   writes numeric column labels as `,0,1,2`). A row of numbers is always data. A first row
 *   `0,1,...,m-1` above rows written with decimals is `ambiguous-header`.
 * - **Index column**: only under a header, and only when the header marks it: its first field is
 *   empty (`df.to_csv(path)`, R's `write.csv`), or it has one field fewer than the rows (R's
 *   `write.table`). A header that names its first column while that column holds `0,1,...,n-1`
 *   is `ambiguous-index`. Without a header, every column is data.
 */
export function matrixFromCsv(text: string, fail: Fail): number[][] {
  const lines: Line[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    lines.push({ number: index + 1, cells: fieldsOf(raw.replace(/^ +| +$/g, ''), index + 1, fail) });
  });
  if (lines.length === 0) return fail('empty', 'the file has no rows (only blank lines and # comments).');
  const header = isHeader(lines[0].cells) ? lines[0] : null;
  const data = header === null ? lines : lines.slice(1);
  if (data.length === 0) return fail('empty', `the file has a header (line ${lines[0].number}) but no rows of numbers below it.`);
  const width = data[0].cells.length;
  if (header === null) checkNotPandasLabels(lines, fail);
  const index = header === null ? false : hasIndexColumn(header, data, width, fail);
  const skip = index ? 1 : 0;
  if (width - skip === 0) return fail('empty', `the rows have no entries besides the index column (line ${data[0].number}).`);
  const headed = header === null ? '' : ` (line ${header.number} is the header)`;
  return data.map((line, i) => {
    const row = i + 1;
    if (line.cells.length !== width) {
      fail(
        'ragged',
        `row ${row} (line ${line.number}) has ${line.cells.length} ${plural(line.cells.length, 'entry', 'entries')} but row 1 (line ${data[0].number}) has ${width}${headed}; every row must have the same length.`,
      );
    }
    return line.cells.slice(skip).map((field, j) => {
      const where = `entry at row ${row}, column ${j + 1} (line ${line.number}${index ? `, field ${j + 2}, the index being field 1` : ''})`;
      if (field === '') {
        return fail('not-a-number', `${where} is empty (two separators in a row, one at the end of the line, or a missing value, which pandas writes as an empty field).`);
      }
      return decimalEntry(field, where, fail, hintFor(row, j, header !== null, index));
    });
  });
}

function hintFor(row: number, column: number, headed: boolean, index: boolean): string {
  if (row === 1 && !headed) return ' (a header line? A header holds names and whole numbers only; start the line with # to make it a comment)';
  if (column > 0 || index) return '';
  return headed
    ? " (an index column? Leave the header's first field empty to mark it, as df.to_csv(path) writes an unnamed index)"
    : ' (an index column? Only a header row can mark one, by an empty first field as df.to_csv(path) writes it)';
}

/**
 * Row 1 is a header when it holds a name and no number other than a whole one. A name is text that
 * starts with neither a digit, a sign nor a point, so a mistyped number (`3O`, `0x10`) in a row of
 * data is reported as a bad entry instead of turning the row into a header; the one empty field a
 * header may have is its first, pandas' corner above the index.
 */
function isHeader(cells: readonly string[]): boolean {
  const name = (cell: string, j: number): boolean =>
    (j === 0 && cell === '') || (cell !== '' && !/^[\d+\-.]/.test(cell) && classifyNumber(cell) === 'invalid');
  return cells.some(name) && cells.every((cell, j) => name(cell, j) || INTEGER.test(cell));
}

/**
 * `0,1,...,m-1` above decimals is what `pd.DataFrame(Y).to_csv(path, index=False)` writes; read as
 * data it would add a row, dropped as a header it could lose one. Neither is safe to guess.
 */
function checkNotPandasLabels(lines: readonly Line[], fail: Fail): void {
  const first = lines[0];
  if (first.cells.length < 2 || !first.cells.every((cell, j) => cell === String(j))) return;
  const decimal = lines.slice(1).find((line) => line.cells.some((cell) => !INTEGER.test(cell)));
  if (decimal === undefined) return;
  fail(
    'ambiguous-header',
    `row 1 (line ${first.number}) is ${first.cells.slice(0, 3).join(', ')}, ..., ${first.cells.length - 1}, while line ${decimal.number} holds decimals: ` +
      'that is how pandas labels columns in df.to_csv(path, index=False). If it is a header, write the file with df.to_csv(path) ' +
      '(with the index) or start the line with #; if it is data, write its entries with a decimal point (0.0, 1.0, ...).',
  );
}

/** Whether column 1 is an index: only when the header marks it, by an empty first field or one field fewer. */
function hasIndexColumn(header: Line, data: readonly Line[], width: number, fail: Fail): boolean {
  const names = header.cells.length;
  if (names === width - 1) return true;
  if (names !== width) {
    return fail(
      'ragged',
      `the header (line ${header.number}) has ${names} ${plural(names, 'field', 'fields')} but row 1 (line ${data[0].number}) has ${width}; ` +
        'a header has one field per column, or one fewer when the rows start with an index.',
    );
  }
  if (header.cells[0] === '') return true;
  if (data.length >= 2 && data.every((line, i) => line.cells[0] === String(i))) {
    fail(
      'ambiguous-index',
      `the header (line ${header.number}) names column 1 "${truncate(header.cells[0])}", and that column holds 0, 1, ..., ${data.length - 1}, as pandas writes a named index. ` +
        'If it is an index, leave the header\'s first field empty (df.index.name = None before df.to_csv(path)); if it is data, start the header line with # so that no column is taken for an index.',
    );
  }
  return false;
}

/** The fields of one line, unquoted. */
function fieldsOf(line: string, lineNumber: number, fail: Fail): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      // RFC 4180 quoting, as pandas and R quote names: "" inside quotes is one quote.
      let from = i + 1;
      for (;;) {
        const close = line.indexOf('"', from);
        if (close === -1) return fail('not-a-number', `field ${cells.length + 1} of line ${lineNumber} opens a quote that is not closed.`);
        cell += line.slice(from, close);
        if (line[close + 1] !== '"') {
          i = close + 1;
          break;
        }
        cell += '"';
        from = close + 2;
      }
    } else {
      const end = line.slice(i).search(/[ ,\t]/);
      cell = end === -1 ? line.slice(i) : line.slice(i, i + end);
      i = end === -1 ? line.length : i + end;
    }
    cells.push(cell);
    if (i >= line.length) return cells;
    SEPARATOR.lastIndex = i;
    if (SEPARATOR.exec(line) === null) {
      return fail('not-a-number', `field ${cells.length} of line ${lineNumber} has text after its closing quote: "${truncate(line.slice(i))}".`);
    }
    i = SEPARATOR.lastIndex;
    if (i >= line.length) {
      cells.push('');
      return cells;
    }
  }
}

/** A table of numbers with named columns, as `--out FILE.csv` writes it. */
export interface NumberTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly number[])[];
}

/**
 * A header line and one line per row, comma-separated. Numbers are written in the shortest form
 * that reads back to the same double; NaN (a value that does not apply) as `nan` and infinities
 * as `inf` and `-inf`, the spellings numpy and pandas read.
 */
export function encodeCsv(table: NumberTable): string {
  const number = (value: number): string =>
    Number.isNaN(value) ? 'nan' : value === Infinity ? 'inf' : value === -Infinity ? '-inf' : String(value);
  return [table.columns.join(','), ...table.rows.map((row) => row.map(number).join(','))].map((line) => `${line}\n`).join('');
}
