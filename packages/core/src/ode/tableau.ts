/**
 * The Dormand & Prince (1980) 5(4) tableau, as in Hairer's dopri5.f, one row per line: nodes c,
 * stage coefficients a, the 5th-order weights (= row a7, so the last stage is the next step's
 * first: FSAL), the error weights e = b5 - b4, and Shampine's (1986) 4th-order dense-output
 * weights d. Zero entries (a72, e2, d2) are left out.
 */
export const [C2, C3, C4, C5] = [1 / 5, 3 / 10, 4 / 5, 8 / 9];
export const [A21] = [1 / 5];
export const [A31, A32] = [3 / 40, 9 / 40];
export const [A41, A42, A43] = [44 / 45, -56 / 15, 32 / 9];
export const [A51, A52, A53, A54] = [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729];
export const [A61, A62, A63, A64, A65] = [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656];
export const [A71, A73, A74, A75, A76] = [35 / 384, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84];
export const [E1, E3, E4, E5, E6, E7] = [71 / 57600, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40];
export const [D1, D3, D4, D5, D6, D7] = [
  -12715105075 / 11282082432,
  87487479700 / 32700410799,
  -10690763975 / 1880347072,
  701980252875 / 199316789632,
  -1453857185 / 822651844,
  69997945 / 29380423,
];
