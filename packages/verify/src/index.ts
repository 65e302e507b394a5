/**
 * @packageDocumentation
 * `@factorflow/verify`: seeded, randomized verification of Min & Vidal (2025) on
 * `@factorflow/core` (a suite per claim, run on worker threads), and the `factorflow` CLI.
 */
export { type Suite, type InstanceOutcome, type SuiteSummary, instanceSeed } from './suite.js';
export { type SuiteRun, type RunOptions, runSuites } from './runner.js';
export { formatReport, reportJson, foundBug } from './report.js';
export { allSuites, suiteByName } from './suites/index.js';
// The U D V^T experiments live in @factorflow/core; re-exported here while the docs still import them from verify.
export {
  type ModelName,
  type ModelSpec,
  type RunSummary,
  type SweepReport,
  type SetupName,
  type NetworkSettings,
  type NetworkSummary,
  type RadiusSweepReport,
  RADIUS_FACTORS,
  RADIUS_XIS,
  RADIUS_ETA,
  runModel,
  runSweep,
  runRadiusSweep,
  runNetworkExperiment,
  formatSweepTable,
  formatRadiusTable,
  dataRadius,
  dataScale,
} from '@factorflow/core';
