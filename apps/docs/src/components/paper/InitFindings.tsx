/**
 * The findings of the random-initialization and rank-deficient suites (Remarks III-C1 and III-C2)
 * on /initialization, typeset from results/verify.json through ./findings.ts.
 */
import type { ReactElement } from 'react';

import { Figure, SuiteHead } from './Findings';
import { edelmanQuantile, randomInitRows, randomInitTotals, rankDeficientTotals } from './findings';
import styles from './paper.module.css';
import { figureText, verification } from './reports';
import TeX from './TeX';

/** 0.905 as `90.5%`. */
function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

/** Remark III-C1: the quantiles of M-hat per shape, and Theorem 4 at alpha_max(M_0.9) on fresh draws. */
export function RandomInitFindings(): ReactElement {
  const rows = randomInitRows();
  const totals = randomInitTotals();
  return (
    <div data-testid="findings-random-init">
      <SuiteHead name="random-init" />
      <p>
        Per shape, the suite estimates the quantiles of <TeX math="\hat M = \max\{\|\bar W_0\|, \|\bar W_0^{-1}\|\}" /> from Gaussian draws, sets{' '}
        <TeX math="M_{0.9}" /> to the 90% quantile (<TeX math="\delta = 0.1" />
        ), and checks (23) on fresh draws at Theorem 4&apos;s <TeX math="\alpha_{\max}" /> for <TeX math="M = M_{0.9}" />. A draw with{' '}
        <TeX math="\hat M \le M_{0.9}" /> is covered by the theorem.
      </p>
      <table data-testid="random-init-table">
        <thead>
          <tr>
            <th><TeX math="n" /></th>
            <th><TeX math="r" /></th>
            <th>median <TeX math="\hat M" /></th>
            <th><TeX math="M_{0.9}" /></th>
            <th>99% quantile</th>
            <th>Edelman&apos;s limit, 90% and 99%</th>
            <th>draws covered</th>
            <th>(23) held</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.n},${row.r}`}>
              <td>{row.n}</td>
              <td>{row.r}</td>
              <td>{figureText(row.q50)}</td>
              <td data-value={row.q90}>{figureText(row.q90)}</td>
              <td>{figureText(row.q99)}</td>
              <td>{row.r === row.n ? `${figureText(edelmanQuantile(row.n, 0.9))}, ${figureText(edelmanQuantile(row.n, 0.99))}` : '—'}</td>
              <td>{percent(row.covered, row.checked)}</td>
              <td>
                {row.successes}/{row.checked}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.small}>
        Edelman&apos;s limit: for a square Gaussian shape, <TeX math="\mathbb P(n\,s_{\min}^2 \le x) \to 1 - e^{-x/2 - \sqrt x}" /> as{' '}
        <TeX math="n \to \infty" />, so the <TeX math="p" />-quantile of <TeX math="\hat M \approx 1/s_{\min}^2" /> is about{' '}
        <TeX math="n / \big(\sqrt{1 - 2\ln p} - 1\big)^2" />. Seed {verification.report.seed}, from <code>{verification.file}</code>.
      </p>
      <ul>
        <li>
          The square case <TeX math="r = n" /> has the heavy tail Edelman predicts; <TeX math="r \ge n + 2" /> concentrates <TeX math="\hat M" /> near{' '}
          <TeX math="(\sqrt r + \sqrt n)^2" /> or <TeX math="1/(\sqrt r - \sqrt n)^2" />.
        </li>
        <li>
          Theorem 4 at <TeX math="\alpha_{\max}(M_{0.9})" />: (23) held on <span data-figure="successes">{totals.successes}</span> of{' '}
          <span data-figure="checked">{totals.checked}</span> fresh draws. <span data-figure="covered">{totals.covered}</span> draws (
          {percent(totals.covered, totals.checked)}, about 90% expected) had <TeX math="\hat M \le M_{0.9}" />, and all{' '}
          <span data-figure="coveredSuccesses">{totals.coveredSuccesses}</span> of them succeeded, as the theorem requires.
        </li>
        <li>
          Draws outside the theorem (<TeX math="\hat M > M_{0.9}" />, up to <Figure value={totals.largestUncoveredRatio} name="largestUncoveredRatio" />{' '}
          times <TeX math="M_{0.9}" />
          ): <span data-figure="uncoveredSuccesses">{totals.uncoveredSuccesses}</span> of <span data-figure="uncovered">{totals.uncovered}</span> succeeded
          anyway, with worst <TeX math="\|W(t) - \hat Y_k\|_2/\varepsilon" /> = <Figure value={totals.worstUncoveredSlack} name="worstUncoveredSlack" />.
        </li>
        <li>
          On the covered draws the worst <TeX math="\|W(t) - \hat Y_k\|_2/\varepsilon" /> is{' '}
          <Figure value={totals.worstCoveredSlack} name="worstCoveredSlack" />: Theorem 4 is conservative.
        </li>
      </ul>
    </div>
  );
}

/** Remark III-C2: what the rank-deficient suite found beyond its per-shape table. */
export function RankDeficientFindings(): ReactElement {
  const totals = rankDeficientTotals();
  const margin = (name: 'range' | 'top') => {
    const m = totals[name];
    return (
      <>
        in <span data-figure={`${name}.below`}>{m.below}</span> of <span data-figure={`${name}.count`}>{m.count}</span> constrained instances (median margin{' '}
        <Figure value={m.median} name={`${name}.median`} tex={`10^{${m.median.toFixed(1)}}`} />, smallest{' '}
        <Figure value={m.min} name={`${name}.min`} tex={`10^{${m.min.toFixed(1)}}`} />)
      </>
    );
  };
  return (
    <div data-testid="findings-rank-deficient">
      <SuiteHead name="rank-deficient" />
      <ul>
        <li>
          No window for any <TeX math="k > r" />: <span data-figure="aboveR">{totals.aboveR}</span> of <span data-figure="instances">{totals.instances}</span>{' '}
          instances had one. One would contradict <TeX math="\operatorname{rank} W(t) \le r" />, which gives{' '}
          <TeX math="\|W(t) - \hat Y_k\|_2 \ge \sigma_{r+1,Y} > \varepsilon" />.
        </li>
        <li>
          With <TeX math="r = 1" />, windows for <TeX math="k = 1" /> exist at every <TeX math="\alpha" /> up to{' '}
          <TeX math={`10^{${totals.log10AlphaCeiling}}`} /> in <span data-figure="rankOneUnconstrained">{totals.rankOneUnconstrained}</span> of{' '}
          <span data-figure="rankOne">{totals.rankOne}</span> instances: <TeX math="W(t) \to \hat Y_1" /> from any generic start.
        </li>
        <li>
          Theorem 4&apos;s <TeX math="\alpha_{\max}" /> with <TeX math="M_{\text{range}} = \max(s_1^2, 1/s_r^2)" /> of <TeX math="\bar U_0" /> is at most
          the measured <TeX math="\alpha_{\text{needed}}" /> {margin('range')}.
        </li>
        <li>
          With <TeX math="M_{\text{top}} = \max\big(\|\tilde U\|^2, 1/s_r(\tilde U_{1:r})^2\big)" />, which measures the alignment of{' '}
          <TeX math="\bar U_0" /> with the top <TeX math="r" /> eigenvectors, it is at most <TeX math="\alpha_{\text{needed}}" /> {margin('top')}.
        </li>
      </ul>
    </div>
  );
}
