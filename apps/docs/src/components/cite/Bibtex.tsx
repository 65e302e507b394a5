import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import CodeBlock from '@theme/CodeBlock';
import React from 'react';

import { factorflowBibtex, PAPERS, paperBibtex, type PaperId } from './references';

/** A paper's BibTeX entry, with Docusaurus's copy button. */
export function PaperBibtex({ paper }: { readonly paper: PaperId }): React.JSX.Element {
  return <CodeBlock title="BibTeX">{paperBibtex(PAPERS[paper])}</CodeBlock>;
}

/** factorflow's BibTeX entry at the version this site was built from (docusaurus.config.ts). */
export function FactorflowBibtex(): React.JSX.Element {
  const { siteConfig } = useDocusaurusContext();
  const version = siteConfig.customFields?.factorflowVersion;
  if (typeof version !== 'string') throw new Error('customFields.factorflowVersion is missing from docusaurus.config.ts');
  return <CodeBlock title="BibTeX">{factorflowBibtex(version)}</CodeBlock>;
}

/** The version of @factorflow/core this site documents. */
export function FactorflowVersion(): React.JSX.Element {
  const { siteConfig } = useDocusaurusContext();
  return <code>{String(siteConfig.customFields?.factorflowVersion)}</code>;
}
