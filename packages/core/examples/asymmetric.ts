import { balancedInit, balancedTrajectory } from '@factorflow/core';

const Y = [[3, 0, 0], [0, 1, 0]]; // 2 x 3, singular values 3 and 1
const start = balancedInit(2, 3, 2, 1e-8, 1); // U0^T U0 = V0^T V0
const times = [0, 5, 20];
const { singularValuesX } = balancedTrajectory(Y, start, times, { matrices: false });
// sigma_1(X) reaches 3 first, sigma_2(X) reaches 1 later: incremental learning of singular values
singularValuesX.forEach((values, i) => console.log(`t = ${times[i]}: ${Array.from(values, (v) => v.toPrecision(4)).join(', ')}`));

export { singularValuesX };
