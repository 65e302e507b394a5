/**
 * `factorflow plan`: what Theorems 3 and 4 of Min & Vidal (2025) guarantee for a target Y and an
 * initialization shape U0bar, next to the windows the gradient flow actually has, as text. The
 * report itself is core's `incrementalLearningReport`.
 */
import { type GuaranteeCheck, type IncrementalLearningReport, type TheoremPlanJson, incrementalLearningReport } from '@factorflow/core';
import { textTable } from '@factorflow/harness';

import { SCHEMA } from '../json.js';
import { readYAndU0 } from '../matrixFile/index.js';
import { type CommandSpec, POSITIVE } from '../options.js';
import { type Command, reportCommand } from '../program.js';
import { PLAN_LAYOUT } from '../resultFile/layouts.js';

const PLAN: CommandSpec<'Y' | 'U0' | 'epsilon' | 'alpha'> = {
  program: 'factorflow plan',
  options: [
    { name: 'Y', value: 'FILE', required: true, description: 'symmetric PSD target: .npy, CSV (pandas, np.savetxt), Matrix Market or JSON; - reads standard input' },
    { name: 'U0', value: 'FILE', required: true, description: 'initialization shape U0bar (n x r), same formats (or -); U(0) = alpha^{1/2} U0bar' },
    { name: 'epsilon', value: 'E', required: true, description: 'error tolerance of Theorems 3/4' },
    { name: 'alpha', value: 'A', defaultText: "the theorem's alpha_max", description: 'initialization scale' },
  ],
};

/** `factorflow plan`: the Theorem 3/4 report of {@link formatPlan} for `--Y` and `--U0`, or its JSON. */
export const plan: Command = reportCommand(PLAN, 18, SCHEMA.plan, formatPlan, (options) => {
  const { Y, U0 } = readYAndU0(options);
  return incrementalLearningReport({ Y, U0bar: U0, epsilon: options.requiredNumber('epsilon', POSITIVE), alpha: options.number('alpha', POSITIVE) });
}, PLAN_LAYOUT);

/** A number for the table: 4 significant digits, exponent notation outside [1e-3, 1e5). */
function num(value: number | null, digits = 4): string {
  if (value === null) return 'inf';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  return magnitude >= 1e-3 && magnitude < 1e5 ? value.toPrecision(digits) : value.toExponential(digits - 1);
}

/** A constant of the plan, as e^(its logarithm) where it leaves the doubles (null when it overflows, 0 when it underflows). */
/** A plan constant, as e^(its logarithm) where core reports it null for leaving the normal doubles. */
function constant(value: number | null, logValue: number): string {
  return value === null ? `e^${num(logValue, 6)}` : num(value);
}

function interval(start: number, end: number | null): string {
  return end === null ? `[${num(start)}, inf)` : `[${num(start)}, ${num(end)}]`;
}

function planLines(plan: TheoremPlanJson): string[] {
  const lines: string[] = [];
  lines.push(`  sigma_Y (non-zero, decreasing) = ${plan.sigmaY.map((value) => num(value)).join(', ')}`);
  lines.push(`  max sigma_{k+1}/sigma_k = ${num(plan.separationRatio)}`);
  if (plan.logcEpsilon !== null && plan.logCEpsilon !== null) {
    lines.push(`  c_eps = ${constant(plan.cEpsilon, plan.logcEpsilon)}   C_eps = ${constant(plan.CEpsilon, plan.logCEpsilon)}`);
  }
  if (plan.logAlphaMax !== null) {
    lines.push(
      `  alpha_max = ${constant(plan.alphaMax, plan.logAlphaMax)} (ln = ${num(plan.logAlphaMax, 6)}), ` +
        (plan.alphaMaxAttained ? 'attained' : 'not attained: every smaller alpha satisfies the hypotheses (strict separation binds)'),
    );
  } else {
    lines.push('  alpha_max: none (no alpha satisfies the hypotheses)');
  }
  const failing = plan.hypotheses.filter((hypothesis) => !hypothesis.holds).map((hypothesis) => hypothesis.name);
  // alpha and alphaMax both null with a logAlpha: the plan is at an alpha_max below the normal doubles.
  const atSupremum = plan.logAlpha !== null && plan.alpha === plan.alphaMax && !plan.alphaMaxAttained;
  const verdict = plan.hypothesesHold
    ? 'all hold'
    : atSupremum && failing.length === 1 && failing[0] === 'alpha-separation'
      ? 'all hold except the strict separation, an equality at the supremum alpha_max itself ' +
        '(every smaller alpha satisfies them all; the I_k below are the limit)'
      : `NOT all hold (failing: ${failing.join(', ')})`;
  lines.push(`  hypotheses at alpha = ${plan.logAlpha === null ? 'none' : constant(plan.alpha, plan.logAlpha)}: ${verdict}`);
  for (const hypothesis of plan.hypotheses) {
    lines.push(`    [${hypothesis.holds ? 'holds' : 'FAILS'}] ${hypothesis.name}: ${hypothesis.statement}`);
    lines.push(`            ${hypothesis.detail}`);
  }
  return lines;
}

