/**
 * Section III-B: the proof of Theorem 4, (24)-(30) and the side arguments (a), (b), (c).
 * Matrix identities are checked with symbolic blocks; norm bounds are checked as the scalar
 * inequalities they reduce to, with each norm a variable bounded as the proof bounds it, and the
 * matrix facts the proof cites from [25] are searched numerically.
 */
import { add, div, mul, num, pow, sub, substitute, sym } from '../expr.js';
import type { CatalogEntry } from '../entry.js';
import {
  block,
  blocks,
  diagonal,
  identity,
  inverse,
  matAdd,
  matMul,
  matNeg,
  matScale,
  matSub,
  symmetricSymbols,
  transpose,
  type ExprMatrix,
} from '../matrix.js';
import { Matrix, gaussian, inverse as numericInverse, minEigenvalue, randomPositiveDefinite, spectralNorm } from './numeric.js';
import { timeLowerCheck, timeLowerHypotheses, timeUpperCheck, timeUpperHypotheses } from './theorem3.js';

const alpha = sym('alpha');
const [eps, s1, M, m, d1, phi1, phi2, phi3, sK] = ['eps', 's1', 'M', 'm', 'd1', 'phi1', 'phi2', 'phi3', 'sK'].map(sym);

/** C_eps and c_eps of Theorem 4. */
const CEps = div(mul(16, s1, s1, M, M), eps);
const cEps = div(eps, mul(16, M, M));

const S2 = diagonal(['s1', 's2'].map(sym));
const G2 = diagonal(['g1', 'g2'].map(sym));

function eq24(): CatalogEntry {
  const W0 = symmetricSymbols('w', 2);
  return {
    id: 'thm4.24',
    section: 'III-B',
    equation: '(24)',
    title: 'the closed form rewritten with V = W0~^{-1}',
    statement: String.raw`S\,\alpha\tilde W_0\big(I_n + \alpha G\tilde W_0\big)^{-1}S^\top = \alpha S\big(V + \alpha G\big)^{-1}S^\top,\ V = \tilde W_0^{-1}`,
    hypotheses: [String.raw`\tilde W_0 \text{ invertible}`],
    scope: 'n = 2, general symmetric W0, general diagonal S and G',
    check: {
      kind: 'identity',
      lhs: matMul(S2, matScale(alpha, W0), inverse(matAdd(identity(2), matMul(G2, matScale(alpha, W0)))), S2),
      rhs: matScale(alpha, matMul(S2, inverse(matAdd(inverse(W0), matScale(alpha, G2))), S2)),
      symmetric: true,
    },
    uses: ['W0 invertible'],
  };
}

function blockInverse(n: number, k: number): { H: ExprMatrix; inner: ExprMatrix } {
  const names = Array.from({ length: n }, (_, i) => i + 1);
  const V = symmetricSymbols('v', n);
  const S = diagonal(names.map((i) => sym(`s${i}`)));
  const SInverse = diagonal(names.map((i) => div(1, sym(`s${i}`))));
  const G = diagonal(names.map((i) => sym(`g${i}`)));
  const inner = matMul(SInverse, matAdd(V, matScale(alpha, G)), SInverse);
  const [V11, V12, V22] = [block(V, 0, k, 0, k), block(V, 0, k, k, n), block(V, k, n, k, n)];
  const [S1, S2b, G1, G2b] = [block(S, 0, k, 0, k), block(S, k, n, k, n), block(G, 0, k, 0, k), block(G, k, n, k, n)];
  const S1Inverse = block(SInverse, 0, k, 0, k);
  const R22 = inverse(matAdd(V22, matScale(alpha, G2b)));
  const Vtilde1 = matSub(V11, matMul(V12, R22, transpose(V12)));
  const H11 = matScale(alpha, matMul(S1, inverse(matAdd(Vtilde1, matScale(alpha, G1))), S1));
  const H12 = matNeg(matMul(H11, S1Inverse, V12, R22, S2b));
  const H22 = matSub(matScale(alpha, matMul(S2b, R22, S2b)), matMul(S2b, R22, transpose(V12), S1Inverse, H12));
  const H = blocks([
    [H11, H12],
    [transpose(H12), H22],
  ]);
  return { H, inner };
}

