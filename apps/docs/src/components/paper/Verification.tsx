import type { ReactElement } from 'react';

import { TableHead } from '../TableHead';
import styles from './paper.module.css';
import { suite, verification } from './reports';

function metricText(value: number | null): string {
  if (value === null) return '—';
  return Math.abs(value) >= 1e-2 && Math.abs(value) < 1e4 ? value.toPrecision(3) : value.toExponential(2);
}

/** The randomized verification report (one row per suite), generated at build time. */
export default function VerificationTable(): ReactElement {
  const { report, generatedBy } = verification;
  return (
    <div data-testid="verification">
      <p className={styles.small}>
        Generated at build time by <code>{generatedBy}</code> (seed {report.seed}).{' '}
        {report.bug ? <strong>A claim failed: see the failures below.</strong> : 'Every claim held.'}
      </p>
      <table>
        <TableHead columns={['suite', 'claim', 'passed', 'metric']} />
        <tbody>
          {report.suites.map((result) => (
            <tr key={result.suite}>
              <td>
                <code>{result.suite}</code>
              </td>
              <td>{result.claim}</td>
              <td>
                {result.passed}/{result.checked}
                {result.failureIsBug ? '' : ' (search)'}
              </td>
              <td>
                {metricText(result.metric)} <span className={styles.small}>{result.metricName}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The findings of one suite of the generated report, as a list. */
export function SuiteFindings({ name }: { name: string }): ReactElement {
  const result = suite(name);
  return (
    <div data-testid={`findings-${name}`}>
      <p>
        <code>{result.suite}</code>: {result.claim}. {result.passed}/{result.checked} {result.failureIsBug ? 'passed' : 'searches without a counterexample'}.
      </p>
      <ul>
        {result.findings.map((finding) => (
          <li key={finding}>{finding}</li>
        ))}
        {result.failureIsBug
          ? null
          : result.failures.map((failure) => (
              <li key={failure}>
                finding: <code>{failure}</code>
              </li>
            ))}
      </ul>
    </div>
  );
}
