import katex from 'katex';
import type { ReactElement } from 'react';

import styles from './paper.module.css';

/**
 * LaTeX from the reports, rendered by KaTeX at build time (server-side), so the statements the
 * symbolic catalog checked appear exactly as checked. A statement KaTeX cannot parse shows as a
 * `.katex-error`, which the browser tests reject.
 *
 * `block` sets a statement on a line of its own. It stays in KaTeX's inline style because the
 * catalog's statements are long sentences of math: inline math breaks after relations and
 * operators, where display math never breaks. What still does not fit (one long bracket on a
 * phone) scrolls inside the column instead of widening the page.
 */
export default function TeX({ math, display = false, block = false }: { math: string; display?: boolean; block?: boolean }): ReactElement {
  const html = katex.renderToString(math, { displayMode: display, throwOnError: false, strict: 'ignore' });
  return block ? <div className={styles.statement} dangerouslySetInnerHTML={{ __html: html }} /> : <span dangerouslySetInnerHTML={{ __html: html }} />;
}
