import type { ReactElement } from 'react';

import { type TheoremMetric, type TheoremSuite, figureText, verification } from './reports';

/**
 * A measured figure quoted in prose, read from results/verify.json rather than typed: the median
 * of one per-instance metric of a theorem suite, followed by what it is a median over, so the
 * reader can tell which run a sentence quotes.
 */
export default function Measured({ suite, metric }: { suite: TheoremSuite; metric: TheoremMetric }): ReactElement {
  const summary = verification.figures[suite][metric];
  const { seed } = verification.report;
  return (
    <span data-testid={`measured-${suite}-${metric}`} data-value={summary.median}>
      <strong>{figureText(summary.median)}</strong>{' '}
      <small>
        (median over {summary.instances} instances of <code>{verification.file}</code>, seed {seed})
      </small>
    </span>
  );
}
