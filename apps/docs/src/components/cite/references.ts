/**
 * The papers the site implements, with the metadata printed on their arXiv pages (copies in
 * /work/shared/papers/ when this was written). The page headers and the "How to cite" page both
 * read from here, so a link and its BibTeX cannot drift apart.
 */

export interface Paper {
  /** Anchor on the citation page and value of a page's `paper` front matter. */
  readonly id: PaperId;
  /** How the site refers to it in running text. */
  readonly short: string;
  readonly title: string;
  /** "Family, Given" as BibTeX wants them, with TeX escapes. */
  readonly authors: readonly string[];
  readonly year: number;
  readonly arxiv: string;
  readonly bibtexKey: string;
}

export type PaperId = 'min-vidal-2025' | 'hou-sra-yurtsever-2025';

export const PAPERS: Readonly<Record<PaperId, Paper>> = {
  'min-vidal-2025': {
    id: 'min-vidal-2025',
    short: 'Min & Vidal (2025)',
    // "Overparamerterized" is the title as the authors submitted it.
    title: 'Understanding Incremental Learning with Closed-form Solution to Gradient Flow on Overparamerterized Matrix Factorization',
    authors: ['Min, Hancheng', "Vidal, Ren{\\'e}"],
    year: 2025,
    arxiv: '2508.20344',
    bibtexKey: 'min2025incremental',
  },
  'hou-sra-yurtsever-2025': {
    id: 'hou-sra-yurtsever-2025',
    short: 'Hou, Sra & Yurtsever (2025)',
    title: 'Implicit Bias in Matrix Factorization and its Explicit Realization in a New Architecture',
    authors: ['Hou, Yikun', 'Sra, Suvrit', 'Yurtsever, Alp'],
    year: 2025,
    arxiv: '2501.16322',
    bibtexKey: 'hou2025implicit',
  },
};

export function isPaperId(value: unknown): value is PaperId {
  return typeof value === 'string' && Object.hasOwn(PAPERS, value);
}

export function arxivUrl(paper: Paper): string {
  return `https://arxiv.org/abs/${paper.arxiv}`;
}

/** A BibTeX entry; the braces around the title keep its capitals as printed. */
export function paperBibtex(paper: Paper): string {
  return [
    `@misc{${paper.bibtexKey},`,
    `  title         = {{${paper.title}}},`,
    `  author        = {${paper.authors.join(' and ')}},`,
    `  year          = {${paper.year}},`,
    `  eprint        = {${paper.arxiv}},`,
    '  archivePrefix = {arXiv},',
    `  url           = {${arxivUrl(paper)}},`,
    '}',
  ].join('\n');
}

/**
 * factorflow's own entry. The project has no public repository or DOI yet, so the entry names the
 * package and the version the reader used instead of inventing an address.
 */
export function factorflowBibtex(version: string): string {
  return [
    '@software{factorflow,',
    '  title   = {factorflow: executable, checked mathematics of incremental learning in matrix factorization},',
    '  author  = {{The factorflow authors}},',
    `  version = {${version}},`,
    '  note    = {npm package @factorflow/core; cite the version you used},',
    '}',
  ].join('\n');
}
