/**
 * Section III-A: (14)-(16) and every step of the proof of Theorem 3, (18)-(21).
 *
 * Hypotheses enter as reparametrizations with non-negative slacks, so "for all values allowed by
 * the hypotheses" becomes "for all non-negative slacks", which the sign analysis can decide:
 *   sigma_{l,0} <= max_i sigma_{i,0}:  M0 = s0 + dM
 *   alpha <= c_eps = eps / M0:         eps = alpha M0 + de
 *   eps <= sigma_K <= sigma_l:         sl = eps + dl
 * Symbols: sl = sigma_{l,Y}, s0 = sigma_{l,0}, u = e^{2 sigma_l t}, CE = C_eps, cE = c_eps.
 */
import { add, div, mul, num, sub, sym, type Expr } from '../expr.js';
import type { Domains, InequalityCheck } from '../check.js';
import type { CatalogEntry } from '../entry.js';
import { trajectory12 } from './corollary2.js';
import { Matrix, QrDecomposition, adversarialSearch, matrixFrom, spectralNorm } from './numeric.js';

const [alpha, sl, s0, CE, cE, eps, s1, m0] = ['alpha', 'sl', 's0', 'CE', 'cE', 'eps', 's1', 'm0'].map(sym);
const [dM, de, dl, w, g, d1, dm, dc, phi] = ['dM', 'de', 'dl', 'w', 'g', 'd1', 'dm', 'dc', 'phi'].map(sym);

const sigmaW = (uValue: Expr) => trajectory12(alpha, sl, s0, uValue);

/** alpha <= c_eps, sigma_{l,0} <= max sigma_0, eps <= sigma_l, written as slacks. */
const spectralHypotheses = {
  eps: add(mul(alpha, add(s0, dM)), de),
  sl: add(mul(alpha, add(s0, dM)), de, dl),
};
const spectralDomains = { alpha: 'positive', s0: 'positive', dM: 'nonnegative', de: 'nonnegative', dl: 'nonnegative' } as const;
const spectralText = [
  String.raw`\alpha \le c_\varepsilon = \varepsilon/\max_i\sigma_{i,0}`,
  String.raw`\sigma_{l,0} \le \max_i\sigma_{i,0}`,
  String.raw`\varepsilon \le \sigma_{K,Y} \le \sigma_{l,Y}`,
];
/**
 * The exponent 2 sigma_l t against a logarithmic bound x on it: how t in I_k bounds each e^{sigma_l t},
 * from below for l <= k and from above for l > k.
 */
function exponentCheck(relation: '>=' | '<=', x: 'xa' | 'xb', domains: Domains, substitutions: Readonly<Record<string, Expr>>): InequalityCheck {
  return { kind: 'inequality', lhs: mul(2, sym('sl'), sym('t')), relation, rhs: sym(x), domains, substitutions };
}

/** t in I_k, l <= k: 2 sigma_l t >= log(C/alpha) (also the bound on ||S1^{-1}|| in (28)). */
export const timeLowerCheck = exponentCheck(
  '>=',
  'xb',
  { xb: 'nonnegative', sk: 'positive', d: 'nonnegative', tau: 'nonnegative' },
  { sl: add(sym('sk'), sym('d')), t: add(div(sym('xb'), mul(2, sym('sk'))), sym('tau')) },
);
export const timeLowerHypotheses = [
  String.raw`x_b = \log(C_\varepsilon/\alpha) \ge 0`,
  String.raw`t = x_b/(2\sigma_k) + \tau,\ \tau \ge 0`,
  String.raw`\sigma_l = \sigma_k + d,\ d \ge 0`,
];

/** t in I_k, l > k: 2 sigma_l t <= log(c/alpha) (also the bound on ||S2|| in (28)). */
export const timeUpperCheck = exponentCheck(
  '<=',
  'xa',
  { xa: 'nonnegative', sl: 'positive', d: 'nonnegative', phi: 'nonnegative' },
  { t: div(sym('xa'), mul(2, add(sym('sl'), sym('d')), add(1, sym('phi')))) },
);
export const timeUpperHypotheses = [
  String.raw`x_a = \log(c_\varepsilon/\alpha) \ge 0`,
  String.raw`t = \frac{x_a}{2\sigma_{k+1}(1 + \varphi)},\ \varphi \ge 0`,
  String.raw`\sigma_{k+1} = \sigma_l + d,\ d \ge 0`,
];

