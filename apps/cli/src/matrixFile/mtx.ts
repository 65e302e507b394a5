/**
 * The Matrix Market exchange format (NIST; what scipy.io.mmwrite writes): a `%%MatrixMarket`
 * banner, `%` comments, a size line, then the entries, dense (`array`, column-major) or sparse
 * (`coordinate`, one `i j value` per line, 1-based), with the symmetry of the banner expanded.
 */
import { type Fail, decimalEntry, exactInteger, plural, truncate } from './errors.js';

/** Whether a text is a Matrix Market file: the banner must be its first line. */
export function isMatrixMarket(text: string): boolean {
  return /^%%MatrixMarket\b/i.test(text);
}

type Field = 'real' | 'integer' | 'pattern';
type Symmetry = 'general' | 'symmetric' | 'skew-symmetric';

const BANNER_FORM = '%%MatrixMarket matrix array|coordinate real|integer|pattern general|symmetric|skew-symmetric';

/** A non-blank, non-comment line: its 1-based number and its whitespace-separated tokens. */
interface Line {
  readonly number: number;
  readonly tokens: string[];
}

/**
 * The dense matrix of a Matrix Market file. `array` lists every entry column by column (for
 * `symmetric` the lower triangle with the diagonal, for `skew-symmetric` the strict lower
 * triangle); `coordinate` lists the nonzero entries, the others are 0. Symmetric and
 * skew-symmetric files are expanded to the full matrix (A_ji = A_ij, resp. -A_ij). `pattern`
 * entries are 1. `integer` entries beyond 2^53 that a double cannot hold are refused.
 */
