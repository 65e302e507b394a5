/** The split of a catalog statement written as a sentence into prose and inline math (no browser). */
import { describe, expect, it } from 'vitest';

import { statementProse } from '../src/components/paper/statementProse';

describe('statementProse', () => {
  it('turns top-level \\text into words and the TeX between into inline math', () => {
    expect(statementProse(String.raw`U(0) = \alpha^{1/2}\bar U_0 \text{ for some scale } \alpha > 0`)).toBe(String.raw`$U(0) = \alpha^{1/2}\bar U_0$ for some scale $\alpha > 0$`);
    expect(statementProse(String.raw`\text{(3) is a special form of matrix Riccati differential equations}`)).toBe('(3) is a special form of matrix Riccati differential equations');
  });

  it('keeps math inside \\text and escaped braces as they are', () => {
    expect(statementProse(String.raw`\{x\} \text{ holds for all $i \le K$}`)).toBe(String.raw`$\{x\}$ holds for all $i \le K$`);
  });

  it('leaves a statement alone when splitting would break its structure', () => {
    expect(statementProse(String.raw`\frac{\text{a}}{b} = 1`)).toBeNull();
    expect(statementProse(String.raw`\begin{aligned} a &= b \text{ here} \end{aligned}`)).toBeNull();
    expect(statementProse(String.raw`W' = WY + YW - 2W^2`)).toBeNull();
  });
});

describe('statementProse with an environment between the words', () => {
  it('keeps the environment whole inside one inline formula', () => {
    expect(statementProse(String.raw`\text{the flow: } \dot Z = A Z \text{ when } \bar Y = \begin{bmatrix}0 & Y\\ Y^\top & 0\end{bmatrix}`)).toBe(
      String.raw`the flow: $\dot Z = A Z$ when $\bar Y = \begin{bmatrix}0 & Y\\ Y^\top & 0\end{bmatrix}$`,
    );
  });
});

describe('statementProse at the edges of a formula', () => {
  it('drops the TeX spacing that only separated a formula from the words', () => {
    expect(statementProse(String.raw`i \le K\ (\alpha\sigma_{i,0} < \sigma_{i,Y}),\ \text{ for every } i\quad`)).toBe(
      String.raw`$i \le K\ (\alpha\sigma_{i,0} < \sigma_{i,Y}),$ for every $i$`,
    );
  });
});
