import { certifiedWindows, certifyWindow } from '@factorflow/core';

const Y = [[10, 0], [0, 2]];
const init = { U0: [[1e-4, 2e-5], [1e-5, 1e-4]] };
const { measured, certified, coverage } = certifiedWindows(Y, init, 0.5).perRank[0];
// k = 1: measured [1.18142, 4.52371]; the certified part lies inside it and covers over 99.99% of it
console.log(`measured ${JSON.stringify(measured)}, certified ${JSON.stringify(certified)}, coverage ${coverage.toFixed(5)}`);
const check = certifyWindow(Y, init, 0.5, 1, { start: 1.2, end: 3 });
console.log(`certified: ${check.certified}, proved bound ${check.bound?.toPrecision(4)} <= 0.5`); // true

export { check, certified, coverage, measured };
