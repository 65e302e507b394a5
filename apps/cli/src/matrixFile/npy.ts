/**
 * NumPy's `.npy` format (numpy.lib.format, versions 1.0, 2.0 and 3.0): a magic string, a header
 * that is a Python dict literal (`descr`, `fortran_order`, `shape`), then the raw data. Our own
 * reader, because the npm readers we found pull in a fetch polyfill, ignore byte order or Fortran
 * order, or are CommonJS; the format is small and fully specified.
 */
import { endianness } from 'node:os';

import { type Fail, exactInteger, truncate } from './errors.js';

/** `\x93NUMPY`: how every `.npy` file starts, whatever its extension or source (a pipe too). */
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/** numpy aligns the data to 64 bytes (numpy.lib.format.ARRAY_ALIGN). */
const ALIGN = 64;

/** Whether the bytes start with the `.npy` magic string. */
export function isNpy(bytes: Uint8Array): boolean {
  return MAGIC.every((byte, i) => bytes[i] === byte);
}

/** A value of the header's Python literal. */
type PyValue =
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'tuple' | 'list'; readonly items: PyValue[] }
  | { readonly kind: 'dict'; readonly entries: Map<string, PyValue> };

/** How to read one element, by dtype kind and size. */
type ElementReader = (view: DataView, offset: number, little: boolean) => number | bigint;

const READERS: Readonly<Record<string, ElementReader>> = {
  f2: (view, offset, little) => halfToDouble(view.getUint16(offset, little)),
  f4: (view, offset, little) => view.getFloat32(offset, little),
  f8: (view, offset, little) => view.getFloat64(offset, little),
  i1: (view, offset) => view.getInt8(offset),
  i2: (view, offset, little) => view.getInt16(offset, little),
  i4: (view, offset, little) => view.getInt32(offset, little),
  i8: (view, offset, little) => view.getBigInt64(offset, little),
  u1: (view, offset) => view.getUint8(offset),
  u2: (view, offset, little) => view.getUint16(offset, little),
  u4: (view, offset, little) => view.getUint32(offset, little),
  u8: (view, offset, little) => view.getBigUint64(offset, little),
};

/** What numpy dtype kinds that are not real numbers are, and what to do instead. */
const UNSUPPORTED_KINDS: Readonly<Record<string, string>> = {
  b: 'booleans; save numbers instead: a.astype(np.float64)',
  c: 'complex numbers; factorflow needs a real matrix: save a.real if the imaginary part is 0',
  O: 'Python objects (a pickled object array); save a numeric array: np.asarray(a, dtype=np.float64)',
  U: 'strings; save a numeric array: a.astype(np.float64)',
  S: 'byte strings; save a numeric array: a.astype(np.float64)',
  a: 'byte strings; save a numeric array: a.astype(np.float64)',
  V: 'raw bytes or records; save one numeric field or a numeric array',
  M: 'datetimes; save a numeric array',
  m: 'time deltas; save a numeric array',
};

/**
 * The rows of a 2-D `.npy` array of a real numeric dtype (`f2`, `f4`, `f8`, `i1`..`i8`, `u1`..`u8`,
 * either byte order), in C or Fortran order, as doubles. Integers beyond 2^53 that a double cannot
 * hold exactly are refused, not rounded. A 1-D array is refused with the reshape that makes it a
 * matrix: whether a vector is a row or a column is the user's call.
 */
