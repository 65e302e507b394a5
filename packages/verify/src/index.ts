/**
 * @packageDocumentation
 * `@factorflow/verify`: seeded, randomized verification of Min & Vidal (2025) on
 * `@factorflow/core`: the harness (a suite per claim, run on worker threads, one report) and the
 * suites, and the U D V^T experiments. The `factorflow` command of `@factorflow/cli` runs them.
 */
export { type Suite, type InstanceOutcome, type SuiteSummary, instanceSeed } from './suite.js';
export { type SuiteRun, type RunOptions, runSuites } from './runner.js';
export { formatReport, reportJson, foundBug } from './report.js';
export { allSuites, suiteByName } from './suites/index.js';
export {
  type ModelName,
  type ModelSpec,
  type RunSummary,
  type SweepReport,
  type SetupName,
  type NetworkSettings,
  type NetworkSummary,
  type RadiusSweepReport,
  MODEL_NAMES,
  SWEEP_SETUPS,
  NETWORK_DEFAULTS,
  RADIUS_FACTORS,
  RADIUS_XIS,
  RADIUS_ETA,
  runModel,
  summaryOf,
  modelLabel,
  runSweep,
  runRadiusSweep,
  runNetworkExperiment,
  formatSweepTable,
  formatRadiusTable,
  dataRadius,
  dataScale,
} from './experiments/udv.js';
