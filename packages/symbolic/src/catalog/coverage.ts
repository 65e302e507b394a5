/**
 * The sweep of issue 17: Sections II-IV of Min & Vidal (2025), sentence by sentence, with every
 * numbered equation, every marked step ((*), (star), (a), (b), (c), "=", "<="), every definition
 * with an index range and every sentence that claims something mathematical, each mapped to the
 * catalog entries that give it a verdict. coverage.test.ts checks both directions (every id
 * exists; every catalog entry is listed), so the mapping cannot drift from the catalog.
 */

/** What a swept item is; `no-claim` records a sentence read and judged to claim nothing checkable. */
export type SweepKind = 'equation' | 'step' | 'definition' | 'claim' | 'citation' | 'no-claim';

export interface SweepItem {
  /** Section of the paper, as in CatalogEntry.section. */
  readonly section: string;
  /** The equation number for a numbered equation, e.g. `(19)`; the marker for a step, e.g. `(19), (star)`. */
  readonly label?: string;
  readonly kind: SweepKind;
  /** The paper's words (abridged with ...), enough to find the sentence. */
  readonly quote: string;
  /** The catalog entries that check it; empty only for `no-claim`. */
  readonly ids: readonly string[];
  /** For `no-claim`: why there is nothing to check. */
  readonly reason?: string;
}

const sectionTwo: readonly SweepItem[] = [
  { section: 'II', label: '(1)', kind: 'equation', quote: 'min_U L(U) = 1/4 ||Y - U U^T||_F^2 ... Y >= 0 is the target matrix', ids: ['sec2.2.gradient.n2r2', 'sec2.2.gradient.n3r3'] },
  { section: 'II', kind: 'claim', quote: 'one may find solving (1) easy by simply taking the SVD of Y', ids: ['text.sec2B.zero-loss'] },
  { section: 'II', label: '(2)', kind: 'equation', quote: 'U dot = -grad L(U) = (Y - U U^T) U, U(0) = U0', ids: ['sec2.2.gradient.n2r2', 'sec2.2.gradient.n3r3', 'text.ref.sec3A.2-3'] },
  { section: 'II', kind: 'no-claim', quote: 'we are interested in the incremental learning phenomenon when U(t)U^T(t) learns the singular components of Y sequentially', ids: [], reason: 'states the question; the answer is Theorems 3 and 4' },
  { section: 'II', label: '(3)', kind: 'equation', quote: 'W dot = U dot U^T + U U dot^T = WY + YW - 2W^2, W(0) = U0 U0^T', ids: ['sec2.3.dynamics.n2r2', 'sec2.3.dynamics.n3r3'] },
  { section: 'II', kind: 'claim', quote: 'it suffices to study the induced dynamic evolution of the factorized model U(t)U^T(t) := W(t) from (2)', ids: ['sec2.3.dynamics.n2r2', 'sec2.3.dynamics.n3r3'] },
  { section: 'II', kind: 'claim', quote: '(3) is a special form of matrix Riccati differential equations, thus can be analyzed from its closed-form solution', ids: ['text.sec2.riccati'] },
  { section: 'II-A', kind: 'citation', quote: 'The closed-form solutions to matrix Riccati differential equations are well-studied, for example, in [23, 24]', ids: ['text.cite.23-24.lti'] },
  { section: 'II-A', kind: 'definition', quote: 'If Y has K non-zero singular values and the full SVD of Y >= 0 is Phi [Sigma_Y 0; 0 0] Phi^T', ids: ['reading.cor2.SigmaY-size', 'text.blocks.6'] },
  { section: 'II-A', label: '(4)', kind: 'equation', quote: 'W dot = WY + YW - 2W^2, W(0) = W0 >= 0', ids: ['prop1.closed-form.n2', 'prop1.closed-form.n3', 'prop1.initial'] },
  { section: 'II-A', label: '(5)', kind: 'equation', quote: 'has unique solution W(t) = Phi S(t) W0~ (I_n + G(t) W0~)^{-1} S^T(t) Phi^T', ids: ['prop1.closed-form.n2', 'prop1.closed-form.n3', 'prop1.initial', 'prop1.basis', 'text.blocks.5-9', 'text.cite.24.cor1'] },
  { section: 'II-A', kind: 'definition', quote: 'where W0~ = Phi^T W0 Phi', ids: ['prop1.basis'] },
  { section: 'II-A', label: '(6)', kind: 'equation', quote: 'G(t) = [Sigma_Y^{-1}(e^{2 Sigma_Y t} - I_K) 0; 0 2 I_{n-K} t], S(t) = [e^{Sigma_Y t} 0; 0 I_{n-K}]', ids: ['prop1.G.limit', 'prop1.G.sign', 'text.blocks.6'] },
  { section: 'II-A', kind: 'citation', quote: 'From [23, 24], one knows that the solution to general matrix Riccati equation ... is given by P(t) = X2(t) X1^{-1}(t)', ids: ['text.cite.23-24.lti', 'prop1.7-8.lemma'] },
  { section: 'II-A', label: '(7)', kind: 'equation', quote: 'P dot = AP + PA^T - PRP + Q, P(0) = P0', ids: ['prop1.7-8.lemma'] },
  { section: 'II-A', label: '(8)', kind: 'equation', quote: '[X1 dot; X2 dot] = [-A^T R; Q A][X1; X2], X1(0) = I_n, X2(0) = P0', ids: ['prop1.7-8.lemma', 'text.ref.prop1.8'] },
  { section: 'II-A', kind: 'step', quote: 'let P = Phi^T W Phi, A = Sigma_Y, Q = 0 and R = I_n', ids: ['prop1.9.X1', 'prop1.9.X2', 'text.blocks.prop1.A'] },
  { section: 'II-A', label: '(9)', kind: 'equation', quote: 'Phi^T W(t) Phi = S(t) Phi^T W0 Phi (S^{-1}(t)(I_n + G(t) Phi^T W0 Phi))^{-1}, (an equivalent expression for (5))', ids: ['prop1.9.X1', 'prop1.9.X2', 'prop1.9.product', 'prop1.basis', 'text.blocks.5-9'] },
  { section: 'II-A', kind: 'citation', quote: 'where G(t), S(t) are defined in (6)', ids: ['text.ref.prop1.6'] },
  { section: 'II-A', kind: 'claim', quote: 'for all t, all eigenvalues of G(t)W0 are real and non-negative since both G(t) and W0 are positive semi-definite', ids: ['just.prop1.eigenvalues', 'text.prop1.forall-t', 'prop1.G.sign'] },
  { section: 'II-A', kind: 'claim', quote: 'then X1(t) is invertible for all t', ids: ['just.prop1.X1', 'prop1.invertible', 'text.prop1.forall-t'] },
  { section: 'II-A', kind: 'citation', quote: 'ensuring (9) is the unique solution [24, Corollary 1]', ids: ['text.cite.24.cor1'] },
  { section: 'II-B', kind: 'claim', quote: 'one can study this GF under any initial condition W0 = U0 U0^T >= 0', ids: ['prop1.closed-form.n2', 'prop1.invertible'] },
  { section: 'II-B', kind: 'no-claim', quote: 'different types of initialization ... may require different analyses. Due to space constraints, we opt to discuss ... deterministic initialization with varying scales', ids: [], reason: 'a choice of scope' },
  { section: 'II-B', kind: 'claim', quote: 'Figure 1: ... a sharp transition phase where its value grows rapidly from approximately zero to one that is close to the target', ids: ['text.14.approx', 'text.15.approx', 'text.theta.width'] },
  { section: 'II-B', kind: 'claim', quote: 'Figure 1: As the initialization scale alpha decreases, the transition phases for different target values get further separated', ids: ['text.separation-grows'] },
  { section: 'II-B', kind: 'claim', quote: 'Figure 1: Similar dynamic evolutions of W(t) still exist under general initialization, as we show in Theorem 4', ids: ['thm4.27'] },
  { section: 'II-B', kind: 'definition', quote: 'U(0) = U0 = alpha^{1/2} U0bar for some initialization scale alpha > 0 and initialization shape U0bar >= 0', ids: ['reading.sec2B.U0bar-psd'] },
  { section: 'II-B', kind: 'no-claim', quote: 'Our analysis assumes a fixed shape U0bar and describes how the scale alpha affects the incremental learning phenomenon', ids: [], reason: 'a choice of scope; the scale enters every entry through alpha' },
  { section: 'II-B', kind: 'claim', quote: 'W0 = alpha U0bar U0bar^T is invertible. This necessarily requires that the problem (1) is overparametrized [15], i.e. r >= n', ids: ['text.sec2B.overparametrized'] },
  { section: 'II-B', kind: 'claim', quote: 'which imply that the optimal value of (1) is always zero ... regardless of the target Y', ids: ['text.sec2B.zero-loss'] },
];