/**
 * Renders an {@link IncrementalLearningReport} as plain text: the Theorem 4 plan (M, c_eps, C_eps, alpha_max,
 * hypotheses), the Theorem 3 verdict (and plan), and a table per k of the guaranteed I_k of
 * eq. (16) against the measured windows where ||W(t) - Y_hat_k|| <= epsilon, with the ratio of
 * lengths (measured / guaranteed) and whether I_k lies inside. `inf` marks an unbounded end; a
 * constant beyond the doubles is shown as e^(its logarithm); the conditioning warning of the
 * measured windows, if any, comes last.
 *
 * @param report - the result of core's `incrementalLearningReport`.
 * @returns the text, lines separated by `\n`, no trailing newline.
 * @throws nothing.
 * @example
 * ```ts
 * console.log(formatPlan(incrementalLearningReport({ Y, U0bar, epsilon: 0.5 })));
 * ```
 */
export function formatPlan(report: IncrementalLearningReport): string {
  const { theorem4, theorem3 } = report;
  const lines: string[] = [];
  lines.push(`Y: ${report.n} x ${report.n}   U0bar: ${report.n} x ${report.r}   epsilon = ${report.epsilon}`);
  lines.push('');
  lines.push('Theorem 4 (general initialization U(0) = alpha^{1/2} U0bar)');
  const M = theorem4.logM === null ? 'undefined (W0~ singular)' : constant(theorem4.M, theorem4.logM);
  lines.push(`  M = max(||V||, ||V^{-1}||), V = (Phi^T U0bar U0bar^T Phi)^{-1}: ${M}`);
  lines.push(...planLines(theorem4));
  lines.push('');
  lines.push('Theorem 3 (spectral initialization)');
  lines.push(`  ${theorem3.reason}`);
  if (theorem3.plan !== null) {
    lines.push(`  sigma_{i,0} = ${theorem3.sigma0.map((value) => num(value)).join(', ')}`);
    lines.push(...planLines(theorem3.plan));
  }
  lines.push('');
  if (report.measured === null) {
    lines.push(`Measured windows: none. ${report.notMeasured ?? ''}`);
    return lines.join('\n');
  }
  const source = {
    given: 'given by --alpha',
    'theorem-4-alpha-max': "Theorem 4's alpha_max",
    'theorem-3-alpha-max': "Theorem 3's alpha_max",
  }[report.measured.alphaSource];
  lines.push(`Windows where ||W(t) - Y_hat_k|| <= ${report.epsilon}, at alpha = ${num(report.measured.alpha)} (${source})`);
  const withTheorem3 = report.ranks.some((rank) => rank.theorem3 !== null);
  const header = ['k', 'guaranteed I_k (Thm 4)', ...(withTheorem3 ? ['I_k (Thm 3)'] : []), 'measured', 'measured/|I_k|', 'I_k inside'];
  const cell = (check: GuaranteeCheck | null): string =>
    check === null ? '-' : check.interval.nonEmpty ? interval(check.interval.start, check.interval.end) : `empty ${interval(check.interval.start, check.interval.end)}`;
  const ratio = (check: GuaranteeCheck | null): string =>
    check === null || !check.interval.nonEmpty
      ? '-'
      : check.lengthRatio !== null
        ? `${check.lengthRatio.toFixed(2)}x`
        : check.length === 0
          ? 'point I_k'
          : 'both unbounded';
  const inside = (check: GuaranteeCheck | null): string => (check === null ? '-' : check.contained ? 'yes' : 'NO');
  const rows = report.ranks.map((rank) => {
    const primary = rank.theorem4 ?? rank.theorem3;
    return [
      String(rank.k),
      cell(rank.theorem4),
      ...(withTheorem3 ? [cell(rank.theorem3)] : []),
      rank.measured.length === 0 ? 'none' : rank.measured.map((w) => interval(w.start, w.end)).join(' '),
      rank.theorem4 !== null && rank.theorem3 !== null ? `${ratio(rank.theorem4)} / ${ratio(rank.theorem3)}` : ratio(primary),
      rank.theorem4 !== null && rank.theorem3 !== null ? `${inside(rank.theorem4)} / ${inside(rank.theorem3)}` : inside(primary),
    ];
  });
  lines.push(textTable(header, rows, { indent: 2 }));
  lines.push(
    `  (closest approach min_t ||W(t) - Y_hat_k||: ${report.measured.perRank.map((rank) => `k=${rank.k} ${num(rank.closestApproach)}`).join(', ')}; ` +
      `search grid step at most ${num(report.measured.resolution)} up to t = ${num(report.measured.horizon)})`,
  );
  if (report.measured.conditioning.warning !== null) lines.push(`  warning: ${report.measured.conditioning.warning}`);
  return lines.join('\n');
}
