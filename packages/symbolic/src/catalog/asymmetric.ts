/**
 * Section IV (future work): the asymmetric factorization L(U, V) = 1/2 ||Y - U V^T||_F^2. Min & Vidal
 * only sketch that a balanced start relates it to a symmetric problem; these entries check OUR
 * derivation of that relation (the one @factorflow/core's balancedClosedForm implements), step by
 * step, at small fixed sizes (m != n, r below and above them) with every entry a free symbol.
 */
import { num, type Expr } from '../expr.js';
import type { CatalogEntry } from '../entry.js';
import { block, blocks, generalSymbols, matAdd, matDt, matMul, matNeg, matScale, matSub, transpose, zeros, type ExprMatrix } from '../matrix.js';

/** Sizes of one instance: Y is m x n, U m x r, V n x r. */
interface Sizes {
  readonly m: number;
  readonly n: number;
  readonly r: number;
}

const scope = ({ m, n, r }: Sizes): string => `$m = ${m}$, $n = ${n}$, $r = ${r}$; $Y$, $U$, $V$ general (every entry a free symbol), any start`;
const label = ({ m, n, r }: Sizes): string => `m${m}n${n}r${r}`;
const OURS = 'Our derivation, not a claim of the paper: Section IV only sketches that balanced starts relate the asymmetric flow to a symmetric one.';

/** The flow U' = (Y - U V^T) V, V' = (Y - U V^T)^T U as rates of the entries of U and V, with the matrices it is stated in. */
function asymmetricFlow({ m, n, r }: Sizes): { Y: ExprMatrix; U: ExprMatrix; V: ExprMatrix; rates: Record<string, Expr>; Z: ExprMatrix; Ysym: ExprMatrix; D: ExprMatrix } {
  const Y = generalSymbols('y', m, n);
  const U = generalSymbols('u', m, r);
  const V = generalSymbols('v', n, r);
  const residual = matSub(Y, matMul(U, transpose(V)));
  const dU = matMul(residual, V);
  const dV = matMul(transpose(residual), U);
  const rates: Record<string, Expr> = {};
  U.forEach((row, i) => row.forEach((entry, j) => (rates[(entry as { name: string }).name] = dU[i][j])));
  V.forEach((row, i) => row.forEach((entry, j) => (rates[(entry as { name: string }).name] = dV[i][j])));
  const Z = blocks([[U], [V]]);
  const Ysym = blocks([
    [zeros(m, m), Y],
    [transpose(Y), zeros(n, n)],
  ]);
  const D = matSub(matMul(transpose(U), U), matMul(transpose(V), V));
  return { Y, U, V, rates, Z, Ysym, D };
}

const FLOW = String.raw`\dot U = (Y - UV^\top)V,\ \dot V = (Y - UV^\top)^\top U`;

function conservationEntry(sizes: Sizes): CatalogEntry {
  const { m, n, r } = sizes;
  const { rates, D } = asymmetricFlow(sizes);
  return {
    id: `sec4.asym.imbalance.${label(sizes)}`,
    section: 'IV',
    equation: 'IV (ours): imbalance',
    category: 'identity',
    title: `the imbalance U^T U - V^T V is conserved by the asymmetric flow (m = ${m}, n = ${n}, r = ${r})`,
    statement: String.raw`\frac{d}{dt}\left(U^\top U - V^\top V\right) = 0`,
    hypotheses: [FLOW],
    scope: scope(sizes),
    check: { kind: 'identity', lhs: matDt(D), rhs: zeros(r, r), rates, symmetric: true },
    notes: `${OURS} Both Gram matrices change by $U^\\top(Y - UV^\\top)V + V^\\top(Y - UV^\\top)^\\top U$.`,
  };
}

function liftEntry(sizes: Sizes): CatalogEntry {
  const { U, V, rates, Z, Ysym, D } = asymmetricFlow(sizes);
  const Zbar = blocks([[U], [matNeg(V)]]);
  const rhs = matAdd(matMul(matSub(Ysym, matScale(num(1, 2), matMul(Z, transpose(Z)))), Z), matScale(num(1, 2), matMul(Zbar, D)));
  return {
    id: `sec4.asym.lift.${label(sizes)}`,
    section: 'IV',
    equation: 'IV (ours): Z equation',
    category: 'identity',
    title: `Z = [U; V] solves Z' = (Ysym - Z Z^T / 2) Z + [U; -V] (U^T U - V^T V) / 2 for any start (${label(sizes)})`,
    statement: String.raw`\dot Z = \left(Y_{\mathrm{sym}} - \tfrac12 ZZ^\top\right)Z + \tfrac12 \begin{bmatrix} U \\ -V \end{bmatrix}\left(U^\top U - V^\top V\right),\quad Z = \begin{bmatrix} U \\ V \end{bmatrix},\ Y_{\mathrm{sym}} = \begin{bmatrix} 0 & Y \\ Y^\top & 0 \end{bmatrix}`,
    hypotheses: [FLOW],
    scope: scope(sizes),
    check: { kind: 'identity', lhs: matDt(Z), rhs, rates },
    notes:
      `${OURS} For a balanced start the last term vanishes for all $t$ (the imbalance is conserved), and $Z/\\sqrt2$ follows the ` +
      String.raw`symmetric flow (2) with the indefinite target $Y_{\mathrm{sym}}$; for an imbalanced one it is the term the nominal closed form drops (core: imbalanceDeviation).`,
  };
}