export function matrixFromNpy(bytes: Uint8Array, fail: Fail): number[][] {
  const invalid = (detail: string): never => fail('invalid-npy', `${detail} A .npy file (numpy.lib.format) is written by np.save(path, array).`);
  const major = bytes[6];
  const minor = bytes[7];
  if (bytes.length < 10 || ![1, 2, 3].includes(major)) {
    return invalid(bytes.length < 10 ? 'the file ends inside the .npy preamble.' : `format version ${major}.${minor} is unknown (known: 1.0, 2.0, 3.0).`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) return invalid('the file ends inside the .npy preamble.');
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = 8 + lengthBytes + headerLength;
  if (bytes.length < dataStart) return invalid(`the header announces ${headerLength} bytes but the file ends after ${bytes.length - 8 - lengthBytes}.`);
  // Versions 1.0 and 2.0 store the header in latin-1, 3.0 in UTF-8 (for unicode field names).
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(8 + lengthBytes, dataStart));
  let dict: PyValue;
  try {
    dict = parsePythonLiteral(header);
  } catch (error) {
    return invalid(`its header ${JSON.stringify(truncate(header.trim()))} is not a Python dict literal (${(error as Error).message}).`);
  }
  const field = (key: string): PyValue =>
    (dict.kind === 'dict' ? dict.entries.get(key) : undefined) ?? invalid(`its header ${JSON.stringify(truncate(header.trim()))} has no '${key}'.`);
  const descr = field('descr');
  const fortran = field('fortran_order');
  const shapeValue = field('shape');
  if (descr.kind === 'list') return fail('unsupported-type', 'holds a structured array (named fields); save one numeric field, np.save(path, a["name"]).');
  if (descr.kind !== 'str') return invalid("its 'descr' is not a dtype string.");
  if (fortran.kind !== 'bool') return invalid("its 'fortran_order' is not True or False.");
  const shape = shapeValue.kind === 'tuple' ? shapeValue.items.map((item) => (item.kind === 'int' ? item.value : -1)) : [-1];
  if (shape.includes(-1)) return invalid("its 'shape' is not a tuple of integers.");
  const { reader, size, little } = dtypeOf(descr.value, fail, invalid);
  const shown = `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
  if (shape.length !== 2) {
    const fix =
      shape.length === 1
        ? `make it 2-D first: a.reshape(-1, 1) for a column (${shape[0]} x 1) or a.reshape(1, -1) for a row (1 x ${shape[0]}).`
        : shape.length === 0
          ? 'save a 2-D array, e.g. np.array([[x]]).'
          : 'save one 2-D slice, e.g. a[-1] or a[0].';
    return fail('not-a-matrix', `holds a ${shape.length}-D array of shape ${shown}; a matrix is 2-D: ${fix}`);
  }
  const [rows, columns] = shape;
  if (rows === 0 || columns === 0) return fail('empty', `holds an array of shape ${shown}, which has no entries.`);
  const needed = rows * columns * size;
  const available = bytes.length - dataStart;
  if (available !== needed) {
    return invalid(
      available < needed
        ? `an array of shape ${shown} and dtype '${descr.value}' needs ${needed} data bytes, but the file has ${available}: it is truncated.`
        : `it has ${available - needed} bytes after the array of shape ${shown}: several arrays written to one file? Save one array per file.`,
    );
  }
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => {
      const where = `entry at row ${i + 1}, column ${j + 1} (index [${i}, ${j}])`;
      const value = reader(view, dataStart + (fortran.value ? j * rows + i : i * columns + j) * size, little);
      if (typeof value === 'bigint') return exactInteger(value, where, fail);
      if (!Number.isFinite(value)) return fail('not-finite', `${where} is ${value}; every entry must be finite.`);
      return value;
    }),
  );
}

/** The element reader, size and byte order of a dtype string such as `<f8`, `>i4` or `|u1`. */
function dtypeOf(descr: string, fail: Fail, invalid: (detail: string) => never): { reader: ElementReader; size: number; little: boolean } {
  const match = /^([<>|=])([a-zA-Z])(\d*)/.exec(descr);
  if (match === null) return invalid(`its dtype '${truncate(descr)}' is not a numpy type string such as '<f8'.`);
  const [, order, kind, digits] = match;
  const unsupported = UNSUPPORTED_KINDS[kind];
  if (unsupported !== undefined) return fail('unsupported-type', `has dtype '${descr}', which holds ${unsupported}.`);
  const reader = READERS[`${kind}${digits}`];
  if (reader === undefined) {
    const what = kind === 'f' ? 'a long double, which a double cannot hold exactly' : 'not a dtype factorflow reads';
    return fail('unsupported-type', `has dtype '${descr}', ${what}; save it as float64: a.astype(np.float64). Real dtypes read: float16/32/64, int8-64, uint8-64.`);
  }
  // '=' is the writer's native order; np.save always writes '<' or '>', so '=' comes from other writers on this machine.
  return { reader, size: Number(digits), little: order === '<' || order === '|' || (order === '=' && endianness() === 'LE') };
}

/** An IEEE half-precision bit pattern as a double (exact: every half is a double). */
function halfToDouble(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : Number.NaN;
  return sign * (1024 + fraction) * 2 ** (exponent - 25);
}

/**
 * The literal of an `.npy` header: a dict of strings, booleans, integers (Python 2's `5L`
 * included), tuples and lists. Throws an Error saying what was expected where.
 */
function parsePythonLiteral(text: string): PyValue {
  let i = 0;
  const expected = (what: string): never => {
    throw new Error(`expected ${what} at character ${i}`);
  };
  const skip = (): void => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const sequence = (close: string, item: () => void): void => {
    for (;;) {
      skip();
      if (text[i] === close) break;
      item();
      skip();
      if (text[i] === ',') i++;
      else if (text[i] !== close) expected(`',' or '${close}'`);
    }
    i++;
  };
  const value = (): PyValue => {
    skip();
    const c = text[i];
    if (c === "'" || c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== c) end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) expected(`a closing ${c}`);
      const result = text.slice(i + 1, end);
      i = end + 1;
      return { kind: 'str', value: result };
    }
    if (c === '(' || c === '[') {
      i++;
      const items: PyValue[] = [];
      sequence(c === '(' ? ')' : ']', () => items.push(value()));
      return { kind: c === '(' ? 'tuple' : 'list', items };
    }
    if (c === '{') {
      i++;
      const entries = new Map<string, PyValue>();
      sequence('}', () => {
        const key = value();
        if (key.kind !== 'str') expected('a string key');
        skip();
        if (text[i] !== ':') expected("':'");
        i++;
        entries.set(key.kind === 'str' ? key.value : '', value());
      });
      return { kind: 'dict', entries };
    }
    const word = /^(?:True|False|[+-]?\d+L?)/.exec(text.slice(i))?.[0] ?? expected('a value');
    i += word.length;
    if (word === 'True' || word === 'False') return { kind: 'bool', value: word === 'True' };
    const integer = Number(word.replace(/L$/, ''));
    if (!Number.isSafeInteger(integer) || integer < 0) expected('a dimension from 0 to 2^53');
    return { kind: 'int', value: integer };
  };
  const root = value();
  skip();
  if (i < text.length) expected('the end of the header');
  return root;
}

/** A C-order float64 array, as `--out FILE.npy` writes it. */
export interface NumberArray {
  readonly shape: readonly number[];
  /** The entries in C (row-major) order: the last index varies fastest. */
  readonly data: ArrayLike<number>;
}

/**
 * A `.npy` file, format version 1.0, dtype `<f8` (little-endian float64), C order: what
 * `np.save(path, np.asarray(a, dtype=np.float64))` writes, so `np.load` reads it on any machine.
 */
export function encodeNpy(array: NumberArray): Uint8Array {
  const shape = `(${array.shape.join(', ')}${array.shape.length === 1 ? ',' : ''})`;
  const dict = `{'descr': '<f8', 'fortran_order': False, 'shape': ${shape}, }`;
  // The preamble is 10 bytes; numpy pads the header with spaces and ends it with '\n' so that the data starts aligned.
  const padding = (ALIGN - ((10 + dict.length + 1) % ALIGN)) % ALIGN;
  const header = `${dict}${' '.repeat(padding)}\n`;
  const bytes = new Uint8Array(10 + header.length + array.data.length * 8);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  bytes.set([1, 0], 6);
  view.setUint16(8, header.length, true);
  bytes.set(new TextEncoder().encode(header), 10);
  for (let k = 0; k < array.data.length; k++) view.setFloat64(10 + header.length + 8 * k, array.data[k], true);
  return bytes;
}