/** The consequence alpha sigma_{l,0} <= sigma_{l,Y} (thm3.star-premise), as one slack g. */
const belowTarget = { sl: add(mul(alpha, s0), g) };

/** (12) at e^{2 sigma t} = K/alpha, as (14) and (15) write it: K sigma sigma_0 / (sigma + (K - alpha) sigma_0). */
const atLogTime = (K: Expr) => div(mul(K, sl, s0), add(sl, mul(sub(K, alpha), s0)));
/** The denominator of (19) and (20) regrouped: (sigma_l - alpha sigma_{l,0}) + K sigma_{l,0}. */
const regrouped = (K: Expr) => add(sub(sl, mul(alpha, s0)), mul(K, s0));
/** The chain (19) after its first equality, and the paper's right-hand side of its second. */
const eq19First = sub(sl, sub(sl, atLogTime(CE)));
const eq19Second = sub(sl, div(mul(sl, sl), regrouped(CE)));
/** The value at the end of (20)'s equality. */
const eq20Value = div(mul(cE, sl, s0), regrouped(cE));
/** sigma_{l,W}(t) of (12) at u = 1 + w >= 1, i.e. t >= 0, under the spectral hypotheses. */
const laterSigmaW = sigmaW(add(1, w));
const laterDomains = { ...spectralDomains, w: 'nonnegative' } as const;
/** sigma_{l,W}(t) of (13) for l > K. */
const sigmaW13 = div(mul(alpha, s0), add(1, mul(2, alpha, s0, sym('t'))));
const domains21 = { alpha: 'positive', s0: 'nonnegative', t: 'nonnegative' } as const;

/**
 * A monotonicity step of (19) or (20): sigma_W at u = e^{2 sigma t} against sigma_W at u = K/alpha.
 * sigma_W is increasing in u when alpha sigma_0 <= sigma, which belowTarget writes as a slack.
 */
function monotoneCheck(u: Expr, relation: '<=' | '>=', K: Expr, pointDomains: Domains): InequalityCheck {
  return {
    kind: 'inequality',
    lhs: sigmaW(u),
    relation,
    rhs: sigmaW(div(K, alpha)),
    domains: { alpha: 'positive', s0: 'positive', g: 'nonnegative', ...pointDomains },
    substitutions: belowTarget,
  };
}

/** (14) or (15): (12) at t = log(K/alpha) / (2 sigma), K written `c` or `C` as in the paper. */
function atLogTimeEntry(id: string, equation: string, K: Expr, letter: 'c' | 'C'): CatalogEntry {
  return {
    id,
    category: 'identity',
    section: 'III-A',
    equation,
    title: `(12) at t = log(${letter}/alpha) / (2 sigma)`,
    statement: String.raw`\sigma_{i,W}\big(\tfrac{1}{2\sigma_{i,Y}}\log\tfrac{${letter}}{\alpha}\big) = \frac{${letter}\sigma_{i,Y}\sigma_{i,0}}{\sigma_{i,Y} + (${letter} - \alpha)\sigma_{i,0}}`,
    hypotheses: [],
    check: { kind: 'identity', lhs: sigmaW(div(K, alpha)), rhs: atLogTime(K) },
  };
}

