/**
 * Theorems 3 and 4 of Min & Vidal (2025) as planners: the largest admissible alpha, each named
 * hypothesis with whether it holds, and the windows I_k of eq. (16); the detection of a spectral
 * initialization; plans as plain JSON.
 *
 * @module
 */
export { type Hypothesis, type LearningInterval, type TheoremPlan } from './intervals.js';
export { type Theorem3Input, theorem3Plan } from './theorem3.js';
export { type Theorem4Input, type Theorem4Plan, theorem4Plan } from './theorem4.js';