export function matrixFromMtx(text: string, fail: Fail): number[][] {
  const invalid = (detail: string): never => fail('invalid-mtx', detail);
  const [banner, ...rest] = text.split(/\r\n|\r|\n/);
  const words = banner.trim().split(/\s+/).slice(1).map((word) => word.toLowerCase());
  if (words.length !== 4) return invalid(`the banner (line 1) "${truncate(banner.trim())}" has ${words.length} of its 4 words; expected ${BANNER_FORM}.`);
  const [object, format, fieldWord, symmetryWord] = words;
  if (object !== 'matrix') return fail('unsupported-type', `the banner (line 1) describes a ${object}; factorflow reads matrices: ${BANNER_FORM}.`);
  if (fieldWord === 'complex' || symmetryWord === 'hermitian') {
    return fail('unsupported-type', `the banner (line 1) declares a complex matrix (${fieldWord} ${symmetryWord}); factorflow needs a real matrix: write the real part, mmwrite(path, A.real).`);
  }
  if (format !== 'array' && format !== 'coordinate') return invalid(`the banner (line 1) has format "${format}"; expected array or coordinate.`);
  const field: Field | undefined = fieldWord === 'double' ? 'real' : ['real', 'integer', 'pattern'].includes(fieldWord) ? (fieldWord as Field) : undefined;
  if (field === undefined) return invalid(`the banner (line 1) has field "${fieldWord}"; expected real, integer or pattern.`);
  if (field === 'pattern' && format === 'array') return invalid('the banner (line 1) declares an array of pattern entries; pattern is only for coordinate files.');
  if (!['general', 'symmetric', 'skew-symmetric'].includes(symmetryWord)) return invalid(`the banner (line 1) has symmetry "${symmetryWord}"; expected general, symmetric or skew-symmetric.`);
  const symmetry = symmetryWord as Symmetry;

  const lines: Line[] = [];
  rest.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed !== '' && !trimmed.startsWith('%')) lines.push({ number: index + 2, tokens: trimmed.split(/\s+/) });
  });
  if (lines.length === 0) return fail('empty', 'the file has a banner but no size line.');
  const [sizeLine, ...entries] = lines;
  const sizeForm = format === 'array' ? 'rows columns' : 'rows columns entries';
  if (sizeLine.tokens.length !== sizeForm.split(' ').length || !sizeLine.tokens.every((token) => /^\d+$/.test(token))) {
    return invalid(`the size line (line ${sizeLine.number}) "${truncate(sizeLine.tokens.join(' '))}" should be "${sizeForm}" as whole numbers.`);
  }
  const [rows, columns, announced] = sizeLine.tokens.map(Number);
  if (rows === 0 || columns === 0) return fail('empty', `the size line (line ${sizeLine.number}) declares a ${rows} x ${columns} matrix, which has no entries.`);
  if (symmetry !== 'general' && rows !== columns) return invalid(`the size line (line ${sizeLine.number}) declares a ${rows} x ${columns} ${symmetry} matrix; a ${symmetry} matrix is square.`);

  const matrix = Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
  // The line that set each entry, so that an entry given twice (or with its mirror) names both lines.
  const setAt = new Int32Array(rows * columns);
  const set = (i: number, j: number, value: number, line: number): void => {
    const first = setAt[i * columns + j];
    if (first !== 0) invalid(`line ${line} sets entry (${i + 1}, ${j + 1}), which line ${first} already set${symmetry === 'general' ? '' : ' (directly or as its mirror)'}.`);
    setAt[i * columns + j] = line;
    matrix[i][j] = value;
  };
  const valueOf = (token: string, where: string): number =>
    field === 'integer'
      ? /^[+-]?\d+$/.test(token)
        ? exactInteger(BigInt(token), where, fail)
        : invalid(`${where} is "${truncate(token)}"; the banner declares integer entries.`)
      : decimalEntry(token, where, fail);
  const place = (i: number, j: number, value: number, line: number): void => {
    set(i, j, value, line);
    if (i !== j && symmetry === 'symmetric') set(j, i, value, line);
    if (symmetry === 'skew-symmetric') set(j, i, -value, line);
  };

  const positions = format === 'array' ? arrayPositions(rows, columns, symmetry) : null;
  const expected = positions === null ? announced : positions.length;
  if (entries.length !== expected) {
    const what = format === 'array' ? `a ${rows} x ${columns} ${symmetry} array needs ${expected} ${plural(expected, 'value', 'values')}` : `the size line (line ${sizeLine.number}) announces ${expected} ${plural(expected, 'entry', 'entries')}`;
    return invalid(`${what}, one per line, but the file has ${entries.length}.`);
  }
  entries.forEach((line, k) => {
    if (positions !== null) {
      const [i, j] = positions[k];
      if (line.tokens.length !== 1) invalid(`line ${line.number} has ${line.tokens.length} values; an array file has one value per line.`);
      place(i, j, valueOf(line.tokens[0], `entry (${i + 1}, ${j + 1}) at line ${line.number}`), line.number);
      return;
    }
    const width = field === 'pattern' ? 2 : 3;
    if (line.tokens.length !== width || !/^\d+$/.test(line.tokens[0]) || !/^\d+$/.test(line.tokens[1])) {
      invalid(`line ${line.number} "${truncate(line.tokens.join(' '))}" should be "row column${field === 'pattern' ? '' : ' value'}" with 1-based whole-number indices.`);
    }
    const [i, j] = [Number(line.tokens[0]) - 1, Number(line.tokens[1]) - 1];
    if (i < 0 || i >= rows || j < 0 || j >= columns) invalid(`line ${line.number} sets entry (${i + 1}, ${j + 1}), outside the ${rows} x ${columns} matrix.`);
    if (symmetry === 'skew-symmetric' && i === j) invalid(`line ${line.number} sets the diagonal entry (${i + 1}, ${j + 1}) of a skew-symmetric matrix, which is 0.`);
    place(i, j, field === 'pattern' ? 1 : valueOf(line.tokens[2], `entry (${i + 1}, ${j + 1}) at line ${line.number}`), line.number);
  });
  return matrix;
}

/** Where the values of an array file go, in file order: column-major, over the stored triangle. */
function arrayPositions(rows: number, columns: number, symmetry: Symmetry): [number, number][] {
  const positions: [number, number][] = [];
  const from = { general: () => 0, symmetric: (j: number) => j, 'skew-symmetric': (j: number) => j + 1 }[symmetry];
  for (let j = 0; j < columns; j++) for (let i = from(j); i < rows; i++) positions.push([i, j]);
  return positions;
}
