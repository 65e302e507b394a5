/**
 * Gradient flow on L(U) = 1/4 ||Y - U U^T||_F^2 (Min & Vidal 2025): the stable closed form of
 * Proposition 1 (a prepared {@link RiccatiModel} evaluated at any t), Corollary 2's scalar modes,
 * the ODE and gradient-descent routes, initializations, the comparison of the three routes, and the
 * windows where W(t) is within epsilon of the best rank-k approximation; and the asymmetric flow on
 * L(U, V) = 1/2 ||Y - U V^T||_F^2 (our extension of Section IV, folder asymmetric/).
 *
 * @module
 */
export { type Initialization, type RiccatiModel, type InitialConditioning, type UnresolvedDirection, riccatiModel } from './riccatiModel.js';
export { type ClosedFormTrajectory, riccatiClosedForm, closedFormTrajectory, eigenbasisFactorEvaluator } from './riccati.js';
export { type ScalarMode, scalarTrajectory } from './scalar.js';
export { DEFAULT_FLOW_RTOL, type GradientFlowOptions, type GradientFlowTrajectory, integrateGradientFlow } from './gradientFlow.js';
export {
  type GradientDescentOptions,
  type GradientDescentRecord,
  type GradientDescentResult,
  gradientDescent,
} from './gradientDescent.js';
export { spectralInit } from './initialization.js';
export {
  type TimeWindow,
  type RankWindows,
  type MeasuredWindows,
  type MeasuredWindowsOptions,
  measuredWindows,
} from './windows.js';
export {
  type NumericalRoute,
  type RouteComparisonOptions,
  type RoutePoints,
  type CheckedRoutePoints,
  type OdeRoute,
  type DescentRoute,
  type RouteComparison,
  compareRoutes,
} from './routes.js';
export * from './asymmetric/index.js';