const sectionThreeA: readonly SweepItem[] = [
  { section: 'III', kind: 'claim', quote: 'refine the existing asymptotic results [6] to a non-asymptotic one', ids: ['thm3.alpha-max', 'thm3.16.nonempty'] },
  { section: 'III', kind: 'claim', quote: 'we show that a similar quantitative characterization of incremental learning holds for general initialization', ids: ['text.thm4.resembles.c', 'text.thm4.resembles.C', 'thm4.27'] },
  { section: 'III-A', kind: 'definition', quote: 'the spectral initialization of U is any U0 that has an SVD of the form U0 = alpha^{1/2} Phi Sigma_{U0} V_{U0}^T', ids: ['cor2.from-prop1', 'reading.cor2.SigmaY-size'] },
  { section: 'III-A', label: '(10)', kind: 'equation', quote: 'W dot = WY + YW - 2W^2, W(0) = alpha Phi Sigma_{U0}^2 Phi^T', ids: ['text.ref.sec3A.2-3', 'cor2.from-prop1'] },
  { section: 'III-A', label: '(11)', kind: 'equation', quote: 'Through a change of variables W~ = Phi^T W Phi, ... W~(0) = alpha Sigma_{U0}^2', ids: ['text.sec3A.change-of-variables', 'prop1.basis'] },
  { section: 'III-A', kind: 'claim', quote: 'whose solution W~(t) is diagonal for all t, and the dynamics of diagonal entries are decoupled', ids: ['text.cor2.decoupled'] },
  { section: 'III-A', kind: 'definition', quote: 'Corollary 2: Suppose Sigma_Y = diag{sigma_{i,Y}}_{i=1}^n', ids: ['reading.cor2.SigmaY-size'] },
  { section: 'III-A', label: '(12)', kind: 'equation', quote: 'sigma_{i,W}(t) = alpha sigma_{i,Y} sigma_{i,0} e^{2 sigma_{i,Y} t} / (sigma_{i,Y} + alpha sigma_{i,0}(e^{2 sigma_{i,Y} t} - 1)), if sigma_{i,Y} != 0', ids: ['cor2.12.ode', 'cor2.12.initial', 'cor2.from-prop1', 'cor2.derivative'] },
  { section: 'III-A', label: '(13)', kind: 'equation', quote: 'sigma_{i,W}(t) = alpha sigma_{i,0} / (1 + 2 alpha sigma_{i,0} t), if sigma_{i,Y} = 0', ids: ['cor2.13.ode', 'cor2.13.limit'] },
  { section: 'III-A', kind: 'definition', quote: 'where sigma_{i,0} = [Sigma_{U0}^2]_{ii} >= 0, for all i', ids: ['reading.thm3.d.n', 'reading.thm3.d.r'] },
  { section: 'III-A', kind: 'claim', quote: '(12) is the learning trajectory for a non-zero singular mode ... as long as sigma_{i,0} != 0, lim sigma_{i,W}(t) = sigma_{i,Y}', ids: ['cor2.limit-infinity', 'text.ref.cor2.12-13'] },
  { section: 'III-A', kind: 'claim', quote: '(13) is the learning trajectory for a zero singular mode ... we always have lim sigma_{i,W}(t) = 0', ids: ['text.cor2.zero-limit', 'text.ref.cor2.12-13'] },
  { section: 'III-A', kind: 'claim', quote: 'if sigma_{i,0} != 0 for all i with sigma_{i,Y} != 0, one has lim W(t) = Y', ids: ['text.cor2.learns-Y'] },
  { section: 'III-A', kind: 'claim', quote: 'learning the exact Y requires Phi_Y^T W(0) Phi_Y to have full rank', ids: ['text.cor2.full-rank-necessary'] },
  { section: 'III-A', kind: 'no-claim', quote: 'the asymptotic behavior of these scalar dynamics (12)(13) are easy to study', ids: [], reason: 'an appraisal; the limits themselves are the items above' },
  { section: 'III-A', kind: 'claim', quote: 'when 0 < alpha sigma_{i,0} < sigma_{i,Y}, sigma_{i,W}(t) is strictly monotonically increasing w.r.t. time t', ids: ['cor2.monotone', 'cor2.derivative'] },
  { section: 'III-A', kind: 'claim', quote: 'Our following discussions assume alpha is sufficiently small so that sigma_{i,W}(t) is monotonically increasing', ids: ['text.cor2.monotone-every-i'] },
  { section: 'III-A', kind: 'claim', quote: 'sigma_{i,W}(0) = alpha sigma_{i,0}, which is close to zero for sufficiently small alpha', ids: ['cor2.12.initial'] },
  { section: 'III-A', kind: 'no-claim', quote: 'Now, we turn to the questions regarding the transient behavior under small initialization with scale alpha << 1', ids: [], reason: 'announces the next paragraphs' },
  { section: 'III-A', kind: 'claim', quote: 'each sigma_{i,W}(t) must learn its target sigma_{i,Y} through some transitional phase', ids: ['cor2.monotone', 'cor2.limit-infinity'] },
  { section: 'III-A', kind: 'claim', quote: 'If there is a time-scale separation ... the resulting W(t) serves as some low-rank approximation of Y', ids: ['thm3.18.reduction'] },
  { section: 'III-A', kind: 'definition', quote: 'For some c, C > 0 such that c sigma_{i,0} << sigma_{i,Y} and C sigma_{i,0} >> sigma_{i,Y}, for all i', ids: ['reading.14-15.all-i', 'reading.14-15.i-le-K'] },
  { section: 'III-A', label: '(14)', kind: 'equation', quote: 'sigma_{i,W}(log(c/alpha)/(2 sigma_{i,Y})) = c sigma_{i,Y} sigma_{i,0} / (sigma_{i,Y} + (c - alpha) sigma_{i,0}) ~= c sigma_{i,0} (for any alpha <= c)', ids: ['thm3.14', 'text.14.approx'] },
  { section: 'III-A', label: '(15)', kind: 'equation', quote: 'sigma_{i,W}(log(C/alpha)/(2 sigma_{i,Y})) = C sigma_{i,Y} sigma_{i,0} / (sigma_{i,Y} + (C - alpha) sigma_{i,0}) ~= sigma_{i,Y}', ids: ['thm3.15', 'text.15.approx'] },
  { section: 'III-A', kind: 'claim', quote: 'a sharp transition ... at a time that scales as Theta(log(1/alpha) / sigma_{i,Y})', ids: ['text.theta.ends', 'text.theta.width'] },
  { section: 'III-A', kind: 'claim', quote: 'Notably, the transition time depends inverse-proportionally on sigma_{i,Y}', ids: ['text.theta.inverse-proportional'] },
  { section: 'III-A', kind: 'claim', quote: 'singular values of Y being learned one by one, with larger ones learned first and smaller ones later', ids: ['thm3.16.nonempty', 'thm3.18.reduction'] },
  { section: 'III-A', kind: 'claim', quote: 'the conditions to achieve this are: Singular values sigma_{i,Y} of Y are distinct', ids: ['thm3.distinct-implied'] },
  { section: 'III-A', kind: 'claim', quote: 'alpha is sufficiently small such that the transitional phases [log(c/alpha), log(C/alpha)]/(2 sigma_{i,Y}) are non-overlapping', ids: ['thm3.16.length', 'thm3.16.nonempty'] },
  { section: 'III-A', kind: 'definition', quote: 'Theorem 3: the K non-zero singular values sigma_{1,Y}, ..., sigma_{K,Y} of Y are distinct and ordered in decreasing order', ids: ['thm3.distinct-implied'] },
  { section: 'III-A', kind: 'definition', quote: 'Sigma_{U0}^2 = diag{sigma_{i,0}}_{i=1}^d with sigma_{i,0} > 0, for all 1 <= i <= K', ids: ['reading.thm3.d.n', 'reading.thm3.d.r', 'reading.thm3.d.K'] },
  { section: 'III-A', kind: 'definition', quote: 'Given any error tolerance 0 < eps <= sigma_{K,Y}, let c_eps = eps / max_i sigma_{i,0}', ids: ['reading.thm3.d.n', 'reading.thm3.d.K', 'thm3.20.last', 'thm3.star-premise'] },
  { section: 'III-A', kind: 'definition', quote: 'C_eps = sigma_{1,Y}^2 / (eps min_{1<=i<=K} sigma_{i,0})', ids: ['thm3.19.last', 'thm3.C-ge-c'] },
  { section: 'III-A', kind: 'definition', quote: 'alpha <= c_eps and (-log alpha + log c_eps)/(-log alpha + log C_eps) > max_{1<=k<=K-1} sigma_{k+1}/sigma_k', ids: ['thm3.alpha-max', 'thm3.16.nonempty', 'reading.16.K1.max-empty'] },
  { section: 'III-A', label: '(16)', kind: 'equation', quote: 'I_k := [log(C_eps/alpha)/(2 sigma_{k,Y}), log(c_eps/alpha)/(2 sigma_{k+1,Y})], 1 <= k <= K, are all non-empty (we have let 1/0 := infinity)', ids: ['thm3.16.length', 'thm3.16.nonempty', 'reading.16.IK.infinity', 'reading.16.IK.zero-times-infinity', 'reading.16.K1.max-empty'] },
  { section: 'III-A', label: '(17)', kind: 'equation', quote: 'the W(t) in Corollary 2 satisfies ||W(t) - Yhat_k|| <= eps for all t in I_k', ids: ['thm3.18.reduction', 'text.ref.thm3.W'] },
  { section: 'III-A', kind: 'definition', quote: 'Yhat_k := argmin_{rank(Z)=k} ||Y - Z||_F is the best rank-k approximation of Y', ids: ['thm3.18.reduction', 'thm3.distinct-implied'] },
  { section: 'III-A', kind: 'step', quote: 'the log-ratio condition implies that for every 1 <= k <= K, I_k != empty', ids: ['thm3.16.nonempty', 'thm3.16.length'] },
  { section: 'III-A', kind: 'step', quote: 'Since Phi^T W(t) Phi and Phi^T Yhat_k Phi are diagonal, write (17) as (18)', ids: ['thm3.18.reduction'] },
  { section: 'III-A', label: '(18)', kind: 'equation', quote: '|sigma_{l,W}(t) - sigma_{l,Y}| <= eps for all l <= k, and |sigma_{l,W}(t)| <= eps for all l > k', ids: ['thm3.18.reduction'] },
  { section: 'III-A', label: '(19), first (*)', kind: 'step', quote: 'sigma_{l,Y} >(*) sigma_{l,W}(t)', ids: ['thm3.19.upper', 'just.thm3.19.upper'] },
  { section: 'III-A', label: '(19), second (*)', kind: 'step', quote: 'sigma_{l,W}(t) >=(*) sigma_{l,W}(log(C_eps/alpha)/(2 sigma_{l,Y}))', ids: ['thm3.19.time', 'thm3.19.monotone', 'just.thm3.monotone'] },
  { section: 'III-A', label: '(19), =(15)', kind: 'step', quote: '=(15) sigma_{l,Y} - (sigma_{l,Y} - C_eps sigma_{l,Y} sigma_{l,0} / (sigma_{l,Y} + (C_eps - alpha) sigma_{l,0}))', ids: ['thm3.19.eq1', 'text.ref.thm3.19-20'] },
  { section: 'III-A', label: '(19), second =', kind: 'step', quote: '= sigma_{l,Y} - sigma_{l,Y}^2 / ((sigma_{l,Y} - alpha sigma_{l,0}) + C_eps sigma_{l,0})', ids: ['thm3.19.eq2'] },
  { section: 'III-A', label: '(19), (star)', kind: 'step', quote: '>=(star) sigma_{l,Y} - sigma_{1,Y}^2 / (C_eps sigma_{l,0})', ids: ['thm3.19.star', 'just.thm3.19.star'] },
  { section: 'III-A', label: '(19), last >=', kind: 'step', quote: '>= sigma_{l,Y} - eps', ids: ['thm3.19.last'] },
  { section: 'III-A', label: '(20), first (*)', kind: 'step', quote: '0 <(*) sigma_{l,W}(t), for all k < l <= K', ids: ['thm3.20.positive', 'just.thm3.20.positive'] },
  { section: 'III-A', label: '(20), second (*)', kind: 'step', quote: 'sigma_{l,W}(t) <=(*) sigma_{l,W}(log(c_eps/alpha)/(2 sigma_{l,Y}))', ids: ['thm3.20.time', 'thm3.20.monotone', 'just.thm3.monotone'] },
  { section: 'III-A', label: '(20), =(14)', kind: 'step', quote: '=(14) c_eps sigma_{l,Y} sigma_{l,0} / ((sigma_{l,Y} - alpha sigma_{l,0}) + c_eps sigma_{l,0})', ids: ['thm3.20.eq', 'text.ref.thm3.19-20'] },
  { section: 'III-A', label: '(20), (star)', kind: 'step', quote: '<=(star) c_eps sigma_{l,0}', ids: ['thm3.20.star', 'just.thm3.20.star'] },
  { section: 'III-A', label: '(20), last <=', kind: 'step', quote: 'c_eps sigma_{l,0} <= eps', ids: ['thm3.20.last'] },
  { section: 'III-A', kind: 'claim', quote: 'where (*) uses the monotonicity of sigma_{i,W}(t)', ids: ['just.thm3.monotone', 'just.thm3.19.upper', 'just.thm3.20.positive'] },
  { section: 'III-A', kind: 'claim', quote: '(star) uses the fact that sigma_{l,Y} - alpha sigma_{l,0} >= 0, for all l <= K, derived from alpha <= c_eps', ids: ['thm3.star-premise', 'just.thm3.19.star', 'just.thm3.20.star'] },
  { section: 'III-A', kind: 'claim', quote: 'Lastly, since we have assumed alpha <= c_eps, we have for all l > K', ids: ['just.thm3.21'] },
  { section: 'III-A', label: '(21)', kind: 'equation', quote: '0 < sigma_{l,W}(t) = alpha sigma_{l,0} / (1 + 2 alpha sigma_{l,0} t) <= alpha sigma_{l,0} <= eps', ids: ['thm3.21.positive', 'thm3.21.bound', 'cor2.13.ode'] },
  { section: 'III-A', kind: 'citation', quote: 'With (19)(20)(21), the spectral bound in (18) is verified', ids: ['text.ref.thm3.18'] },
  { section: 'III-A', kind: 'claim', quote: 'By decreasing the initialization scale alpha, these time-scale separations become more prominent', ids: ['text.separation-grows'] },
  { section: 'III-A', kind: 'claim', quote: 'after one transitional phase concludes (t = log(C_eps/alpha)/(2 sigma_{k,Y})) and before another kicks in (t = log(c_eps/alpha)/(2 sigma_{k+1,Y}))', ids: ['thm3.15', 'thm3.14', 'thm3.16.length'] },
  { section: 'III-A', kind: 'claim', quote: 'Our Theorem exactly quantifies the scale needed to ensure the existence of such low-rank approximations', ids: ['thm3.alpha-max'] },
  { section: 'III-A', kind: 'claim', quote: 'from a dynamical system perspective, the incremental learning phenomenon comes from some time-scale separation among dynamics', ids: ['text.theta.inverse-proportional', 'thm3.16.length'] },
];