function eq25(): CatalogEntry[] {
  const { H, inner } = blockInverse(2, 1);
  return [
    {
      id: 'thm4.25.scaling',
      section: 'III-B',
      equation: '(25)',
      title: 'alpha S (V + alpha G)^{-1} S = alpha (S^{-1}(V + alpha G)S^{-1})^{-1}',
      statement: String.raw`\alpha S(V + \alpha G)^{-1}S = \alpha\big(S^{-1}(V + \alpha G)S^{-1}\big)^{-1}`,
      hypotheses: [],
      scope: 'n = 2, general symmetric V, general diagonal S and G',
      check: (() => {
        const V2 = symmetricSymbols('v', 2);
        const S2Inverse = diagonal(['s1', 's2'].map((name) => div(1, sym(name))));
        return {
          kind: 'identity' as const,
          lhs: matScale(alpha, matMul(S2, inverse(matAdd(V2, matScale(alpha, G2))), S2)),
          rhs: matScale(alpha, inverse(matMul(S2Inverse, matAdd(V2, matScale(alpha, G2)), S2Inverse))),
          symmetric: true,
        };
      })(),
    },
    {
      id: 'thm4.25.blocks',
      section: 'III-B',
      equation: '(25)',
      title: 'the block-inverse formulas for H11, H12, H22',
      statement: String.raw`\begin{bmatrix}H_{11} & H_{12}\\ H_{12}^\top & H_{22}\end{bmatrix} = \alpha\begin{bmatrix}S_1^{-1}(V_{11} + \alpha G_1)S_1^{-1} & S_1^{-1}V_{12}S_2^{-1}\\ S_2^{-1}V_{12}^\top S_1^{-1} & S_2^{-1}(V_{22} + \alpha G_2)S_2^{-1}\end{bmatrix}^{-1}`,
      hypotheses: [String.raw`V_{22} + \alpha G_2 \text{ and the Schur complement invertible}`],
      scope:
        'n = 2, k = 1 (1 x 1 blocks), general symmetric V, general diagonal S and G; checked as H M = alpha I. With a 2 x 2 block (n = 3) nerdamer needs about 75 s, over the catalog budget: larger blocks are thm4.25.blocks.general',
      check: { kind: 'identity', lhs: matMul(H, inner), rhs: matScale(alpha, identity(2)) },
      notes: 'H11, H12 and H22 are built from the paper\'s formulas; H times the bracketed matrix M equals alpha I exactly, so H = alpha M^{-1}.',
    },
    {
      id: 'thm4.25.blocks.general',
      section: 'III-B',
      equation: '(25)',
      title: 'the block-inverse formulas for blocks of any size (numeric search)',
      statement: String.raw`H_{11}, H_{12}, H_{22} \text{ of (25) are the blocks of } \alpha\big(S^{-1}(V + \alpha G)S^{-1}\big)^{-1}`,
      hypotheses: [String.raw`V \succ 0`, String.raw`G \succeq 0`],
      scope: 'random V > 0 of size 2 to 7, random k, S and G diagonal positive, alpha in [1e-3, 1]; relative agreement 1e-8',
      check: {
        kind: 'numeric',
        trials: 200,
        trial: (uniform) => {
          const n = 2 + Math.floor(uniform() * 6);
          const k = 1 + Math.floor(uniform() * (n - 1));
          const V = randomPositiveDefinite(n, uniform);
          const a = 10 ** (-3 * uniform());
          const s = Array.from({ length: n }, () => Math.exp(gaussian(uniform)));
          const g = Array.from({ length: n }, () => Math.abs(gaussian(uniform)));
          const S = Matrix.diag(s);
          const SInverse = Matrix.diag(s.map((value) => 1 / value));
          const G = Matrix.diag(g);
          const reference = numericInverse(SInverse.mmul(V.clone().add(G.clone().mul(a))).mmul(SInverse)).mul(a);
          const part = (A: Matrix, r0: number, r1: number, c0: number, c1: number) => A.subMatrix(r0, r1 - 1, c0, c1 - 1);
          const [S1, S2, G1, G2] = [part(S, 0, k, 0, k), part(S, k, n, k, n), part(G, 0, k, 0, k), part(G, k, n, k, n)];
          const S1Inverse = part(SInverse, 0, k, 0, k);
          const [V11, V12, V22] = [part(V, 0, k, 0, k), part(V, 0, k, k, n), part(V, k, n, k, n)];
          const R22 = numericInverse(V22.clone().add(G2.clone().mul(a)));
          const Vtilde1 = V11.clone().sub(V12.mmul(R22).mmul(V12.transpose()));
          const H11 = S1.mmul(numericInverse(Vtilde1.add(G1.clone().mul(a)))).mmul(S1).mul(a);
          const H12 = H11.mmul(S1Inverse).mmul(V12).mmul(R22).mmul(S2).mul(-1);
          const H22 = S2.mmul(R22).mmul(S2).mul(a).sub(S2.mmul(R22).mmul(V12.transpose()).mmul(S1Inverse).mmul(H12));
          const scale = spectralNorm(reference);
          const gaps = [
            spectralNorm(H11.sub(part(reference, 0, k, 0, k))),
            spectralNorm(H12.sub(part(reference, 0, k, k, n))),
            spectralNorm(H22.sub(part(reference, k, n, k, n))),
          ];
          return Math.max(...gaps) > 1e-8 * scale ? `block formulas off by ${Math.max(...gaps) / scale} (n = ${n}, k = ${k})` : undefined;
        },
      },
    },
  ];
}

