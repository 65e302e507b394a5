import {
  bestRankK,
  closedFormTrajectory,
  gaussianInit,
  measuredWindows,
  prepareTarget,
  spectralNorm,
  theorem4Plan,
} from '@factorflow/core';

// Target Y with singular values 10, 8, 6, 4, 2, decomposed once for every call below,
// and a generic small initialization U(0) = alpha^{1/2} U0bar.
const Y = prepareTarget([
  [10, 0, 0, 0, 0],
  [0, 8, 0, 0, 0],
  [0, 0, 6, 0, 0],
  [0, 0, 0, 4, 0],
  [0, 0, 0, 0, 2],
]);
const U0bar = gaussianInit(5, 5, 1, 42);
const epsilon = 0.2;

// Theorem 4: the largest admissible alpha and the guaranteed windows I_k.
const plan = theorem4Plan({ Y, U0bar, epsilon });
const alpha = plan.alphaMax ?? 1e-12;
const U0 = U0bar.mul(Math.sqrt(alpha));

// The true windows, from the closed form of Proposition 1.
const measured = measuredWindows(Y, { U0 }, epsilon);

// W(t) in the middle of the guaranteed window I_2 is within epsilon of the best rank-2 approximation.
const { start, end } = plan.intervals[1];
const { W } = closedFormTrajectory(Y, { U0 }, [(start + end) / 2]);
const distance = spectralNorm(W[0].sub(bestRankK(Y, 2)));

console.log(`alpha_max = ${alpha.toExponential(3)}, M = ${plan.M?.toFixed(3)}`);
console.log(`guaranteed I_2 = [${start.toFixed(3)}, ${end.toFixed(3)}]`);
console.log(`measured window for k = 2: [${measured.perRank[1].windows.map((w) => `${w.start.toFixed(3)}, ${w.end.toFixed(3)}`).join('] [')}]`);
console.log(`||W(t) - Y_hat_2|| = ${distance.toExponential(3)} <= ${epsilon}`);

export { plan, measured, distance, epsilon };
