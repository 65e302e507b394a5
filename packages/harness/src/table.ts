/** Plain-text tables for the checkers' reports, which are read in terminals and CI logs. */
import { InputError, requireArray, requireIntegerIn, requireRecord, requireText } from './validate.js';

/** Most rows and columns of a table: far more than a report needs, and small enough to lay out at once. */
const MAX_CELLS = 1 << 20;

/** How {@link textTable} lays a table out. */
export interface TextTableOptions {
  /** Spaces before every line, for a table nested under a heading (default 0). */
  readonly indent?: number;
}

/**
 * A plain-text table: the header, a rule of dashes under each column, then the rows. Every
 * column is as wide as its widest cell, cells are left-aligned and two spaces apart, and trailing
 * spaces are trimmed so that diffs of saved reports show only real changes.
 *
 * @param header - the column titles.
 * @param rows - the cells, one array per row, as many as the header has titles.
 * @param options - the indent.
 * @returns the lines joined by `\n`, with no trailing newline.
 * @throws InputError when a row has a different number of cells than the header, a cell is not a
 *   string, or the indent is not an integer in [0, 200].
 * @example
 * ```ts
 * textTable(['suite', 'passed'], [['reference', '40/40']]);
 * // suite      passed
 * // ---------  ------
 * // reference  40/40
 * ```
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], options: TextTableOptions = {}): string {
  requireArray(header, 'header', MAX_CELLS, requireText);
  requireArray(rows, 'rows', MAX_CELLS, (row, argument) => requireArray(row, argument, MAX_CELLS, requireText));
  rows.forEach((row, index) => {
    if (row.length !== header.length) {
      throw new InputError('shape', `rows[${index}]`, `row ${index} has ${row.length} cells, the header ${header.length}; give every row one cell per column.`);
    }
  });
  const { indent: spaces = 0 } = requireRecord(options, 'options', '{ indent? }');
  const indent = ' '.repeat(requireIntegerIn(spaces, 'indent', 0, 200));
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]) => `${indent}${cells.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`.trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
