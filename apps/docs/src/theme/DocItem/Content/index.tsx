/**
 * Wraps the docs' content (a swizzle "wrap", safe across Docusaurus updates) to put the paper
 * header above the title of every page whose front matter names a paper (`paper`, and
 * optionally `paper_section`), so the theory pages carry it without repeating markup.
 */
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import Content from '@theme-original/DocItem/Content';
import type ContentType from '@theme/DocItem/Content';
import type { WrapperProps } from '@docusaurus/types';
import React from 'react';

import PaperHeader from '@site/src/components/cite/PaperHeader';
import { isPaperId } from '@site/src/components/cite/references';

type Props = WrapperProps<typeof ContentType>;

export default function ContentWrapper(props: Props): React.JSX.Element {
  const { frontMatter } = useDoc();
  const { paper, paper_section: section } = frontMatter as { paper?: unknown; paper_section?: unknown };
  if (paper !== undefined && !isPaperId(paper)) throw new Error(`front matter "paper: ${String(paper)}" names no known paper`);
  return (
    <>
      {paper !== undefined && <PaperHeader paper={paper} section={typeof section === 'string' ? section : undefined} />}
      <Content {...props} />
    </>
  );
}
