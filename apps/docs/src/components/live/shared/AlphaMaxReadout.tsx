import type { TheoremPlan } from '@factorflow/core';
import React from 'react';

import TeX from '../../paper/TeX';
import styles from './live.module.css';
import { alphaTeX } from './problems';

interface AlphaMaxReadoutProps {
  readonly theorem: 3 | 4;
  /** The plan for the current settings is still being computed. */
  readonly pending: boolean;
  readonly plan: TheoremPlan | null;
  /** Why the planner refused the settings (e.g. epsilon > sigma_K), when it did. */
  readonly planError: string | null;
  /** log10 of the alpha on screen. */
  readonly log10Alpha: number;
  readonly log10AlphaRange: readonly [number, number];
}

/**
 * The explorer's verdict line: the theorem's alpha_max and where the slider's alpha lies. While
 * the plan is pending it says so: showing the previous plan's alpha_max, or "none", would be a
 * false statement about the settings on screen. Both logarithms are also on its data attributes,
 * for tests that compare them without parsing the rendered math.
 */
export function AlphaMaxReadout(props: AlphaMaxReadoutProps): React.JSX.Element {
  const { theorem, pending, plan, planError, log10Alpha, log10AlphaRange } = props;
  const alphaMax = <TeX math={String.raw`\alpha_{\max}`} />;
  let verdict: React.ReactNode;
  if (pending) {
    verdict = <>{alphaMax} computing…</>;
  } else if (plan === null) {
    verdict = <>no plan{planError ? ' (see the message below)' : ''}</>;
  } else if (plan.logAlphaMax === null) {
    verdict = <>no <TeX math={String.raw`\alpha > 0`} /> satisfies every hypothesis (see the list below)</>;
  } else {
    const log10AlphaMax = plan.logAlphaMax / Math.LN10;
    const below = log10Alpha <= log10AlphaMax;
    const relation = String.raw`\alpha = ${alphaTeX(log10Alpha)} ${below ? String.raw`\le` : '>'} \alpha_{\max}`;
    verdict = (
      <>
        <TeX math={String.raw`\alpha_{\max} = ${alphaTeX(log10AlphaMax)}`} />
        {log10AlphaMax < log10AlphaRange[0] ? <>, below the slider&apos;s range</> : null}. The slider is at <TeX math={relation} />:{' '}
        {below ? <>the theorem guarantees the shaded intervals</> : <>the shaded intervals are not guaranteed</>}
        {theorem === 4 && 'M' in plan && typeof plan.M === 'number' ? (
          <>
            {' '}
            (<TeX math={`M = ${plan.M.toPrecision(4)}`} />)
          </>
        ) : null}
        .
      </>
    );
  }
  return (
    <p
      className={styles.meta}
      data-testid="alpha-max-readout"
      data-pending={pending}
      data-log10-alpha={log10Alpha}
      data-log10-alpha-max={!pending && plan?.logAlphaMax != null ? plan.logAlphaMax / Math.LN10 : undefined}
    >
      Theorem {theorem}: {verdict}
    </p>
  );
}
