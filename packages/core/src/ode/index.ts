/**
 * The ODE route: the Dormand-Prince 5(4) pair with Hairer's step-size control and dense output,
 * independent of the closed form it is used to check.
 *
 * @module
 */
export {
  type OdeRightHandSide,
  type DormandPrinceOptions,
  type DormandPrinceResult,
  dormandPrince,
} from './dormandPrince.js';
