/**
 * The readers against files that numpy, pandas and scipy wrote (fixtures/python/make_fixtures.py),
 * and against the values those libraries read back from them (fixtures/matrices/expected.json):
 * the reference is the Python stack, not this code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { thrown } from '../testing/errors.js';
import { MatrixFileError, type MatrixFileReason, readMatrixFile } from './index.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/matrices/', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const expected = JSON.parse(readFileSync(`${FIXTURES}expected.json`, 'utf8')) as { values: Record<string, number[][]> };

/** Equal entry by entry as doubles, -0 and +0 told apart: the same bits for every finite value. */
function expectSameBits(actual: number[][], reference: number[][], label: string): void {
  expect(actual.length, label).toBe(reference.length);
  actual.forEach((row, i) => {
    expect(row.length, label).toBe(reference[i].length);
    row.forEach((value, j) => expect(Object.is(value, reference[i][j]), `${label} [${i}, ${j}]: ${value} vs ${reference[i][j]}`).toBe(true));
  });
}

const reasonOf = (path: string): MatrixFileReason => thrown(() => readMatrixFile(path, '--Y'), MatrixFileError).reason;

describe.each(['Y', 'U0'])('%s written by numpy, pandas and scipy', (name) => {
  const reference = readMatrixFile(`${EXAMPLES}${name}.json`, `--${name}`);
  const files = readdirSync(FIXTURES).filter((file) => file.startsWith(`${name}.`) || file.startsWith(`${name}-`));

  it('has a fixture for every format', () => {
    expect(files.sort()).toEqual(
      [
        '-coordinate.mtx',
        '-fortran-big-endian.npy',
        '-pandas-named.csv',
        '-pandas.csv',
        '-pandas.tsv',
        '-savetxt.csv',
        '-savetxt.tsv',
        '-savetxt.txt',
        '-v2.npy',
        '-v3.npy',
        '.mtx',
        '.npy',
      ]
        .map((suffix) => `${name}${suffix}`)
        .sort(),
    );
  });

  it.each(files)('%s reads as the JSON example, bit for bit', (file) => {
    expectSameBits(readMatrixFile(`${FIXTURES}${file}`, `--${name}`), reference, file);
  });
});

describe('numpy dtypes and Matrix Market fields', () => {
  it.each(Object.keys(expected.values))('%s reads as numpy and scipy read it', (file) => {
    expectSameBits(readMatrixFile(`${FIXTURES}${file}`, '--Y'), expected.values[file], file);
  });

  it('keeps the order of a non-symmetric matrix in every byte order and memory order', () => {
    // Guards against a reader that ignores fortran_order: the fixtures differ only there.
    expect(readMatrixFile(`${FIXTURES}i8-big-fortran.npy`, '--Y')).toEqual([
      [1, -2, 3],
      [-4, 5, -120],
    ]);
  });
});

describe('files that are not a real matrix', () => {
  it.each<[string, MatrixFileReason]>([
    ['complex.npy', 'unsupported-type'],
    ['bool.npy', 'unsupported-type'],
    ['strings.npy', 'unsupported-type'],
    ['objects.npy', 'unsupported-type'],
    ['records.npy', 'unsupported-type'],
    ['longdouble.npy', 'unsupported-type'],
    ['arrays.npz', 'unsupported-type'],
    ['complex.mtx', 'unsupported-type'],
    ['vector.npy', 'not-a-matrix'],
    ['cube.npy', 'not-a-matrix'],
    ['empty.npy', 'empty'],
    ['nan.npy', 'not-finite'],
    ['inf-f4.npy', 'not-finite'],
    ['i8-inexact.npy', 'not-exact'],
    ['u8-inexact.npy', 'not-exact'],
  ])('%s is refused as %s', (file, reason) => {
    expect(reasonOf(`${FIXTURES}${file}`)).toBe(reason);
  });

  it('says what to do instead', () => {
    const message = (file: string): string => thrown(() => readMatrixFile(`${FIXTURES}${file}`, '--U0'), MatrixFileError).message;
    expect(message('vector.npy')).toBe(
      `--U0 ${FIXTURES}vector.npy: holds a 1-D array of shape (3,); a matrix is 2-D: make it 2-D first: a.reshape(-1, 1) for a column (3 x 1) or a.reshape(1, -1) for a row (1 x 3).`,
    );
    expect(message('complex.npy')).toContain("has dtype '<c16', which holds complex numbers");
    expect(message('arrays.npz')).toContain('an .npz from np.savez?');
    expect(message('nan.npy')).toContain('entry at row 1, column 2 (index [0, 1]) is NaN');
    expect(message('i8-inexact.npy')).toContain('is 9007199254740993, which a double cannot hold exactly (the nearest is 9007199254740992)');
    expect(message('u8-inexact.npy')).toContain('is 18446744073709551615');
    expect(message('complex.mtx')).toContain('declares a complex matrix');
  });
});
