/**
 * Malformed and extreme arguments for the robustness suites: given the valid arguments of a public
 * function, variants that replace one argument (or one field of an options object) by something
 * wrong or extreme. Each variant says whether it must be refused: a value of another kind than the
 * valid one (a string for a number, null for an object, an array with holes) has no meaning, so
 * returning a result for it is a silent acceptance; a number out of range or a rescaled matrix may
 * be valid, and then only the contract holds (a finite result or a typed error).
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';

/** Where a variant goes: an argument position, then field names of plain objects. */
export type ArgumentPath = readonly [number, ...string[]];

/** One malformed or extreme argument, ready to be put in place of the valid one at `path`. */
export interface Variant {
  readonly path: ArgumentPath;
  /** What was done, for the failure report: 'holes', 'scaled by 1e-300', 'null'. */
  readonly label: string;
  readonly value: unknown;
  /** The value has no meaning here (another kind than the valid one, NaN): it must be refused. */
  readonly mustReject: boolean;
}

/** What a JavaScript value is, at the grain that decides whether a replacement is of the same kind. */
export type ValueKind =
  | 'undefined'
  | 'null'
  | 'number'
  | 'string'
  | 'boolean'
  | 'bigint'
  | 'symbol'
  | 'function'
  | 'matrix'
  | 'float64array'
  | 'typed-array'
  | 'array'
  | 'object';

export function kindOf(value: unknown): ValueKind {
  if (value === null) return 'null';
  if (Matrix.isMatrix(value)) return 'matrix';
  if (value instanceof Float64Array) return 'float64array';
  if (ArrayBuffer.isView(value)) return 'typed-array';
  if (Array.isArray(value)) return 'array';
  return typeof value as ValueKind;
}

/** Plain, unfrozen objects: the options objects whose fields get variants of their own. (A frozen one, such as a prepared target, is replaced whole.) */
export function isOpenRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && !Object.isFrozen(value);
}

/** Every place a variant can go: each argument, and each field of a plain options object, two levels deep. */
export function pathsOf(args: readonly unknown[]): ArgumentPath[] {
  const paths: ArgumentPath[] = [];
  const visit = (value: unknown, path: ArgumentPath) => {
    paths.push(path);
    if (path.length <= 2 && isOpenRecord(value)) for (const key of Object.keys(value)) visit(value[key], [...path, key]);
  };
  args.forEach((value, index) => visit(value, [index]));
  return paths;
}

export function valueAt(args: readonly unknown[], path: ArgumentPath): unknown {
  let value: unknown = args[path[0]];
  for (const key of path.slice(1)) value = (value as Record<string, unknown>)[key];
  return value;
}

/** A copy of `args` with `value` at `path`: the objects on the way are copied, never written to. */
export function withValueAt(args: readonly unknown[], path: ArgumentPath, value: unknown): unknown[] {
  const copy = [...args];
  const place = (container: unknown, keys: readonly string[]): unknown => {
    if (keys.length === 0) return value;
    const [key, ...rest] = keys;
    const record = container as Record<string, unknown>;
    return { ...record, [key]: place(record[key], rest) };
  };
  copy[path[0]] = place(args[path[0]], path.slice(1) as string[]);
  return copy;
}

/** Powers of ten from 1e-300 to 1e300: the scales of the robustness suites. */
const scale = fc.integer({ min: -300, max: 300 }).map((exponent) => ({ exponent, factor: 10 ** exponent }));
/** Grading rates: entry i of a vector (row and column i of a matrix) multiplied by 10^(-rate i). */
const grading = fc.integer({ min: 1, max: 150 });

export type Made = Omit<Variant, 'path'>;
const refused = (label: string, value: unknown): Made => ({ label, value, mustReject: true });
const allowed = (label: string, value: unknown): Made => ({ label, value, mustReject: false });

/** Hostile values of every kind, built afresh for each use so that no call can change another's. */
function genericValues(): Made[] {
  return [
    allowed('undefined', undefined),
    refused('null', null),
    refused('NaN', Number.NaN),
    allowed('Infinity', Infinity),
    allowed('-Infinity', -Infinity),
    allowed('-1', -1),
    allowed('0', 0),
    allowed('0.5', 0.5),
    allowed('3e9', 3e9),
    allowed('2^53 - 1', 2 ** 53 - 1),
    allowed('1e308', 1e308),
    allowed('5e-324', 5e-324),
    allowed("the string '1'", '1'),
    allowed("the string 'bogus'", 'bogus'),
    allowed('true', true),
    allowed('1n', 1n),
    allowed('a symbol', Symbol('hostile')),
    allowed('{}', {}),
    allowed('[]', []),
    allowed('[[]]', [[]]),
    // eslint-disable-next-line no-sparse-arrays
    refused('[[1, 0], <hole>]', [[1, 0], ,]),
    refused('Float64Array rows', [Float64Array.of(1, 0), Float64Array.of(0, 1)]),
    allowed('() => NaN', () => Number.NaN),
    allowed('{ length: 3e9 }', { length: 3e9 }),
  ];
}

