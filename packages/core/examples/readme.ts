import { gaussianInit, measuredWindows, prepareTarget, theorem4Plan } from '@factorflow/core';

const Y = prepareTarget([[10, 0, 0], [0, 8, 0], [0, 0, 6]]); // decomposed once for every call
const U0bar = gaussianInit(3, 3, 1, 42);
const epsilon = 0.2;
// Below Theorem 4's largest admissible alpha, so that every guaranteed window has positive length.
const alpha = (theorem4Plan({ Y, U0bar, epsilon }).alphaMax ?? 1e-12) / 100;
const plan = theorem4Plan({ Y, U0bar, epsilon, alpha });
const measured = measuredWindows(Y, { U0: U0bar.clone().mul(Math.sqrt(alpha)) }, epsilon);

// Each guaranteed window I_k lies inside a window where ||W(t) - Y_hat_k|| <= epsilon.
plan.intervals.forEach((I, k) => {
  const inside = measured.perRank[k].windows.some((w) => w.start <= I.start && I.end <= w.end);
  console.log(`k = ${k + 1}: I_k = [${I.start.toFixed(3)}, ${I.end.toFixed(3)}], inside a measured window: ${inside}`);
});
