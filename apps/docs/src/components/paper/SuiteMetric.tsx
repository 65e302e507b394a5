import type { ReactElement } from 'react';

import { figureText, metricValues, verification } from './reports';

/** The median of a list (NaN when empty). */
function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
}

/**
 * A measured figure of any suite quoted in prose, read from results/verify.json rather than typed:
 * the median of one per-instance metric over the instances that report it, with its range and
 * what it is a median over; or, with `statistic="mean"` on a 0/1 metric, the fraction of instances.
 */
export default function SuiteMetric({ suite, metric, statistic = 'median' }: { suite: string; metric: string; statistic?: 'median' | 'mean' }): ReactElement {
  const values = metricValues(suite, metric);
  const { seed } = verification.report;
  const source = (
    <>
      <code>{verification.file}</code>, seed {seed}
    </>
  );
  if (statistic === 'mean') {
    const hits = values.filter((value) => value === 1).length;
    return (
      <span data-testid={`metric-${suite}-${metric}`} data-value={hits / values.length}>
        <strong>
          {hits} of {values.length}
        </strong>{' '}
        <small>(instances of {source})</small>
      </span>
    );
  }
  const middle = median(values);
  return (
    <span data-testid={`metric-${suite}-${metric}`} data-value={middle}>
      <strong>{figureText(middle)}</strong>{' '}
      <small>
        (median over {values.length} instances, range {figureText(Math.min(...values))} to {figureText(Math.max(...values))}, of {source})
      </small>
    </span>
  );
}
