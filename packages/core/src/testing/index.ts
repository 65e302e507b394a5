/**
 * Test support shared by the packages' tests: seeded fast-check generators of symmetric targets,
 * factors and spectra, fixtures, and assertions on typed errors. Needs the optional peer
 * dependency fast-check.
 *
 * @module
 */
export * from './arbitraries.js';
export * from './errors.js';
export * from './fixtures.js';
