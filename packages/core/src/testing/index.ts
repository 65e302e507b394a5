/**
 * Test support shared by core's tests and the verification suites: seeded fast-check generators
 * of symmetric targets, factors and spectra, fixtures, and assertions on typed errors. Needs the
 * optional peer dependency fast-check; loads no test runner.
 *
 * @module
 */
export * from './arbitraries.js';
export * from './checks.js';
export * from './errors.js';
export * from './fixtures.js';
export * from './hostile.js';
export * from './robustness.js';
export * from './rectangular.js';
