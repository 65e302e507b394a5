/**
 * Theorems 3 and 4 of Min & Vidal (2025) as planners: the largest admissible alpha, each named
 * hypothesis with whether it holds, and the windows I_k of eq. (16); the detection of a spectral
 * initialization; plans as plain JSON; both theorems checked against the measured windows of the
 * flow in one report. The formulas behind the planners (c_eps, C_eps, M, the alpha bounds, I_k)
 * are exported too, for instances on which a hypothesis fails and no plan exists.
 *
 * @module
 */
export {
  type AlphaBounds,
  type EpsilonConstants,
  type Hypothesis,
  type LearningInterval,
  type TheoremPlan,
  alphaBounds,
  alphaHypotheses,
  learningIntervals,
  separationRatio,
} from './intervals.js';
export { type Theorem3Input, theorem3Constants, theorem3Plan } from './theorem3.js';
export { type Theorem4Input, type Theorem4Plan, initializationM, theorem4Constants, theorem4Plan } from './theorem4.js';
export { type SpectralShapeInput, type SpectralShape, spectralShape } from './spectralShape.js';
export { type LearningIntervalJson, type TheoremPlanJson, type Theorem4PlanJson, planToJson } from './planJson.js';
export {
  type IncrementalLearningOptions,
  type IncrementalLearningReport,
  type SpectralShapeJson,
  type TimeWindowJson,
  type MeasuredWindowsJson,
  type GuaranteeCheck,
  type RankComparison,
  incrementalLearningReport,
} from './incrementalLearning.js';
export { type CertifiedPiece, type CertificateFailure, type WindowCertificate, type CertifyWindowOptions, certifyWindow } from './certified/certifyWindow.js';
export { type CertifiedRankWindows, type CertifiedWindows, type CertifiedWindowsOptions, certifiedWindows } from './certified/certifiedWindows.js';
export { type AlphaStep, type CertifiedAlphaMax, type CertifiedAlphaMaxOptions, certifiedAlphaMax } from './certified/certifiedAlphaMax.js';
