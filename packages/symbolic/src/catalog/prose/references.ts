/**
 * Item 3 of issue 17, the citations: every equation reference of Sections II-III compared with
 * the catalog entry that holds the cited equation, and every identity block I_m compared with the
 * block it multiplies or pads. Both are readings of the text (a `reference` check), never proofs.
 */
import type { CatalogEntry } from '../../entry.js';
import type { ReferenceCheck } from '../../reference.js';
import { entryById, resolvedLabel } from '../lookup.js';

const category = 'text' as const;

/** The citations of one sentence, each with the id of the entry that holds what it cites. */
function citationCheck(about: string, citations: readonly (readonly [cited: string, holder: string])[]): ReferenceCheck {
  return {
    kind: 'reference',
    about,
    cited: citations.map(([cited]) => cited).join(', '),
    actual: citations.map(([cited, holder]) => resolvedLabel(cited, holder)).join(', '),
    source: `the equation labels of ${citations.map(([, holder]) => `${holder} (${entryById(holder).equation})`).join(', ')}`,
  };
}

interface Citation {
  readonly id: string;
  readonly section: string;
  readonly equation: string;
  readonly sentence: string;
  readonly about: string;
  readonly citations: readonly (readonly [string, string])[];
  readonly corrected?: { readonly sentence: string; readonly citations: readonly (readonly [string, string])[] };
}

function citationEntry(citation: Citation): CatalogEntry {
  const { corrected } = citation;
  return {
    id: citation.id,
    section: citation.section,
    equation: citation.equation,
    category,
    title: `cross-reference: ${citation.about}`,
    statement: citation.sentence,
    hypotheses: [],
    check: citationCheck(citation.about, citation.citations),
    ...(corrected ? { correction: { statement: corrected.sentence, check: citationCheck(citation.about, corrected.citations) } } : {}),
  };
}

const CITATIONS: readonly Citation[] = [
  {
    id: 'text.ref.prop1.8',
    section: 'II-A',
    equation: 'Prop. 1, proof',
    sentence: String.raw`\text{(9) is the solution obtained "by solving (8)", the LTI system of [23, 24]}`,
    about: 'the LTI system whose solution gives P = X2 X1^{-1}',
    citations: [['(8)', 'prop1.7-8.lemma']],
  },
  {
    id: 'text.ref.prop1.6',
    section: 'II-A',
    equation: '(9)',
    sentence: String.raw`\text{where } G(t), S(t) \text{ are defined in (6)}`,
    about: 'the definition of G(t) and S(t)',
    citations: [['(6)', 'prop1.G.limit']],
  },
  {
    id: 'text.ref.sec3A.2-3',
    section: 'III-A',
    equation: '(10)',
    sentence: String.raw`\text{Give the GF (2) \dots\ the induced ode on } W \text{ (3) becomes (10)}`,
    about: 'the gradient flow and the induced ODE on W',
    citations: [
      ['(2)', 'sec2.2.gradient.n2r2'],
      ['(3)', 'sec2.3.dynamics.n2r2'],
    ],
  },
  {
    id: 'text.ref.cor2.12-13',
    section: 'III-A',
    equation: '(12)-(13)',
    sentence: String.raw`\text{(12) is the learning trajectory for a non-zero singular mode \dots; (13) is the learning trajectory for a zero singular mode}`,
    about: 'the trajectories of a non-zero and of a zero eigenvalue',
    citations: [
      ['(12)', 'cor2.12.ode'],
      ['(13)', 'cor2.13.ode'],
    ],
  },
  {
    id: 'text.ref.thm3.W',
    section: 'III-A',
    equation: 'Thm. 3',
    sentence: String.raw`\text{the } W(t) \text{ in Corollary 2 satisfies (17)}`,
    about: 'the solution under spectral initialization',
    citations: [['Cor. 2', 'cor2.from-prop1']],
  },
  {
    id: 'text.ref.thm3.19-20',
    section: 'III-A',
    equation: '(19)-(20)',
    sentence: String.raw`\overset{(15)}{=} \text{ in (19) and } \overset{(14)}{=} \text{ in (20)}`,
    about: '(12) evaluated at log(C/alpha)/(2 sigma) and at log(c/alpha)/(2 sigma)',
    citations: [
      ['(15)', 'thm3.15'],
      ['(14)', 'thm3.14'],
    ],
  },
  {
    id: 'text.ref.thm3.18',
    section: 'III-A',
    equation: '(17)-(18)',
    sentence: String.raw`\text{With (19)(20)(21), the spectral bound in (18) is verified}`,
    about: 'the three scalar bounds and the bound they verify',
    citations: [
      ['(19)', 'thm3.19.star'],
      ['(20)', 'thm3.20.star'],
      ['(21)', 'thm3.21.bound'],
      ['(18)', 'thm3.18.reduction'],
    ],
  },
  {
    id: 'text.ref.thm4.closed-form',
    section: 'III-B',
    equation: 'Sec. III-B',
    sentence: String.raw`\text{By carefully partitioning the closed-form solution obtained in (1) \dots}`,
    about: 'the closed-form solution',
    citations: [['(1)', 'prop1.closed-form.n2']],
    corrected: {
      sentence: String.raw`\text{By carefully partitioning the closed-form solution obtained in (5) (Proposition 1) \dots}`,
      citations: [['(5)', 'prop1.closed-form.n2']],
    },
  },
  {
    id: 'text.ref.thm4.statement',
    section: 'III-B',
    equation: 'Thm. 4',
    sentence: String.raw`\text{the time intervals } \mathcal I_k \text{ defined in (16) are all non-empty, and the } W(t) \text{ in Proposition 1 satisfies (23)}`,
    about: 'the intervals I_k and the general closed form',
    citations: [
      ['(16)', 'thm3.16.length'],
      ['Prop. 1', 'prop1.closed-form.n2'],
    ],
  },
  {
    id: 'text.ref.thm4.blocks',
    section: 'III-B',
    equation: '(24)',
    sentence: String.raw`\text{Rewrite solution in blocks: From (5) in Proposition 1, \dots\ Then by (28), } \|\Delta\| \le \dots`,
    about: 'the closed form rewritten in blocks, and the bounds on S1, S2',
    citations: [
      ['(5)', 'prop1.closed-form.n2'],
      ['Prop. 1', 'prop1.closed-form.n2'],
      ['(28)', 'thm4.28.S1'],
    ],
  },
  {
    id: 'text.ref.remark.24',
    section: 'III-C2',
    equation: 'Remark III-C2',
    sentence: String.raw`\text{now we should analyze } \tilde W(t_k) = S(t_k)\alpha\tilde W_0\big(I_n + \alpha G(t_k)\tilde W_0\big)^{-1}S^\top(t_k) \text{ directly in (24)}`,
    about: 'the first line of (24)',
    citations: [['(24)', 'thm4.24']],
  },
];

