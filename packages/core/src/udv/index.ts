/**
 * The U D V^T model of Hou, Sra & Yurtsever (2025) and its baselines (Burer-Monteiro, depth-3,
 * nuclear norm) behind one training driver; measurement operators, seeded completion, sensing and
 * regression problems; spectrum metrics (numerical and effective rank, exact zeros).
 *
 * @module
 */
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