function deltaEntries(): CatalogEntry[] {
  const Vt = symmetricSymbols('v', 2);
  const S1 = diagonal(['v1', 'v2'].map(sym));
  const S1Inverse = diagonal(['v1', 'v2'].map((name) => div(1, sym(name))));
  const SigmaInverse = diagonal(['sigma1', 'sigma2'].map((name) => div(1, sym(name))));
  const G1 = matMul(SigmaInverse, matSub(matMul(S1, S1), identity(2)));
  const scaled = matScale(div(1, alpha), matMul(S1Inverse, Vt, S1Inverse));
  const H11Inverse = matAdd(scaled, matMul(S1Inverse, G1, S1Inverse));
  const paperDelta = matAdd(scaled, matMul(S1Inverse, SigmaInverse, S1Inverse));
  const correctedDelta = matSub(scaled, matMul(S1Inverse, SigmaInverse, S1Inverse));
  return [
    {
      id: 'thm4.H11.first',
      section: 'III-B',
      equation: 'H11, first =',
      title: 'alpha S1 (V1~ + alpha G1)^{-1} S1 = (alpha^{-1} S1^{-1} V1~ S1^{-1} + S1^{-1} G1 S1^{-1})^{-1}',
      statement: String.raw`\alpha S_1(\tilde V_1 + \alpha G_1)^{-1}S_1 = \big(\alpha^{-1}S_1^{-1}\tilde V_1S_1^{-1} + S_1^{-1}G_1S_1^{-1}\big)^{-1}`,
      hypotheses: [],
      scope: 'k = 2, general symmetric V1~, S1 = diag(e^{sigma_i t}), G1 = Sigma_k^{-1}(S1^2 - I)',
      check: {
        kind: 'identity',
        lhs: matScale(alpha, matMul(S1, inverse(matAdd(Vt, matScale(alpha, G1))), S1)),
        rhs: inverse(H11Inverse),
        symmetric: true,
      },
    },
    {
      id: 'thm4.Delta',
      section: 'III-B',
      equation: 'H11, definition of Delta',
      title: 'S1^{-1} G1 S1^{-1} = S1^{-1} Sigma_k^{-1} S1^{-1} + Sigma_k^{-1} (the paper\'s Delta)',
      statement: String.raw`\big(\alpha^{-1}S_1^{-1}\tilde V_1S_1^{-1} + S_1^{-1}G_1S_1^{-1}\big)^{-1} = \big(\underbrace{\alpha^{-1}S_1^{-1}\tilde V_1S_1^{-1} + S_1^{-1}\Sigma_k^{-1}S_1^{-1}}_{:=\Delta} + \Sigma_k^{-1}\big)^{-1}`,
      hypotheses: [String.raw`G_1 = \Sigma_k^{-1}(e^{2\Sigma_kt} - I_k),\ S_1 = e^{\Sigma_kt}`],
      scope: 'k = 2, general symmetric V1~ (compared before inversion: H11^{-1} = Delta + Sigma_k^{-1})',
      check: {
        kind: 'identity',
        lhs: H11Inverse,
        rhs: matAdd(paperDelta, SigmaInverse),
        symmetric: true,
        domains: { alpha: 'positive', sigma1: 'positive', sigma2: 'positive', v1: 'positive', v2: 'positive' },
      },
      correction: {
        statement: String.raw`\Delta := \alpha^{-1}S_1^{-1}\tilde V_1S_1^{-1} - S_1^{-1}\Sigma_k^{-1}S_1^{-1}, \text{ since } S_1^{-1}G_1S_1^{-1} = \Sigma_k^{-1} - S_1^{-1}\Sigma_k^{-1}S_1^{-1}`,
        check: { kind: 'identity', lhs: H11Inverse, rhs: matAdd(correctedDelta, SigmaInverse), symmetric: true },
      },
      notes:
        'A sign error. It does not propagate: the next step bounds ||Delta|| by the triangle inequality, ||S1^{-1}||^2 ||V1~||/alpha + ||S1^{-1}||^2 ||Sigma_k^{-1}||, which is the same for either sign.',
    },
  ];
}