const sectionThreeB: readonly SweepItem[] = [
  { section: 'III-B', label: '(22)', kind: 'equation', quote: 'W~ dot = W~ Sigma_Y + Sigma_Y W~ - 2 W~^2, W~(0) = alpha W0~, ... where W0~ = Phi^T U0bar U0bar^T Phi', ids: ['text.sec3A.change-of-variables', 'reading.thm4.W0tilde-scaled'] },
  { section: 'III-B', kind: 'claim', quote: '(22) can no longer be decomposed into scalar dynamics', ids: ['text.22.coupled'] },
  { section: 'III-B', kind: 'claim', quote: 'the part in W~ that learns top-k singular components of Y has a faster time scale ... and the interval I_k again separates the two dynamics', ids: ['thm4.28.S1', 'thm4.28.S2', 'just.thm4.nonempty'] },
  { section: 'III-B', kind: 'citation', quote: 'By carefully partitioning the closed-form solution obtained in (1)', ids: ['text.ref.thm4.closed-form'] },
  { section: 'III-B', kind: 'definition', quote: 'Theorem 4: W0~ = Phi^T U0bar U0bar^T Phi has an inverse denoted by V', ids: ['reading.thm4.W0tilde-scaled', 'thm4.24'] },
  { section: 'III-B', kind: 'definition', quote: 'Given some error tolerance 0 < eps <= min{sigma_{K,Y}, 1}', ids: ['just.thm4.eps-sigma1', 'thm4.b.weaker'] },
  { section: 'III-B', kind: 'definition', quote: 'let c_eps = eps / (16 M^2), C_eps = 16 sigma_{1,Y}^2 M^2 / eps', ids: ['thm4.29.sqrt', 'text.thm4.resembles.c', 'text.thm4.resembles.C'] },
  { section: 'III-B', kind: 'definition', quote: 'where M := max{||V||, ||V^{-1}||}', ids: ['reading.thm4.M.frobenius', 'thm4.M-at-least-1', 'text.C1.M-delta'] },
  { section: 'III-B', kind: 'definition', quote: 'the log-ratio condition ... and alpha <= c_eps / M', ids: ['thm4.b', 'thm4.b.weaker', 'just.thm4.nonempty'] },
  { section: 'III-B', kind: 'citation', quote: 'the time intervals I_k defined in (16) are all non-empty, and the W(t) in Proposition 1 satisfies', ids: ['text.ref.thm4.statement', 'just.thm4.nonempty'] },
  { section: 'III-B', label: '(23)', kind: 'equation', quote: '||W(t) - Yhat_k|| <= eps, for all t in I_k', ids: ['thm4.27', 'thm4.H11.final', 'thm4.29', 'thm4.30'] },
  { section: 'III-B', kind: 'definition', quote: 'where Yhat_k := argmin_{rank(Z)=k} ||Y - Z||_F is the best rank-k approximation of Y (Theorem 4)', ids: ['thm4.27', 'thm3.18.reduction'] },
  { section: 'III-B', kind: 'step', quote: 'Similar to the proof of Theorem 3, our assumption on alpha ensures every I_k is non-empty', ids: ['just.thm4.nonempty'] },
  { section: 'III-B', label: '(24), first =', kind: 'step', quote: 'W~(t_k) = S(t_k) alpha W0~ (I_n + alpha G(t_k) W0~)^{-1} S^T(t_k), from (5) in Proposition 1', ids: ['thm4.24', 'text.ref.thm4.blocks', 'reading.thm4.W0tilde-scaled'] },
  { section: 'III-B', label: '(24)', kind: 'equation', quote: '=(W0~^{-1} = V) alpha S(t_k) (V + alpha G(t_k))^{-1} S^T(t_k)', ids: ['thm4.24', 'just.thm4.24.label'] },
  { section: 'III-B', kind: 'definition', quote: 'Sigma_k = diag{sigma_{l,Y}}_{l=1}^k, and Sigma_k^c = diag{sigma_{l,Y}}_{l=k+1}^K (note that Sigma_k^c can be an empty matrix)', ids: ['text.blocks.thm4.G-S', 'thm4.28.S2-identity-block'] },
  { section: 'III-B', kind: 'definition', quote: 'V = [V11 V12; V12^T V22], S(t_k) = [S1 0; 0 S2], G(t_k) = [G1 0; 0 G2], S1 = e^{Sigma_k t_k}, G1 = Sigma_k^{-1}(e^{2 Sigma_k t_k} - I_k), S2, G2', ids: ['text.blocks.thm4.G-S'] },
  { section: 'III-B', label: '(25)', kind: 'equation', quote: 'W~(t_k) = alpha [S1^{-1}(V11 + alpha G1) S1^{-1} ...]^{-1} = [H11 H12; H12^T H22]', ids: ['thm4.25.scaling', 'thm4.25.blocks', 'thm4.25.blocks.general'] },
  { section: 'III-B', kind: 'step', quote: 'H11 = ..., H12 = ..., H22 = ... (by the inverse formula for a block matrix)', ids: ['thm4.25.blocks', 'thm4.25.blocks.general', 'just.thm4.block-inverse'] },
  { section: 'III-B', label: '(26)', kind: 'equation', quote: '||W(t_k) - Yhat_k|| = ||Phi [H11 - Sigma_k, H12; H12^T, H22] Phi^T|| <= eps', ids: ['thm4.27', 'thm3.18.reduction'] },
  { section: 'III-B', label: '(27)', kind: 'equation', quote: 'Thus it suffices to show ||H11 - Sigma_k|| <= eps/4, ||H12|| <= eps/4, ||H22|| <= eps/4', ids: ['thm4.27'] },
  { section: 'III-B', kind: 'no-claim', quote: 'The rest of the proof is to show (27) holds, for which we start by deriving norm bounds on S1 and S2', ids: [], reason: 'a plan of the proof; each bound is an item below' },
  { section: 'III-B', kind: 'step', quote: 'S1^{-1} = e^{-Sigma_k t_k} <= e^{-Sigma_k log(C_eps/alpha)/(2 sigma_k)} <= e^{-log(C_eps/alpha)/2} I_k = sqrt(alpha/C_eps) I_k', ids: ['thm4.28.S1', 'text.blocks.28.S1'] },
  { section: 'III-B', kind: 'step', quote: 'similarly since e^{Sigma_k^c t_k} <= ... <= e^{log(c_eps/alpha)/2} I_k', ids: ['thm4.28.S2', 'text.blocks.28.S2'] },
  { section: 'III-B', kind: 'step', quote: 'we have S2 <= [sqrt(c_eps/alpha) I_{K-k} 0; 0 I_{n-K}]', ids: ['text.blocks.28.S2-bound', 'thm4.28.S2-identity-block'] },
  { section: 'III-B', label: '(28)', kind: 'equation', quote: '||S1^{-1}|| <= sqrt(alpha/C_eps), ||S2|| <= sqrt(c_eps/alpha)', ids: ['thm4.28.S1', 'thm4.28.S2', 'thm4.28.S2-identity-block'] },
  { section: 'III-B', label: 'H11, first =', kind: 'step', quote: 'V1~ := V11 - V12 (V22 + alpha G2)^{-1} V12^T, H11 = alpha S1 (V1~ + alpha G1)^{-1} S1 = (alpha^{-1} S1^{-1} V1~ S1^{-1} + S1^{-1} G1 S1^{-1})^{-1}', ids: ['thm4.H11.first'] },
  { section: 'III-B', label: 'H11, definition of Delta', kind: 'step', quote: '= (alpha^{-1} S1^{-1} V1~ S1^{-1} + S1^{-1} Sigma_k^{-1} S1^{-1} (:= Delta) + Sigma_k^{-1})^{-1}', ids: ['thm4.Delta'] },
  { section: 'III-B', kind: 'step', quote: '0 < V11 - V12 V22^{-1} V12^T <= V11 - V12 (V22 + alpha G2)^{-1} V12^T <= V11', ids: ['thm4.loewner.schur', 'thm4.loewner.middle', 'thm4.loewner.upper', 'thm4.loewner.general'] },
  { section: 'III-B', kind: 'step', quote: 'from which we know ||V1~|| <= ||V11||', ids: ['just.thm4.loewner-norm'] },
  { section: 'III-B', label: '(a)', kind: 'step', quote: '||V11|| <=(a) M', ids: ['thm4.a', 'just.thm4.a.submatrix'] },
  { section: 'III-B', kind: 'step', quote: 'Then by (28), ||Delta|| <= ||S1^{-1}||^2 ||V1~|| / alpha + ||S1^{-1}||^2 ||Sigma_k^{-1}|| <= (M + sigma_{K,Y}^{-1} alpha) / C_eps', ids: ['thm4.Delta.bound', 'text.ref.thm4.blocks'] },
  { section: 'III-B', label: '(b)', kind: 'step', quote: '(M + sigma_{K,Y}^{-1} alpha) / C_eps <=(b) 2M / C_eps', ids: ['thm4.b', 'thm4.b.weaker', 'thm4.M-at-least-1'] },
  { section: 'III-B', label: '(c)', kind: 'step', quote: 'As long as ||Sigma_k|| ||Delta|| <=(c) 1/2', ids: ['thm4.c'] },
  { section: 'III-B', label: 'H11 bound, [25]', kind: 'citation', quote: 'we have, from [25], ||H11 - Sigma_k|| = ||(Delta + Sigma_k^{-1})^{-1} - Sigma_k|| <= ||Sigma_k||^2 ||Delta|| / (1 - ||Sigma_k|| ||Delta||)', ids: ['thm4.H11.perturbation', 'just.thm4.from25', 'text.cite.25.perturbation'] },
  { section: 'III-B', kind: 'step', quote: '<= 2 sigma_{1,Y}^2 ||Delta|| <= 4 sigma_{1,Y}^2 M / C_eps <= eps/4', ids: ['thm4.H11.chain', 'thm4.H11.final'] },
  { section: 'III-B', kind: 'claim', quote: 'Since we have assumed eps <= sigma_{1,Y}, this also suggests ||H11|| <= ||Sigma_k|| + eps <= 2 sigma_{1,Y}', ids: ['thm4.H11.norm', 'just.thm4.eps-sigma1'] },
  { section: 'III-B', kind: 'claim', quote: 'we use the fact that ||(V22 + alpha G2)^{-1}|| <= ||V22^{-1}|| <=(a) M, and ||V12|| <=(a) M, together with (28)', ids: ['just.thm4.H12.fact', 'thm4.a'] },
  { section: 'III-B', label: '(29)', kind: 'equation', quote: '||H12|| <= ||H11|| ||S1^{-1}|| ||V12|| ||V22^{-1}|| ||S2|| <= 2 sigma_{1,Y} M^2 sqrt(c_eps/C_eps) = eps/8 <= eps/4', ids: ['thm4.29', 'thm4.29.sqrt', 'thm4.28.S1', 'thm4.28.S2', 'thm4.H11.norm'] },
  { section: 'III-B', label: '(30)', kind: 'equation', quote: '||H22|| <= alpha ||S2||^2 ||V22^{-1}|| + ||H12|| ||S1^{-1}|| ||V12|| ||V22^{-1}|| ||S2|| <= c_eps M + (eps/8) sqrt(c_eps/C_eps) M^2 <= eps/4', ids: ['thm4.30', 'thm4.28.S2'] },
  { section: 'III-B', kind: 'no-claim', quote: 'For the sake of readability, we omitted several arguments (a)(b)(c) used in the last part of the proof, and we explain them here', ids: [], reason: 'introduces the explanations (a)-(c), each an item' },
  { section: 'III-B', label: '(a)', kind: 'claim', quote: '(a): ||V11|| <= M, ||V12|| <= M because the norm of submatrix is bounded by that of the full matrix', ids: ['just.thm4.a.submatrix', 'thm4.a'] },
  { section: 'III-B', label: '(a)', kind: 'citation', quote: '(a): ||V22^{-1}|| <= M is due to the interlacing theorem [25] for principal submatrix', ids: ['just.thm4.a.interlacing', 'text.cite.25.interlacing'] },
  { section: 'III-B', label: '(b)', kind: 'claim', quote: '(b): we have sigma_{K,Y}^{-1} alpha <= sigma_{K,Y}^{-1} eps <= 1 <= M', ids: ['just.thm4.b', 'just.thm4.b.first-link', 'thm4.b', 'thm4.M-at-least-1'] },
  { section: 'III-B', label: '(c)', kind: 'claim', quote: '(c): with ||Delta|| <= 2M/C_eps, it is easy to verify that ||Sigma_k|| ||Delta|| <= sigma_{1,Y} ||Delta|| <= 1/2', ids: ['just.thm4.c', 'thm4.c'] },
  { section: 'III-B', kind: 'claim', quote: 'The incremental learning results in Theorem 4 resemble the one in Theorem 3 ... except for some differences in the definitions of c_eps, C_eps', ids: ['text.thm4.resembles.c', 'text.thm4.resembles.C'] },
  { section: 'III-B', kind: 'no-claim', quote: 'which provides guidance on how to utilize these results to design training algorithms ... by early stopping; the proof ... might serve as a basis for broader settings', ids: [], reason: 'an outlook, not a mathematical statement' },
];

