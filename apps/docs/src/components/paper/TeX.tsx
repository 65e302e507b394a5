import katex from 'katex';
import type { ReactElement } from 'react';

/**
 * LaTeX from the reports, rendered by KaTeX at build time (server-side), so the statements the
 * symbolic catalog checked appear exactly as checked. A statement KaTeX cannot parse shows as a
 * `.katex-error`, which the browser tests reject.
 */
export default function TeX({ math, display = false }: { math: string; display?: boolean }): ReactElement {
  const html = katex.renderToString(math, { displayMode: display, throwOnError: false, strict: 'ignore' });
  return <span dangerouslySetInnerHTML={{ __html: html }} />;
}
