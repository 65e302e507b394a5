import { describe, expect, it } from 'vitest';

import { runCheck } from './check.js';
import { add, div, sym } from './expr.js';
import { fractionTeX, polynomialTeX } from './tex.js';

describe('residuals as TeX and as text', () => {
  it('write symbols in the paper notation and a fraction with repeated factors as powers', () => {
    expect(fractionTeX({ numerator: 'sigma1^2*v1^3*w11', denominator: ['v1', 'sigma1', 'v1', 'sigma1'] })).toBe(String.raw`\frac{\sigma_{1}^{2}\,v_{1}^{3}\,w_{11}}{v_{1}^{2}\,\sigma_{1}^{2}}`);
    expect(polynomialTeX('(-3/2)*CE*s0+alpha*sl')).toBe(String.raw`-\tfrac{3}{2}\,C_\varepsilon\,\sigma_{l,0} +\alpha\,\sigma_{l,Y}`);
    expect(fractionTeX({ numerator: '2', denominator: ['1+g1'] })).toBe(String.raw`\frac{2}{(1 +g_{1})}`);
  });

  it('elide long numerators after 8 terms, counting the rest', () => {
    const text = Array.from({ length: 11 }, (_, i) => `x${i + 1}`).join('+');
    expect(polynomialTeX(text)).toMatch(/\\dots\\ \(3\\text\{ more terms\}\)$/);
  });

  it('print a failing residual as (numerator) / (factor * factor), so precedence is unambiguous', () => {
    const [a, b] = [sym('a'), sym('b')];
    // a/(1 + b) - a/b = -a / ((1 + b) b).
    const result = runCheck({ kind: 'identity', lhs: div(a, add(1, b)), rhs: div(a, b) }, 1);
    expect(result.verdict).toBe('fails');
    expect(result.residual).toMatch(/^\(-a\) \/ \((\(1\+b\) \* b|b \* \(1\+b\))\)$/);
  });
});
