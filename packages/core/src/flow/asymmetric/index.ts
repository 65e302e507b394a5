/**
 * Gradient flow on the asymmetric factorization L(U, V) = 1/2 ||Y - U V^T||_F^2, Y m x n: the
 * closed form from balanced starts through the symmetric lift Ysym = [[0, Y], [Y^T, 0]] (our
 * derivation of the extension Min & Vidal 2025 sketch in Section IV), balanced starts, the ODE and
 * gradient-descent routes for any start.
 *
 * @module
 */
export { type AsymmetricStart, BALANCE_TOLERANCE, imbalance } from './start.js';
export { type BalancedTrajectory, balancedClosedForm, balancedTrajectory } from './closedForm.js';
export { balancedInit, spectralBalancedInit } from './initialization.js';
export {
  type AsymmetricFlowOptions,
  type AsymmetricFlowTrajectory,
  type AsymmetricDescentOptions,
  type AsymmetricDescentResult,
  integrateAsymmetricFlow,
  asymmetricGradientDescent,
} from './routes.js';
export { asymmetricWindows } from './windows.js';
export { type ImbalanceDeviation, imbalanceDeviation } from './imbalance.js';
