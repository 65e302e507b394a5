import { describe, expect, it } from 'vitest';

import { plainMath } from './plainText.js';

describe('plainMath (notes for the terminal)', () => {
  it('writes the formulas in the report\'s ASCII and leaves the prose alone', () => {
    expect(plainMath(String.raw`with $\sigma_{l,Y} - \alpha\sigma_{l,0} \ge 0$ only`)).toBe('with sigma_{l,Y} - alpha sigma_{l,0} >= 0 only');
    expect(plainMath(String.raw`no $0\cdot\infty$ here`)).toBe('no 0 * infinity here');
    expect(plainMath(String.raw`$\|V_{22}^{-1}\| \le M$`)).toBe('||V_{22}^{-1}|| <= M');
    expect(plainMath(String.raw`$c\sigma_{i,0} \ll \sigma_{i,Y}$`)).toBe('c sigma_{i,0} << sigma_{i,Y}');
    expect(plainMath('no formula, 100% prose')).toBe('no formula, 100% prose');
  });

  it('writes fractions, accents, transposes and matrices', () => {
    expect(plainMath(String.raw`$\frac{1}{2\sigma_{k+1}} - \tfrac12$`)).toBe('1/(2 sigma_{k+1}) - 1/2');
    expect(plainMath(String.raw`$V = \tilde W_0^{-1}$, $\bar U_0^\top x$`)).toBe('V = W~_0^{-1}, Ubar_0^T x');
    expect(plainMath(String.raw`$\mathrm{diag}(\Sigma_Y, 0)$`)).toBe('diag(Sigma_Y, 0)');
    expect(plainMath(String.raw`$\frac15\begin{bmatrix}3 & -4\\ 4 & 3\end{bmatrix}$`)).toBe('1/5 [[3, -4], [4, 3]]');
  });
});
