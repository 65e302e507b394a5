/**
 * The three routes of the asymmetric flow U' = (Y - U V^T) V, V' = (Y - U V^T)^T U from a balanced
 * start (issue 19, our extension of Min & Vidal 2025, Section IV): the closed form through the
 * symmetric lift (Proposition 1 on Ysym = [[0, Y], [Y^T, 0]]), Dormand-Prince 5(4) on the flow
 * itself, and gradient descent, which is forward Euler on the flow and so O(eta) from it.
 */
import type { Matrix } from 'ml-matrix';

import { asymmetricGradientDescent, balancedTrajectory, integrateAsymmetricFlow } from '@factorflow/core';
import { maxAbsDifference } from '@factorflow/core/testing';

/** Relative tolerance of the ODE route, as in the symmetric Proposition 1 suite. */
export const ODE_RTOL = 1e-12;
/**
 * Largest accepted |X_closed - X_ode| / ||Y||. The integrator controls the local error at 1e-12
 * relative; the transition amplifies it by the growth of the unstable modes over the step
 * (e^{2 sigma h}, bounded by the controller) and the errors add over a few thousand steps, so the
 * global error is a few hundred times rtol, which is what the symmetric suite measures (worst
 * 4.7e-11 at the same rtol). 1e-8 leaves a factor 100 and still catches any wrong formula, whose
 * error is O(1) of ||Y|| in the transition.
 */
export const ODE_TOLERANCE = 1e-8;
/** Checkpoints on [0, horizon] at which gradient descent is compared with the closed form. */
const CHECKPOINTS = 24;
/** Base step of gradient descent in units of 1 / sigma_1(Y): stable (eta sigma_1 < 1) and cheap. */
const ETA_SIGMA = 0.04;

/** The gaps of one instance between the closed form and the two numerical routes. */
export interface RouteGaps {
  /** max over the times of |X_closed - X_ode| / ||Y|| (entrywise). */
  readonly ode: number;
  /** The global errors of descent at eta, eta / 2, eta / 4: max over the checkpoints of |X_GD - X_closed|. */
  readonly gd: readonly number[];
}

/**
 * The global error of gradient descent at eta0, eta0 / 2 and eta0 / 4: max over checkpoints
 * t_i = i stride eta0 of the entrywise |X_GD(t_i) - X(t_i)| against the reference path `flow`
 * (X(t_1), X(t_2), ...). Descent is run segment by segment from the factors it reached, so each
 * refinement follows its own path, as one long run would.
 */
export function descentGlobalErrors(Y: Matrix, U0: Matrix, V0: Matrix, eta0: number, stride: number, flow: readonly Matrix[]): number[] {
  return [1, 2, 4].map((refinement) => {
    let U = U0;
    let V = V0;
    let worst = 0;
    for (const X of flow) {
      const steps = stride * refinement;
      const descent = asymmetricGradientDescent(Y, U, V, { eta: eta0 / refinement, steps, record: steps });
      U = descent.U;
      V = descent.V;
      worst = Math.max(worst, maxAbsDifference(descent.X, X));
    }
    return worst;
  });
}

/**
 * The closed form from a balanced start against the ODE (at 9 times across the whole learning) and
 * against gradient descent (at {@link CHECKPOINTS} checkpoints), for Y with non-zero singular
 * values `sigmaY` (decreasing; the scale is sigmaY[0] = ||Y||_2).
 */
export function routeGaps(Y: Matrix, U0: Matrix, V0: Matrix, sigmaY: readonly number[], horizon: number): RouteGaps {
  const scale = sigmaY[0];
  const start = { U0, V0 };
  const times = Array.from({ length: 9 }, (_, i) => (i * horizon) / 8);
  const closed = balancedTrajectory(Y, start, times).X;
  const ode = integrateAsymmetricFlow(Y, U0, V0, { times, rtol: ODE_RTOL }).X;
  const odeGap = Math.max(...closed.map((X, i) => maxAbsDifference(X, ode[i]))) / scale;
  const eta0 = ETA_SIGMA / scale;
  const stride = Math.max(1, Math.round(horizon / (CHECKPOINTS * eta0)));
  const checkpoints = Array.from({ length: CHECKPOINTS }, (_, i) => (i + 1) * stride * eta0);
  const flow = balancedTrajectory(Y, start, checkpoints).X;
  return { ode: odeGap, gd: descentGlobalErrors(Y, U0, V0, eta0, stride, flow) };
}

/** gap(eta) / gap(eta / 2) and gap(eta / 2) / gap(eta / 4): about 2 when descent is first order in eta. */
export function descentRatios(gd: readonly number[]): number[] {
  return [gd[0] / gd[1], gd[1] / gd[2]];
}

/**
 * Whether the routes agree: the ODE within {@link ODE_TOLERANCE} of ||Y||, and descent converging
 * to the closed form at first order or better (each halving of eta divides the global error by
 * more than 1.6; Euler's error is eta e1 + eta^2 e2 + ..., so the ratio is 2, up to 4 when e1
 * vanishes). Below 1e-12 ||Y|| the descent gap is rounding and its rate is not measurable.
 */
export function routesAgree(gaps: RouteGaps, scale: number): boolean {
  const measurable = gaps.gd[2] > 1e-12 * scale;
  return gaps.ode <= ODE_TOLERANCE && (!measurable || descentRatios(gaps.gd).every((ratio) => ratio > 1.6));
}
