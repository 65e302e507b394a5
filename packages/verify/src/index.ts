/**
 * @packageDocumentation
 * `@factorflow/verify`: seeded, randomized verification of Min & Vidal (2025) on
 * `@factorflow/core`: the harness (a suite per claim, run on worker threads, one report) and the
 * suites. The `factorflow` command of `@factorflow/cli` runs them.
 */
export { type Suite, type InstanceOutcome, type SuiteSummary, instanceSeed } from './suite.js';
export { type SuiteRun, type RunOptions, runSuites } from './runner.js';
export { formatReport, reportJson, foundBug, type InstanceOutcomeJson, type SuiteResultJson, type VerifyReportJson } from './report.js';
export { allSuites, suiteByName } from './suites/index.js';
