/**
 * The triangular factor of the compact WY form (Schreiber & Van Loan 1989; Golub & Van Loan,
 * Matrix Computations, 4th ed., Section 5.1.7), shared by the blocked QR (qr.ts) and the blocked
 * application of the tridiagonalization's reflectors (householder.ts).
 */

/**
 * T with H_0 ... H_{w-1} = I - V T V^T for H_j = I - tau_j v_j v_j^T (LAPACK dlarft, forward,
 * columnwise), from the Gram matrix V^T V: T_jj = tau_j and T_{0:j, j} = -tau_j T_{0:j, 0:j}
 * (V^T V)_{0:j, j}. A reflector with tau_j = 0 (no reflection) gets a zero column. Internal
 * helper, no validation.
 *
 * @param gram - V^T V, row-major w x w (only its upper triangle is read).
 * @param w - reflectors.
 * @param tau - one tau for all (2 for unit reflectors I - 2 v v^T), or tau_j at tau[tauOffset + j].
 * @param tauOffset - where tau_0 sits in `tau` when it is an array.
 * @param t - receives T, row-major w x w, zero below the diagonal.
 * @returns t.
 * @throws nothing.
 * @example
 * ```ts
 * compactWYFactorInto(Float64Array.of(1, 0, 0, 1), 2, 2, 0, new Float64Array(4)); // [2, 0, 0, 2]
 * ```
 */
export function compactWYFactorInto(gram: Float64Array, w: number, tau: number | Float64Array, tauOffset: number, t: Float64Array): Float64Array {
  t.fill(0, 0, w * w);
  for (let j = 0; j < w; j++) {
    const tauJ = typeof tau === 'number' ? tau : tau[tauOffset + j];
    t[j * w + j] = tauJ;
    if (tauJ === 0) continue;
    for (let i = 0; i < j; i++) {
      let sum = 0;
      for (let k = i; k < j; k++) sum += t[i * w + k] * gram[k * w + j];
      t[i * w + j] = -tauJ * sum;
    }
  }
  return t;
}
