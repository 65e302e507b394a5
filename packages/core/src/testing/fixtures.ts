/**
 * Matrices that broke a decomposition once, kept as regression fixtures for every routine that
 * decomposes symmetric matrices.
 */

/**
 * W(t) - Y_hat_k from a --instances 10000 run (theorem-4, seed 750125207), scaled to max |entry| 1:
 * entries spanning 140 decades, which ran ml-matrix tql2 past the end of its arrays. Its
 * eigenvalues include -1 and, to 15 digits, the (1, 1) entry 5.19e-15.
 */
export const ENTRIES_SPANNING_140_DECADES: readonly (readonly number[])[] = [
  [5.1919620378354585e-15, 0, 8.63561165935557e-126, 0, 0, 0],
  [0, 0, 0, 0, -1.4478870314274585e-143, 0],
  [8.63561165935557e-126, 0, 0, 1.3234036360611891e-71, -1.8936749895466165e-71, -1.2372758604381543e-78],
  [0, 0, 1.3234036360611891e-71, 0, 8.449740888636451e-18, -1.8934645804112547e-24],
  [0, -1.4478870314274585e-143, -1.8936749895466165e-71, 8.449740888636451e-18, -1, 6.965274080623264e-25],
  [0, 0, -1.2372758604381543e-78, -1.8934645804112547e-24, 6.965274080623264e-25, 2.3161218637218426e-31],
];
