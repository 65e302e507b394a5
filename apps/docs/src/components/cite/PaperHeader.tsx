import Link from '@docusaurus/Link';
import React from 'react';

import { arxivUrl, PAPERS, type PaperId } from './references';
import styles from './cite.module.css';

interface PaperHeaderProps {
  readonly paper: PaperId;
  /** Where in the paper the page's content is, e.g. "Section III-B, Theorem 4". */
  readonly section?: string;
}

/** The line above a theory page's title: which paper and section it follows, the paper's link, and its BibTeX. */
export default function PaperHeader({ paper, section }: PaperHeaderProps): React.JSX.Element {
  const reference = PAPERS[paper];
  return (
    <p className={styles.header} data-testid="paper-header">
      Paper: {reference.short}
      {section ? `, ${section}` : ''}
      <span className={styles.separator} aria-hidden="true">
        ·
      </span>
      <a href={arxivUrl(reference)} target="_blank" rel="noopener noreferrer">
        arXiv:{reference.arxiv}
      </a>
      <span className={styles.separator} aria-hidden="true">
        ·
      </span>
      <Link to={`/cite#${reference.id}`}>cite</Link>
    </p>
  );
}
