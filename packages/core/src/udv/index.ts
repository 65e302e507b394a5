/**
 * The U D V^T model of Hou, Sra & Yurtsever (2025) (our reading of the abstract) and its baselines
 * (Burer-Monteiro, depth 3 after Arora et al. 2019, nuclear norm) behind one training driver;
 * measurement operators, seeded completion, sensing and regression problems; spectrum metrics
 * (numerical and effective rank, exact zeros); and the experiments that compare them (one run
 * summarized, the eta x xi sweep, the radius sweep, the teacher-student network).
 *
 * @module
 */
export { type EntryMeasurements, type EntrySet } from './measurements/entries.js';
export { type GaussianMeasurements } from './measurements/gaussian.js';
export { type RegressionMeasurements } from './measurements/regression.js';
export {
  type MeasurementOperator,
  measurementCount,
  measure,
  measureFactored,
  adjoint,
  adjointTimes,
  adjointTransposeTimes,
} from './measurements/operator.js';
export { type LeastSquaresProblem, validateProblem, leastSquaresLoss, testError } from './measurements/problem.js';
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
export { type BoundModel, type FactorizationModel } from './models/model.js';
export { type UdvOptions, type UdvFactors, udv } from './models/udv.js';
export { type BurerMonteiroOptions, type BurerMonteiroFactors, burerMonteiro } from './models/burerMonteiro.js';
export { type DeepFactorizationOptions, type DeepFactors, deepFactorization } from './models/deepFactorization.js';
export { type NuclearNormOptions, type NuclearNormFactors, nuclearNorm } from './models/nuclearNorm.js';
export {
  type TrainingOptions,
  type TrainingRecord,
  type TrainingResult,
  type StopReason,
  trainFactorization,
} from './training.js';
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
export {
  type ModelName,
  type ModelSpec,
  type RunSummary,
  type ModelRun,
  MODEL_NAMES,
  dataScale,
  dataRadius,
  runModel,
  summaryOf,
  modelLabel,
} from './experiments/runs.js';
export {
  type SetupName,
  type SweepCell,
  type CellPosition,
  type SweepReport,
  SWEEP_ETAS,
  SWEEP_XIS,
  SWEEP_SETUPS,
  sweepCells,
  runSweep,
  formatSweepTable,
} from './experiments/sweep.js';
export {
  type RadiusSweepReport,
  type RadiusCell,
  RADIUS_FACTORS,
  RADIUS_XIS,
  RADIUS_ETA,
  runRadiusSweep,
  formatRadiusTable,
} from './experiments/radiusSweep.js';
export {
  type NetworkSettings,
  type NetworkSummary,
  NETWORK_DEFAULTS,
  runNetworkExperiment,
} from './experiments/network.js';
