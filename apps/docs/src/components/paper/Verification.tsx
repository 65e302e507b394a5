import type { ReactElement } from 'react';

import { TableHead } from '../TableHead';
import styles from './paper.module.css';
import { figureText, suite, verification } from './reports';
import TeX from './TeX';

/** Prose with inline math: text pieces may wrap between words, so a long claim fits its cell. */
type Mixed = readonly (string | { readonly tex: string })[];

const m = (tex: string) => ({ tex });

/**
 * What each suite checks and what its metric measures, typeset: the report's own strings are the
 * command's ASCII. A suite missing here falls back to those strings, so a new suite still shows.
 */
const CLAIMS: Record<string, { claim: Mixed; metric: Mixed }> = {
  reference: { claim: ['Prop. 1: the closed form ', m('W(t)'), ' against (5) in 400–19,400-digit arithmetic'], metric: [m('\\max \\|W - W_{\\text{ref}}\\| / \\|Y\\|')] },
  'proposition-1': {
    claim: ['Prop. 1: the closed form against the ODE (RK45); gradient descent converges to it at order ', m('\\eta')],
    metric: [m('\\max \\|W_{\\text{closed}} - W_{\\text{ode}}\\| / \\|Y\\|')],
  },
  'corollary-2': {
    claim: ['Cor. 2: ', m('W(t) = \\Phi \\operatorname{diag}(\\sigma_{i,W}(t)) \\Phi^\\top'), ' with (12), (13)'],
    metric: [m('\\max \\|W - \\Phi \\operatorname{diag}(\\sigma_W) \\Phi^\\top\\| / \\|Y\\|')],
  },
  'theorem-3': {
    claim: ['Thm 3: ', m('\\|W(t) - \\hat Y_k\\|_2 \\le \\varepsilon'), ' on every ', m('\\mathcal I_k'), ' when ', m('\\alpha \\le \\alpha_{\\max}')],
    metric: [m('\\max \\|W(t) - \\hat Y_k\\|_2 / \\varepsilon')],
  },
  'theorem-4': {
    claim: ['Thm 4 (', m('r \\ge n'), '): ', m('\\|W(t) - \\hat Y_k\\|_2 \\le \\varepsilon'), ' on every ', m('\\mathcal I_k'), ' when ', m('\\alpha \\le \\alpha_{\\max}')],
    metric: [m('\\max \\|W(t) - \\hat Y_k\\|_2 / \\varepsilon')],
  },
  'random-init': {
    claim: ['Rem. III-C1: Thm 4 on Gaussian ', m('\\bar U_0'), ' with ', m('M = M_{0.9}')],
    metric: ['success rate where ', m('\\hat M \\le M_{0.9}')],
  },
  'rank-deficient': {
    claim: ['Rem. III-C2 (', m('r < n'), '): windows for ', m('k \\le r'), ', never for ', m('k > r')],
    metric: ['fraction with windows for every ', m('k \\le r')],
  },
  'hypothesis-necessity': {
    claim: ['Thms 3, 4: each hypothesis dropped in turn, searching for ', m('\\|W(t) - \\hat Y_k\\|_2 > \\varepsilon'), ' on some ', m('\\mathcal I_k')],
    metric: ['hypotheses with a counterexample'],
  },
  asymmetric: {
    claim: [
      'Beyond the paper: balanced ',
      m('UV^\\top'),
      ' flow = Prop. 1 on ',
      m('Y_{\\mathrm{sym}}'),
      ' (ODE, GD); windows in the order of ',
      m('k'),
      ', none for ',
      m('k > r'),
      '; deviation of imbalanced starts measured',
    ],
    metric: [m('\\max |X_{\\text{closed}} - X_{\\text{ode}}| / \\|Y\\|')],
  },
  certified: {
    claim: [
      'Certified windows (Thms 3, 4, conclusion (17)): ',
      m('\\|W(t) - \\hat Y_k\\|_2 \\le \\varepsilon'),
      ' at every dense sample of every certified interval; coverage of the measured windows and certified ',
      m('\\alpha_{\\max}'),
      ' reported',
    ],
    metric: ['worst sampled ', m('\\|W - \\hat Y_k\\|_2 / \\varepsilon'), ' in certified windows'],
  },
  'udv-low-rank': { claim: ['Hou et al.: ', m('UDV^\\top'), ' ends exactly rank ', m('r^*')], metric: ['fraction exactly rank ', m('r^*'), ' at ', m('10^{-10}')] },
  'udv-network': {
    claim: ['Hou et al.: the constrained network ', m('\\textstyle\\sum_j v_j w_j u_j^\\top x'), ' keeps rank(teacher) units'],
    metric: ['fraction that keep exactly rank(teacher) units'],
  },
};

function MixedText({ parts }: { parts: Mixed }): ReactElement {
  return <>{parts.map((part, index) => (typeof part === 'string' ? part : <TeX key={index} math={part.tex} />))}</>;
}

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
                <td>{tex ? <MixedText parts={tex.claim} /> : result.claim}</td>
                <td>
                  {result.passed}/{result.checked}
                  {result.failureIsBug ? '' : ' (search)'}
                </td>
                <td>
                  {figureText(result.metric)} <span className={styles.small}>{tex ? <MixedText parts={tex.metric} /> : result.metricName}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What a suite checks, typeset (its report's ASCII claim for a suite {@link CLAIMS} lacks). */
export function SuiteClaim({ name }: { name: string }): ReactElement {
  const tex = CLAIMS[name];
  return tex ? <MixedText parts={tex.claim} /> : <>{suite(name).claim}</>;
}
