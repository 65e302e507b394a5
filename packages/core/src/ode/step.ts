/**
 * One Dormand-Prince 5(4) step on Float64Array state, its embedded error estimate, the dense
 * output between its ends, and Hairer's starting step. The stage buffers are allocated once per
 * integration: the right-hand side runs six times a step and the loops must not allocate.
 */
import {
  A21, A31, A32, A41, A42, A43, A51, A52, A53, A54, A61, A62, A63, A64, A65, A71, A73, A74, A75, A76,
  C2, C3, C4, C5, D1, D3, D4, D5, D6, D7, E1, E3, E4, E5, E6, E7,
} from './tableau.js';

/** Right-hand side f of y' = f(t, y): writes f(t, y) into `dydt` (never allocate here; it runs 6 times a step). */
export type OdeRightHandSide = (t: number, y: Float64Array, dydt: Float64Array) => void;

/** Stage values of one step; k1 and k7 swap roles after every accepted step (FSAL). */
export interface Stages {
  k1: Float64Array;
  readonly k2: Float64Array;
  readonly k3: Float64Array;
  readonly k4: Float64Array;
  readonly k5: Float64Array;
  readonly k6: Float64Array;
  k7: Float64Array;
  readonly stage: Float64Array;
  readonly dense5: Float64Array;
}

/** Fresh stage buffers for a state of length n. */
export function createStages(n: number): Stages {
  const buffer = () => new Float64Array(n);
  return { k1: buffer(), k2: buffer(), k3: buffer(), k4: buffer(), k5: buffer(), k6: buffer(), k7: buffer(), stage: buffer(), dense5: buffer() };
}

/**
 * Attempts the step (t, y) -> (tNew, yNew) of size h, with k1 = f(t, y) given, writing
 * yNew and k7 = f(tNew, yNew). Returns the RMS norm of the 5th-minus-4th-order difference
 * weighted by atol + rtol max(|y_i|, |yNew_i|), and whether the trial state stayed finite.
 */
export function attemptStep(
  rhs: OdeRightHandSide,
  t: number,
  h: number,
  tNew: number,
  y: Float64Array,
  yNew: Float64Array,
  stages: Stages,
  rtol: number,
  atol: number,
): { error: number; finite: boolean } {
  const { k1, k2, k3, k4, k5, k6, k7, stage } = stages;
  const n = y.length;
  for (let i = 0; i < n; i++) stage[i] = y[i] + h * A21 * k1[i];
  rhs(t + C2 * h, stage, k2);
  for (let i = 0; i < n; i++) stage[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
  rhs(t + C3 * h, stage, k3);
  for (let i = 0; i < n; i++) stage[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
  rhs(t + C4 * h, stage, k4);
  for (let i = 0; i < n; i++) {
    stage[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
  }
  rhs(t + C5 * h, stage, k5);
  for (let i = 0; i < n; i++) {
    stage[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
  }
  rhs(tNew, stage, k6);
  for (let i = 0; i < n; i++) {
    yNew[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
  }
  rhs(tNew, yNew, k7);

  let sum = 0;
  let finite = true;
  for (let i = 0; i < n; i++) {
    const estimate = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
    const scale = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
    const ratio = estimate / scale;
    sum += ratio * ratio;
    if (!Number.isFinite(yNew[i]) || !Number.isFinite(k7[i])) finite = false;
  }
  return { error: Math.sqrt(sum / n), finite };
}

/** Prepares the dense output of the accepted step of size h (call once per step, before `interpolate`). */
export function prepareDenseOutput(stages: Stages, h: number): void {
  const { k1, k3, k4, k5, k6, k7, dense5 } = stages;
  for (let i = 0; i < dense5.length; i++) {
    dense5[i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
  }
}

/** y(t + theta h) by the 4th-order continuous extension of the accepted step (Shampine 1986). */
export function interpolate(stages: Stages, y: Float64Array, yNew: Float64Array, h: number, theta: number): Float64Array {
  const { k1, k7, dense5 } = stages;
  const theta1 = 1 - theta;
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const difference = yNew[i] - y[i];
    const bspl = h * k1[i] - difference;
    const cubic = difference - h * k7[i] - bspl;
    out[i] = y[i] + theta * (difference + theta1 * (bspl + theta * (cubic + theta1 * dense5[i])));
  }
  return out;
}

/**
 * Hairer's starting step (dopri5.f, HINIT): h0 = 0.01 ||y0|| / ||f0||, then one explicit Euler
 * step estimates ||y''|| so that h^5 max(||f0||, ||y''||) ~ 0.01, and h = min(100 h0, that, span).
 * Norms are the same RMS norm weighted by atol + rtol |y0_i| as the error test. Uses one f call.
 */
export function hairerInitialStep(
  rhs: OdeRightHandSide,
  y0: Float64Array,
  f0: Float64Array,
  span: number,
  rtol: number,
  atol: number,
  yEuler: Float64Array,
  f1: Float64Array,
): number {
  const n = y0.length;
  let normF = 0;
  let normY = 0;
  for (let i = 0; i < n; i++) {
    const scale = atol + rtol * Math.abs(y0[i]);
    normF += (f0[i] / scale) ** 2;
    normY += (y0[i] / scale) ** 2;
  }
  normF = Math.sqrt(normF / n);
  normY = Math.sqrt(normY / n);
  let h = normF <= 1e-5 || normY <= 1e-5 ? 1e-6 : 0.01 * (normY / normF);
  h = Math.min(h, span);
  for (let i = 0; i < n; i++) yEuler[i] = y0[i] + h * f0[i];
  rhs(h, yEuler, f1);
  let secondDerivative = 0;
  for (let i = 0; i < n; i++) {
    const scale = atol + rtol * Math.abs(y0[i]);
    secondDerivative += ((f1[i] - f0[i]) / scale) ** 2;
  }
  secondDerivative = Math.sqrt(secondDerivative / n) / h;
  const largest = Math.max(Math.abs(secondDerivative), normF);
  const h1 = Number.isFinite(largest)
    ? largest <= 1e-15
      ? Math.max(1e-6, h * 1e-3)
      : Math.pow(0.01 / largest, 1 / 5)
    : h * 1e-3;
  const chosen = Math.min(100 * h, h1, span);
  return chosen > 0 ? chosen : span;
}
