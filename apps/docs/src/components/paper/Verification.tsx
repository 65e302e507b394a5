import type { ReactElement } from 'react';

import { TableHead } from '../TableHead';
import styles from './paper.module.css';
import { figureText, suite, verification } from './reports';
import TeX from './TeX';

/**
 * What each suite checks and what its metric measures, in TeX: the report's own strings are the
 * command's ASCII. A suite missing here falls back to those strings, so a new suite still shows.
 */
const CLAIMS: Record<string, { claim: string; metric: string }> = {
  reference: { claim: '\\text{Prop. 1: closed form} = (5) \\text{ in 400--19,400-digit arithmetic}', metric: '\\max \\|W - W_{\\text{ref}}\\| / \\|Y\\|' },
  'proposition-1': { claim: '\\text{Prop. 1: closed form} = \\text{ODE (RK45)}; \\text{ gradient descent} \\to \\text{it at order } \\eta', metric: '\\max \\|W_{\\text{closed}} - W_{\\text{ode}}\\| / \\|Y\\|' },
  'corollary-2': { claim: '\\text{Cor. 2: } W(t) = \\Phi \\operatorname{diag}(\\sigma_{i,W}(t)) \\Phi^\\top \\text{ with (12), (13)}', metric: '\\max \\|W - \\Phi \\operatorname{diag}(\\sigma_W) \\Phi^\\top\\| / \\|Y\\|' },
  'theorem-3': { claim: '\\text{Thm 3: } \\|W(t) - \\hat Y_k\\|_2 \\le \\varepsilon \\text{ on every } \\mathcal I_k \\ (\\alpha \\le \\alpha_{\\max})', metric: '\\max \\|W(t) - \\hat Y_k\\|_2 / \\varepsilon' },
  'theorem-4': { claim: '\\text{Thm 4 } (r \\ge n)\\text{: } \\|W(t) - \\hat Y_k\\|_2 \\le \\varepsilon \\text{ on every } \\mathcal I_k \\ (\\alpha \\le \\alpha_{\\max})', metric: '\\max \\|W(t) - \\hat Y_k\\|_2 / \\varepsilon' },
  'random-init': { claim: '\\text{Rem. III-C1: Thm 4 on Gaussian } \\bar U_0 \\text{ with } M = M_{0.9}', metric: '\\text{success rate where } \\hat M \\le M_{0.9}' },
  'rank-deficient': { claim: '\\text{Rem. III-C2 } (r < n)\\text{: windows for } k \\le r, \\text{ never for } k > r', metric: '\\text{fraction with windows for every } k \\le r' },
  'hypothesis-necessity': { claim: '\\text{Thms 3, 4: each hypothesis dropped in turn}', metric: '\\text{hypotheses with a counterexample}' },
  'udv-low-rank': { claim: '\\text{Hou et al.: } U D V^\\top \\text{ ends exactly rank } r^*', metric: '\\text{fraction exactly rank } r^* \\ (10^{-10})' },
  'udv-network': { claim: '\\text{Hou et al.: the constrained network keeps rank(teacher) units}', metric: '\\text{fraction that keep exactly rank(teacher) units}' },
};

/** The randomized verification report (one row per suite), from the checked-in results file. */
export default function VerificationTable(): ReactElement {
  const { report, generatedBy } = verification;
  return (
    <div data-testid="verification">
      <p className={styles.small}>
        From <code>{verification.file}</code>, made by <code>{generatedBy}</code> (seed {report.seed}, <code>--instances {report.instances}</code>).{' '}
        {report.bug ? <strong>A claim failed: see the failures below.</strong> : 'Every claim held.'} &quot;(search)&quot; marks exploratory suites,
        whose shortfalls are findings, not failures.
      </p>
      <table>
        <TableHead columns={['suite', 'what is checked', 'passed', 'metric']} />
        <tbody>
          {report.suites.map((result) => {
            const tex = CLAIMS[result.suite];
            return (
              <tr key={result.suite}>
                <td>
                  <code>{result.suite}</code>
                </td>
                <td>{tex ? <TeX math={tex.claim} /> : result.claim}</td>
                <td>
                  {result.passed}/{result.checked}
                  {result.failureIsBug ? '' : ' (search)'}
                </td>
                <td>
                  {figureText(result.metric)} <span className={styles.small}>{tex ? <TeX math={tex.metric} /> : result.metricName}</span>
                </td>
              </tr>
            );
          })}
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
