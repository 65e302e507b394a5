/**
 * `factorflow certify`: the certified windows of issue 20 (core's certifiedWindows: intervals on
 * which ||W(t) - Y_hat_k||_2 <= epsilon is proved for every t, Min & Vidal 2025, conclusion
 * (17)/(23) of Theorems 3 and 4) next to the guaranteed I_k of eq. (16) and the measured windows,
 * and the largest alpha at which every window is certified (core's certifiedAlphaMax).
 */
import {
  type GuaranteeCheck,
  type TimeWindow,
  type TimeWindowJson,
  certifiedAlphaMax,
  certifiedWindows,
  incrementalLearningReport,
  prepareTarget,
} from '@factorflow/core';
import { textTable } from '@factorflow/harness';

import { SCHEMA } from '../json.js';
import { readYAndU0 } from '../matrixFile/index.js';
import { type CommandSpec, POSITIVE } from '../options.js';
import { type Command, reportCommand } from '../program.js';
import { num } from './numbers.js';

const CERTIFY: CommandSpec<'Y' | 'U0' | 'epsilon' | 'alpha'> = {
  program: 'factorflow certify',
  options: [
    { name: 'Y', value: 'FILE', required: true, description: 'symmetric PSD target: .npy, CSV (pandas, np.savetxt), Matrix Market or JSON; - reads standard input' },
    { name: 'U0', value: 'FILE', required: true, description: 'initialization shape U0bar (n x r), same formats (or -); U(0) = alpha^{1/2} U0bar' },
    { name: 'epsilon', value: 'E', required: true, description: 'tolerance: certify ||W(t) - Y_hat_k||_2 <= E (Theorem 4 range: E <= min(sigma_K, 1))' },
    { name: 'alpha', value: 'A', defaultText: "Theorem 4's alpha_max (else Theorem 3's)", description: 'initialization scale' },
  ],
};

/** One rank: Theorem 4's I_k (else Theorem 3's), the measured and the certified windows. */
export interface CertifiedRankJson {
  readonly k: number;
  /** The theorem's I_k at this alpha; null when no theorem gives a non-empty one. */
  readonly guaranteed: TimeWindowJson | null;
  readonly measured: TimeWindowJson[];
  readonly certified: TimeWindowJson[];
  /** Certified length / measured length, in [0, 1]; null when the rank has no measured window. */
  readonly coverage: number | null;
}

/** What `factorflow certify` prints; JSON-safe (null for +infinity where a field says so). */
export interface CertifyReport {
  readonly n: number;
  readonly r: number;
  readonly epsilon: number;
  /** The alpha of U(0) = alpha^{1/2} U0bar that was certified; null when none is available (see notCertified). */
  readonly alpha: number | null;
  readonly alphaSource: 'given' | 'theorem-4-alpha-max' | 'theorem-3-alpha-max' | null;
  readonly notCertified: string | null;
  /** How the certificates were obtained (core's description). */
  readonly method: string | null;
  readonly ranks: CertifiedRankJson[];
  readonly alphaMax: {
    /** The largest alpha with every window certified non-empty (to relativeTolerance); null when none. */
    readonly certified: number | null;
    readonly logCertified: number | null;
    readonly relativeTolerance: number;
    /** The largest alpha at which every measured window exists (the same bisection on the measured windows). */
    readonly measured: number | null;
    /** Theorem 4's alpha_max; null when there is none or it is no double. */
    readonly theorem4: number | null;
    /** Why no alpha could be certified, or null. */
    readonly unproved: string | null;
  };
}

const json = (window: TimeWindow): TimeWindowJson => ({ start: window.start, end: Number.isFinite(window.end) ? window.end : null });

function guaranteed(check: GuaranteeCheck | null): TimeWindowJson | null {
  return check === null || !check.interval.nonEmpty ? null : { start: check.interval.start, end: check.interval.end };
}

/**
 * Certifies the windows of `--Y` and `--U0` at the alpha of `factorflow plan` (core's
 * incrementalLearningReport chooses it and gives the I_k), and bisects for certifiedAlphaMax.
 */