/**
 * The generic hostile values for a path: refused when never valid (null, NaN, holes) or of
 * another kind than the valid value (undefined aside: it stands for an option not given), unless
 * the spec says any kind is meaningful there.
 */
function generic(valid: unknown, options: HostileOptions): Made[] {
  const validKind = kindOf(valid);
  return genericValues().map((made) => {
    if (options.anyKind || (options.nullable && made.value === null)) return { ...made, mustReject: false };
    const kind = kindOf(made.value);
    if (made.mustReject || kind === 'undefined' || kind === validKind || options.kinds?.includes(kind)) return made;
    // MatrixInput takes a Matrix or rows, and ArrayLike<number> a typed array: neither is another kind of argument there.
    const sameFamily = (validKind === 'array' || validKind === 'matrix') && (kind === 'array' || kind === 'matrix');
    return { ...made, mustReject: !sameFamily };
  });
}

/** Variants of a value: a fixed list tried one by one, and parametric ones (scales, grading) drawn at random. */
export interface Variants {
  readonly fixed: readonly Made[];
  readonly random: readonly fc.Arbitrary<Made>[];
}

const rescaled = <T>(valid: T, map: (factor: number) => unknown) =>
  scale.map(({ exponent, factor }) => allowed(`scaled by 1e${exponent}`, map(factor)));

function numberVariants(valid: number): Variants {
  return {
    fixed: [allowed('negated', -valid), allowed('plus 0.5', valid + 0.5), allowed('times 3e9', valid * 3e9), refused(`the string '${valid}'`, String(valid))],
    random: [rescaled(valid, (factor) => valid * factor)],
  };
}

function vectorVariants(valid: readonly number[]): Variants {
  const withLast = (label: string, entry: unknown, reject: boolean) => {
    const copy: unknown[] = [...valid];
    copy[copy.length - 1] = entry;
    return reject ? refused(label, copy) : allowed(label, copy);
  };
  const hole = [...valid];
  delete hole[0];
  return {
    fixed: [
      refused('a hole', hole),
      withLast("an entry '1'", '1', true),
      withLast('a NaN entry', Number.NaN, true),
      withLast('an Infinity entry', Infinity, false),
      withLast('a null entry', null, true),
      allowed('empty', []),
      allowed('a Float64Array', Float64Array.from(valid)),
      refused('length 3e9 (sparse)', new Array(3e9)),
      refused('{ length: -1 }', { length: -1 }),
    ],
    random: [
      rescaled(valid, (factor) => valid.map((x) => x * factor)),
      grading.map((rate) => allowed(`graded 10^(-${rate} i)`, valid.map((x, i) => x * 10 ** (-rate * i)))),
    ],
  };
}

/** D M D with D = diag(10^(-rate i / 2)): graded, and symmetric when M is. */
function graded(rows: number[][], rate: number): number[][] {
  return rows.map((row, i) => row.map((x, j) => x * 10 ** (-rate * (i + j) / 2)));
}

function matrixVariants(valid: number[][]): Variants {
  const copy = () => valid.map((row): unknown[] => [...row]);
  const withFirst = (label: string, value: unknown, reject: boolean) => {
    const rows = copy();
    rows[0][0] = value;
    return reject ? refused(label, rows) : allowed(label, rows);
  };
  const rowHole = copy();
  delete rowHole[rowHole.length - 1];
  const entryHole = copy();
  delete entryHole[0][0];
  // Entries near the largest double, placed symmetrically so a symmetric argument stays symmetric.
  const nearOverflow = copy();
  if (valid[0].length > 1) nearOverflow[0][1] = 1e308;
  if (valid.length > 1 && valid[1].length > 0) nearOverflow[1][0] = 1e308;
  return {
    fixed: [
      refused('a missing row (hole)', rowHole),
      refused('a missing entry (hole)', entryHole),
      refused('Float64Array rows', valid.map((row) => Float64Array.from(row))),
      withFirst("an entry '1'", '1', true),
      withFirst('a NaN entry', Number.NaN, true),
      withFirst('an Infinity entry', Infinity, true),
      withFirst('a null entry', null, true),
      allowed('entries near 1e308', nearOverflow),
      refused('ragged', [...copy(), [...valid[0], 0]]),
      refused('a row of no entries', [[]]),
      refused('no rows', []),
      allowed('a Matrix', new Matrix(valid)),
      allowed('transposed', new Matrix(valid).transpose().to2DArray()),
    ],
    random: [
      rescaled(valid, (factor) => valid.map((row) => row.map((x) => x * factor))),
      grading.map((rate) => allowed(`graded by 10^(-${rate} (i + j) / 2)`, graded(valid, rate))),
    ],
  };
}

function float64Variants(valid: Float64Array): Variants {
  const withNaN = valid.slice();
  withNaN[withNaN.length - 1] = Number.NaN;
  return {
    fixed: [
      allowed('one entry longer', Float64Array.of(...valid, 1)),
      allowed('empty', new Float64Array(0)),
      ...(valid.length > 0 ? [refused('a NaN entry', withNaN)] : []),
      refused('a plain array', Array.from(valid)),
      refused('a Float32Array', Float32Array.from(valid)),
    ],
    random: [
      rescaled(valid, (factor) => valid.map((x) => x * factor)),
      grading.map((rate) => allowed(`graded 10^(-${rate} i)`, valid.map((x, i) => x * 10 ** (-rate * i)))),
    ],
  };
}

