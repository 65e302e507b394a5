/**
 * @packageDocumentation
 * `@factorflow/core`: the numerics of gradient flow on symmetric matrix factorization,
 * L(U) = 1/4 ||Y - U U^T||_F^2 (Min & Vidal 2025): the closed-form solution of the induced
 * Riccati ODE in a form stable for every t, two independent routes (adaptive Runge-Kutta,
 * gradient descent), initializations, and the planners of Theorems 3 and 4.
 */
export { FactorflowInputError, type FactorflowErrorCode } from './errors.js';
export { type MatrixInput, MAX_TIME } from './matrix.js';
export { type SymmetricEigen, symmetricEigen, spectralNorm, bestRankK } from './spectral.js';
export {
  type Initialization,
  type RiccatiModel,
  type ClosedFormTrajectory,
  riccatiModel,
  riccatiClosedForm,
  closedFormTrajectory,
  eigenbasisFactorEvaluator,
} from './riccati.js';
export { type ScalarMode, scalarTrajectory } from './scalar.js';
export {
  type OdeRightHandSide,
  type DormandPrinceOptions,
  type DormandPrinceResult,
  dormandPrince,
} from './ode.js';
export { type GradientFlowOptions, type GradientFlowTrajectory, integrateGradientFlow } from './gradientFlow.js';
export {
  type GradientDescentOptions,
  type GradientDescentRecord,
  type GradientDescentResult,
  gradientDescent,
} from './gradientDescent.js';
export { type RandomSource, createRandom, gaussianInit } from './random.js';
export { spectralInit } from './initialization.js';
export { type Hypothesis, type LearningInterval, type TheoremPlan } from './intervals.js';
export { type Theorem3Input, theorem3Plan } from './theorem3.js';
export { type Theorem4Plan, theorem4Plan } from './theorem4.js';
export { type GoldenSectionOptions, goldenSectionMinimum } from './minimize.js';
export {
  type TimeWindow,
  type RankWindows,
  type MeasuredWindows,
  type MeasuredWindowsOptions,
  measuredWindows,
} from './windows.js';
export {
  type EntryMeasurements,
  type GaussianMeasurements,
  type RegressionMeasurements,
  type MeasurementOperator,
  type EntrySet,
  type LeastSquaresProblem,
  measurementCount,
  validateProblem,
  measure,
  measureFactored,
  adjoint,
  adjointTimes,
  adjointTransposeTimes,
  leastSquaresLoss,
  testError,
} from './measurements.js';
export {
  type CompletionProblemOptions,
  type SensingProblemOptions,
  type RegressionProblemOptions,
  PAPER_COMPLETION,
  ARORA_COMPLETION_2000,
  ARORA_COMPLETION_5000,
  completionProblem,
  sensingProblem,
  regressionProblem,
} from './problems.js';
export {
  type BoundModel,
  type FactorizationModel,
  type UdvOptions,
  type UdvFactors,
  type BurerMonteiroOptions,
  type BurerMonteiroFactors,
  type DeepFactorizationOptions,
  type DeepFactors,
  type NuclearNormOptions,
  type NuclearNormFactors,
  type TrainingOptions,
  type TrainingRecord,
  type TrainingResult,
  type StopReason,
  udv,
  burerMonteiro,
  deepFactorization,
  nuclearNorm,
  trainFactorization,
} from './factorizationModels.js';
export {
  type SpectrumReport,
  type SpectrumReportOptions,
  DEFAULT_RANK_TOLERANCE,
  REPORTED_RANK_TOLERANCES,
  singularSpectrum,
  numericalRank,
  effectiveRank,
  exactZeros,
  spectrumReport,
} from './lowRankMetrics.js';
