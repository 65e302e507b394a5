/**
 * The typed input error of the checkers' packages and the checks they share. Harness and the
 * symbolic catalog depend on nothing mathematical, @factorflow/core included, so they cannot throw
 * core's FactorflowInputError; InputError keeps the same contract: a stable `code`, the `argument`
 * to change, and a message that starts with that name and says what to do.
 */

/** What was wrong with an input, in the vocabulary of core's FactorflowErrorCode. */
export type InputErrorCode = 'not-a-matrix' | 'not-finite' | 'shape' | 'out-of-range';

/**
 * Bad input to a function of @factorflow/harness or @factorflow/symbolic: `code` is a stable tag,
 * `argument` names the parameter (or field) to change, and the message says how.
 *
 * @example
 * ```ts
 * try { textTable(['a', 'b'], [['1']]); }
 * catch (error) { if (error instanceof InputError && error.argument === 'rows') { ... } }
 * ```
 */
export class InputError extends Error {
  override readonly name = 'InputError';

  /**
   * @param code - what was wrong.
   * @param argument - the parameter or field to change, e.g. `rows[1]`.
   * @param message - what was wrong and what to do; the argument's name is put in front.
   */
  constructor(
    readonly code: InputErrorCode,
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
  }
}

/**
 * What `value` is, for an error message; safe for every value (a symbol, a bigint, a frozen
 * object), unlike a template literal, which throws on a symbol.
 *
 * @param value - anything.
 * @returns e.g. `null`, `the string 'x'`, `an array of length 3`, `an object (Map)`.
 * @example
 * ```ts
 * describeValue(Symbol('x')); // 'a symbol'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  switch (typeof value) {
    case 'number':
    case 'boolean':
      return String(value);
    case 'string':
      return `the string '${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
    case 'bigint':
      return `the bigint ${value.toString()}n`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
  }
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return `an object (${(value as object).constructor?.name ?? 'no prototype'})`;
}

/** Checks an integer lies in [min, max]. */
export function requireIntegerIn(value: unknown, argument: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError('out-of-range', argument, `must be an integer in [${min}, ${max}], got ${describeValue(value)}.`);
  }
  return value;
}

/** Checks a value is a string. */
export function requireText(value: unknown, argument: string): string {
  if (typeof value !== 'string') throw new InputError('out-of-range', argument, `must be a string, got ${describeValue(value)}.`);
  return value;
}

/** Checks a value is a function; `signature` shows how it is called. */
export function requireCallback(value: unknown, argument: string, signature: string): void {
  if (typeof value !== 'function') throw new InputError('out-of-range', argument, `expected a function ${signature}, got ${describeValue(value)}.`);
}

/** Checks a value is a plain object (not null, an array or a primitive); `shape` lists its fields. */
export function requireRecord(value: unknown, argument: string, shape: string): Readonly<Record<string, unknown>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError('out-of-range', argument, `expected an object ${shape}, got ${describeValue(value)}; pass the fields as one object.`);
  }
  return value as Readonly<Record<string, unknown>>;
}

/**
 * Checks a value is an array with no holes and at most `maxLength` entries (checked first, so a
 * length of 3e9 fails at once), and each entry with `entry`, blamed as `argument[i]`.
 */
export function requireArray(value: unknown, argument: string, maxLength: number, entry: (item: unknown, argument: string) => unknown): readonly unknown[] {
  if (!Array.isArray(value)) throw new InputError('out-of-range', argument, `expected an array, got ${describeValue(value)}.`);
  if (value.length > maxLength) throw new InputError('shape', argument, `has ${value.length} entries, more than ${maxLength}; pass fewer.`);
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) throw new InputError('out-of-range', argument, `entry ${i} is missing (the array has a hole there); give every entry.`);
    entry(value[i], `${argument}[${i}]`);
  }
  return value;
}
