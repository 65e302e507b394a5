/**
 * Exact rational numbers over BigInt, always in lowest terms with a positive denominator.
 * They carry the second, independent route of every identity check: evaluation at random
 * rational points, where no rounding can hide or invent a residual.
 */

import { InputError, describeValue, requireIntegerIn } from '@factorflow/harness';

/** Largest |exponent| of a power in the catalog's expressions: the catalog needs 3, and the symbolic route expands a power factor by factor. */
export const MAX_EXPONENT = 64;

/** Checks an integer for a Rational: a bigint, or a number that is a safe integer. */
export function requireWhole(value: unknown, argument: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw new InputError('out-of-range', argument, `must be an integer (a bigint, or a safe integer number), got ${describeValue(value)}.`);
}

/** Checks a value is a {@link Rational}. */
export function requireRational(value: unknown, argument: string): Rational {
  if (!(value instanceof Rational)) throw new InputError('out-of-range', argument, `expected a Rational (Rational.of(p, q)), got ${describeValue(value)}.`);
  return value;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** A rational number `numerator / denominator` in lowest terms, denominator > 0. */
export class Rational {
  readonly numerator: bigint;
  readonly denominator: bigint;

  private constructor(numerator: bigint, denominator: bigint) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /** The rational `numerator / denominator`; throws a RangeError when the denominator is 0. */
  static of(numerator: bigint | number, denominator: bigint | number = 1n): Rational {
    let p = requireWhole(numerator, 'numerator');
    let q = requireWhole(denominator, 'denominator');
    if (q === 0n) throw new InputError('out-of-range', 'denominator', 'is 0; a rational needs a non-zero denominator.');
    if (q < 0n) [p, q] = [-p, -q];
    const divisor = gcd(p, q);
    return divisor > 1n ? new Rational(p / divisor, q / divisor) : new Rational(p, q);
  }

  static readonly zero = Rational.of(0n);
  static readonly one = Rational.of(1n);

  add(other: Rational): Rational {
    requireRational(other, 'other');
    return Rational.of(this.numerator * other.denominator + other.numerator * this.denominator, this.denominator * other.denominator);
  }

  sub(other: Rational): Rational {
    return this.add(other.neg());
  }

  mul(other: Rational): Rational {
    requireRational(other, 'other');
    return Rational.of(this.numerator * other.numerator, this.denominator * other.denominator);
  }

  /** Throws a RangeError on division by zero, which callers treat as "point outside the domain". */
  div(other: Rational): Rational {
    requireRational(other, 'other');
    if (other.numerator === 0n) throw new InputError('out-of-range', 'other', 'is 0: division by zero; divide by a non-zero rational.');
    return Rational.of(this.numerator * other.denominator, this.denominator * other.numerator);
  }

  neg(): Rational {
    return new Rational(-this.numerator, this.denominator);
  }

  /** Integer power; negative exponents invert (and throw on 0). */
  pow(exponent: number): Rational {
    requireIntegerIn(exponent, 'exponent', -MAX_EXPONENT, MAX_EXPONENT);
    const base: Rational = exponent < 0 ? Rational.one.div(this) : this;
    const e = BigInt(Math.abs(exponent));
    return Rational.of(base.numerator ** e, base.denominator ** e);
  }

  sign(): -1 | 0 | 1 {
    return this.numerator === 0n ? 0 : this.numerator > 0n ? 1 : -1;
  }

  isZero(): boolean {
    return this.numerator === 0n;
  }

  compare(other: Rational): -1 | 0 | 1 {
    requireRational(other, 'other');
    return this.sub(other).sign();
  }

  /** Nearest double; exact digits are kept by `toString`. */
  toNumber(): number {
    // Shift both parts to at most 64 significant bits so huge operands do not become Infinity/Infinity.
    const bits = (value: bigint): number => (value < 0n ? -value : value).toString(2).length;
    const shift = Math.max(bits(this.numerator), bits(this.denominator)) - 64;
    if (shift <= 0) return Number(this.numerator) / Number(this.denominator);
    const scale = BigInt(shift);
    return Number(this.numerator >> scale) / Number(this.denominator >> scale);
  }

  toString(): string {
    return this.denominator === 1n ? this.numerator.toString() : `${this.numerator}/${this.denominator}`;
  }
}