/** The Schur-complement chain 0 < V11 - V12 V22^{-1} V12^T <= V11 - V12 (V22 + alpha G2)^{-1} V12^T <= V11, 1x1 blocks. */
function loewnerEntries(): CatalogEntry[] {
  // V = U U^T with U upper triangular: every 2x2 positive definite V.
  const [u11, u12, u22, g] = ['u11', 'u12', 'u22', 'g'].map(sym);
  const V11 = add(mul(u11, u11), mul(u12, u12));
  const V12 = mul(u12, u22);
  const V22 = mul(u22, u22);
  const schur = sub(V11, div(mul(V12, V12), V22));
  const shifted = sub(V11, div(mul(V12, V12), add(V22, mul(alpha, g))));
  const domains = { u11: 'positive', u22: 'positive', alpha: 'positive', g: 'nonnegative' } as const;
  const base = {
    section: 'III-B',
    equation: 'H11, Loewner chain',
    hypotheses: [String.raw`V = \tilde W_0^{-1} \succ 0`, String.raw`G_2 \succeq 0`],
    scope: '1 x 1 blocks (n = 2), every positive definite V (as U U^T, U upper triangular); larger blocks: thm4.loewner.general',
  };
  return [
    {
      ...base,
      id: 'thm4.loewner.schur',
      title: 'the Schur complement of V is positive',
      statement: String.raw`0 \prec V_{11} - V_{12}V_{22}^{-1}V_{12}^\top`,
      check: { kind: 'inequality', lhs: num(0), relation: '<', rhs: schur, domains },
      uses: ['W0 invertible'],
    },
    {
      ...base,
      id: 'thm4.loewner.middle',
      title: 'adding alpha G2 >= 0 to V22 can only increase the Schur complement',
      statement: String.raw`V_{11} - V_{12}V_{22}^{-1}V_{12}^\top \preceq V_{11} - V_{12}(V_{22} + \alpha G_2)^{-1}V_{12}^\top`,
      check: { kind: 'inequality', lhs: schur, relation: '<=', rhs: shifted, domains },
    },
    {
      ...base,
      id: 'thm4.loewner.upper',
      title: 'and it stays below V11',
      statement: String.raw`V_{11} - V_{12}(V_{22} + \alpha G_2)^{-1}V_{12}^\top \preceq V_{11}`,
      check: { kind: 'inequality', lhs: shifted, relation: '<=', rhs: V11, domains },
    },
    {
      id: 'thm4.loewner.general',
      section: 'III-B',
      equation: 'H11, Loewner chain',
      title: 'the same chain for blocks of any size (numeric search)',
      statement: String.raw`0 \prec V_{11} - V_{12}V_{22}^{-1}V_{12}^\top \preceq V_{11} - V_{12}(V_{22} + \alpha G_2)^{-1}V_{12}^\top \preceq V_{11}`,
      hypotheses: [String.raw`V \succ 0`, String.raw`G_2 \succeq 0 \text{ diagonal}`],
      scope: 'random V > 0 of size 2 to 7, random k, G2 >= 0, alpha in [1e-3, 1e3]',
      check: {
        kind: 'numeric',
        trials: 300,
        trial: (uniform) => {
          const n = 2 + Math.floor(uniform() * 6);
          const k = 1 + Math.floor(uniform() * (n - 1));
          const V = randomPositiveDefinite(n, uniform);
          const scale = 10 ** (6 * uniform() - 3);
          const G2 = Matrix.diag(Array.from({ length: n - k }, () => Math.abs(gaussian(uniform))));
          const V11 = V.subMatrix(0, k - 1, 0, k - 1);
          const V12 = V.subMatrix(0, k - 1, k, n - 1);
          const V22 = V.subMatrix(k, n - 1, k, n - 1);
          const schur = V11.clone().sub(V12.mmul(numericInverse(V22)).mmul(V12.transpose()));
          const shifted = V11.clone().sub(V12.mmul(numericInverse(V22.clone().add(G2.mul(scale)))).mmul(V12.transpose()));
          const tolerance = 1e-9 * spectralNorm(V);
          if (minEigenvalue(schur) <= 0) return `Schur complement not positive definite (n = ${n}, k = ${k})`;
          if (minEigenvalue(shifted.clone().sub(schur)) < -tolerance) return `middle inequality fails (n = ${n}, k = ${k})`;
          if (minEigenvalue(V11.clone().sub(shifted)) < -tolerance) return `upper inequality fails (n = ${n}, k = ${k})`;
          return undefined;
        },
      },
    },
  ];
}

