import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import { thrown } from '../testing/errors.js';
import { MatrixFileError, type MatrixFileReason, readMatrixFile } from './index.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'factorflow-matrix-file-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let counter = 0;
/** Writes `content` to a fresh file (any extension: detection is by content) and returns its path. */
function file(content: string, extension = 'txt'): string {
  const path = join(directory, `m${counter++}.${extension}`);
  writeFileSync(path, content);
  return path;
}

/** The MatrixFileError reading `path` throws. */
const failure = (path: string, argument = '--Y'): MatrixFileError => thrown(() => readMatrixFile(path, argument), MatrixFileError);

function expectFailure(content: string, reason: MatrixFileReason, ...fragments: string[]): MatrixFileError {
  const path = file(content);
  const error = failure(path);
  expect(error.reason).toBe(reason);
  expect(error.file).toBe(path);
  expect(error.argument).toBe('--Y');
  expect(error.message.startsWith(`--Y ${path}: `)).toBe(true);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
  return error;
}

describe('readMatrixFile', () => {
  it('reads the example U0 identically from JSON and from CSV', () => {
    const json = readMatrixFile(join(examples, 'U0.json'), '--U0');
    const csv = readMatrixFile(join(examples, 'U0.csv'), '--U0');
    expect(json).toHaveLength(5);
    expect(json.every((row) => row.length === 5)).toBe(true);
    expect(csv).toEqual(json);
    expect(json[0][0]).toBe(0.9147);
  });

  it('reads the example Y as a 5 x 5 symmetric matrix', () => {
    const Y = readMatrixFile(join(examples, 'Y.json'), '--Y');
    expect(Y).toHaveLength(5);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) expect(Y[i][j]).toBe(Y[j][i]);
  });

  it('accepts commas, whitespace, comments, blank lines, CRLF, a BOM and every decimal form', () => {
    const content = '\uFEFF# a comment\r\n\r\n  1, 2.5 ,-3\r\n   # indented comment\r\n4 5\t6\r\n.5,+1e-3,-2E+2\r\n\r\n';
    expect(readMatrixFile(file(content), '--Y')).toEqual([
      [1, 2.5, -3],
      [4, 5, 6],
      [0.5, 0.001, -200],
    ]);
  });

  it('detects the format by content, not by extension', () => {
    expect(readMatrixFile(file('[[1, 2], [3, 4]]', 'csv'), '--Y')).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(readMatrixFile(file('1,2\n3,4\n', 'json'), '--Y')).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('detects .npy by its magic bytes and Matrix Market by its banner, whatever the extension', () => {
    const npy = join(directory, 'Y.csv');
    writeFileSync(npy, readFileSync(join(examples, '../fixtures/matrices/Y.npy')));
    expect(readMatrixFile(npy, '--Y')).toEqual(readMatrixFile(join(examples, 'Y.json'), '--Y'));
    expect(readMatrixFile(file('%%MatrixMarket matrix array real general\n1 2\n3\n4\n', 'json'), '--Y')).toEqual([[3, 4]]);
  });

  it('names binary files and a % file without a banner', () => {
    expectFailure('\u0000\u0001binary', 'unsupported-type', 'is a binary file, not a matrix file');
    expectFailure('% comment\n1 2\n', 'invalid-mtx', 'is not a Matrix Market banner');
  });

  it('round-trips any finite matrix through JSON and through CSV with either separator', () => {
    const entry = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
    const matrix = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
      .chain(([rows, columns]) => fc.array(fc.array(entry, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));
    fc.assert(
      fc.property(matrix, fc.constantFrom(',', ' ', ', ', '\t'), (rows, separator) => {
        expect(readMatrixFile(file(JSON.stringify(rows)), '--Y')).toEqual(rows);
        expect(readMatrixFile(file(rows.map((row) => row.map(String).join(separator)).join('\n')), '--Y')).toEqual(rows);
      }),
      { seed: 20251124, numRuns: 100 },
    );
  });

  it('names a missing file with its resolved path', () => {
    const path = join(directory, 'does-not-exist.json');
    const error = failure(path, '--U0');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('MatrixFileError');
    expect(error.reason).toBe('missing');
    expect(error.argument).toBe('--U0');
    expect(error.message).toBe(`--U0 ${path}: file not found (looked for ${path}).`);
  });

  it('reports a directory as unreadable', () => {
    const path = join(directory, 'a-directory');
    mkdirSync(path);
    const error = failure(path);
    expect(error.reason).toBe('unreadable');
    expect(error.message).toContain('is a directory');
  });

  it('reports empty inputs', () => {
    expectFailure('', 'empty', 'the file is empty');
    expectFailure('  \n\t\n', 'empty', 'the file is empty');
    expectFailure('# only\n\n# comments\n', 'empty', 'no rows');
    expectFailure('[]', 'empty', 'no rows');
    expectFailure('[[]]', 'empty', 'row 1 (line 1, column 2) has no entries');
  });

  it('gives the line, column and character offset of a JSON syntax error, agreeing with V8 where V8 has one', () => {
    const cases = ['[[1, 2], [3 4]]', '[[1, 2]', '[[1, 2]] x', '[[1, 2],\n [3, }', '[[1, 2],\n  [3, 01]]', '[[1, .5]]', '[[1, 2,]]'];
    for (const content of cases) {
      const error = expectFailure(content, 'invalid-json', 'invalid JSON at line');
      const offset = Number(/\(character (\d+)\)/.exec(error.message)?.[1]);
      let v8: string | null = null;
      try {
        JSON.parse(content);
      } catch (syntax) {
        v8 = (syntax as Error).message;
      }
      expect(v8).not.toBeNull();
      const position = /position (\d+)/.exec(v8 ?? '');
      if (position !== null) expect(offset).toBe(Number(position[1]));
    }
    expectFailure('[[1, 2],\n [3, }', 'invalid-json', 'line 2, column 6 (character 14)', 'expected a value', 'found "}"');
    expectFailure('[[1, 2]', 'invalid-json', 'line 1, column 8 (character 7)', "expected ',' or ']'", 'found the end of the input');
  });

  it('rejects JSON that is not an array of arrays', () => {
    expectFailure('{"Y": [[1]]}', 'not-a-matrix', 'got an object');
    expectFailure('[1, 2, 3]', 'not-a-matrix', 'row 1 (line 1, column 2) is the number 1', 'a column vector is written [[1], [2], [3]]');
    expectFailure('[[1, 2], "3, 4"]', 'not-a-matrix', 'row 2 (line 1, column 10) is the string "3, 4"');
  });

  it('names the ragged row and both lengths', () => {
    expectFailure('[[1, 2, 3],\n [4, 5, 6],\n [7, 8]]', 'ragged', 'row 3 (line 3, column 2) has 2 entries but row 1 has 3');
    expectFailure('# header comment\n1 2 3\n\n4 5 6\n7\n', 'ragged', 'row 3 (line 5) has 1 entry but row 1 (line 2) has 3');
  });

  it('names the row, column and text of a non-numeric entry', () => {
    expectFailure('[[1, 2], [3, "4"]]', 'not-a-number', 'entry at row 2, column 2 (line 1, column 14) is the string "4"');
    expectFailure('[[1, null]]', 'not-a-number', 'entry at row 1, column 2', 'is null');
    expectFailure('[[1, [2]]]', 'not-a-number', 'entry at row 1, column 2', 'is an array');
    expectFailure('# c\n1,2\n3,abc\n', 'not-a-number', 'entry at row 2, column 2 (line 3) is "abc"');
    expectFailure('a,1.5\n1,2\n', 'not-a-number', 'row 1, column 1 (line 1) is "a"', 'a header line?');
    expectFailure('1,,2\n', 'not-a-number', 'entry at row 1, column 2 (line 1) is empty');
    expectFailure('0x10,1\n', 'not-a-number', 'is "0x10"');
  });

  it('names the row, column and text of a non-finite entry', () => {
    expectFailure('[[1, 2], [1e400, 0]]', 'not-finite', 'entry at row 2, column 1 (line 1, column 11) is 1e400, which overflows a double to Infinity');
    expectFailure('1 NaN\n', 'not-finite', 'entry at row 1, column 2 (line 1) is "NaN"');
    expectFailure('1\n-inf\n', 'not-finite', 'entry at row 2, column 1 (line 2) is "-inf"');
    expectFailure('1e999\n', 'not-finite', 'is "1e999", which overflows a double');
  });
});
