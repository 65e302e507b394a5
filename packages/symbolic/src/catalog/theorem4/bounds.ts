/**
 * Section III-B, Theorem 4: the norm bounds (26)-(30) and side arguments (b) and (c). Each bound
 * is checked as the scalar inequality it reduces to, with each norm a variable bounded as the
 * proof bounds it; the matrix facts the proof cites from [25] are searched numerically.
 */
import { add, div, mul, num, pow, sub, substitute, sym } from '../../expr.js';
import type { InequalityCheck } from '../../check.js';
import type { CatalogEntry } from '../../entry.js';
import { Matrix, adversarialSearch, inverse as numericInverse, matrixFrom, positiveDefiniteFrom, spectralNorm, splits, symmetricFrom, theorem4M } from '../numeric.js';
import { timeLowerCheck, timeLowerHypotheses, timeUpperCheck, timeUpperHypotheses } from '../theorem3.js';

const alpha = sym('alpha');
const [eps, s1, M, m, d1, phi1, phi2, phi3, sK] = ['eps', 's1', 'M', 'm', 'd1', 'phi1', 'phi2', 'phi3', 'sK'].map(sym);

/** C_eps and c_eps of Theorem 4. */
const CEps = div(mul(16, s1, s1, M, M), eps);
const cEps = div(eps, mul(16, M, M));

/** eps <= sigma_1 and M >= 1, as slacks: sigma_1 = eps + d1, M = 1 + m. */
const epsBelowSigma1 = {
  domains: { eps: 'positive', d1: 'nonnegative', m: 'nonnegative' },
  substitutions: { s1: add(eps, d1), M: add(1, m) },
} as const;

function exponentBounds(): CatalogEntry[] {
  return [
    {
      id: 'thm4.28.S1',
      category: 'inequality',
      section: 'III-B',
      equation: '(28)',
      title: '||S1^{-1}|| <= sqrt(alpha / C_eps): the exponent bound behind it',
      statement: String.raw`S_1^{-1} = e^{-\Sigma_kt_k} \preceq e^{-\frac12\log\frac{C_\varepsilon}{\alpha}}I_k = \sqrt{\alpha/C_\varepsilon}\,I_k`,
      hypotheses: timeLowerHypotheses,
      scope: String.raw`each diagonal entry $e^{-\sigma_l t}$, $l \le k$: $2\sigma_l t \ge \log(C_\varepsilon/\alpha)$ ($\exp$ is increasing)`,
      check: timeLowerCheck,
      uses: ['log-ratio', 'alpha <= c_eps/M', 'distinct (ordering)'],
    },
    {
      id: 'thm4.28.S2',
      category: 'inequality',
      section: 'III-B',
      equation: '(28)',
      title: '||S2|| <= sqrt(c_eps / alpha): the exponent bound for the sigma blocks',
      statement: String.raw`e^{\Sigma_k^ct_k} \preceq e^{\frac12\log\frac{c_\varepsilon}{\alpha}}I_k`,
      hypotheses: timeUpperHypotheses,
      scope: String.raw`each diagonal entry $e^{\sigma_l t}$, $k < l \le K$: $2\sigma_l t \le \log(c_\varepsilon/\alpha)$`,
      check: timeUpperCheck,
      uses: ['alpha <= c_eps/M', 'distinct (ordering)'],
      notes: String.raw`The paper writes $I_k$ for the identity of this block; it is $I_{K-k}$.`,
    },
    {
      id: 'thm4.28.S2-identity-block',
      category: 'inequality',
      section: 'III-B',
      equation: '(28)',
      title: 'the I_{n-K} block of S2 also obeys the bound: 1 <= c_eps / alpha',
      statement: String.raw`\|S_2\| \le \sqrt{c_\varepsilon/\alpha} \text{ includes the block } I_{n-K}\text{: } 1 \le c_\varepsilon/\alpha`,
      hypotheses: [String.raw`c_\varepsilon = \alpha + d_c,\ d_c \ge 0`],
      check: {
        kind: 'inequality',
        lhs: num(1),
        relation: '<=',
        rhs: div(add(alpha, sym('dc')), alpha),
        domains: { alpha: 'positive', dc: 'nonnegative' },
      },
      uses: ['alpha <= c_eps/M'],
      notes: String.raw`Needs $\alpha \le c_\varepsilon$, which the theorem gives through the stronger $\alpha \le c_\varepsilon/M$ ($M \ge 1$).`,
    },
  ];
}

