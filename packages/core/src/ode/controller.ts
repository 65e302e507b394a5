/**
 * Step-size control of Hairer's dopri5.f: safety 0.9, h_new / h kept in [0.2, 10], and a PI
 * controller with beta = 0.04 (Gustafsson 1991), whose integral exponent is 1/5 - 0.75 beta. The
 * proportional part remembers the previous accepted error, which damps the oscillation of a
 * pure integral controller on mildly stiff stretches such as the saturating modes of the flow.
 */
const SAFETY = 0.9;
const MIN_FACTOR = 0.2;
const MAX_FACTOR = 10;
const BETA = 0.04;
const EXPONENT = 0.2 - 0.75 * BETA;

/** What the controller remembers between attempts. */
export interface StepController {
  /** Error norm of the last accepted step, floored at 1e-4 as in dopri5.f. */
  errorOld: number;
  /** Whether the last attempt was rejected: the step may then not grow (dopri5.f). */
  lastRejected: boolean;
}

/** The controller before the first step. */
export function createStepController(): StepController {
  return { errorOld: 1e-4, lastRejected: false };
}

/**
 * The step to retry with after a rejection: shrink by the integral law, or by the largest
 * factor when the trial state was not finite (the step overshot into a region where f explodes).
 */
export function rejectedStep(controller: StepController, h: number, error: number, nonFinite: boolean): number {
  controller.lastRejected = true;
  return h * (nonFinite ? MIN_FACTOR : Math.max(MIN_FACTOR, SAFETY * Math.pow(error, -EXPONENT)));
}

/** The next step after an accepted one with error norm `error` <= 1. */
export function acceptedStep(controller: StepController, h: number, error: number): number {
  const proposed = SAFETY * Math.pow(error, -EXPONENT) * Math.pow(controller.errorOld, BETA);
  let hNew = h * Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, proposed));
  if (controller.lastRejected) hNew = Math.min(hNew, h);
  controller.errorOld = Math.max(error, 1e-4);
  controller.lastRejected = false;
  return hNew;
}
