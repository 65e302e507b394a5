import type { ReactElement } from 'react';

import type { EntryCategory } from '@factorflow/symbolic';

import { TableHead } from '../TableHead';
import { VerdictBadge } from './Checks';
import MathText from './MathText';
import styles from './paper.module.css';
import { symbolic, type SymbolicEntry } from './reports';
import Statement from './Statement';
import TeX from './TeX';
import { labelCounts, verdictLabel } from './verdictLabel';

/** The report's categories, in its order, with a heading and what a finding in each means. */
const CATEGORIES: readonly { category: EntryCategory; heading: string; about: string }[] = [
  { category: 'identity', heading: 'Identities', about: 'equations and the equalities of the proofs' },
  { category: 'inequality', heading: 'Inequalities', about: 'bounds, and the norm and Loewner-order steps' },
  { category: 'justification', heading: 'Justifications', about: "whether a step's stated reason implies the step" },
  { category: 'reading', heading: 'Readings of definitions', about: 'quantities with an implicit index range or an undefined symbol, read each natural way' },
  { category: 'text', heading: 'Prose and cross-references', about: 'sentences of Sections II-IV that claim something, equation references and block sizes' },
];

const isErratum = (entry: SymbolicEntry) => entry.verdict === 'fails' || entry.verdict === 'holds-as-inequality';

/** One entry in full: statement, counterexample, residual, correction and notes, math rendered. */
function Finding({ entry }: { entry: SymbolicEntry }): ReactElement {
  return (
    <section className={isErratum(entry) ? styles.erratum : styles.finding} id={entry.id.replace(/\./g, '-')} data-testid="finding">
      {/* The catalog's titles are one-line ASCII for the terminal; the page names the equation and
          shows the statement itself, as the paper writes it, in KaTeX. */}
      <h3>{entry.equation}</h3>
      <p>
        <VerdictBadge entry={entry} /> <code>{entry.id}</code>, section {entry.section}
        {entry.scope ? (
          <span data-testid="scope">
            , <MathText text={entry.scope} />
          </span>
        ) : null}
      </p>
      <p>The paper:</p>
      <Statement tex={entry.statement} />
      {entry.counterexample ? (
        <p className={styles.small}>
          Exact counterexample, inside the claim&apos;s domain:{' '}
          {Object.entries(entry.counterexample)
            .map(([name, value]) => `${name} = ${value}`)
            .join(', ')}
        </p>
      ) : null}
      {entry.residualTeX ? (
        <div data-testid="residual">
          <span className={styles.small}>Residual (left side minus right side):</span>
          <TeX math={entry.residualTeX} display block />
        </div>
      ) : null}
      {entry.correction ? (
        <>
          <p>
            Corrected: {verdictLabel(entry.correction.verdict, entry.correction.method)}; checked by {entry.correction.method}.
          </p>
          <Statement tex={entry.correction.statement} />
        </>
      ) : null}
      {entry.notes ? (
        <p data-testid="notes">
          <MathText text={entry.notes} />
        </p>
      ) : null}
    </section>
  );
}

/** Every entry of a category as one row each: id, equation, verdict. */
function CategoryTable({ entries }: { entries: readonly SymbolicEntry[] }): ReactElement {
  return (
    <details>
      <summary>All {entries.length} entries</summary>
      <table className={styles.entryTable}>
        <TableHead columns={['Entry', 'Equation', 'Verdict', 'Method']} />
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <code>{entry.id}</code>
              </td>
              <td>{entry.equation}</td>
              <td>
                <VerdictBadge entry={entry} />
              </td>
              <td className={styles.small}>{entry.method}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/**
 * The symbolic catalog by category: for each of the report's five categories its counts, every
 * statement that does not hold as written (with its counterexample and checked correction) and, for
 * justifications, readings and prose, every finding in full. Rendered from the checked-in report
 * (results/symbolic.json); nothing here is typed by hand, so new entries appear by their category.
 */
export default function Errata(): ReactElement {
  const { report, generatedBy } = symbolic;
  return (
    <div data-testid="errata">
      <p className={styles.small}>
        From <code>{symbolic.file}</code>, made by <code>{generatedBy}</code> (seed {report.seed}, nerdamer-prime {report.engine.nerdamerPrime}):{' '}
        {report.summary.entries} checks: {labelCounts(report.results).join(', ')}; {report.summary.checkerBugs} checker bugs.
      </p>
      {CATEGORIES.map(({ category, heading, about }) => {
        const entries = report.results.filter((entry) => entry.category === category);
        // Identities and inequalities are many and mostly proved: their errata in full, the rest in the table.
        const shown = category === 'identity' || category === 'inequality' ? entries.filter(isErratum) : entries;
        return (
          <section key={category} data-testid="category" data-category={category} data-count={report.summary.categories[category]}>
            <h2 id={`category-${category}`}>
              {heading} ({report.summary.categories[category]})
            </h2>
            <p className={styles.small}>
              {about[0].toUpperCase() + about.slice(1)}.{' '}
              {entries.length === 0 ? 'No entry in this category yet.' : `${entries.length} entries: ${labelCounts(entries).join(', ')}.`}
            </p>
            {shown.map((entry) => (
              <Finding key={entry.id} entry={entry} />
            ))}
            {entries.length > 0 ? <CategoryTable entries={entries} /> : null}
          </section>
        );
      })}
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