/** The block sizes of one instance (n = 8, K = 3, k = 1), chosen so that every size below is distinct. */
const INSTANCE = { n: 8, K: 3, k: 1 } as const;
const SIGMA = [3, 2, 1];
/** The blocks of Y's eigenbasis in the instance, as the diagonal entries they hold. */
const BLOCKS: Readonly<Record<string, readonly number[]>> = {
  'Sigma_Y': SIGMA,
  'Sigma_k': SIGMA.slice(0, INSTANCE.k),
  'Sigma_k^c': SIGMA.slice(INSTANCE.k),
  'the zero eigenvalues': Array<number>(INSTANCE.n - INSTANCE.K).fill(0),
  'P = Phi^T W Phi': Array<number>(INSTANCE.n).fill(0),
};
/** The subscripts the paper writes, evaluated at the instance. */
const SUBSCRIPTS: Readonly<Record<string, number>> = {
  k: INSTANCE.k,
  'K-k': INSTANCE.K - INSTANCE.k,
  'n-K': INSTANCE.n - INSTANCE.K,
  K: INSTANCE.K,
  n: INSTANCE.n,
};

/** The subscript whose value at the instance is the size of `block`. */
function sizeName(block: string): string {
  const size = BLOCKS[block].length;
  const names = Object.entries(SUBSCRIPTS).filter(([, value]) => value === size);
  return names.length === 1 ? names[0][0] : `${size}`;
}

interface BlockUse {
  readonly id: string;
  readonly section: string;
  readonly equation: string;
  readonly statement: string;
  /** Each identity's subscript and the block it multiplies or pads. */
  readonly pairs: readonly (readonly [subscript: string, block: string])[];
  readonly corrected?: { readonly statement: string; readonly pairs: readonly (readonly [string, string])[] };
  readonly notes?: string;
}

function blockCheck(pairs: readonly (readonly [string, string])[]): ReferenceCheck {
  return {
    kind: 'reference',
    about: `the identity blocks next to ${pairs.map(([, block]) => block).join(', ')}`,
    cited: pairs.map(([subscript]) => `I_{${subscript}}`).join(', '),
    actual: pairs.map(([, block]) => `I_{${sizeName(block)}}`).join(', '),
    source: `the block sizes at n = ${INSTANCE.n}, K = ${INSTANCE.K}, k = ${INSTANCE.k}`,
  };
}

function blockEntry(use: BlockUse): CatalogEntry {
  return {
    id: use.id,
    section: use.section,
    equation: use.equation,
    category,
    title: `identity block sizes: ${use.pairs.map(([subscript]) => `I_${subscript}`).join(', ')}`,
    statement: use.statement,
    hypotheses: [],
    scope: `sizes evaluated at $n = ${INSTANCE.n}$, $K = ${INSTANCE.K}$, $k = ${INSTANCE.k}$, where $k$, $K - k$, $n - K$, $K$ and $n$ all differ`,
    check: blockCheck(use.pairs),
    ...(use.corrected ? { correction: { statement: use.corrected.statement, check: blockCheck(use.corrected.pairs) } } : {}),
    ...(use.notes ? { notes: use.notes } : {}),
  };
}

