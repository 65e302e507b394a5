import type { ReactElement } from 'react';

import TeX from './TeX';

/**
 * Text from the reports with inline math between `$...$` (the catalog's notes and scopes), the
 * math rendered by KaTeX like the statements. Text without a `$` is shown as it is.
 */
export default function MathText({ text }: { text: string }): ReactElement {
  // Odd-indexed parts of the split are the math between a pair of `$`.
  const parts = text.split('$');
  return <>{parts.map((part, index) => (index % 2 === 1 ? <TeX key={index} math={part} /> : <span key={index}>{part}</span>))}</>;
}
