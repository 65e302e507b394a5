/**
 * Fixed matrices: ones that broke a decomposition once, kept as regression fixtures for every
 * routine that decomposes symmetric matrices, and the CLI's example files.
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

/** The CLI's example target (apps/cli/examples/Y.json): eigenvalues 10, 8, 6, 4, 2 in a Gaussian orthonormal basis. */
export const EXAMPLE_Y: readonly (readonly number[])[] = [
  [6.159146060892069, -1.1191808488102752, -0.7218009920088195, -1.28851223242161, 0.6212584215791267],
  [-1.1191808488102752, 6.224942738794237, 0.5938927632158236, 0.6334242750669201, 1.9940571073223],
  [-0.7218009920088195, 0.5938927632158236, 3.3491965095577587, 1.794373591316116, -1.2809902534369946],
  [-1.28851223242161, 0.6334242750669201, 1.794373591316116, 8.456957912519583, 0.03924550217818609],
  [0.6212584215791267, 1.9940571073223, -1.2809902534369946, 0.03924550217818609, 5.809756778236346],
];
/** The CLI's example shape (apps/cli/examples/U0.json): I + 0.1 G rounded to 4 decimals, generic and well conditioned. */
export const EXAMPLE_U0: readonly (readonly number[])[] = [
  [0.9147, -0.1605, 0.1036, -0.1294, -0.1107],
  [-0.2565, 1.0096, -0.0362, -0.0901, 0.0557],
  [-0.0633, 0.0008, 0.9665, 0.0357, -0.0074],
  [-0.1779, -0.0439, 0.1871, 0.9066, -0.0011],
  [-0.0554, -0.1075, -0.1129, -0.0193, 0.9722],
];
