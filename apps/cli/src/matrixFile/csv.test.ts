import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { failFor, thrown } from '../testing/errors.js';
import { type NumberTable, encodeCsv, matrixFromCsv } from './csv.js';
import { MatrixFileError } from './errors.js';

const read = (text: string): number[][] => matrixFromCsv(text, failFor('m.csv'));
const failure = (text: string): MatrixFileError => thrown(() => read(text), MatrixFileError);

const M = [
  [1.5, -2],
  [0.25, 4],
];

describe('header rows and index columns', () => {
  it.each([
    ['pandas, df.to_csv(path)', ',0,1\n0,1.5,-2\n1,0.25,4\n'],
    ['pandas with a string index', ',a,b\nx,1.5,-2\ny,0.25,4\n'],
    ['pandas, sep="\\t"', '\t0\t1\n0\t1.5\t-2\n1\t0.25\t4\n'],
    ['pandas, index=False, named columns', 'a,b\n1.5,-2\n0.25,4\n'],
    ["R's write.csv (quoted names, quoted row labels)", '"","V1","V2"\n"1",1.5,-2\n"2",0.25,4\n'],
    ["R's write.table (the header has no corner field)", '"V1" "V2"\n"1" 1.5 -2\n"2" 0.25 4\n'],
    ['a header whose names hold separators, quoted', '"a, first","b ""second"""\n1.5,-2\n0.25,4\n'],
    ['np.savetxt with header= and a comment', '# a, b\n1.5,-2\n0.25,4\n'],
    ['a custom numeric index under an empty corner', ',x,y\n0.5,1.5,-2\n7,0.25,4\n'],
  ])('%s', (_, text) => {
    expect(read(text)).toEqual(M);
  });

  it('never takes a row of numbers for a header, nor a column of numbers for an index without a header', () => {
    expect(read('1,0\n1.5,-2\n')).toEqual([
      [1, 0],
      [1.5, -2],
    ]);
    expect(read('0,1.5,-2\n1,0.25,4\n')).toEqual([
      [0, 1.5, -2],
      [1, 0.25, 4],
    ]);
    // Integers throughout: a matrix, whatever its first row looks like.
    expect(read('0,1,2\n3,4,5\n')).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });

  it('reports a mistyped number in the first row instead of dropping the row as a header', () => {
    for (const text of ['1.5,3O\n0.25,4\n', '3O,1\n2,4\n', '1.5,x\n0.25,4\n']) {
      const error = failure(text);
      expect(error.reason).toBe('not-a-number');
      expect(error.message).toContain('row 1, column');
      expect(error.message).toContain('a header line?');
    }
  });

  it("refuses pandas' default column labels above decimals: a header or data cannot be told apart", () => {
    const error = failure('0,1\n1.5,-2\n0.25,4\n');
    expect(error.reason).toBe('ambiguous-header');
    expect(error.message).toContain('row 1 (line 1) is 0, 1, ..., 1, while line 2 holds decimals');
    expect(error.message).toContain('df.to_csv(path, index=False)');
  });

  it('refuses a named first column holding 0..n-1: a named index or data cannot be told apart', () => {
    const error = failure('i,a,b\n0,1.5,-2\n1,0.25,4\n');
    expect(error.reason).toBe('ambiguous-index');
    expect(error.message).toContain('names column 1 "i", and that column holds 0, 1, ..., 1');
    // The fixes the message offers both read.
    expect(read(',a,b\n0,1.5,-2\n1,0.25,4\n')).toEqual(M);
    expect(read('# i,a,b\n0,1.5,-2\n1,0.25,4\n')).toEqual([
      [0, 1.5, -2],
      [1, 0.25, 4],
    ]);
  });

  it('reports row labels without a header, a header without rows and a header of the wrong length', () => {
    const labels = failure('1,2\nx,1.5\n');
    expect(labels.reason).toBe('not-a-number');
    expect(labels.message).toContain('entry at row 2, column 1 (line 2) is "x"');
    expect(labels.message).toContain('an index column?');
    expect(failure('a,b\n# nothing\n').reason).toBe('empty');
    const wrong = failure('a,b,c,d\n1,2\n');
    expect(wrong.reason).toBe('ragged');
    expect(wrong.message).toContain('the header (line 1) has 4 fields but row 1 (line 2) has 2');
    expect(failure('""\n0\n1\n').reason).toBe('empty');
  });

  it('names the field of an entry after the index column', () => {
    const error = failure(',a,b\n0,1.5,-2\n1,0.25,oops\n');
    expect(error.message).toContain('entry at row 2, column 2 (line 3, field 3, the index being field 1) is "oops"');
  });

  it('reports an empty field in tab-separated text and an unclosed quote', () => {
    expect(failure('1\t\t2\n').message).toContain('entry at row 1, column 2 (line 1) is empty');
    expect(failure('"a,b\n1\n').message).toContain('opens a quote that is not closed');
    expect(failure('"a"b,c\n1,2\n').message).toContain('has text after its closing quote');
  });
});

describe('encodeCsv', () => {
  it('writes a header and every double so that it reads back exactly, with nan and inf spelled as numpy spells them', () => {
    const table: NumberTable = {
      columns: ['k', 'start', 'end'],
      rows: [
        [1, 0.1, Infinity],
        [2, Number.NaN, -Infinity],
      ],
    };
    expect(encodeCsv(table)).toBe('k,start,end\n1,0.1,inf\n2,nan,-inf\n');
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
    fc.assert(
      fc.property(fc.array(fc.array(finite, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (rows) => {
        expect(read(encodeCsv({ columns: ['a', 'b', 'c'], rows }))).toEqual(rows);
      }),
      { seed: 20251124, numRuns: 100 },
    );
  });
});