/**
 * (b): sigma_K^{-1} alpha <= M from alpha <= eps / (16 M^power), eps <= sigma_K and M = 1 + m >= 1.
 * The theorem's alpha <= c_eps / M is power 3; power 2 is alpha <= c_eps alone.
 */
function alphaOverSigmaKCheck(power: number): InequalityCheck {
  return {
    kind: 'inequality',
    lhs: div(alpha, sK),
    relation: '<=',
    rhs: M,
    domains: { alpha: 'positive', m: 'nonnegative', de: 'nonnegative', dK: 'nonnegative' },
    substitutions: {
      sK: add(mul(16, pow(add(1, m), power), alpha), sym('de'), sym('dK')),
      M: add(1, m),
    },
  };
}

function bounds(): CatalogEntry[] {
  const nDelta = sym('nDelta');
  const nSigma = sym('nSigma');
  const x = div(1, mul(2, add(1, sym('psi'))));
  return [
    {
      id: 'thm4.Delta.bound',
      category: 'inequality',
      section: 'III-B',
      equation: '||Delta|| bound',
      title: '||S1^{-1}||^2 ||V1~|| / alpha + ||S1^{-1}||^2 ||Sigma_k^{-1}|| <= (M + alpha / sigma_K) / C_eps',
      statement: String.raw`\frac{\|S_1^{-1}\|^2\|\tilde V_1\|}{\alpha} + \|S_1^{-1}\|^2\|\Sigma_k^{-1}\| \le \frac{M + \sigma_{K,Y}^{-1}\alpha}{C_\varepsilon}`,
      hypotheses: [
        String.raw`\|S_1^{-1}\|^2 = \frac{\alpha}{C_\varepsilon(1 + \varphi_1)}`,
        String.raw`\|\tilde V_1\| = \frac{M}{1 + \varphi_2}`,
        String.raw`\|\Sigma_k^{-1}\| = \frac{1}{\sigma_{K,Y}(1 + \varphi_3)}`,
      ],
      check: {
        kind: 'inequality',
        lhs: add(div(mul(sym('nS2'), sym('nV')), alpha), mul(sym('nS2'), nSigma)),
        relation: '<=',
        rhs: div(add(M, div(alpha, sK)), sym('CE')),
        domains: { alpha: 'positive', CE: 'positive', M: 'positive', sK: 'positive', phi1: 'nonnegative', phi2: 'nonnegative', phi3: 'nonnegative' },
        substitutions: {
          nS2: div(alpha, mul(sym('CE'), add(1, phi1))),
          nV: div(M, add(1, phi2)),
          nSigma: div(1, mul(sK, add(1, phi3))),
        },
      },
    },
    {
      id: 'thm4.b',
      category: 'inequality',
      section: 'III-B',
      equation: '(b)',
      title: '(M + alpha / sigma_K) / C_eps <= 2M / C_eps, from alpha <= c_eps / M',
      statement: String.raw`\sigma_{K,Y}^{-1}\alpha \le \sigma_{K,Y}^{-1}\varepsilon \le 1 \le M`,
      hypotheses: [
        String.raw`\alpha \le c_\varepsilon/M = \varepsilon/(16M^3)`,
        String.raw`\varepsilon \le \sigma_{K,Y}`,
        String.raw`M = 1 + m \ge 1`,
      ],
      check: alphaOverSigmaKCheck(3),
      uses: ['alpha <= c_eps/M', 'eps <= sigma_K'],
      notes: String.raw`$M \ge 1$ always holds: $\|V\|\,\|V^{-1}\| \ge \|VV^{-1}\| = 1$ (thm4.M-at-least-1).`,
    },
    {
      id: 'thm4.b.weaker',
      category: 'justification',
      section: 'III-B',
      equation: '(b)',
      title: '(b) already follows from alpha <= c_eps (the extra 1/M of the hypothesis is not used)',
      statement: String.raw`\alpha \le c_\varepsilon = \frac{\varepsilon}{16M^2},\ \varepsilon \le \sigma_{K,Y},\ M \ge 1 \Rightarrow \sigma_{K,Y}^{-1}\alpha \le M`,
      hypotheses: [String.raw`\alpha \le c_\varepsilon`, String.raw`\varepsilon \le \sigma_{K,Y}`, String.raw`M = 1 + m`],
      check: alphaOverSigmaKCheck(2),
      notes: String.raw`Every other use of the $\alpha$ bound in the proof (28) needs only $\alpha \le c_\varepsilon$. So Theorem 4 holds with $\alpha \le c_\varepsilon$ in place of $\alpha \le c_\varepsilon/M$, as far as this proof goes.`,
    },
    {
      id: 'thm4.M-at-least-1',
      category: 'inequality',
      section: 'III-B',
      equation: '(b)',
      title: 'M = max(||V||, ||V^{-1}||) >= 1',
      statement: String.raw`1 \le M`,
      hypotheses: [String.raw`V \succ 0`],
      scope: String.raw`$V \succ 0$ of size 1 to 6, searched adversarially (Nelder-Mead minimizing $M - 1$); the standard argument is $\|V\|\,\|V^{-1}\| \ge \|VV^{-1}\| = 1$, not machine-checked here`,
      check: adversarialSearch(
        Array.from({ length: 6 }, (_, index) => index + 1).map((n) => ({
          label: `n = ${n}`,
          dimension: n * n,
          gap: (parameters) => theorem4M(positiveDefiniteFrom(parameters, 0, n)) - 1,
        })),
      ),
    },
    {
      id: 'thm4.c',
      category: 'inequality',
      section: 'III-B',
      equation: '(c)',
      title: '||Sigma_k|| ||Delta|| <= sigma_1 2M / C_eps <= 1/2',
      statement: String.raw`\|\Sigma_k\|\|\Delta\| \le \sigma_{1,Y}\|\Delta\| \le \sigma_{1,Y}\frac{2M}{C_\varepsilon} \le \frac12`,
      hypotheses: [String.raw`C_\varepsilon = 16\sigma_{1,Y}^2M^2/\varepsilon`, String.raw`\varepsilon \le \sigma_{1,Y}`, String.raw`M \ge 1`],
      check: {
        kind: 'inequality',
        lhs: mul(s1, div(mul(2, M), CEps)),
        relation: '<=',
        rhs: num(1, 2),
        ...epsBelowSigma1,
      },
      uses: ['eps <= sigma_K'],
    },
    {
      id: 'thm4.H11.perturbation',
      category: 'inequality',
      section: 'III-B',
      equation: 'H11 bound, [25]',
      title: 'the perturbation bound ||(Delta + Sigma^{-1})^{-1} - Sigma|| <= ||Sigma||^2 ||Delta|| / (1 - ||Sigma|| ||Delta||)',
      statement: String.raw`\|(\Delta + \Sigma_k^{-1})^{-1} - \Sigma_k\| \le \frac{\|\Sigma_k\|^2\|\Delta\|}{1 - \|\Sigma_k\|\|\Delta\|}`,
      hypotheses: [String.raw`\|\Sigma_k\|\|\Delta\| < 1`],
      scope: String.raw`positive diagonal $\Sigma_k$ of size 1 to 6 and symmetric $\Delta$ with $\|\Sigma\|\,\|\Delta\| < 1$, searched adversarially (Nelder-Mead minimizing the relative gap)`,
      check: adversarialSearch(
        Array.from({ length: 6 }, (_, index) => index + 1).map((k) => ({
          label: `k = ${k}`,
          dimension: k * k + k + 1,
          gap: (parameters) => {
            // Sigma in [0.01, 100] entrywise and ||Sigma|| ||Delta|| in (0, 0.99): the hypothesis, for every parameter vector.
            const Sigma = Matrix.diag(parameters.slice(0, k).map((value) => 10 ** (2 * Math.tanh(value))));
            const symmetric = symmetricFrom(parameters, k, k);
            const target = 0.99 / (1 + Math.exp(-parameters[k + k * k]));
            const Delta = symmetric.mul(target / (spectralNorm(Sigma) * spectralNorm(symmetric)));
            const product = spectralNorm(Sigma) * spectralNorm(Delta);
            const left = spectralNorm(numericInverse(Delta.clone().add(numericInverse(Sigma))).sub(Sigma));
            const right = (spectralNorm(Sigma) ** 2 * spectralNorm(Delta)) / (1 - product);
            return (right - left) / right;
          },
        })),
      ),
    },
    {
      id: 'thm4.H11.chain',
      category: 'inequality',
      section: 'III-B',
      equation: 'H11 bound',
      title: '||Sigma||^2 ||Delta|| / (1 - ||Sigma|| ||Delta||) <= 2 sigma_1^2 ||Delta|| when ||Sigma|| ||Delta|| <= 1/2',
      statement: String.raw`\frac{\|\Sigma_k\|^2\|\Delta\|}{1 - \|\Sigma_k\|\|\Delta\|} \le 2\sigma_{1,Y}^2\|\Delta\|`,
      hypotheses: [String.raw`\|\Sigma_k\|\|\Delta\| = x = \frac{1}{2(1 + \psi)} \le \frac12`, String.raw`\sigma_{1,Y} = \|\Sigma_k\|(1 + \varphi)`],
      check: {
        kind: 'inequality',
        lhs: div(mul(nSigma, nSigma, nDelta), sub(1, mul(nSigma, nDelta))),
        relation: '<=',
        rhs: mul(2, s1, s1, nDelta),
        domains: { nSigma: 'positive', psi: 'nonnegative', phi: 'nonnegative' },
        substitutions: { nDelta: div(x, nSigma), s1: mul(nSigma, add(1, sym('phi'))) },
      },
    },
    {
      id: 'thm4.H11.final',
      category: 'inequality',
      section: 'III-B',
      equation: 'H11 bound, last <=',
      title: '2 sigma_1^2 (2M / C_eps) <= eps / 4',
      statement: String.raw`2\sigma_{1,Y}^2\|\Delta\| \le \frac{4\sigma_{1,Y}^2M}{C_\varepsilon} \le \frac{\varepsilon}{4}`,
      hypotheses: [
        String.raw`\|\Delta\| = \frac{2M}{C_\varepsilon(1 + \varphi_1)} \le \frac{2M}{C_\varepsilon}`,
        String.raw`C_\varepsilon = 16\sigma_{1,Y}^2M^2/\varepsilon`,
        String.raw`M = 1 + m \ge 1`,
      ],
      check: {
        kind: 'inequality',
        lhs: mul(2, s1, s1, sym('nDelta')),
        relation: '<=',
        rhs: div(eps, 4),
        domains: { eps: 'positive', s1: 'positive', m: 'nonnegative', phi1: 'nonnegative' },
        substitutions: { nDelta: div(mul(2, add(1, m)), mul(add(1, phi1), substitute(CEps, { M: add(1, m) }))) },
      },
    },
    {
      id: 'thm4.H11.norm',
      category: 'inequality',
      section: 'III-B',
      equation: 'H11 bound',
      title: '||H11|| <= ||Sigma_k|| + eps <= 2 sigma_1',
      statement: String.raw`\|H_{11}\| \le \|\Sigma_k\| + \varepsilon \le 2\sigma_{1,Y}`,
      hypotheses: [String.raw`\varepsilon \le \sigma_{1,Y}`, String.raw`\|\Sigma_k\| \le \sigma_{1,Y}`],
      check: {
        kind: 'inequality',
        lhs: add(div(s1, add(1, sym('phi'))), eps),
        relation: '<=',
        rhs: mul(2, s1),
        domains: { eps: 'positive', d1: 'nonnegative', phi: 'nonnegative' },
        substitutions: { s1: add(eps, d1) },
      },
      uses: ['eps <= sigma_K'],
      notes: String.raw`The bound just proved gives the sharper $\|H_{11}\| \le \|\Sigma_k\| + \varepsilon/4$.`,
    },
    {
      id: 'thm4.29.sqrt',
      category: 'identity',
      section: 'III-B',
      equation: '(29)',
      title: 'sqrt(c_eps / C_eps) = eps / (16 sigma_1 M^2)',
      statement: String.raw`\sqrt{c_\varepsilon/C_\varepsilon} = \frac{\varepsilon}{16\sigma_{1,Y}M^2}`,
      hypotheses: [String.raw`c_\varepsilon = \frac{\varepsilon}{16M^2}`, String.raw`C_\varepsilon = \frac{16\sigma_{1,Y}^2M^2}{\varepsilon}`],
      scope: 'checked squared; both sides are positive',
      check: { kind: 'identity', lhs: div(cEps, CEps), rhs: pow(div(eps, mul(16, s1, M, M)), 2) },
    },
    {
      id: 'thm4.29',
      category: 'identity',
      section: 'III-B',
      equation: '(29)',
      title: '2 sigma_1 M^2 sqrt(c_eps / C_eps) = eps / 8',
      statement: String.raw`\|H_{12}\| \le 2\sigma_{1,Y}M^2\sqrt{c_\varepsilon/C_\varepsilon} = \frac{\varepsilon}{8} \le \frac{\varepsilon}{4}`,
      hypotheses: [String.raw`\sqrt{c_\varepsilon/C_\varepsilon} = \varepsilon/(16\sigma_{1,Y}M^2) \text{ (thm4.29.sqrt)}`],
      check: { kind: 'identity', lhs: mul(2, s1, M, M, div(eps, mul(16, s1, M, M))), rhs: div(eps, 8) },
      notes:
        String.raw`The product of bounds $2\sigma_1\sqrt{\alpha/C}\,M\,M\sqrt{c/\alpha}$ loses $\alpha$, which is why (29) does not depend on $\alpha$.`,
    },
    {
      id: 'thm4.30',
      category: 'inequality',
      section: 'III-B',
      equation: '(30)',
      title: 'c_eps M + (eps/8) sqrt(c_eps / C_eps) M^2 <= eps / 4',
      statement: String.raw`\|H_{22}\| \le c_\varepsilon M + \frac{\varepsilon}{8}\sqrt{\frac{c_\varepsilon}{C_\varepsilon}}M^2 \le \frac{\varepsilon}{4}`,
      hypotheses: [String.raw`\varepsilon \le \sigma_{1,Y}`, String.raw`M = 1 + m \ge 1`],
      check: {
        kind: 'inequality',
        lhs: add(mul(cEps, M), mul(div(eps, 8), div(eps, mul(16, s1, M, M)), M, M)),
        relation: '<=',
        rhs: div(eps, 4),
        ...epsBelowSigma1,
      },
      uses: ['eps <= sigma_K'],
      notes: String.raw`The left side is $\varepsilon/(16M) + \varepsilon^2/(128\sigma_1) \le \varepsilon/16 + \varepsilon/128$.`,
    },
    {
      id: 'thm4.27',
      category: 'justification',
      section: 'III-B',
      equation: '(26)-(27), for (23)',
      title: '(27) suffices for (26): the norm of a symmetric block matrix is at most max(||A||, ||D||) + ||B||',
      statement: String.raw`\Big\|\begin{bmatrix}A & B\\ B^\top & D\end{bmatrix}\Big\| \le \max(\|A\|, \|D\|) + \|B\| \le \varepsilon \text{ when each block norm is } \le \varepsilon/4`,
      hypotheses: [],
      scope: String.raw`symmetric blocks of sizes $k$ and $n - k$ for $n = 2$ to 6 and every split, searched adversarially (Nelder-Mead minimizing the relative gap); the bound is $\varepsilon/2$, so (27) is sufficient with room to spare`,
      check: adversarialSearch(
        splits(6).map(({ n, k, label }) => ({
          label,
          dimension: k * k + (n - k) * (n - k) + k * (n - k),
          gap: (parameters) => {
            const A = symmetricFrom(parameters, 0, k);
            const D = symmetricFrom(parameters, k * k, n - k);
            const B = matrixFrom(parameters, k * k + (n - k) * (n - k), k, n - k);
            const full = new Matrix(n, n);
            full.setSubMatrix(A, 0, 0);
            full.setSubMatrix(D, k, k);
            full.setSubMatrix(B, 0, k);
            full.setSubMatrix(B.transpose(), k, 0);
            const bound = Math.max(spectralNorm(A), spectralNorm(D)) + spectralNorm(B);
            return (bound - spectralNorm(full)) / bound;
          },
        })),
      ),
    },
  ];
}

/** (28), then the bounds of (26)-(30) with (b) and (c), in the proof's order. */
export const boundEntries: CatalogEntry[] = [...exponentBounds(), ...bounds()];
