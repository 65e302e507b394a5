import { describe, expect, it } from 'vitest';

import { Rational } from './rational.js';

describe('Rational', () => {
  it('keeps lowest terms with a positive denominator', () => {
    const half = Rational.of(-3, -6);
    expect([half.numerator, half.denominator]).toEqual([1n, 2n]);
    const negative = Rational.of(4, -6);
    expect([negative.numerator, negative.denominator]).toEqual([-2n, 3n]);
    expect(Rational.of(0, 7).toString()).toBe('0');
  });

  it('does field arithmetic exactly', () => {
    const a = Rational.of(1, 3);
    const b = Rational.of(1, 6);
    expect(a.add(b).toString()).toBe('1/2');
    expect(a.sub(b).toString()).toBe('1/6');
    expect(a.mul(b).toString()).toBe('1/18');
    expect(a.div(b).toString()).toBe('2');
    // 0.1 + 0.2 is not 0.3 in floating point; it is here.
    expect(Rational.of(1, 10).add(Rational.of(2, 10)).compare(Rational.of(3, 10))).toBe(0);
  });

  it('raises to integer powers, negative ones inverting', () => {
    expect(Rational.of(2, 3).pow(3).toString()).toBe('8/27');
    expect(Rational.of(2, 3).pow(-2).toString()).toBe('9/4');
    expect(Rational.of(5, 7).pow(0).toString()).toBe('1');
    expect(() => Rational.of(2).pow(0.5)).toThrow(expect.objectContaining({ name: 'InputError', argument: 'exponent' }));
  });

  it('throws on a zero denominator and on division by zero', () => {
    expect(() => Rational.of(1, 0)).toThrow(expect.objectContaining({ name: 'InputError', argument: 'denominator' }));
    expect(() => Rational.one.div(Rational.zero)).toThrow(expect.objectContaining({ name: 'InputError', argument: 'other' }));
    expect(() => Rational.zero.pow(-1)).toThrow(expect.objectContaining({ name: 'InputError', argument: 'other' }));
  });

  it('converts huge operands to the nearest double without Infinity/Infinity', () => {
    const big = 10n ** 400n;
    expect(Rational.of(3n * big, 2n * big + 1n).toNumber()).toBeCloseTo(1.5, 12);
    expect(Rational.of(1n, big).toNumber()).toBe(0);
    expect(Rational.of(-7, 4).toNumber()).toBe(-1.75);
  });

  it('reports sign and order', () => {
    expect(Rational.of(-1, 9).sign()).toBe(-1);
    expect(Rational.zero.sign()).toBe(0);
    expect(Rational.of(2, 3).compare(Rational.of(3, 4))).toBe(-1);
  });
});