export const theorem3Entries: CatalogEntry[] = [
  atLogTimeEntry('thm3.14', '(14)', cE, 'c'),
  atLogTimeEntry('thm3.15', '(15)', CE, 'C'),
  {
    id: 'thm3.16.length',
    category: 'identity',
    section: 'III-A',
    equation: '(16)',
    title: 'the length of I_k has the sign of log(c/alpha)/log(C/alpha) - sigma_{k+1}/sigma_k',
    statement: String.raw`|\mathcal I_k| = \tfrac{1}{2\sigma_{k+1}}\log\tfrac{c_\varepsilon}{\alpha} - \tfrac{1}{2\sigma_k}\log\tfrac{C_\varepsilon}{\alpha} = \tfrac{\log(C_\varepsilon/\alpha)}{2\sigma_{k+1}}\Big(\tfrac{\log(c_\varepsilon/\alpha)}{\log(C_\varepsilon/\alpha)} - \tfrac{\sigma_{k+1}}{\sigma_k}\Big)`,
    hypotheses: [String.raw`x_a = \log(c_\varepsilon/\alpha),\ x_b = \log(C_\varepsilon/\alpha) > 0`],
    check: {
      kind: 'identity',
      lhs: sub(div(sym('xa'), mul(2, sym('sk1'))), div(sym('xb'), mul(2, sym('sk')))),
      rhs: mul(div(sym('xb'), mul(2, sym('sk1'))), sub(div(sym('xa'), sym('xb')), div(sym('sk1'), sym('sk')))),
    },
    notes:
      String.raw`So, for $\alpha < C_\varepsilon$, $\mathcal I_k$ is non-empty if and only if the ratio is $\ge \sigma_{k+1}/\sigma_k$: the theorem's strict $>$ is sufficient, $\ge$ is the exact condition (equality gives a one-point $\mathcal I_k$).`,
  },
  {
    id: 'thm3.16.nonempty',
    category: 'inequality',
    section: 'III-A',
    equation: 'Thm. 3',
    title: 'the logarithmic condition on alpha makes every I_k non-empty',
    statement: String.raw`\frac{-\log\alpha + \log c_\varepsilon}{-\log\alpha + \log C_\varepsilon} > \frac{\sigma_{k+1}}{\sigma_k} \Rightarrow \mathcal I_k \ne \emptyset`,
    hypotheses: [String.raw`x_a = x_b\,\sigma_{k+1}/\sigma_k + \delta,\ \delta > 0`, String.raw`x_b = \log(C_\varepsilon/\alpha) > 0`],
    check: {
      kind: 'inequality',
      lhs: div(sym('xa'), mul(2, sym('sk1'))),
      relation: '>',
      rhs: div(sym('xb'), mul(2, sym('sk'))),
      domains: { xb: 'positive', sk: 'positive', sk1: 'positive', delta: 'positive' },
      substitutions: { xa: add(div(mul(sym('xb'), sym('sk1')), sym('sk')), sym('delta')) },
    },
    uses: ['log-ratio'],
  },
  {
    id: 'thm3.alpha-max',
    category: 'identity',
    section: 'III-A',
    equation: 'Thm. 3',
    title: 'the logarithmic condition as a closed-form bound alpha <= alpha_max',
    statement: String.raw`(x + \log c) - \rho(x + \log C) = (1 - \rho)\Big(x - \frac{\rho\log C - \log c}{1 - \rho}\Big),\ x = -\log\alpha`,
    hypotheses: [String.raw`\rho = \sigma_{k+1}/\sigma_k < 1`],
    check: {
      kind: 'identity',
      lhs: sub(add(sym('x'), sym('a')), mul(sym('rho'), add(sym('x'), sym('b')))),
      rhs: mul(sub(1, sym('rho')), sub(sym('x'), div(sub(mul(sym('rho'), sym('b')), sym('a')), sub(1, sym('rho'))))),
    },
    notes:
      String.raw`Hence (for $\alpha < C_\varepsilon$) the condition holds for index $k$ exactly when $\log\alpha < \log\alpha_{\max,k} = (\log c_\varepsilon - \rho_k\log C_\varepsilon)/(1 - \rho_k)$, and $\alpha_{\max} = \min(c_\varepsilon, \min_k\alpha_{\max,k})$; with $\ge$ in place of $>$ the bound is attained. @factorflow/core theorem3Plan computes this closed form in log space.`,
  },
  {
    id: 'thm3.C-ge-c',
    category: 'inequality',
    section: 'III-A',
    equation: 'Thm. 3',
    title: 'C_eps >= c_eps, so alpha <= c_eps also gives log(C_eps/alpha) >= 0',
    statement: String.raw`C_\varepsilon = \frac{\sigma_{1,Y}^2}{\varepsilon\min_i\sigma_{i,0}} \ge c_\varepsilon = \frac{\varepsilon}{\max_i\sigma_{i,0}}`,
    hypotheses: [String.raw`\varepsilon \le \sigma_{1,Y}`, String.raw`\min_i\sigma_{i,0} \le \max_i\sigma_{i,0}`],
    check: {
      kind: 'inequality',
      lhs: div(mul(s1, s1), mul(eps, m0)),
      relation: '>=',
      rhs: div(eps, add(m0, dm)),
      domains: { eps: 'positive', m0: 'positive', dm: 'nonnegative', d1: 'nonnegative' },
      substitutions: { s1: add(eps, d1) },
    },
    uses: ['eps <= sigma_K'],
  },
  {
    id: 'thm3.distinct-implied',
    category: 'inequality',
    section: 'III-A',
    equation: 'Thm. 3',
    title: 'the logarithmic condition already forces distinct singular values',
    statement: String.raw`0 \le \log\tfrac{c_\varepsilon}{\alpha} < \log\tfrac{C_\varepsilon}{\alpha} \Rightarrow \frac{\log(c_\varepsilon/\alpha)}{\log(C_\varepsilon/\alpha)} < 1, \text{ so } \sigma_{k+1}/\sigma_k < 1`,
    hypotheses: [String.raw`x_a = \log(c_\varepsilon/\alpha) \ge 0`, String.raw`x_b = x_a + \gamma,\ \gamma > 0`],
    check: {
      kind: 'inequality',
      lhs: div(sym('xa'), add(sym('xa'), sym('gamma'))),
      relation: '<',
      rhs: num(1),
      domains: { xa: 'nonnegative', gamma: 'positive' },
    },
    uses: ['alpha <= c_eps', 'log-ratio'],
    notes:
      String.raw`With $K \ge 2$ the hypothesis "distinct $\sigma_{i,Y}$" is implied by the logarithmic condition and $\alpha \le c_\varepsilon$ ($C_\varepsilon > c_\varepsilon$ unless $\varepsilon = \sigma_1$ and all $\sigma_{i,0}$ are equal, when the condition cannot hold). It is stated for readability; the proof needs it only through $\mathcal I_k$ being non-empty.`,
  },
  {
    id: 'thm3.star-premise',
    category: 'inequality',
    section: 'III-A',
    equation: '(19)-(20), (star)',
    title: 'alpha <= c_eps gives sigma_{l,Y} - alpha sigma_{l,0} >= 0 for l <= K',
    statement: String.raw`\sigma_{l,Y} - \alpha\sigma_{l,0} \ge 0,\ \forall l \le K`,
    hypotheses: spectralText,
    check: { kind: 'inequality', lhs: sl, relation: '>=', rhs: mul(alpha, s0), domains: spectralDomains, substitutions: spectralHypotheses },
    uses: ['alpha <= c_eps', 'eps <= sigma_K'],
  },
  {
    id: 'thm3.18.reduction',
    category: 'justification',
    section: 'III-A',
    equation: '(17)-(18)',
    title: 'the spectral-norm bound (17) is the entrywise bound (18) on the diagonal (numeric search)',
    statement: String.raw`\|W(t) - \hat Y_k\| = \max_l |\sigma_{l,W}(t) - \sigma_{l,\hat Y_k}| \text{ since } \Phi^\top W(t)\Phi,\ \Phi^\top\hat Y_k\Phi \text{ are diagonal}`,
    hypotheses: [String.raw`\Phi \text{ orthogonal}`, String.raw`W_0 = \alpha\Phi\,\mathrm{diag}(\sigma_{i,0})\Phi^\top`],
    scope: String.raw`$\Phi$ orthogonal (the $Q$ of a QR factorization) of size 1 to 6 and diagonal differences, searched adversarially (Nelder-Mead maximizing the relative deviation); the spectral norm of a symmetric matrix is its largest $|\lambda|$`,
    check: adversarialSearch(
      Array.from({ length: 6 }, (_, index) => index + 1).map((n) => ({
        label: `n = ${n}`,
        dimension: n * n + n,
        gap: (parameters) => {
          const Q = new QrDecomposition(matrixFrom(parameters, 0, n, n)).orthogonalMatrix;
          const differences = parameters.slice(n * n);
          const expected = Math.max(...differences.map(Math.abs));
          // An equality: the adversary maximizes the relative deviation (a gap <= 0, 0 when exact).
          return -Math.abs(spectralNorm(Q.mmul(Matrix.diag(differences)).mmul(Q.transpose())) - expected) / expected;
        },
      })),
    ),
    notes: String.raw`This is why the proof only needs the scalar bounds (19)-(21) on each $\sigma_{l,W}(t)$.`,
  },
  {
    id: 'thm3.19.upper',
    category: 'inequality',
    section: 'III-A',
    equation: '(19), first (*)',
    title: 'sigma_{l,Y} > sigma_{l,W}(t) for l <= k (strict)',
    statement: String.raw`\sigma_{l,Y} \overset{(*)}{>} \sigma_{l,W}(t)`,
    hypotheses: [...spectralText, String.raw`u = e^{2\sigma_{l,Y}t} = 1 + w \ge 1`],
    // u is substituted although it does not occur, so that the counterexample also gives u.
    check: { kind: 'inequality', lhs: sl, relation: '>', rhs: laterSigmaW, domains: laterDomains, substitutions: { ...spectralHypotheses, u: add(1, w) } },
    correction: {
      statement: String.raw`\sigma_{l,Y} \ge \sigma_{l,W}(t)`,
      check: { kind: 'inequality', lhs: sl, relation: '>=', rhs: laterSigmaW, domains: laterDomains, substitutions: spectralHypotheses },
    },
    uses: ['alpha <= c_eps', 'eps <= sigma_K'],
    notes:
      String.raw`The hypotheses allow $\alpha\sigma_{l,0} = \sigma_{l,Y}$ ($\alpha = c_\varepsilon$, $\varepsilon = \sigma_{K,Y} = \sigma_{l,Y}$, $\sigma_{l,0} = \max_i\sigma_{i,0}$); then $\sigma_{l,W}$ is constant and equal to $\sigma_{l,Y}$. The bound $|\sigma_{l,W} - \sigma_{l,Y}| \le \varepsilon$ that (18) needs still holds.`,
  },
  {
    id: 'thm3.19.time',
    category: 'inequality',
    section: 'III-A',
    equation: '(19), second (*)',
    title: 't in I_k and l <= k give 2 sigma_l t >= log(C_eps/alpha)',
    statement: String.raw`t \ge \tfrac{1}{2\sigma_k}\log\tfrac{C_\varepsilon}{\alpha},\ \sigma_l \ge \sigma_k \Rightarrow t \ge \tfrac{1}{2\sigma_l}\log\tfrac{C_\varepsilon}{\alpha}`,
    hypotheses: timeLowerHypotheses,
    check: timeLowerCheck,
    uses: ['alpha <= c_eps', 'eps <= sigma_K', 'distinct (ordering)'],
    notes: String.raw`$x_b \ge 0$ needs $\alpha \le C_\varepsilon$, which follows from $\alpha \le c_\varepsilon \le C_\varepsilon$ (thm3.C-ge-c).`,
  },
  {
    id: 'thm3.19.monotone',
    category: 'inequality',
    section: 'III-A',
    equation: '(19), second (*)',
    title: 'sigma_{l,W}(t) >= sigma_{l,W}(log(C_eps/alpha) / (2 sigma_l)) by monotonicity',
    statement: String.raw`\sigma_{l,W}(t) \overset{(*)}{\ge} \sigma_{l,W}\big(\tfrac{1}{2\sigma_{l,Y}}\log\tfrac{C_\varepsilon}{\alpha}\big)`,
    hypotheses: [String.raw`\sigma_{l,Y} = \alpha\sigma_{l,0} + g,\ g \ge 0`, String.raw`e^{2\sigma_l t} = C_\varepsilon/\alpha + w,\ w \ge 0`],
    check: monotoneCheck(add(div(CE, alpha), w), '>=', CE, { w: 'nonnegative', CE: 'positive' }),
    uses: ['alpha <= c_eps', 'eps <= sigma_K'],
  },
  {
    id: 'thm3.19.eq1',
    category: 'identity',
    section: 'III-A',
    equation: '(19), =(15)',
    title: 'first equality of (19)',
    statement: String.raw`\sigma_{l,W}\big(\tfrac{1}{2\sigma_{l,Y}}\log\tfrac{C_\varepsilon}{\alpha}\big) = \sigma_{l,Y} - \Big(\sigma_{l,Y} - \frac{C_\varepsilon\sigma_{l,Y}\sigma_{l,0}}{\sigma_{l,Y} + (C_\varepsilon - \alpha)\sigma_{l,0}}\Big)`,
    hypotheses: [],
    check: { kind: 'identity', lhs: sigmaW(div(CE, alpha)), rhs: eq19First },
  },
  {
    id: 'thm3.19.eq2',
    category: 'identity',
    section: 'III-A',
    equation: '(19), second =',
    title: 'second equality of (19)',
    statement: String.raw`\sigma_{l,Y} - \Big(\sigma_{l,Y} - \frac{C_\varepsilon\sigma_{l,Y}\sigma_{l,0}}{\sigma_{l,Y} + (C_\varepsilon - \alpha)\sigma_{l,0}}\Big) = \sigma_{l,Y} - \frac{\sigma_{l,Y}^2}{(\sigma_{l,Y} - \alpha\sigma_{l,0}) + C_\varepsilon\sigma_{l,0}}`,
    hypotheses: [String.raw`\sigma_{l,Y} = \alpha\sigma_{l,0} + g,\ g \ge 0`],
    check: {
      kind: 'identity',
      lhs: eq19First,
      rhs: eq19Second,
      domains: { alpha: 'positive', s0: 'positive', sl: 'positive', CE: 'positive' },
      // The step's own hypothesis sigma_{l,Y} >= alpha sigma_{l,0}, and C_eps >= c_eps >= alpha.
      witness: { values: { sl: add(mul(alpha, s0), g), CE: add(alpha, sym('dC')) }, domains: { alpha: 'positive', s0: 'positive', g: 'nonnegative', dC: 'nonnegative' } },
      weaker: {
        relation: '>=',
        domains: { alpha: 'positive', s0: 'positive', g: 'nonnegative', CE: 'positive' },
        substitutions: belowTarget,
      },
    },
    correction: {
      statement: String.raw`= \sigma_{l,Y} - \frac{\sigma_{l,Y}(\sigma_{l,Y} - \alpha\sigma_{l,0})}{(\sigma_{l,Y} - \alpha\sigma_{l,0}) + C_\varepsilon\sigma_{l,0}} \;\ge\; \sigma_{l,Y} - \frac{\sigma_{l,Y}^2}{(\sigma_{l,Y} - \alpha\sigma_{l,0}) + C_\varepsilon\sigma_{l,0}}`,
      check: {
        kind: 'identity',
        lhs: eq19First,
        rhs: sub(sl, div(mul(sl, sub(sl, mul(alpha, s0))), regrouped(CE))),
      },
    },
    uses: ['alpha <= c_eps', 'eps <= sigma_K'],
    notes:
      String.raw`$\sigma - \frac{C\sigma\sigma_0}{\sigma + (C - \alpha)\sigma_0} = \frac{\sigma(\sigma - \alpha\sigma_0)}{\sigma + (C - \alpha)\sigma_0}$, not $\frac{\sigma^2}{\sigma + (C - \alpha)\sigma_0}$. Since $\alpha\sigma_0 \ge 0$ the paper's right-hand side is smaller, so the chain of lower bounds (19) survives with $\ge$ in place of $=$.`,
  },
  {
    id: 'thm3.19.star',
    category: 'inequality',
    section: 'III-A',
    equation: '(19), (star)',
    title: '(star) step of (19)',
    statement: String.raw`\sigma_{l,Y} - \frac{\sigma_{l,Y}^2}{(\sigma_{l,Y} - \alpha\sigma_{l,0}) + C_\varepsilon\sigma_{l,0}} \overset{(\star)}{\ge} \sigma_{l,Y} - \frac{\sigma_{1,Y}^2}{C_\varepsilon\sigma_{l,0}}`,
    hypotheses: [String.raw`\sigma_{l,Y} = \alpha\sigma_{l,0} + g,\ g \ge 0`, String.raw`\sigma_{1,Y} = \sigma_{l,Y} + d_1,\ d_1 \ge 0`],
    check: {
      kind: 'inequality',
      lhs: eq19Second,
      relation: '>=',
      rhs: sub(sl, div(mul(s1, s1), mul(CE, s0))),
      domains: { alpha: 'positive', s0: 'positive', g: 'nonnegative', d1: 'nonnegative', CE: 'positive' },
      substitutions: { ...belowTarget, s1: add(mul(alpha, s0), g, d1) },
    },
    uses: ['alpha <= c_eps', 'eps <= sigma_K'],
  },
  {
    id: 'thm3.19.last',
    category: 'inequality',
    section: 'III-A',
    equation: '(19), last >=',
    title: 'last step of (19), from the definition of C_eps',
    statement: String.raw`\sigma_{l,Y} - \frac{\sigma_{1,Y}^2}{C_\varepsilon\sigma_{l,0}} \ge \sigma_{l,Y} - \varepsilon,\quad C_\varepsilon = \frac{\sigma_{1,Y}^2}{\varepsilon\min_i\sigma_{i,0}}`,
    hypotheses: [String.raw`\sigma_{l,0} = \min_i\sigma_{i,0} + d_m,\ d_m \ge 0`],
    check: {
      kind: 'inequality',
      lhs: sub(sl, div(mul(s1, s1), mul(CE, s0))),
      relation: '>=',
      rhs: sub(sl, eps),
      domains: { sl: 'positive', s1: 'positive', eps: 'positive', m0: 'positive', dm: 'nonnegative' },
      substitutions: { CE: div(mul(s1, s1), mul(eps, m0)), s0: add(m0, dm) },
    },
  },
  {
    id: 'thm3.20.positive',
    category: 'inequality',
    section: 'III-A',
    equation: '(20), first (*)',
    title: '0 < sigma_{l,W}(t) for k < l <= K',
    statement: String.raw`0 \overset{(*)}{<} \sigma_{l,W}(t)`,
    hypotheses: [...spectralText, String.raw`\sigma_{l,0} > 0`, String.raw`u = 1 + w \ge 1`],
    check: { kind: 'inequality', lhs: num(0), relation: '<', rhs: laterSigmaW, domains: laterDomains, substitutions: spectralHypotheses },
    uses: ['sigma_{i,0} > 0 (i <= K)', 'alpha <= c_eps', 'eps <= sigma_K'],
  },
  {
    id: 'thm3.20.time',
    category: 'inequality',
    section: 'III-A',
    equation: '(20), second (*)',
    title: 't in I_k and l > k give 2 sigma_l t <= log(c_eps/alpha)',
    statement: String.raw`0 \le t \le \tfrac{1}{2\sigma_{k+1}}\log\tfrac{c_\varepsilon}{\alpha},\ \sigma_l \le \sigma_{k+1} \Rightarrow t \le \tfrac{1}{2\sigma_l}\log\tfrac{c_\varepsilon}{\alpha}`,
    hypotheses: timeUpperHypotheses,
    check: timeUpperCheck,
    uses: ['alpha <= c_eps', 'distinct (ordering)'],
  },
  {
    id: 'thm3.20.monotone',
    category: 'inequality',
    section: 'III-A',
    equation: '(20), second (*)',
    title: 'sigma_{l,W}(t) <= sigma_{l,W}(log(c_eps/alpha) / (2 sigma_l)) by monotonicity',
    statement: String.raw`\sigma_{l,W}(t) \overset{(*)}{\le} \sigma_{l,W}\big(\tfrac{1}{2\sigma_{l,Y}}\log\tfrac{c_\varepsilon}{\alpha}\big)`,
    hypotheses: [String.raw`\sigma_{l,Y} = \alpha\sigma_{l,0} + g,\ g \ge 0`, String.raw`e^{2\sigma_l t} = \frac{c_\varepsilon}{\alpha(1 + \varphi)},\ \varphi \ge 0`],
    check: monotoneCheck(div(cE, mul(alpha, add(1, phi))), '<=', cE, { phi: 'nonnegative', cE: 'positive' }),
    uses: ['alpha <= c_eps', 'eps <= sigma_K'],
  },
  {
    id: 'thm3.20.eq',
    category: 'identity',
    section: 'III-A',
    equation: '(20), =(14)',
    title: 'the equality of (20)',
    statement: String.raw`\sigma_{l,W}\big(\tfrac{1}{2\sigma_{l,Y}}\log\tfrac{c_\varepsilon}{\alpha}\big) = \frac{c_\varepsilon\sigma_{l,Y}\sigma_{l,0}}{(\sigma_{l,Y} - \alpha\sigma_{l,0}) + c_\varepsilon\sigma_{l,0}}`,
    hypotheses: [],
    check: { kind: 'identity', lhs: sigmaW(div(cE, alpha)), rhs: eq20Value },
  },
  {
    id: 'thm3.20.star',
    category: 'inequality',
    section: 'III-A',
    equation: '(20), (star)',
    title: '(star) step of (20)',
    statement: String.raw`\frac{c_\varepsilon\sigma_{l,Y}\sigma_{l,0}}{(\sigma_{l,Y} - \alpha\sigma_{l,0}) + c_\varepsilon\sigma_{l,0}} \overset{(\star)}{\le} c_\varepsilon\sigma_{l,0}`,
    hypotheses: [String.raw`\sigma_{l,Y} = \alpha\sigma_{l,0} + g,\ g \ge 0`, String.raw`c_\varepsilon = \alpha + d_c,\ d_c \ge 0`],
    check: {
      kind: 'inequality',
      lhs: eq20Value,
      relation: '<=',
      rhs: mul(cE, s0),
      domains: { alpha: 'positive', s0: 'positive', g: 'nonnegative', dc: 'nonnegative' },
      substitutions: { ...belowTarget, cE: add(alpha, dc) },
    },
    uses: ['alpha <= c_eps', 'eps <= sigma_K'],
    notes:
      String.raw`The paper credits $(\star)$ to $\sigma_{l,Y} - \alpha\sigma_{l,0} \ge 0$. That fact only keeps the denominator positive; the inequality itself is equivalent to $\alpha \le c_\varepsilon$ (the gap is $c_\varepsilon\sigma_{l,0}^2(c_\varepsilon - \alpha)/(\dots)$).`,
  },
  {
    id: 'thm3.20.last',
    category: 'inequality',
    section: 'III-A',
    equation: '(20), last <=',
    title: 'c_eps sigma_{l,0} <= eps',
    statement: String.raw`c_\varepsilon\sigma_{l,0} \le \varepsilon,\quad c_\varepsilon = \frac{\varepsilon}{\max_i\sigma_{i,0}}`,
    hypotheses: [String.raw`\max_i\sigma_{i,0} = \sigma_{l,0} + d_M`],
    check: {
      kind: 'inequality',
      lhs: mul(cE, s0),
      relation: '<=',
      rhs: eps,
      domains: { eps: 'positive', s0: 'positive', dM: 'nonnegative' },
      substitutions: { cE: div(eps, add(s0, dM)) },
    },
  },
  {
    id: 'thm3.21.positive',
    category: 'inequality',
    section: 'III-A',
    equation: '(21), first <',
    title: '0 < sigma_{l,W}(t) for l > K',
    statement: String.raw`0 < \sigma_{l,W}(t) = \frac{\alpha\sigma_{l,0}}{1 + 2\alpha\sigma_{l,0}t}`,
    hypotheses: [String.raw`\sigma_{l,0} \ge 0 \ (l > K\text{: the theorem requires } \sigma_{i,0} > 0 \text{ only for } i \le K)`, String.raw`t \ge 0`],
    check: { kind: 'inequality', lhs: num(0), relation: '<', rhs: sigmaW13, domains: domains21 },
    correction: {
      statement: String.raw`0 \le \sigma_{l,W}(t) \text{ (} = 0 \text{ when } \sigma_{l,0} = 0\text{)}`,
      check: { kind: 'inequality', lhs: num(0), relation: '<=', rhs: sigmaW13, domains: domains21 },
    },
    notes: String.raw`Harmless: (18) only needs $|\sigma_{l,W}(t)| \le \varepsilon$.`,
  },
  {
    id: 'thm3.21.bound',
    category: 'inequality',
    section: 'III-A',
    equation: '(21)',
    title: 'sigma_{l,W}(t) <= alpha sigma_{l,0} <= eps for l > K',
    statement: String.raw`\frac{\alpha\sigma_{l,0}}{1 + 2\alpha\sigma_{l,0}t} \le \alpha\sigma_{l,0} \le \varepsilon`,
    hypotheses: [String.raw`t \ge 0`, String.raw`\alpha \le c_\varepsilon = \varepsilon/\max_i\sigma_{i,0}`],
    check: {
      kind: 'inequality',
      lhs: sigmaW13,
      relation: '<=',
      rhs: eps,
      domains: { ...domains21, dM: 'nonnegative', de: 'nonnegative' },
      substitutions: { eps: add(mul(alpha, add(s0, dM)), de) },
    },
    uses: ['alpha <= c_eps'],
  },
];