function stringVariants(options: HostileOptions): Variants {
  const make = (label: string, value: string): Made => ({ label, value, mustReject: !options.freeText && !options.anyKind });
  return { fixed: [make("'bogus'", 'bogus'), make('the empty string', ''), make("'Infinity'", 'Infinity')], random: [] };
}

/** What a spec says about the valid value at one path, which decides what must be refused there. */
export interface HostileOptions {
  /** Any string is a valid value here (a name, a label), so a different string need not be refused. */
  readonly freeText?: boolean;
  /** Any kind of value is meaningful here (an opaque payload), so no kind change must be refused. */
  readonly anyKind?: boolean;
  /** An amount of work the caller asks for (iterations, steps): no variant above `maxWork`. */
  readonly maxWork?: number;
  /** null is a documented value here (`number | null`), so it need not be refused (nor, when the valid value is null, another kind). */
  readonly nullable?: boolean;
  /** Labels of variants not to try here: valid values that ask for a long run (undefined for 'every entry'). */
  readonly omit?: readonly string[];
  /** Further kinds of value that are valid here besides the valid value's own (an operand is an expression or a number). */
  readonly kinds?: readonly ValueKind[];
}

/** A number of rows as a matrix of numbers (a Matrix, or rows of numbers), else null. */
function rowsOf(value: unknown): number[][] | null {
  const rows = Matrix.isMatrix(value) ? (value as Matrix).to2DArray() : value;
  if (!Array.isArray(rows) || rows.length === 0) return null;
  if (!rows.every((row) => Array.isArray(row) && row.length > 0 && row.every((x) => typeof x === 'number'))) return null;
  return rows as number[][];
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'number');
}

/** Hostile variants of the valid value `valid`: generic ones of every kind, and ones shaped like it. */
export function hostileValue(valid: unknown, options: HostileOptions = {}): Variants {
  const matrix = rowsOf(valid);
  const shaped: Variants =
    typeof valid === 'number'
      ? numberVariants(valid)
      : matrix !== null
        ? matrixVariants(matrix)
        : isNumberArray(valid)
          ? vectorVariants(valid)
          : valid instanceof Float64Array && valid.length > 0
            ? float64Variants(valid)
            : typeof valid === 'string'
              ? stringVariants(options)
              : typeof valid === 'boolean'
                ? { fixed: [allowed('negated', !valid)], random: [] }
                : { fixed: [], random: [] };
  const { maxWork } = options;
  // Any kind is meaningful here (or, for a nullable field whose valid value is null, any kind of value may be its type).
  const free = options.anyKind || (options.nullable && valid === null);
  // A huge iteration budget is a long run the caller asked for, not malformed input.
  const cap = (made: Made): Made =>
    maxWork !== undefined && typeof made.value === 'number' && made.value > maxWork
      ? allowed(`${made.label}, capped`, maxWork)
      : free && !Number.isNaN(made.value)
        ? { ...made, mustReject: false }
        : made;
  const fixed = [...generic(valid, options), ...shaped.fixed].filter((made) => !options.omit?.includes(made.label));
  return { fixed: fixed.map(cap), random: shaped.random.map((arbitrary) => arbitrary.map(cap)) };
}

/** Per-path options, keyed by the path's name ('options.eta', 'Y'). */
export type PathOptions = Readonly<Record<string, HostileOptions>>;

/** The name of a path: the parameter name, then the field names, joined by dots. */
export function pathName(path: ArgumentPath, parameters: readonly string[]): string {
  return [parameters[path[0]] ?? `argument ${path[0]}`, ...path.slice(1)].join('.');
}

/** Every fixed variant of the valid arguments `args` (each path in turn), and an arbitrary of the parametric ones. */
export function hostileVariants(
  args: readonly unknown[],
  parameters: readonly string[],
  pathOptions: PathOptions = {},
): { readonly fixed: Variant[]; readonly random: fc.Arbitrary<Variant> | null } {
  const fixed: Variant[] = [];
  const random: fc.Arbitrary<Variant>[] = [];
  for (const path of pathsOf(args)) {
    // anyKind covers the fields below a path too: they are as opaque as the value that holds them.
    const inherited = path.some((_, depth) => depth < path.length - 1 && pathOptions[pathName(path.slice(0, depth + 1) as unknown as ArgumentPath, parameters)]?.anyKind);
    const own = pathOptions[pathName(path, parameters)];
    const variants = hostileValue(valueAt(args, path), inherited ? { ...own, anyKind: true } : own);
    fixed.push(...variants.fixed.map((made) => ({ ...made, path })));
    random.push(...variants.random.map((arbitrary) => arbitrary.map((made): Variant => ({ ...made, path }))));
  }
  return { fixed, random: random.length === 0 ? null : fc.oneof(...random) };
}
