/**
 * Sign analysis of expanded polynomials: a polynomial is non-negative on the hypotheses' domain
 * when every monomial is (coefficient sign times the signs of its variables), and positive when
 * in addition one monomial is strictly positive. Deliberately small and explicit: what it cannot
 * decide is reported as unknown, never guessed.
 */
import { Rational } from './rational.js';
import { requireArray, requireDomains, requireSign, requireText } from './validate.js';

/** Where a variable lives. Symbols without a domain are real of unknown sign. */
export type Domain = 'positive' | 'nonnegative';

export type Sign = 'positive' | 'nonnegative' | 'zero' | 'nonpositive' | 'negative' | 'unknown';

export interface Monomial {
  readonly coefficient: Rational;
  readonly powers: ReadonlyMap<string, number>;
}

/** Most factors of a product whose sign is asked for: far more than a factored polynomial has. */
const MAX_FACTORS = 1 << 20;

const TERM = /^(?:\((-?\d+(?:\/\d+)?)\)|(\d+(?:\/\d+)?)|([a-zA-Z][a-zA-Z0-9]*)(?:\^(\d+))?)$/;

function parseRational(text: string): Rational {
  const [p, q] = text.split('/');
  return Rational.of(BigInt(p), BigInt(q ?? '1'));
}

/**
 * Splits nerdamer's expanded output (`(-3/2)*c*x^2+a*b-x`) into monomials; returns undefined
 * for any text that is not a plain polynomial, so the caller can say "unknown".
 */
export function parsePolynomial(text: string): Monomial[] | undefined {
  requireText(text, 'text');
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if ((ch === '+' || ch === '-') && depth === 0 && i > start && text[i - 1] !== '^') {
      terms.push(text.slice(start, i));
      start = i;
    }
  }
  terms.push(text.slice(start));
  const monomials: Monomial[] = [];
  for (let term of terms) {
    let coefficient = Rational.one;
    if (term.startsWith('+')) term = term.slice(1);
    if (term.startsWith('-')) {
      coefficient = coefficient.neg();
      term = term.slice(1);
    }
    const powers = new Map<string, number>();
    for (const factor of term.split('*')) {
      const match = TERM.exec(factor);
      if (!match) return undefined;
      if (match[1] !== undefined) coefficient = coefficient.mul(parseRational(match[1]));
      else if (match[2] !== undefined) coefficient = coefficient.mul(parseRational(match[2]));
      else powers.set(match[3], (powers.get(match[3]) ?? 0) + Number(match[4] ?? '1'));
    }
    monomials.push({ coefficient, powers });
  }
  return monomials;
}

function monomialSign(monomial: Monomial, domains: Readonly<Record<string, Domain>>): Sign {
  const sign = monomial.coefficient.sign();
  if (sign === 0) return 'zero';
  let strict = true;
  for (const [name, power] of monomial.powers) {
    const domain = domains[name];
    if (domain === 'positive') continue;
    if (domain === 'nonnegative') strict = false;
    else if (power % 2 === 0) strict = false;
    else return 'unknown';
  }
  if (sign < 0) return strict ? 'negative' : 'nonpositive';
  return strict ? 'positive' : 'nonnegative';
}

/** The sign of an expanded polynomial on the domain, from the signs of its monomials. */
export function polynomialSign(text: string, domains: Readonly<Record<string, Domain>>): Sign {
  requireText(text, 'text');
  requireDomains(domains, 'domains');
  if (text === '0') return 'zero';
  const monomials = parsePolynomial(text);
  if (monomials === undefined) return 'unknown';
  const signs = monomials.map((monomial) => monomialSign(monomial, domains));
  if (signs.every((sign) => sign === 'positive' || sign === 'nonnegative' || sign === 'zero'))
    return signs.includes('positive') ? 'positive' : 'nonnegative';
  if (signs.every((sign) => sign === 'negative' || sign === 'nonpositive' || sign === 'zero'))
    return signs.includes('negative') ? 'negative' : 'nonpositive';
  return 'unknown';
}

const FLIP: Record<Sign, Sign> = {
  positive: 'negative',
  nonnegative: 'nonpositive',
  zero: 'zero',
  nonpositive: 'nonnegative',
  negative: 'positive',
  unknown: 'unknown',
};

/** The sign of a product from the signs of its factors. */
export function productSign(signs: readonly Sign[]): Sign {
  requireArray(signs, 'signs', MAX_FACTORS, requireSign);
  let result: Sign = 'positive';
  for (const sign of signs) {
    if (sign === 'zero') return 'zero';
    if (sign === 'unknown') return 'unknown';
    const negative = sign === 'negative' || sign === 'nonpositive';
    const strict = sign === 'positive' || sign === 'negative';
    let magnitude: Sign = result;
    if (!strict) magnitude = result === 'positive' ? 'nonnegative' : result === 'negative' ? 'nonpositive' : result;
    result = negative ? FLIP[magnitude] : magnitude;
  }
  return result;
}

/** The sign of numerator / (product of denominator factors); a denominator factor must be strictly signed. */
export function fractionSign(numerator: Sign, denominator: readonly Sign[]): Sign {
  requireSign(numerator, 'numerator');
  requireArray(denominator, 'denominator', MAX_FACTORS, requireSign);
  if (denominator.some((sign) => sign !== 'positive' && sign !== 'negative')) return 'unknown';
  return productSign([numerator, ...denominator]);
}
