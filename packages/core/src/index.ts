/**
 * @packageDocumentation
 * `@factorflow/core`: the numerics of gradient flow on symmetric matrix factorization,
 * L(U) = 1/4 ||Y - U U^T||_F^2 (Min & Vidal 2025): the closed-form solution of the induced
 * Riccati ODE in a form stable for every t, two independent routes (adaptive Runge-Kutta,
 * gradient descent), initializations, and the planners of Theorems 3 and 4.
 */
export {
  FactorflowError,
  FactorflowInputError,
  FactorflowNumericalError,
  type FactorflowErrorCode,
  type FactorflowNumericalCode,
} from './errors.js';
export { type MatrixInput, MAX_ENTRIES, MAX_TIME, LARGEST_TIME } from './validate.js';
export { type RandomSource, createRandom, gaussianInit } from './random.js';
export * from './linalg/index.js';
export * from './ode/index.js';
export * from './flow/index.js';
export * from './theorems/index.js';
export * from './udv/index.js';
