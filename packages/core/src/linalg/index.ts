/**
 * Linear algebra on dense symmetric and rectangular matrices: eigendecomposition, eigenvalues and
 * singular values without vectors (Householder reduction, then divide and conquer for the
 * eigenvectors and implicit QL for values alone), the spectral norm, the
 * best rank-k approximation, and a golden-section minimizer. Nothing here knows about gradient flow.
 *
 * @module
 */
export { type SymmetricEigen, type PreparedTarget, prepareTarget, symmetricEigen, spectralNorm, bestRankK } from './spectral.js';
export { type GoldenSectionOptions, goldenSectionMinimum } from './minimize.js';
export { randomOrthogonal, rectangularWithSpectrum, symmetricWithSpectrum } from './orthogonal.js';