export function certifyReport(Y: number[][], U0bar: number[][], epsilon: number, alpha: number | undefined): CertifyReport {
  const prepared = prepareTarget(Y);
  const plan = incrementalLearningReport({ Y: prepared, U0bar, epsilon, alpha });
  const found = certifiedAlphaMax(prepared, U0bar, epsilon);
  const alphaMax = {
    certified: found.alpha,
    logCertified: found.logAlpha,
    relativeTolerance: found.relativeTolerance,
    measured: found.measuredAlphaMax,
    theorem4: found.theorem4AlphaMax,
    unproved: found.unproved,
  };
  const base = { n: plan.n, r: plan.r, epsilon };
  if (plan.measured === null) {
    return { ...base, alpha: null, alphaSource: null, notCertified: plan.notMeasured, method: null, ranks: [], alphaMax };
  }
  const scale = Math.sqrt(plan.measured.alpha);
  const U0 = U0bar.map((row) => row.map((value) => value * scale));
  const windows = certifiedWindows(prepared, { U0 }, epsilon);
  const ranks = windows.perRank.map((rank, index) => {
    const compared = plan.ranks[index];
    return {
      k: rank.k,
      guaranteed: compared === undefined ? null : guaranteed(compared.theorem4 ?? compared.theorem3),
      measured: rank.measured.map(json),
      certified: rank.certified.map(json),
      coverage: rank.measured.length === 0 ? null : rank.coverage,
    };
  });
  return { ...base, alpha: plan.measured.alpha, alphaSource: plan.measured.alphaSource, notCertified: null, method: windows.method, ranks, alphaMax };
}

function interval(window: TimeWindowJson): string {
  return `[${num(window.start, 4)}, ${window.end === null ? 'inf)' : `${num(window.end, 4)}]`}`;
}

const windowsText = (windows: readonly TimeWindowJson[]): string => (windows.length === 0 ? 'none' : windows.map(interval).join(' '));
const maybe = (value: number | null): string => (value === null ? 'none' : num(value, 4));

/**
 * Renders a {@link CertifyReport} as plain text: per k the guaranteed I_k, the measured and the
 * certified windows with the certified share of the measured length, then certifiedAlphaMax beside
 * the measured largest alpha and Theorem 4's alpha_max (Min & Vidal 2025, eq. (16)-(17)).
 *
 * @param report - the result of {@link certifyReport}.
 * @returns the text, lines separated by `\n`, no trailing newline.
 * @throws nothing.
 * @example
 * ```ts
 * console.log(formatCertify(certifyReport(Y, U0bar, 0.5, undefined)));
 * ```
 */
export function formatCertify(report: CertifyReport): string {
  const lines = [`Y: ${report.n} x ${report.n}   U0bar: ${report.n} x ${report.r}   epsilon = ${report.epsilon}`, ''];
  if (report.alpha === null) {
    lines.push(`Certified windows: none. ${report.notCertified ?? ''}`);
  } else {
    const source = { given: 'given by --alpha', 'theorem-4-alpha-max': "Theorem 4's alpha_max", 'theorem-3-alpha-max': "Theorem 3's alpha_max" }[report.alphaSource ?? 'given'];
    lines.push(`Windows where ||W(t) - Y_hat_k|| <= ${report.epsilon}, at alpha = ${num(report.alpha, 4)} (${source})`);
    const rows = report.ranks.map((rank) => [
      String(rank.k),
      rank.guaranteed === null ? '-' : interval(rank.guaranteed),
      windowsText(rank.measured),
      windowsText(rank.certified),
      rank.coverage === null ? '-' : `${(100 * rank.coverage).toFixed(3)}%`,
    ]);
    lines.push(textTable(['k', 'guaranteed I_k', 'measured', 'certified (proved)', 'certified/measured'], rows, { indent: 2 }));
    lines.push(`  method: ${report.method}`);
  }
  lines.push('');
  const { alphaMax } = report;
  lines.push(`certifiedAlphaMax = ${maybe(alphaMax.certified)} (every window certified non-empty; relative tolerance ${alphaMax.relativeTolerance})`);
  lines.push(`  largest alpha with every measured window = ${maybe(alphaMax.measured)}   Theorem 4's alpha_max = ${maybe(alphaMax.theorem4)}`);
  if (alphaMax.unproved !== null) lines.push(`  not certified: ${alphaMax.unproved}`);
  return lines.join('\n');
}

/** `factorflow certify`: {@link formatCertify} of {@link certifyReport} for `--Y` and `--U0`, or its JSON. */
export const certify: Command = reportCommand(CERTIFY, 18, SCHEMA.certify, formatCertify, (options) => {
  const { Y, U0 } = readYAndU0(options);
  return certifyReport(Y, U0, options.requiredNumber('epsilon', POSITIVE), options.number('alpha', POSITIVE));
});