function sideArgumentA(): CatalogEntry {
  return {
    id: 'thm4.a',
    section: 'III-B',
    equation: '(a)',
    title: 'submatrix norms and interlacing: ||V11||, ||V12|| <= ||V|| and ||(V22 + alpha G2)^{-1}|| <= ||V22^{-1}|| <= ||V^{-1}||',
    statement: String.raw`\|V_{11}\| \le M,\ \|V_{12}\| \le M,\ \|(V_{22} + \alpha G_2)^{-1}\| \le \|V_{22}^{-1}\| \le M`,
    hypotheses: [String.raw`M = \max\{\|V\|, \|V^{-1}\|\}`, String.raw`G_2 \succeq 0`],
    scope: 'random V > 0 of size 2 to 7, random k, G2 >= 0 (numeric search; [25] proves these facts)',
    check: {
      kind: 'numeric',
      trials: 300,
      trial: (uniform) => {
        const n = 2 + Math.floor(uniform() * 6);
        const k = 1 + Math.floor(uniform() * (n - 1));
        const V = randomPositiveDefinite(n, uniform);
        const bound = Math.max(spectralNorm(V), spectralNorm(numericInverse(V)));
        const slack = 1 + 1e-10;
        const V22 = V.subMatrix(k, n - 1, k, n - 1);
        const G2 = Matrix.diag(Array.from({ length: n - k }, () => Math.abs(gaussian(uniform))));
        const checks: [string, number, number][] = [
          ['||V11|| <= M', spectralNorm(V.subMatrix(0, k - 1, 0, k - 1)), bound],
          ['||V12|| <= M', spectralNorm(V.subMatrix(0, k - 1, k, n - 1)), bound],
          ['||V22^{-1}|| <= M', spectralNorm(numericInverse(V22)), bound],
          ['||(V22 + G2)^{-1}|| <= ||V22^{-1}||', spectralNorm(numericInverse(V22.clone().add(G2))), spectralNorm(numericInverse(V22))],
        ];
        const failed = checks.find(([, value, limit]) => value > limit * slack);
        return failed ? `${failed[0]} fails (n = ${n}, k = ${k})` : undefined;
      },
    },
    uses: ['W0 invertible'],
  };
}

