/**
 * The searches of the hypothesis-necessity suite as TeX, keyed by the search ids the report names
 * (packages/verify/src/suites/necessity): which hypothesis of Theorem 3 or 4 is dropped, and which
 * range of instances violates it alone. The suite states both in ASCII for terminals.
 */
import { hypothesisNameTeX } from '../live/shared/hypothesisTeX';

export interface SearchTeX {
  readonly theorem: 3 | 4;
  /** The hypothesis dropped. */
  readonly hypothesis: string;
  /** The instances searched: those that violate only that hypothesis. */
  readonly violation: string;
}

const named = (name: string, theorem: 3 | 4): string => {
  const tex = hypothesisNameTeX(name, theorem);
  if (tex === undefined) throw new Error(`no TeX for the hypothesis '${name}' in live/shared/hypothesisTeX.ts`);
  return tex;
};

const ALPHA_BOUNDS = String.raw`\text{both bounds on } \alpha`;

const SEARCHES: Readonly<Record<string, SearchTeX>> = {
  't3-distinct-singular-values': { theorem: 3, hypothesis: named('distinct-singular-values', 3), violation: String.raw`\sigma_{j,Y} = \sigma_{j+1,Y} \text{ for one } j` },
  't3-init-positive-on-support': { theorem: 3, hypothesis: named('init-positive-on-support', 3), violation: String.raw`\sigma_{j,0} = 0 \text{ for one } j \le K` },
  't3-epsilon-le-sigma-K': { theorem: 3, hypothesis: String.raw`\varepsilon \le \sigma_{K,Y}`, violation: String.raw`\sigma_{K,Y} < \varepsilon \le 4\sigma_{1,Y}` },
  't3-alpha-bounds': { theorem: 3, hypothesis: ALPHA_BOUNDS, violation: String.raw`\alpha_{\max} < \alpha \le C_\varepsilon` },
  't3-alpha-small': { theorem: 3, hypothesis: named('alpha-small', 3), violation: String.raw`c_\varepsilon < \alpha \le C_\varepsilon,\ K = 1` },
  't3-alpha-separation': { theorem: 3, hypothesis: named('alpha-separation', 3), violation: String.raw`\alpha_{\text{sep}} < \alpha \le c_\varepsilon,\ K \ge 2` },
  't4-distinct-singular-values': { theorem: 4, hypothesis: named('distinct-singular-values', 4), violation: String.raw`\sigma_{j,Y} = \sigma_{j+1,Y} \text{ for one } j` },
  't4-init-invertible': {
    theorem: 4,
    hypothesis: String.raw`\tilde W_0 \text{ invertible}`,
    violation: String.raw`r < n, \text{ or } \phi_j^\top\bar U_0 = 0 \text{ for one } j \le K`,
  },
  't4-init-invertible-on-ker-Y': {
    theorem: 4,
    hypothesis: String.raw`\tilde W_0 \text{ invertible on } \ker Y`,
    violation: String.raw`\phi_j^\top\bar U_0 = 0 \text{ for one } j > K \ (\sigma_{j,Y} = 0)`,
  },
  't4-epsilon-le-sigma-K': { theorem: 4, hypothesis: String.raw`\varepsilon \le \sigma_{K,Y}`, violation: String.raw`\sigma_{K,Y} < \varepsilon \le 1` },
  't4-epsilon-le-1': { theorem: 4, hypothesis: String.raw`\varepsilon \le 1`, violation: String.raw`1 < \varepsilon \le \sigma_{K,Y}` },
  't4-alpha-bounds': { theorem: 4, hypothesis: ALPHA_BOUNDS, violation: String.raw`\alpha_{\max} < \alpha \le C_\varepsilon` },
  't4-alpha-small': { theorem: 4, hypothesis: named('alpha-small', 4), violation: String.raw`c_\varepsilon / M < \alpha < \alpha_{\text{sep}},\ K \ge 2` },
  't4-alpha-small-K1': { theorem: 4, hypothesis: String.raw`${named('alpha-small', 4)},\ K = 1`, violation: String.raw`c_\varepsilon / M < \alpha < C_\varepsilon` },
  't4-alpha-separation': { theorem: 4, hypothesis: named('alpha-separation', 4), violation: String.raw`\alpha_{\text{sep}} < \alpha \le c_\varepsilon / M,\ K \ge 2` },
};

/** The TeX of a search; an id this table lacks is a build error naming the file to extend. */
export function searchTeX(id: string): SearchTeX {
  const found = SEARCHES[id];
  if (!found) throw new Error(`no TeX for the hypothesis-necessity search '${id}': add it to src/components/paper/necessityTeX.ts`);
  return found;
}
