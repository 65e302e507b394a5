/** Section II: the gradient (2) and the induced dynamics (3) of W = U U^T. */
import { add, dt, mul, num, pow, type Expr } from '../expr.js';
import type { CatalogEntry } from '../entry.js';
import { generalSymbols, matAdd, matDt, matMul, matScale, matSub, symmetricSymbols, transpose, type ExprMatrix } from '../matrix.js';

function loss(Y: ExprMatrix, U: ExprMatrix): Expr {
  const residual = matSub(Y, matMul(U, transpose(U)));
  return mul(num(1, 4), add(...residual.flatMap((row) => row.map((entry) => pow(entry, 2)))));
}

/**
 * (2) as a directional derivative: moving U along a symbolic direction D (dU/dt = D) changes L
 * by <grad L, D>; with D symbolic this is every partial derivative at once.
 */
function gradientEntry(n: number, r: number): CatalogEntry {
  const Y = symmetricSymbols('y', n);
  const U = generalSymbols('u', n, r);
  const D = generalSymbols('d', n, r);
  const rates = Object.fromEntries(U.flatMap((row, i) => row.map((entry, j) => [(entry as { name: string }).name, D[i][j]])));
  const flow = matMul(matSub(Y, matMul(U, transpose(U))), U);
  return {
    id: `sec2.2.gradient.n${n}r${r}`,
    category: 'identity',
    section: 'II',
    equation: '(2)',
    title: `gradient of L(U) = 1/4 ||Y - U U^T||_F^2 (n = ${n}, r = ${r})`,
    statement: String.raw`\dot U = -\nabla_U \mathcal L(U) = (Y - UU^\top)U`,
    hypotheses: [String.raw`Y = Y^\top`],
    scope: `n = ${n}, r = ${r}, general symmetric Y and general U; every partial derivative at once (directional derivative along a symbolic D)`,
    check: {
      kind: 'identity',
      lhs: dt(loss(Y, U)),
      rhs: add(...flow.flatMap((row, i) => row.map((entry, j) => mul(-1, entry, D[i][j])))),
      rates,
    },
    notes: String.raw`Checked as $\frac{d}{ds}L(U + sD)\big|_{s=0} = \langle -(Y - UU^\top)U, D\rangle$ for a symbolic direction $D$.`,
  };
}

function dynamicsEntry(n: number, r: number): CatalogEntry {
  const Y = symmetricSymbols('y', n);
  const U = generalSymbols('u', n, r);
  const flow = matMul(matSub(Y, matMul(U, transpose(U))), U);
  const rates = Object.fromEntries(U.flatMap((row, i) => row.map((entry, j) => [(entry as { name: string }).name, flow[i][j]])));
  const W = matMul(U, transpose(U));
  return {
    id: `sec2.3.dynamics.n${n}r${r}`,
    category: 'identity',
    section: 'II',
    equation: '(3)',
    title: `W = U U^T under (2) solves W' = WY + YW - 2W^2 (n = ${n}, r = ${r})`,
    statement: String.raw`\dot W = \dot U U^\top + U \dot U^\top = WY + YW - 2W^2,\ W(0) = U_0U_0^\top`,
    hypotheses: [String.raw`Y = Y^\top`, String.raw`\dot U = (Y - UU^\top)U`],
    scope: `n = ${n}, r = ${r}, general symmetric Y and general U`,
    check: {
      kind: 'identity',
      lhs: matDt(W),
      rhs: matSub(matAdd(matMul(W, Y), matMul(Y, W)), matScale(2, matMul(W, W))),
      rates,
      symmetric: true,
    },
  };
}

export const gradientFlowEntries: CatalogEntry[] = [gradientEntry(2, 2), gradientEntry(3, 3), dynamicsEntry(2, 2), dynamicsEntry(3, 3)];
