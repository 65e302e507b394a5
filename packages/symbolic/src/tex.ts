/**
 * Residuals as TeX for the docs: the expanded numerator over its denominator factors as one
 * `\frac`, with the catalog's ASCII symbol names (`sigma1`, `w11`, `CE`) in the paper's notation.
 * Plain text keeps the terminal report; this is what a reader sees rendered by KaTeX.
 */
import type { Fraction } from './nerdamer.js';
import type { Rational } from './rational.js';
import { parsePolynomial, type Monomial } from './sign.js';

/** Terms of a numerator shown before the rest is elided (a residual can have hundreds). */
const MAX_TERMS = 8;

const GREEK = new Set(['alpha', 'sigma', 'phi', 'psi', 'tau', 'delta', 'gamma', 'lambda', 'rho', 'mu']);
/** Names the catalog abbreviates: C_eps, c_eps, sigma_{l,Y}, sigma_{l,0}, eps. */
const NAMED: Readonly<Record<string, string>> = {
  CE: String.raw`C_\varepsilon`,
  cE: String.raw`c_\varepsilon`,
  sl: String.raw`\sigma_{l,Y}`,
  s0: String.raw`\sigma_{l,0}`,
  eps: String.raw`\varepsilon`,
};

function symbolTeX(name: string): string {
  if (Object.hasOwn(NAMED, name)) return NAMED[name];
  const match = /^([a-zA-Z]+?)(\d*)$/.exec(name);
  if (!match) return String.raw`\mathrm{${name}}`;
  const [, letters, digits] = match;
  const base = GREEK.has(letters) ? `\\${letters}` : letters.length > 1 ? String.raw`\mathrm{${letters}}` : letters;
  return digits ? `${base}_{${digits}}` : base;
}

function coefficientTeX(value: Rational): string {
  const magnitude = value.sign() < 0 ? value.neg() : value;
  return magnitude.denominator === 1n ? magnitude.numerator.toString() : String.raw`\tfrac{${magnitude.numerator}}{${magnitude.denominator}}`;
}

function monomialTeX(monomial: Monomial, first: boolean): string {
  const factors = [...monomial.powers].map(([name, power]) => (power === 1 ? symbolTeX(name) : `${symbolTeX(name)}^{${power}}`));
  const unit = monomial.coefficient.numerator === monomial.coefficient.denominator || monomial.coefficient.numerator === -monomial.coefficient.denominator;
  const body = [...(unit && factors.length > 0 ? [] : [coefficientTeX(monomial.coefficient)]), ...factors].join(String.raw`\,`);
  const sign = monomial.coefficient.sign() < 0 ? '-' : first ? '' : '+';
  return `${sign}${body}`;
}

/** An expanded polynomial in nerdamer's text as TeX; at most MAX_TERMS terms, the rest counted. */
export function polynomialTeX(text: string): string {
  const monomials = parsePolynomial(text);
  if (monomials === undefined) return String.raw`\text{${text.replace(/[\\{}$&#%_^~]/g, ' ')}}`;
  const shown = monomials.slice(0, MAX_TERMS).map((monomial, index) => monomialTeX(monomial, index === 0));
  const rest = monomials.length - shown.length;
  return rest > 0 ? `${shown.join(' ')} + \\dots\\ (${rest}\\text{ more terms})` : shown.join(' ');
}

/** numerator / (d1 d2 ...) as `\frac{...}{...}`, repeated factors as powers, or the numerator alone. */
export function fractionTeX(fraction: Fraction): string {
  const numerator = polynomialTeX(fraction.numerator);
  if (fraction.denominator.length === 0) return numerator;
  const powers = new Map<string, number>();
  for (const factor of fraction.denominator) powers.set(factor, (powers.get(factor) ?? 0) + 1);
  const denominator = [...powers].map(([factor, power]) => {
    const body = polynomialTeX(factor);
    const bare = parsePolynomial(factor)?.length === 1 && (power === 1 || !/[\^,]/.test(body));
    const base = bare ? body : `(${body})`;
    return power === 1 ? base : `${base}^{${power}}`;
  });
  return String.raw`\frac{${numerator}}{${denominator.join(String.raw`\,`)}}`;
}
