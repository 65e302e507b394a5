import type { ReactElement } from 'react';

import { TableHead } from '../TableHead';
import { VerdictBadge } from './Checks';
import styles from './paper.module.css';
import { symbolic } from './reports';
import TeX from './TeX';

/**
 * Every statement of the paper that the symbolic catalog found not to hold as written, with the
 * counterexample and the corrected statement (itself checked). Rendered from the checked-in
 * report (results/symbolic.json); nothing here is typed by hand.
 */
export default function Errata(): ReactElement {
  const { report, generatedBy } = symbolic;
  const errata = report.results.filter((entry) => entry.verdict === 'fails' || entry.verdict === 'holds-as-inequality');
  return (
    <div data-testid="errata">
      <p className={styles.small}>
        From <code>{symbolic.file}</code>, made by <code>{generatedBy}</code> (seed {report.seed}, nerdamer-prime {report.engine.nerdamerPrime}):{' '}
        {report.summary.entries} checks, {report.summary.holds} proved, {report.summary['holds-as-inequality']} hold only as inequalities,{' '}
        {report.summary.fails} fail as written, {report.summary.unproved} numeric evidence only, {report.summary.checkerBugs} checker bugs.
      </p>
      {errata.map((entry) => (
        <section key={entry.id} className={styles.erratum} id={entry.id.replace(/\./g, '-')}>
          {/* The catalog's titles are one-line ASCII for the terminal; the page names the equation and
              shows the statement itself, as the paper writes it, in KaTeX. */}
          <h3>{entry.equation}</h3>
          <p>
            <VerdictBadge entry={entry} /> <code>{entry.id}</code>, section {entry.section}
            {entry.scope ? `, ${entry.scope}` : ''}
          </p>
          <p>The paper:</p>
          <TeX math={entry.statement} block />
          {entry.counterexample ? (
            <p className={styles.small}>
              Exact counterexample:{' '}
              {Object.entries(entry.counterexample)
                .map(([name, value]) => `${name} = ${value}`)
                .join(', ')}
            </p>
          ) : null}
          {entry.residual ? <p className={styles.small}>Residual: <code>{entry.residual}</code></p> : null}
          {entry.correction ? (
            <>
              <p>
                Corrected ({entry.correction.verdict === 'holds' ? 'proved' : entry.correction.verdict}, {entry.correction.method}):
              </p>
              <TeX math={entry.correction.statement} block />
            </>
          ) : null}
          {entry.notes ? <p>{entry.notes}</p> : null}
        </section>
      ))}
    </div>
  );
}

/** Which hypotheses of Theorems 3 and 4 the checked proof steps actually use. */
export function HypothesisUsage(): ReactElement {
  return (
    <table data-testid="hypothesis-usage">
      <TableHead columns={['Theorem', 'Hypothesis', 'Checked steps that use it']} />
      <tbody>
        {symbolic.report.hypothesisUsage.map((usage) => (
          <tr key={usage.id}>
            <td>{usage.theorems}</td>
            <td>
              <TeX math={usage.statement} />
            </td>
            <td>{usage.usedBy.length === 0 ? <strong>none</strong> : usage.usedBy.map((id) => <code key={id}>{id} </code>)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
