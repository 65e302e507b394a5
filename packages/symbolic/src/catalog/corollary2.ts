/**
 * Section III-A: Corollary 2, the scalar trajectories (12)-(13) under spectral initialization,
 * their limits and monotonicity. u = e^{2 sigma t} is a symbol with du/dt = 2 sigma u.
 */
import { add, div, dt, mul, num, pow, sub, substitute, sym, type Expr } from '../expr.js';
import type { CatalogEntry } from '../entry.js';
import { diagonal, identity, inverse, matAdd, matMul } from '../matrix.js';

const [alpha, sigma, s0, u, t] = [sym('alpha'), sym('sigma'), sym('s0'), sym('u'), sym('t')];

/** (12): sigma_W as a function of u = e^{2 sigma t}. */
export function trajectory12(alphaValue: Expr, sigmaValue: Expr, s0Value: Expr, uValue: Expr): Expr {
  return div(mul(alphaValue, sigmaValue, s0Value, uValue), add(sigmaValue, mul(alphaValue, s0Value, sub(uValue, 1))));
}

const sigmaW = trajectory12(alpha, sigma, s0, u);
/** d sigma_W / dt in closed form (proved equal to the derivative of (12) by cor2.derivative). */
const sigmaWRate = div(mul(2, sigma, sigma, alpha, s0, u, sub(sigma, mul(alpha, s0))), pow(add(sigma, mul(alpha, s0, sub(u, 1))), 2));
const sigmaW13 = div(mul(alpha, s0), add(1, mul(2, alpha, s0, t)));

