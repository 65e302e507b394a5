import { describe, expect, it } from 'vitest';

import { failFor, thrown } from '../testing/errors.js';
import { MatrixFileError, type MatrixFileReason } from './errors.js';
import { isMatrixMarket, matrixFromMtx } from './mtx.js';

const read = (text: string): number[][] => matrixFromMtx(text, failFor('m.mtx'));
const failure = (text: string): MatrixFileError => thrown(() => read(text), MatrixFileError);

describe('matrixFromMtx', () => {
  it('reads an array column by column, and a banner in any case with comments and blank lines', () => {
    expect(isMatrixMarket('%%matrixmarket MATRIX Array REAL General\n')).toBe(true);
    expect(read('%%matrixmarket MATRIX Array REAL General\n% a comment\n\n2 3\n1\n2\n3\n4\n5\n6\n')).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
  });

  it('expands a symmetric coordinate file given in either triangle, and a skew-symmetric array', () => {
    expect(read('%%MatrixMarket matrix coordinate real symmetric\n2 2 2\n1 2 5\n2 2 1\n')).toEqual([
      [0, 5],
      [5, 1],
    ]);
    expect(read('%%MatrixMarket matrix array double skew-symmetric\n2 2\n3\n')).toEqual([
      [0, -3],
      [3, 0],
    ]);
  });

  it('names the line of each problem', () => {
    const cases: [string, MatrixFileReason, string][] = [
      ['%%MatrixMarket matrix array real\n1 1\n1\n', 'invalid-mtx', 'has 3 of its 4 words'],
      ['%%MatrixMarket vector array real general\n1\n1\n', 'unsupported-type', 'describes a vector'],
      ['%%MatrixMarket matrix array complex general\n1 1\n1 0\n', 'unsupported-type', 'declares a complex matrix'],
      ['%%MatrixMarket matrix array pattern general\n1 1\n1\n', 'invalid-mtx', 'pattern is only for coordinate files'],
      ['%%MatrixMarket matrix array real symmetric\n2 3\n1\n', 'invalid-mtx', 'a 2 x 3 symmetric matrix; a symmetric matrix is square'],
      ['%%MatrixMarket matrix array real general\n2 x\n', 'invalid-mtx', 'the size line (line 2) "2 x" should be "rows columns"'],
      ['%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n', 'invalid-mtx', 'a 2 x 2 general array needs 4 values, one per line, but the file has 3'],
      ['%%MatrixMarket matrix coordinate real general\n2 2 1\n3 1 1\n', 'invalid-mtx', 'line 3 sets entry (3, 1), outside the 2 x 2 matrix'],
      ['%%MatrixMarket matrix coordinate real symmetric\n2 2 2\n1 2 1\n2 1 1\n', 'invalid-mtx', 'line 4 sets entry (2, 1), which line 3 already set (directly or as its mirror)'],
      ['%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 1\n1 1 1\n', 'invalid-mtx', 'sets the diagonal entry (1, 1) of a skew-symmetric matrix'],
      ['%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1\n', 'invalid-mtx', 'line 3 "1 1" should be "row column value"'],
      ['%%MatrixMarket matrix array integer general\n1 1\n1.5\n', 'invalid-mtx', 'entry (1, 1) at line 3 is "1.5"; the banner declares integer entries'],
      ['%%MatrixMarket matrix array integer general\n1 1\n9007199254740993\n', 'not-exact', 'is 9007199254740993, which a double cannot hold exactly'],
      ['%%MatrixMarket matrix array real general\n1 2\n1\nnan\n', 'not-finite', 'entry (1, 2) at line 4 is "nan"'],
      ['%%MatrixMarket matrix array real general\n0 2\n', 'empty', 'declares a 0 x 2 matrix'],
      ['%%MatrixMarket matrix array real general\n% only a comment\n', 'empty', 'no size line'],
    ];
    for (const [text, reason, fragment] of cases) {
      const error = failure(text);
      expect(error.reason, text).toBe(reason);
      expect(error.message, text).toContain(fragment);
    }
  });
});
