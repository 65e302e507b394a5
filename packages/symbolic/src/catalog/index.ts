/** The whole catalog, in the paper's order. */
import type { CatalogEntry } from '../entry.js';
import { asymmetricEntries } from './asymmetric.js';
import { corollary2Entries } from './corollary2.js';
import { gradientFlowEntries } from './gradientFlow.js';
import { justificationEntries } from './justifications.js';
import { proseEntries } from './prose/index.js';
import { proposition1Entries } from './proposition1.js';
import { readingEntries } from './readings.js';
import { theorem4ReasonEntries } from './reasons.js';
import { remarkEntries } from './remarks.js';
import { theorem3Entries } from './theorem3.js';
import { theorem4Entries } from './theorem4/index.js';

export const catalog: readonly CatalogEntry[] = [
  ...gradientFlowEntries,
  ...proposition1Entries,
  ...corollary2Entries,
  ...theorem3Entries,
  ...theorem4Entries,
  ...remarkEntries,
  ...asymmetricEntries,
  ...justificationEntries,
  ...theorem4ReasonEntries,
  ...readingEntries,
  ...proseEntries,
];

/** The hypotheses of Theorems 3 and 4 as named in the entries' `uses`, with their statements. */
export const theoremHypotheses: readonly { readonly id: string; readonly theorems: string; readonly statement: string }[] = [
  { id: 'distinct (ordering)', theorems: '3, 4', statement: String.raw`\sigma_{1,Y} > \dots > \sigma_{K,Y} \text{ distinct}` },
  { id: 'eps <= sigma_K', theorems: '3, 4', statement: String.raw`0 < \varepsilon \le \sigma_{K,Y}` },
  { id: 'eps <= 1', theorems: '4', statement: String.raw`\varepsilon \le 1` },
  { id: 'log-ratio', theorems: '3, 4', statement: String.raw`\frac{-\log\alpha + \log c_\varepsilon}{-\log\alpha + \log C_\varepsilon} > \max_k\frac{\sigma_{k+1}}{\sigma_k}` },
  { id: 'alpha <= c_eps', theorems: '3', statement: String.raw`\alpha \le c_\varepsilon` },
  { id: 'alpha <= c_eps/M', theorems: '4', statement: String.raw`\alpha \le c_\varepsilon/M` },
  { id: 'sigma_{i,0} > 0 (i <= K)', theorems: '3', statement: String.raw`\sigma_{i,0} > 0,\ 1 \le i \le K` },
  { id: 'W0 invertible', theorems: '4', statement: String.raw`\tilde W_0 \text{ invertible}` },
];