export const corollary2Entries: CatalogEntry[] = [
  {
    id: 'cor2.12.ode',
    category: 'identity',
    section: 'III-A',
    equation: '(12)',
    title: '(12) solves the diagonal entry of (11): s\' = 2 sigma s - 2 s^2',
    statement: String.raw`\sigma_{i,W}(t) = \frac{\alpha\sigma_{i,Y}\sigma_{i,0}e^{2\sigma_{i,Y}t}}{\sigma_{i,Y} + \alpha\sigma_{i,0}(e^{2\sigma_{i,Y}t} - 1)} \text{ solves } \dot s = 2\sigma_{i,Y}s - 2s^2`,
    hypotheses: [String.raw`\sigma_{i,Y} \ne 0`],
    check: {
      kind: 'identity',
      lhs: dt(sigmaW),
      rhs: sub(mul(2, sigma, sigmaW), mul(2, sigmaW, sigmaW)),
      rates: { u: mul(2, sigma, u) },
    },
  },
  {
    id: 'cor2.12.initial',
    category: 'identity',
    section: 'III-A',
    equation: '(12)',
    title: '(12) starts at alpha sigma_0',
    statement: String.raw`\sigma_{i,W}(0) = \alpha\sigma_{i,0}`,
    hypotheses: [],
    check: { kind: 'identity', lhs: substitute(sigmaW, { u: num(1) }), rhs: mul(alpha, s0) },
  },
  {
    id: 'cor2.13.ode',
    category: 'identity',
    section: 'III-A',
    equation: '(13)',
    title: '(13) solves s\' = -2 s^2 (a zero eigenvalue) with s(0) = alpha sigma_0',
    statement: String.raw`\sigma_{i,W}(t) = \frac{\alpha\sigma_{i,0}}{1 + 2\alpha\sigma_{i,0}t} \text{ solves } \dot s = -2s^2`,
    hypotheses: [String.raw`\sigma_{i,Y} = 0`],
    check: { kind: 'identity', lhs: dt(sigmaW13), rhs: mul(-2, sigmaW13, sigmaW13), rates: { t: num(1) } },
  },
  {
    id: 'cor2.13.limit',
    category: 'identity',
    section: 'III-A',
    equation: '(12)-(13)',
    title: '(13) is the limit of (12) as sigma_{i,Y} -> 0',
    statement: String.raw`\lim_{\sigma\to 0}\frac{\alpha\sigma\sigma_0e^{2\sigma t}}{\sigma + \alpha\sigma_0(e^{2\sigma t} - 1)} = \frac{\alpha\sigma_0}{1 + 2\alpha\sigma_0t}`,
    hypotheses: [String.raw`\alpha, \sigma_0, t > 0`],
    check: {
      kind: 'limit',
      expression: 'alpha*sigma*s0*exp(2*sigma*t)/(sigma+alpha*s0*(exp(2*sigma*t)-1))',
      variable: 'sigma',
      expected: 'alpha*s0/(1+2*alpha*s0*t)',
      domains: { alpha: 'positive', s0: 'positive', t: 'positive' },
      evaluate: (x, p) => (p.alpha * x * p.s0 * Math.exp(2 * x * p.t)) / (x + p.alpha * p.s0 * Math.expm1(2 * x * p.t)),
      evaluateExpected: (p) => (p.alpha * p.s0) / (1 + 2 * p.alpha * p.s0 * p.t),
    },
  },
  {
    id: 'cor2.from-prop1',
    category: 'identity',
    section: 'III-A',
    equation: 'Cor. 2',
    title: 'Proposition 1 with a spectral initialization gives diag((12))',
    statement: String.raw`W(t) = \Phi\,\mathrm{diag}\{\sigma_{i,W}(t)\}\,\Phi^\top \text{ under } W_0 = \alpha\Phi\Sigma_{U_0}^2\Phi^\top`,
    hypotheses: [],
    scope: String.raw`$n = 2$; $v_i = e^{\sigma_i t}$`,
    check: (() => {
      const [v1, v2, sigma1, sigma2, a1, a2] = ['v1', 'v2', 'sigma1', 'sigma2', 'a1', 'a2'].map(sym);
      const W0 = diagonal([mul(alpha, a1), mul(alpha, a2)]);
      const S = diagonal([v1, v2]);
      const G = diagonal([div(sub(mul(v1, v1), 1), sigma1), div(sub(mul(v2, v2), 1), sigma2)]);
      return {
        kind: 'identity' as const,
        lhs: matMul(S, W0, inverse(matAdd(identity(2), matMul(G, W0))), S),
        rhs: diagonal([trajectory12(alpha, sigma1, a1, mul(v1, v1)), trajectory12(alpha, sigma2, a2, mul(v2, v2))]),
      };
    })(),
  },
  {
    id: 'cor2.limit-infinity',
    category: 'identity',
    section: 'III-A',
    equation: '(12)',
    title: 'sigma_W(t) -> sigma_Y as t -> infinity when sigma_0 != 0',
    statement: String.raw`\lim_{t\to\infty}\sigma_{i,W}(t) = \sigma_{i,Y} \text{ if } \sigma_{i,0} \ne 0`,
    hypotheses: [String.raw`\sigma_{i,Y} > 0`, String.raw`\alpha\sigma_{i,0} \ne 0`],
    scope: String.raw`in $w = 1/u = e^{-2\sigma t}$, (12) is a rational function with a nonzero denominator at $w = 0$, so the limit is its value there`,
    check: {
      kind: 'identity',
      lhs: substitute(div(mul(alpha, sigma, s0), add(mul(sigma, sym('w')), mul(alpha, s0, sub(1, sym('w'))))), { w: num(0) }),
      rhs: sigma,
    },
  },
  {
    id: 'cor2.monotone',
    category: 'inequality',
    section: 'III-A',
    equation: '(12)',
    title: 'sigma_W(t) is strictly increasing when 0 < alpha sigma_0 < sigma_Y',
    statement: String.raw`0 < \alpha\sigma_{i,0} < \sigma_{i,Y} \Rightarrow \sigma_{i,W}(t) \text{ strictly increasing in } t`,
    hypotheses: [String.raw`\sigma_{i,Y} = \alpha\sigma_{i,0} + \delta,\ \delta > 0`, String.raw`u = e^{2\sigma t} = 1 + w \ge 1`],
    check: {
      kind: 'inequality',
      lhs: sigmaWRate,
      relation: '>',
      rhs: num(0),
      domains: { alpha: 'positive', s0: 'positive', delta: 'positive', w: 'nonnegative' },
      substitutions: { sigma: add(mul(alpha, s0), sym('delta')), u: add(1, sym('w')) },
    },
    notes: String.raw`Sign analysis of the closed-form derivative (cor2.derivative): $\frac{d\sigma_W}{dt} = \frac{2\sigma^2\alpha\sigma_0u(\sigma - \alpha\sigma_0)}{(\sigma + \alpha\sigma_0(u - 1))^2}$: with $\alpha\sigma_0 = \sigma$ the trajectory is constant, which matters for the strict step of (19).`,
  },
  {
    id: 'cor2.derivative',
    category: 'identity',
    section: 'III-A',
    equation: '(12)',
    title: 'the time derivative of (12) in closed form',
    statement: String.raw`\dot\sigma_{i,W} = \frac{2\sigma^2\alpha\sigma_0u(\sigma - \alpha\sigma_0)}{(\sigma + \alpha\sigma_0(u - 1))^2},\ u = e^{2\sigma t}`,
    hypotheses: [],
    check: {
      kind: 'identity',
      lhs: dt(sigmaW),
      rhs: sigmaWRate,
      rates: { u: mul(2, sigma, u) },
    },
  },
];