function exponentBounds(): CatalogEntry[] {
  return [
    {
      id: 'thm4.28.S1',
      section: 'III-B',
      equation: '(28)',
      title: '||S1^{-1}|| <= sqrt(alpha / C_eps): the exponent bound behind it',
      statement: String.raw`S_1^{-1} = e^{-\Sigma_kt_k} \preceq e^{-\frac12\log\frac{C_\varepsilon}{\alpha}}I_k = \sqrt{\alpha/C_\varepsilon}\,I_k`,
      hypotheses: timeLowerHypotheses,
      scope: 'each diagonal entry e^{-sigma_l t}, l <= k: 2 sigma_l t >= log(C_eps/alpha) (exp is increasing)',
      check: timeLowerCheck,
      uses: ['log-ratio', 'alpha <= c_eps/M', 'distinct (ordering)'],
    },
    {
      id: 'thm4.28.S2',
      section: 'III-B',
      equation: '(28)',
      title: '||S2|| <= sqrt(c_eps / alpha): the exponent bound for the sigma blocks',
      statement: String.raw`e^{\Sigma_k^ct_k} \preceq e^{\frac12\log\frac{c_\varepsilon}{\alpha}}I_k`,
      hypotheses: timeUpperHypotheses,
      scope: 'each diagonal entry e^{sigma_l t}, k < l <= K: 2 sigma_l t <= log(c_eps/alpha)',
      check: timeUpperCheck,
      uses: ['alpha <= c_eps/M', 'distinct (ordering)'],
      notes: 'The paper writes I_k for the identity of this block; it is I_{K-k}.',
    },
    {
      id: 'thm4.28.S2-identity-block',
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
      notes: 'Needs alpha <= c_eps, which the theorem gives through the stronger alpha <= c_eps/M (M >= 1).',
    },
  ];
}