function riccatiEntry(sizes: Sizes): CatalogEntry {
  const { U, V, rates, Z, Ysym, D } = asymmetricFlow(sizes);
  const Zbar = blocks([[U], [matNeg(V)]]);
  const W = matScale(num(1, 2), matMul(Z, transpose(Z)));
  const defect = matScale(num(1, 4), matAdd(matMul(Zbar, D, transpose(Z)), matMul(Z, D, transpose(Zbar))));
  return {
    id: `sec4.asym.riccati.${label(sizes)}`,
    section: 'IV',
    equation: 'IV (ours): Riccati form',
    category: 'identity',
    title: `W = Z Z^T / 2 solves W' = W Ysym + Ysym W - 2 W^2 plus a term linear in the imbalance: eq. (4) under balance (${label(sizes)})`,
    statement: String.raw`\dot W = WY_{\mathrm{sym}} + Y_{\mathrm{sym}}W - 2W^2 + \tfrac14\left(\bar Z D Z^\top + Z D \bar Z^\top\right),\ W = \tfrac12 ZZ^\top,\ \bar Z = \begin{bmatrix} U \\ -V \end{bmatrix},\ D = U^\top U - V^\top V`,
    hypotheses: [FLOW],
    scope: scope(sizes),
    check: { kind: 'identity', lhs: matDt(W), rhs: matAdd(matSub(matAdd(matMul(W, Ysym), matMul(Ysym, W)), matScale(2, matMul(W, W))), defect), rates, symmetric: true },
    notes:
      `${OURS} With $D = 0$ (a balanced start, conserved) this is eq. (4) with the target $Y_{\\mathrm{sym}}$, whose eigenvalues are $\\pm\\sigma_i(Y)$ and ` +
      String.raw`$m + n - 2\,\mathrm{rank}(Y)$ zeros: Proposition 1 applies to an indefinite target, which core's stable closed form handles.`,
  };
}

function blockEntry(sizes: Sizes): CatalogEntry {
  const { m, n, r } = sizes;
  const { U, V, Z } = asymmetricFlow(sizes);
  const W = matScale(num(1, 2), matMul(Z, transpose(Z)));
  return {
    id: `sec4.asym.block.${label(sizes)}`,
    section: 'IV',
    equation: 'IV (ours): X = 2 W_12',
    category: 'identity',
    title: 'X = U V^T is twice the off-diagonal block of W = Z Z^T / 2',
    statement: String.raw`UV^\top = 2\,W_{12},\quad W = \tfrac12 ZZ^\top = \tfrac12\begin{bmatrix} UU^\top & UV^\top \\ VU^\top & VV^\top \end{bmatrix}`,
    hypotheses: [],
    scope: `$m = ${m}$, $n = ${n}$, $r = ${r}$; $U$, $V$ general`,
    check: { kind: 'identity', lhs: matMul(U, transpose(V)), rhs: matScale(2, block(W, 0, m, m, m + n)) },
    notes: `${OURS} With the Riccati form above, $X(t) = 2W(t)_{12}$ is the closed form of the asymmetric flow from a balanced start.`,
  };
}

const SMALL: Sizes = { m: 2, n: 3, r: 2 };

// Sizes keep each check near 2 s: the Riccati residual at m = 2, n = 3, r = 2 took 34 s, at m = 2, n = 1, r = 2 11 s.
export const asymmetricEntries: CatalogEntry[] = [
  conservationEntry(SMALL),
  liftEntry({ m: 1, n: 2, r: 2 }),
  liftEntry({ m: 2, n: 1, r: 1 }),
  riccatiEntry({ m: 1, n: 2, r: 1 }),
  riccatiEntry({ m: 2, n: 1, r: 1 }),
  blockEntry(SMALL),
];
