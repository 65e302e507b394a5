/**
 * The hypotheses of Theorems 3 and 4 as TeX, keyed by the stable names core's planners give them.
 * Core states them in ASCII (its messages are read in terminals too); the site renders them with
 * KaTeX from this table instead of parsing that ASCII.
 */
import type { Hypothesis } from '@factorflow/core';

const SEPARATION = String.raw`\dfrac{-\log\alpha + \log c_\varepsilon}{-\log\alpha + \log C_\varepsilon} > \max_k \dfrac{\sigma_{k+1,Y}}{\sigma_{k,Y}}`;

const BY_NAME: Readonly<Record<string, string>> = {
  'distinct-singular-values': String.raw`\sigma_{1,Y} > \sigma_{2,Y} > \dots > \sigma_{K,Y} > 0`,
  'init-positive-on-support': String.raw`\sigma_{i,0} > 0 \text{ for } 1 \le i \le K`,
  'init-invertible': String.raw`\tilde W_0 = \Phi^\top\bar U_0\bar U_0^\top\Phi \text{ invertible (needs } r \ge n)`,
  'alpha-separation': SEPARATION,
};

/**
 * The hypothesis as TeX. `alpha-small` depends on the theorem (alpha <= c_eps for Theorem 3,
 * alpha <= c_eps / M for Theorem 4); a name this table does not know keeps core's statement, as text.
 */
export function hypothesisTeX(hypothesis: Hypothesis, theorem: 3 | 4): string {
  return hypothesisNameTeX(hypothesis.name, theorem) ?? String.raw`\text{${hypothesis.statement.replace(/[\\{}_^$&%#~]/g, ' ')}}`;
}

/** The hypothesis of that name as TeX, or undefined for a name this table does not know. */
export function hypothesisNameTeX(name: string, theorem: 3 | 4): string | undefined {
  if (name === 'alpha-small') return theorem === 3 ? String.raw`\alpha \le c_\varepsilon` : String.raw`\alpha \le c_\varepsilon / M`;
  return BY_NAME[name];
}