const remarksAndConclusion: readonly SweepItem[] = [
  { section: 'III-C1', kind: 'no-claim', quote: 'U0bar whose entries are i.i.d. samples from a standard Gaussian ... requires an extra concentration results on W0bar = U0bar U0bar^T', ids: [], reason: 'sets up the remark; the concentration result is assumed, not claimed' },
  { section: 'III-C1', kind: 'claim', quote: 'If ... P(max{||W0bar||, ||W0bar^{-1}||} <= M_delta) >= 1 - delta, then one can define c_eps, C_eps by M_delta and find initialization scale alpha accordingly', ids: ['text.C1.M-delta', 'text.C1.monotone'] },
  { section: 'III-C1', kind: 'citation', quote: 'Theorem 4 suggests that the incremental learning phenomenon as described by (23) happens with probability at least 1 - delta', ids: ['text.ref.C1.23', 'text.C1.monotone'] },
  { section: 'III-C2', kind: 'claim', quote: 'W0~ is invertible. This is satisfied if r < n when W0~ is always rank-deficient', ids: ['text.C2.satisfied'] },
  { section: 'III-C2', kind: 'citation', quote: 'analyze W~(t_k) = S(t_k) alpha W0~ (I_n + alpha G(t_k) W0~)^{-1} S^T(t_k) directly in (24)', ids: ['text.ref.remark.24'] },
  { section: 'III-C2', kind: 'step', quote: "With Woodbury's matrix identity, one rewrite W~(t_k) as alpha S U~ (I - U~^T G U~ (I + alpha U~^T G U~)^{-1}) U~^T S, where U~ = Phi^T U0bar", ids: ['rem2.woodbury', 'rem2.woodbury.n3r2', 'rem2.woodbury.general'] },
  { section: 'III-C2', kind: 'no-claim', quote: 'Detailed analysis on U~^T G(t_k) U~ leads to similar results as Theorem 4, which is left to future work', ids: [], reason: 'announced as future work, with no statement to check' },
  { section: 'IV', kind: 'claim', quote: 'the incremental learning phenomenon comes from some time-scale separation ...; by decreasing the initialization scale, these time-scale separations become more prominent', ids: ['text.separation-grows', 'text.theta.inverse-proportional'] },
  { section: 'IV', kind: 'claim', quote: '[15] shows that if the factors are initialized to satisfy some balancedness conditions, then the learning dynamics can be related to GF on a symmetric factorization problem', ids: ['text.sec4.balance-conserved', 'text.sec4.symmetric-form', 'sec4.asym.imbalance.m2n3r2', 'sec4.asym.block.m2n3r2'] },
  { section: 'IV', kind: 'claim', quote: 'under a small scale, any initialization is close to one that satisfies such balancedness conditions', ids: ['text.sec4.small-scale'] },
  { section: 'IV', kind: 'claim', quote: 'the analysis for general initialization can be viewed as analyzing perturbed dynamics from a nominal dynamics with closed-form solution', ids: ['sec4.asym.lift.m1n2r2', 'sec4.asym.lift.m2n1r1', 'sec4.asym.riccati.m1n2r1', 'sec4.asym.riccati.m2n1r1'] },
];

/** The sweep, in the paper's order. */
export const sweep: readonly SweepItem[] = [...sectionTwo, ...sectionThreeA, ...sectionThreeB, ...remarksAndConclusion];