const BLOCK_USES: readonly BlockUse[] = [
  {
    id: 'text.blocks.prop1.A',
    section: 'II-A',
    equation: 'Prop. 1, proof',
    statement: String.raw`\text{To apply this, let } P = \Phi^\top W\Phi,\ A = \Sigma_Y,\ Q = 0 \text{ and } R = I_n`,
    pairs: [['K', 'P = Phi^T W Phi']],
    corrected: {
      statement: String.raw`A = \Phi^\top Y\Phi = \begin{bmatrix}\Sigma_Y & 0\\ 0 & 0_{n-K}\end{bmatrix} \ (n\times n)\text{, and } R = 2I_n \text{ (prop1.9.X1)}`,
      pairs: [['n', 'P = Phi^T W Phi']],
    },
    notes: String.raw`$A$ must be $n \times n$ like $P$ in (7); $\Sigma_Y$ is the $K \times K$ block of non-zero eigenvalues. The size is compared as the identity $I_K$ of $\Sigma_Y$ against $P$'s $I_n$. With $A = \Phi^\top Y\Phi$ the proof goes through (prop1.9.X2 uses $\mathrm{diag}(\Sigma_Y, 0)$).`,
  },
  {
    id: 'text.blocks.6',
    section: 'II-A',
    equation: '(6)',
    statement: String.raw`G(t) = \begin{bmatrix}\Sigma_Y^{-1}(e^{2\Sigma_Yt} - I_K) & 0\\ 0 & 2I_{n-K}t\end{bmatrix},\ S(t) = \begin{bmatrix}e^{\Sigma_Yt} & 0\\ 0 & I_{n-K}\end{bmatrix}`,
    pairs: [
      ['K', 'Sigma_Y'],
      ['n-K', 'the zero eigenvalues'],
      ['n-K', 'the zero eigenvalues'],
    ],
  },
  {
    id: 'text.blocks.5-9',
    section: 'II-A',
    equation: '(5)',
    statement: String.raw`\big(I_n + G(t)\tilde W_0\big)^{-1} \text{ in (5) and (9)},\ X_1(0) = I_n \text{ in (8)}`,
    pairs: [
      ['n', 'P = Phi^T W Phi'],
      ['n', 'P = Phi^T W Phi'],
      ['n', 'P = Phi^T W Phi'],
    ],
  },
  {
    id: 'text.blocks.thm4.G-S',
    section: 'III-B',
    equation: '(25)',
    statement: String.raw`G_1 = \Sigma_k^{-1}(e^{2\Sigma_kt_k} - I_k),\ S_2 = \begin{bmatrix}e^{\Sigma_k^ct_k} & 0\\ 0 & I_{n-K}\end{bmatrix},\ G_2 = \begin{bmatrix}(\Sigma_k^c)^{-1}(e^{2\Sigma_k^ct_k} - I_{K-k}) & 0\\ 0 & 2I_{n-K}t_k\end{bmatrix}`,
    pairs: [
      ['k', 'Sigma_k'],
      ['n-K', 'the zero eigenvalues'],
      ['K-k', 'Sigma_k^c'],
      ['n-K', 'the zero eigenvalues'],
    ],
  },
  {
    id: 'text.blocks.28.S1',
    section: 'III-B',
    equation: '(28)',
    statement: String.raw`S_1^{-1} = e^{-\Sigma_kt_k} \preceq e^{-\frac12\log\frac{C_\varepsilon}{\alpha}}I_k`,
    pairs: [['k', 'Sigma_k']],
  },
  {
    id: 'text.blocks.28.S2',
    section: 'III-B',
    equation: '(28)',
    statement: String.raw`e^{\Sigma_k^ct_k} \preceq e^{\Sigma_k^c\frac{1}{2\sigma_{k+1}}\log\frac{c_\varepsilon}{\alpha}} \preceq e^{\frac12\log\frac{c_\varepsilon}{\alpha}}I_k`,
    pairs: [['k', 'Sigma_k^c']],
    corrected: {
      statement: String.raw`e^{\Sigma_k^ct_k} \preceq e^{\Sigma_k^c\frac{1}{2\sigma_{k+1}}\log\frac{c_\varepsilon}{\alpha}} \preceq e^{\frac12\log\frac{c_\varepsilon}{\alpha}}I_{K-k}`,
      pairs: [['K-k', 'Sigma_k^c']],
    },
    notes: String.raw`A typo with no consequence: the next display uses $I_{K-k}$ for the same block.`,
  },
  {
    id: 'text.blocks.28.S2-bound',
    section: 'III-B',
    equation: '(28)',
    statement: String.raw`S_2 \preceq \begin{bmatrix}\sqrt{c_\varepsilon/\alpha}\,I_{K-k} & 0\\ 0 & I_{n-K}\end{bmatrix}`,
    pairs: [
      ['K-k', 'Sigma_k^c'],
      ['n-K', 'the zero eigenvalues'],
    ],
  },
];

export const referenceEntries: CatalogEntry[] = [...CITATIONS.map(citationEntry), ...BLOCK_USES.map(blockEntry)];
