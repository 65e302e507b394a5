import type { ReactElement } from 'react';

import MathText from './MathText';
import styles from './paper.module.css';
import { statementProse } from './statementProse';
import TeX from './TeX';

/**
 * A catalog statement on a line of its own: as prose with inline math when the paper's sentence is
 * written with `\text` (so it wraps in the column), otherwise as one KaTeX formula.
 */
export default function Statement({ tex }: { tex: string }): ReactElement {
  const prose = statementProse(tex);
  return prose === null ? (
    <TeX math={tex} block />
  ) : (
    <p className={styles.prose} data-testid="statement">
      <MathText text={prose} />
    </p>
  );
}
