/**
 * Residual and orthogonality of a computed eigendecomposition A = Phi diag(values) Phi^T, computed
 * directly (no kernel under test), for the tests of the eigensolvers (linalg/eigenpairs.ts,
 * householder.ts). Not exported from the testing entry: the tests import it by path.
 */

/** max |(A Phi - Phi diag(values))_ij| for row-major n x n A and Phi. */
export function eigenResidual(a: Float64Array, n: number, values: Float64Array, phi: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = -phi[i * n + j] * values[j];
      for (let k = 0; k < n; k++) sum += a[i * n + k] * phi[k * n + j];
      worst = Math.max(worst, Math.abs(sum));
    }
  }
  return worst;
}

/** max |(Phi^T Phi - I)_ij| for row-major n x n Phi. */
export function orthogonalityDefect(phi: Float64Array, n: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = i === j ? -1 : 0;
      for (let k = 0; k < n; k++) sum += phi[k * n + i] * phi[k * n + j];
      worst = Math.max(worst, Math.abs(sum));
    }
  }
  return worst;
}
