/**
 * Plans of Theorems 3 and 4 as plain JSON, for reports, files and the wire: `JSON.stringify`
 * would turn the unbounded end of I_K into `null` silently and a Float64Array into an object with
 * numeric keys; these types say where `null` stands for +infinity.
 */
import type { LearningInterval, TheoremPlan } from './intervals.js';
import type { Theorem4Plan } from './theorem4.js';
import {
  type FieldCheck,
  nullable,
  requireBoolean,
  requireChoice,
  requireExtendedReal,
  requireFields,
  requireFinite,
  requireFloat64Array,
  requireInteger,
  requireList,
  requireNonNegative,
  requireNumbers,
  requirePositive,
  requireString,
} from '../validate.js';

/**
 * I_k of eq. (16) ({@link LearningInterval}) as JSON: `end` is `null` when I_k is unbounded above
 * (k = K, the paper's 1/0 := infinity).
 */
export type LearningIntervalJson = Omit<LearningInterval, 'end'> & {
  /** (1 / (2 sigma_{k+1})) log(c_eps / alpha); `null` = +infinity (k = K). */
  readonly end: number | null;
};

/**
 * A Theorem 3 or 4 plan ({@link TheoremPlan}) as JSON: the same fields, with `sigmaY` an array and
 * the intervals as {@link LearningIntervalJson}. Derived from the plan's type, so the two cannot
 * drift apart.
 */
export type TheoremPlanJson = Omit<TheoremPlan, 'sigmaY' | 'intervals'> & {
  /** The K non-zero eigenvalues (= singular values) of Y, decreasing. */
  readonly sigmaY: number[];
  /** I_k of eq. (16) at `logAlpha`, k = 1..K (empty when `logAlpha` is null). */
  readonly intervals: LearningIntervalJson[];
};

/** A Theorem 4 plan ({@link Theorem4Plan}) as JSON: the common fields plus M and ln M. */
export type Theorem4PlanJson = TheoremPlanJson & Pick<Theorem4Plan, 'theorem' | 'M' | 'logM'>;

/**
 * A plan of Theorem 3 or 4 (Min & Vidal 2025: c_eps, C_eps, alpha_max, the hypotheses, the
 * intervals I_k of eq. (16)) as plain JSON: Float64Array as an array, the unbounded end of I_K as
 * `null`, every other field as is. `JSON.parse(JSON.stringify(planToJson(plan)))` equals
 * `planToJson(plan)`.
 *
 * @param plan - from {@link theorem3Plan} or {@link theorem4Plan} (then M is kept).
 * @returns the {@link TheoremPlanJson}, or for Theorem 4 the {@link Theorem4PlanJson}.
 * @throws FactorflowInputError when `plan` is not a plan: a field missing or of the wrong type
 *   (a plan edited by hand, or one that went through JSON already).
 * @example
 * ```ts
 * const json = planToJson(theorem3Plan({ sigmaY: [10, 8], sigma0: [1, 1], epsilon: 0.5 }));
 * json.intervals[1].end; // null: I_K = [start, +infinity)
 * JSON.stringify(json);  // nothing lost
 * ```
 */
export function planToJson(plan: Theorem4Plan): Theorem4PlanJson;
export function planToJson(plan: TheoremPlan): TheoremPlanJson;
export function planToJson(plan: TheoremPlan | Theorem4Plan): TheoremPlanJson | Theorem4PlanJson {
  requireFields(plan, 'plan', 'from theorem3Plan or theorem4Plan', PLAN_FIELDS);
  const json: TheoremPlanJson = {
    theorem: plan.theorem,
    epsilon: plan.epsilon,
    sigmaY: Array.from(plan.sigmaY),
    cEpsilon: plan.cEpsilon,
    CEpsilon: plan.CEpsilon,
    logcEpsilon: plan.logcEpsilon,
    logCEpsilon: plan.logCEpsilon,
    separationRatio: plan.separationRatio,
    alphaMax: plan.alphaMax,
    logAlphaMax: plan.logAlphaMax,
    alphaMaxAttained: plan.alphaMaxAttained,
    alpha: plan.alpha,
    logAlpha: plan.logAlpha,
    hypotheses: plan.hypotheses.map(({ name, statement, holds, detail }) => ({ name, statement, holds, detail })),
    hypothesesHold: plan.hypothesesHold,
    intervals: plan.intervals.map(intervalToJson),
  };
  return 'M' in plan ? { ...json, theorem: 4, M: plan.M, logM: plan.logM } : json;
}

const finite: FieldCheck = (value, argument) => requireFinite(value as number, argument);
const PLAN_FIELDS: Readonly<Record<string, FieldCheck>> = {
  theorem: (value, argument) => requireChoice(value, [3, 4], argument),
  epsilon: (value, argument) => requirePositive(value as number, argument),
  sigmaY: (value, argument) => {
    requireFloat64Array(value, argument, 'the singular values of Y');
    requireNumbers(value, argument, 'singular values', requireFinite);
  },
  cEpsilon: nullable((value, argument) => requireNonNegative(value as number, argument)),
  CEpsilon: nullable(finite),
  logcEpsilon: nullable(finite),
  logCEpsilon: nullable(finite),
  separationRatio: finite,
  alphaMax: nullable((value, argument) => requireNonNegative(value as number, argument)),
  logAlphaMax: nullable(finite),
  alphaMaxAttained: requireBoolean,
  alpha: nullable((value, argument) => requireNonNegative(value as number, argument)),
  logAlpha: nullable(finite),
  intervals: (value, argument) =>
    requireList(value, argument, (interval, at) =>
      requireFields(interval, at, '{ k, start, end, nonEmpty }', {
        k: (k, name) => requireInteger(k as number, name, 1, Number.MAX_SAFE_INTEGER),
        start: finite,
        end: requireExtendedReal,
        nonEmpty: requireBoolean,
      }, true),
    ),
  hypotheses: (value, argument) =>
    requireList(value, argument, (hypothesis, at) =>
      requireFields(hypothesis, at, '{ name, statement, holds, detail }', { name: requireString, statement: requireString, holds: requireBoolean, detail: requireString }, true),
    ),
  hypothesesHold: requireBoolean,
  M: (value, argument) => (value === undefined ? undefined : nullable(finite)(value, argument)),
  logM: (value, argument) => (value === undefined ? undefined : nullable(finite)(value, argument)),
};

function intervalToJson({ k, start, end, nonEmpty }: LearningInterval): LearningIntervalJson {
  return { k, start, end: Number.isFinite(end) ? end : null, nonEmpty };
}
