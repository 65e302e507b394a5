/**
 * The plain-text descriptions (src/remark/description.ts, texToText.ts) on the TeX the pages write.
 * The expected strings are written from how the formulas read, not from the code's output.
 */
import { describe, expect, it } from 'vitest';

import { plainDescription } from '../src/remark/description';
import { texToText } from '../src/remark/texToText';

describe('texToText', () => {
  it.each([
    [String.raw`U(0) = \alpha^{1/2}\bar U_0`, 'U(0) = α^(1/2)Ū₀'],
    [String.raw`W = UU^\top`, 'W = UUᵀ'],
    [String.raw`\|W(t) - \hat Y_k\|_2 \le \varepsilon`, '‖W(t) - Ŷₖ‖₂ ≤ ε'],
    [String.raw`\sigma_{1,Y} > \dots > \sigma_{K,Y} > 0`, 'σ_(1,Y) > … > σ_(K,Y) > 0'],
    [String.raw`c_\varepsilon = \frac{\varepsilon}{16M^2}`, 'c_ε = ε/(16M²)'],
    [String.raw`\tilde W_0 = \Phi^\top\bar U_0\bar U_0^\top\Phi`, 'W̃₀ = ΦᵀŪ₀Ū₀ᵀΦ'],
    [String.raw`\bar U_0 \in \mathbb R^{n\times r}`, 'Ū₀ ∈ ℝ^(n×r)'],
    [String.raw`\max\{\|V\|, \|V^{-1}\|\}`, 'max {‖V‖, ‖V⁻¹‖}'],
    [String.raw`\left(\begin{aligned} a &= b \\ c &= d \end{aligned}\right.`, '(a = b; c = d'],
    [String.raw`\mathcal I_k \ne \emptyset`, 'Iₖ ≠ ∅'],
    [String.raw`\foo_{ab}^{xy}`, 'foo_(ab)^(xy)'],
  ])('%s reads as %s', (tex, text) => {
    expect(texToText(tex)).toBe(text);
  });

  it('never leaves a backslash, a dollar or a braced script, whatever the input', () => {
    const samples = [String.raw`\frac{\sqrt{\alpha_{\max}}}{\log\frac{C_\varepsilon}{\alpha}}`, String.raw`x^{\hat{y}_{z}}`, String.raw`\unknown{a}{b}\$`, '{', '}}}', '\\'];
    for (const tex of samples) expect(texToText(tex)).not.toMatch(/\\|\$|\^\{|_\{/);
  });
});

describe('plainDescription', () => {
  it('takes the whole first paragraph, with its math as text and its markup dropped', () => {
    const content = [
      "import Checks from '@site/src/components/paper/Checks';",
      '',
      '# Theorem 4: incremental learning',
      '',
      'A general initialization $U(0) = \\alpha^{1/2}\\bar U_0$ no longer',
      'decouples the dynamics; see [`theorem4Plan`](./api/x.md) and *the proof*.',
      '',
      '$$',
      '\\dot W = WY',
      '$$',
    ].join('\n');
    expect(plainDescription(content)).toBe('A general initialization U(0) = α^(1/2)Ū₀ no longer decouples the dynamics; see theorem4Plan and the proof.');
  });

  it('cuts a long paragraph at a word and marks the cut', () => {
    const description = plainDescription(`${'word '.repeat(100)}end`) ?? '';
    expect(description.length).toBeLessThanOrEqual(302);
    expect(description.endsWith('word …')).toBe(true);
  });

  it('gives nothing for a page without prose, so Docusaurus keeps its default', () => {
    expect(plainDescription('# Title\n\n<Component />\n')).toBeUndefined();
  });
});