function bounds(): CatalogEntry[] {
  const nDelta = sym('nDelta');
  const nSigma = sym('nSigma');
  const x = div(1, mul(2, add(1, sym('psi'))));
  return [
    {
      id: 'thm4.Delta.bound',
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
      section: 'III-B',
      equation: '(b)',
      title: '(M + alpha / sigma_K) / C_eps <= 2M / C_eps, from alpha <= c_eps / M',
      statement: String.raw`\sigma_{K,Y}^{-1}\alpha \le \sigma_{K,Y}^{-1}\varepsilon \le 1 \le M`,
      hypotheses: [
        String.raw`\alpha \le c_\varepsilon/M = \varepsilon/(16M^3)`,
        String.raw`\varepsilon \le \sigma_{K,Y}`,
        String.raw`M = 1 + m \ge 1`,
      ],
      check: {
        kind: 'inequality',
        lhs: div(alpha, sK),
        relation: '<=',
        rhs: M,
        domains: { alpha: 'positive', m: 'nonnegative', de: 'nonnegative', dK: 'nonnegative' },
        substitutions: {
          sK: add(mul(16, pow(add(1, m), 3), alpha), sym('de'), sym('dK')),
          M: add(1, m),
        },
      },
      uses: ['alpha <= c_eps/M', 'eps <= sigma_K'],
      notes: 'M >= 1 always holds: ||V|| ||V^{-1}|| >= ||V V^{-1}|| = 1 (thm4.M-at-least-1).',
    },
    {
      id: 'thm4.b.weaker',
      section: 'III-B',
      equation: '(b)',
      title: '(b) already follows from alpha <= c_eps (the extra 1/M of the hypothesis is not used)',
      statement: String.raw`\alpha \le c_\varepsilon = \frac{\varepsilon}{16M^2},\ \varepsilon \le \sigma_{K,Y},\ M \ge 1 \Rightarrow \sigma_{K,Y}^{-1}\alpha \le M`,
      hypotheses: [String.raw`\alpha \le c_\varepsilon`, String.raw`\varepsilon \le \sigma_{K,Y}`, String.raw`M = 1 + m`],
      check: {
        kind: 'inequality',
        lhs: div(alpha, sK),
        relation: '<=',
        rhs: M,
        domains: { alpha: 'positive', m: 'nonnegative', de: 'nonnegative', dK: 'nonnegative' },
        substitutions: {
          sK: add(mul(16, pow(add(1, m), 2), alpha), sym('de'), sym('dK')),
          M: add(1, m),
        },
      },
      notes:
        'Every other use of the alpha bound in the proof (28) needs only alpha <= c_eps. So Theorem 4 holds with alpha <= c_eps in place of alpha <= c_eps / M, as far as this proof goes.',
    },
    {
      id: 'thm4.M-at-least-1',
      section: 'III-B',
      equation: '(b)',
      title: 'M = max(||V||, ||V^{-1}||) >= 1',
      statement: String.raw`1 \le M`,
      hypotheses: [String.raw`V \succ 0`],
      scope: 'random V > 0 of size 1 to 7 (numeric search; follows from ||V|| ||V^{-1}|| >= 1)',
      check: {
        kind: 'numeric',
        trials: 300,
        trial: (uniform) => {
          const V = randomPositiveDefinite(1 + Math.floor(uniform() * 7), uniform).mul(10 ** (6 * uniform() - 3));
          const bound = Math.max(spectralNorm(V), spectralNorm(numericInverse(V)));
          return bound < 1 - 1e-12 ? `M = ${bound}` : undefined;
        },
      },
    },
    {
      id: 'thm4.c',
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
        domains: { eps: 'positive', d1: 'nonnegative', m: 'nonnegative' },
        substitutions: { s1: add(eps, d1), M: add(1, m) },
      },
      uses: ['eps <= sigma_K'],
    },
    {
      id: 'thm4.H11.perturbation',
      section: 'III-B',
      equation: 'H11 bound, [25]',
      title: 'the perturbation bound ||(Delta + Sigma^{-1})^{-1} - Sigma|| <= ||Sigma||^2 ||Delta|| / (1 - ||Sigma|| ||Delta||)',
      statement: String.raw`\|(\Delta + \Sigma_k^{-1})^{-1} - \Sigma_k\| \le \frac{\|\Sigma_k\|^2\|\Delta\|}{1 - \|\Sigma_k\|\|\Delta\|}`,
      hypotheses: [String.raw`\|\Sigma_k\|\|\Delta\| < 1`],
      scope: 'random positive diagonal Sigma_k of size 1 to 6 and random symmetric Delta with ||Sigma|| ||Delta|| < 1 (numeric search)',
      check: {
        kind: 'numeric',
        trials: 300,
        trial: (uniform) => {
          const k = 1 + Math.floor(uniform() * 6);
          const Sigma = Matrix.diag(Array.from({ length: k }, () => 10 ** (2 * uniform() - 1)));
          const B = new Matrix(k, k);
          for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) B.set(i, j, gaussian(uniform));
          const symmetric = B.add(B.transpose());
          const target = uniform() * 0.99;
          const Delta = symmetric.mul(target / (spectralNorm(Sigma) * spectralNorm(symmetric)));
          const product = spectralNorm(Sigma) * spectralNorm(Delta);
          const left = spectralNorm(numericInverse(Delta.clone().add(numericInverse(Sigma))).sub(Sigma));
          const right = (spectralNorm(Sigma) ** 2 * spectralNorm(Delta)) / (1 - product);
          return left > right * (1 + 1e-9) + 1e-12 ? `left ${left} > right ${right} (k = ${k})` : undefined;
        },
      },
    },
    {
      id: 'thm4.H11.chain',
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
      notes: 'The bound just proved gives the sharper ||H11|| <= ||Sigma_k|| + eps/4.',
    },
    {
      id: 'thm4.29.sqrt',
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
      section: 'III-B',
      equation: '(29)',
      title: '2 sigma_1 M^2 sqrt(c_eps / C_eps) = eps / 8',
      statement: String.raw`\|H_{12}\| \le 2\sigma_{1,Y}M^2\sqrt{c_\varepsilon/C_\varepsilon} = \frac{\varepsilon}{8} \le \frac{\varepsilon}{4}`,
      hypotheses: [String.raw`\sqrt{c_\varepsilon/C_\varepsilon} = \varepsilon/(16\sigma_{1,Y}M^2) \text{ (thm4.29.sqrt)}`],
      check: { kind: 'identity', lhs: mul(2, s1, M, M, div(eps, mul(16, s1, M, M))), rhs: div(eps, 8) },
      notes:
        'The product of bounds 2 sigma_1 sqrt(alpha/C) M M sqrt(c/alpha) loses alpha, which is why (29) does not depend on alpha.',
    },
    {
      id: 'thm4.30',
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
        domains: { eps: 'positive', d1: 'nonnegative', m: 'nonnegative' },
        substitutions: { s1: add(eps, d1), M: add(1, m) },
      },
      uses: ['eps <= sigma_K'],
      notes: 'The left side is eps/(16M) + eps^2/(128 sigma_1) <= eps/16 + eps/128.',
    },
    {
      id: 'thm4.27',
      section: 'III-B',
      equation: '(26)-(27)',
      title: '(27) suffices for (26): the norm of a symmetric block matrix is at most max(||A||, ||D||) + ||B||',
      statement: String.raw`\Big\|\begin{bmatrix}A & B\\ B^\top & D\end{bmatrix}\Big\| \le \max(\|A\|, \|D\|) + \|B\| \le \varepsilon \text{ when each block norm is } \le \varepsilon/4`,
      hypotheses: [],
      scope: 'random symmetric blocks of sizes 1 to 5 (numeric search); the bound is eps/2, so (27) is sufficient with room to spare',
      check: {
        kind: 'numeric',
        trials: 300,
        trial: (uniform) => {
          const k = 1 + Math.floor(uniform() * 5);
          const rest = 1 + Math.floor(uniform() * 5);
          const random = (rows: number, columns: number) => {
            const R = new Matrix(rows, columns);
            for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) R.set(i, j, gaussian(uniform));
            return R;
          };
          const A = random(k, k);
          const D = random(rest, rest);
          const B = random(k, rest);
          const full = new Matrix(k + rest, k + rest);
          full.setSubMatrix(A.add(A.transpose()), 0, 0);
          full.setSubMatrix(D.add(D.transpose()), k, k);
          full.setSubMatrix(B, 0, k);
          full.setSubMatrix(B.transpose(), k, 0);
          const bound =
            Math.max(spectralNorm(A.add(A.transpose())), spectralNorm(D.add(D.transpose()))) + spectralNorm(B);
          return spectralNorm(full) > bound * (1 + 1e-10) ? `block norm exceeds the bound (k = ${k})` : undefined;
        },
      },
    },
  ];
}

export const theorem4Entries: CatalogEntry[] = [
  eq24(),
  ...eq25(),
  ...deltaEntries(),
  ...loewnerEntries(),
  sideArgumentA(),
  ...exponentBounds(),
  ...bounds(),
];

/** Theorem 4's hypotheses, for the usage table (ids as in the entries' `uses`). */
export const theorem4Hypotheses = ['distinct (ordering)', 'eps <= sigma_K', 'eps <= 1', 'log-ratio', 'alpha <= c_eps/M', 'W0 invertible'];
