import Link from '@docusaurus/Link';
import type { ReactElement } from 'react';

import MathText from './MathText';
import styles from './paper.module.css';
import { entries, type SymbolicEntry, type Verdict } from './reports';
import Statement from './Statement';
import TeX from './TeX';
import { verdictLabel } from './verdictLabel';

const VERDICT_CLASS: Record<Verdict, string> = {
  holds: styles.holds,
  'holds-as-inequality': styles.holdsAsInequality,
  fails: styles.fails,
  unproved: styles.unproved,
};

/** A verdict badge of the symbolic catalog, labelled by how it was reached, with the method in its tooltip. */
export function VerdictBadge({ entry }: { entry: SymbolicEntry }): ReactElement {
  return (
    <span className={`${styles.badge} ${VERDICT_CLASS[entry.verdict]}`} title={`${entry.id}: ${entry.method}`} data-verdict={entry.verdict}>
      {entry.equation} {verdictLabel(entry.verdict, entry.method)}
    </span>
  );
}

/**
 * The symbolic catalog's verdicts for the given entries (per-equation badges), expandable to the
 * statement as checked, its scope, the routes' answers and, for an erratum, the correction.
 */
export default function Checks({ ids }: { ids: readonly string[] }): ReactElement {
  const selected = entries(ids);
  return (
    <details className={styles.checks} data-testid="checks">
      <summary>
        Machine-checked: {selected.map((entry) => <VerdictBadge key={entry.id} entry={entry} />)}
      </summary>
      {selected.map((entry) => (
        <div key={entry.id} className={styles.entry}>
          <div>
            <code>{entry.id}</code> <VerdictBadge entry={entry} /> {entry.title}
          </div>
          <Statement tex={entry.statement} />
          <div className={styles.small}>
            {entry.method}
            {entry.scope ? (
              <>
                ; scope: <MathText text={entry.scope} />
              </>
            ) : null}
            {Object.entries(entry.routes).map(([route, said]) => (
              <div key={route}>
                {route}: {said}
              </div>
            ))}
          </div>
          {entry.residualTeX ? (
            <div className={styles.small}>
              Residual: <TeX math={entry.residualTeX} />
            </div>
          ) : null}
          {entry.correction ? (
            <div>
              Corrected: {verdictLabel(entry.correction.verdict, entry.correction.method)}; see the <Link to="/errata">errata</Link>.
              <Statement tex={entry.correction.statement} />
            </div>
          ) : null}
        </div>
      ))}
    </details>
  );
}
