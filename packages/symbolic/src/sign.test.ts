import { describe, expect, it } from 'vitest';

import { fractionSign, parsePolynomial, polynomialSign, productSign } from './sign.js';

describe('parsePolynomial', () => {
  it('splits nerdamer output into monomials with exact coefficients', () => {
    const monomials = parsePolynomial('(-3/2)*c*x^2+a*b-x+7');
    expect(monomials).toBeDefined();
    const described = monomials!.map((monomial) => `${monomial.coefficient.toString()}:${[...monomial.powers].map(([name, power]) => `${name}^${power}`).join(',')}`);
    expect(described).toEqual(['-3/2:c^1,x^2', '1:a^1,b^1', '-1:x^1', '7:']);
  });

  it('accumulates repeated factors and keeps a leading minus', () => {
    const [monomial] = parsePolynomial('-x*x^2*y')!;
    expect(monomial.coefficient.toString()).toBe('-1');
    expect(monomial.powers.get('x')).toBe(3);
  });

  it('refuses anything that is not a plain polynomial', () => {
    expect(parsePolynomial('(a+b)*c')).toBeUndefined();
    expect(parsePolynomial('e^(2*s*t)')).toBeUndefined();
    expect(parsePolynomial('sqrt(a)')).toBeUndefined();
  });
});

describe('polynomialSign', () => {
  it('decides signs from monomials and domains', () => {
    expect(polynomialSign('a^2+b', { b: 'positive' })).toBe('positive');
    expect(polynomialSign('a^2+b', { b: 'nonnegative' })).toBe('nonnegative');
    expect(polynomialSign('-a*b-c^2', { a: 'positive', b: 'nonnegative' })).toBe('nonpositive');
    expect(polynomialSign('-a*b-3', { a: 'positive', b: 'positive' })).toBe('negative');
    expect(polynomialSign('0', {})).toBe('zero');
  });

  it('says unknown rather than guess', () => {
    // a - b has either sign even when both are positive.
    expect(polynomialSign('a-b', { a: 'positive', b: 'positive' })).toBe('unknown');
    // An odd power of a symbol without a domain.
    expect(polynomialSign('x^3+1', {})).toBe('unknown');
    // (a - b)^2 >= 0 is true but not visible monomial by monomial: the engine does not claim it.
    expect(polynomialSign('a^2-2*a*b+b^2', { a: 'positive', b: 'positive' })).toBe('unknown');
  });
});

describe('productSign and fractionSign', () => {
  it('multiplies signs, weakening strictness', () => {
    expect(productSign(['negative', 'negative'])).toBe('positive');
    expect(productSign(['negative', 'nonnegative'])).toBe('nonpositive');
    expect(productSign(['positive', 'zero', 'unknown'])).toBe('zero');
    expect(productSign(['positive', 'unknown'])).toBe('unknown');
  });

  it('requires strictly signed denominators', () => {
    expect(fractionSign('nonnegative', ['negative'])).toBe('nonpositive');
    expect(fractionSign('positive', ['nonnegative'])).toBe('unknown');
  });
});
