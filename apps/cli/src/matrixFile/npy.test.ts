import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { failFor, thrown } from '../testing/errors.js';
import { MatrixFileError } from './errors.js';
import { encodeNpy, isNpy, matrixFromNpy } from './npy.js';

const fail = failFor('m.npy');
const failure = (bytes: Uint8Array): MatrixFileError => thrown(() => matrixFromNpy(bytes, fail), MatrixFileError);

/** A `.npy` file with the given header dict and data bytes, laid out by the format's rules (version 1.0 unless given). */
function npy(dict: string, data: Uint8Array, version: 1 | 2 = 1): Uint8Array {
  const preamble = version === 1 ? 10 : 12;
  const padding = (64 - ((preamble + dict.length + 1) % 64)) % 64;
  const header = new TextEncoder().encode(`${dict}${' '.repeat(padding)}\n`);
  const bytes = new Uint8Array(preamble + header.length + data.length);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(bytes.buffer);
  if (version === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  bytes.set(header, preamble);
  bytes.set(data, preamble + header.length);
  return bytes;
}

const float64 = (...values: number[]): Uint8Array => new Uint8Array(new Float64Array(values).buffer);

describe('encodeNpy', () => {
  it('writes what np.save writes for a float64 array: version 1.0, <f8, C order, data aligned to 64 bytes', () => {
    const bytes = encodeNpy({ shape: [2, 3], data: [1, 2, 3, 4, 5, 6] });
    expect(isNpy(bytes)).toBe(true);
    const headerLength = new DataView(bytes.buffer).getUint16(8, true);
    expect((10 + headerLength) % 64).toBe(0);
    expect(new TextDecoder().decode(bytes.subarray(10, 10 + headerLength))).toMatch(/^\{'descr': '<f8', 'fortran_order': False, 'shape': \(2, 3\), \} *\n$/);
    expect(bytes.length).toBe(10 + headerLength + 6 * 8);
    expect(new TextDecoder().decode(encodeNpy({ shape: [4], data: [1, 2, 3, 4] }).subarray(10, 70))).toContain("'shape': (4,), }");
  });

  it('round-trips any finite matrix through the reader', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
    const matrix = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([rows, columns]) => fc.array(fc.array(finite, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));
    fc.assert(
      fc.property(matrix, (rows) => {
        const read = matrixFromNpy(encodeNpy({ shape: [rows.length, rows[0].length], data: rows.flat() }), fail);
        read.forEach((row, i) => row.forEach((value, j) => expect(Object.is(value, rows[i][j])).toBe(true)));
      }),
      { seed: 20251124, numRuns: 100 },
    );
  });
});

describe('matrixFromNpy', () => {
  it("reads a version 2.0 header, Python 2's long shapes and a header in double quotes", () => {
    expect(matrixFromNpy(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2), }", float64(1, 2), 2), fail)).toEqual([[1, 2]]);
    expect(matrixFromNpy(npy("{'descr': '<f8', 'fortran_order': True, 'shape': (2L, 1L)}", float64(3, 4)), fail)).toEqual([[3], [4]]);
    expect(matrixFromNpy(npy('{"descr": "<f8", "shape": (1, 1), "fortran_order": False}', float64(5)), fail)).toEqual([[5]]);
  });

  it('refuses a truncated file, trailing bytes, an unknown version and a header that is not a dict', () => {
    const dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }";
    expect(failure(npy(dict, float64(1, 2, 3))).message).toContain('needs 32 data bytes, but the file has 24: it is truncated');
    expect(failure(npy(dict, float64(1, 2, 3, 4, 5))).message).toContain('it has 8 bytes after the array of shape (2, 2)');
    const future = npy(dict, float64(1, 2, 3, 4));
    future[6] = 4;
    expect(failure(future).message).toContain('format version 4.0 is unknown');
    expect(failure(npy("{'descr': '<f8', 'shape': (2, 2)}", float64(1, 2, 3, 4))).message).toContain("has no 'fortran_order'");
    expect(failure(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2)", float64(1, 2, 3, 4))).message).toContain('is not a Python dict literal');
    expect(failure(npy("{'descr': 'f8', 'fortran_order': False, 'shape': (2, 2)}", float64(1, 2, 3, 4))).message).toContain("dtype 'f8' is not a numpy type string");
    expect(failure(new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 200, 0])).message).toContain('the header announces 200 bytes');
    for (const bytes of [npy(dict, float64(1, 2, 3)), future]) expect(failure(bytes).reason).toBe('invalid-npy');
  });

  it('refuses an array with a zero dimension as empty, and names a 0-D array', () => {
    expect(failure(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 0), }", new Uint8Array())).reason).toBe('empty');
    const scalar = failure(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", float64(1)));
    expect(scalar.reason).toBe('not-a-matrix');
    expect(scalar.message).toContain('holds a 0-D array of shape ()');
  });
});
