/**
 * The entries added to finish issue 17 (reasons of Theorem 4, external citations, the "for all t"
 * of Proposition 1, Remark III-C1, the Theta wording, (22)): verdicts, the one new counterexample
 * recomputed here in BigInt, and negative controls showing that each proof depends on the
 * hypothesis it is about.
 */
import { describe, expect, it } from 'vitest';

import { runCheck } from '../check.js';
import type { InequalityCheck } from '../check.js';
import { identityOf, inverted, product, scaled, sum } from '../exactMatrix.js';
import { sym } from '../expr.js';
import type { NoncommutativeCheck } from '../noncommutativeCheck.js';
import { runEntry } from '../runner.js';
import { catalog } from './index.js';
import { reasonCCheck } from './reasons.js';

const SEED = 20251124;
const entry = (id: string) => {
  const found = catalog.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
};

describe('the stated reasons of Theorem 4', () => {
  it.each(['just.thm4.b', 'just.thm4.b.first-link', 'just.thm4.c', 'just.thm4.from25', 'just.thm4.24.label'])('%s: the reason implies the step (holds)', (id) => {
    const result = runEntry(id, SEED);
    expect(result.checkerBug, id).toBeUndefined();
    expect(result.verdict, `${id}: ${JSON.stringify(result.routes)}`).toBe('holds');
    expect(result.category).toBe('justification');
  });

  it('(c): with eps no longer below sigma_1 the reason alone does not give 1/2, so the entry really uses eps <= sigma_1', () => {
    expect(runCheck(reasonCCheck(sym('eps'), { eps: 'positive' }), SEED).verdict).toBe('fails');
  });

  it('the label (W0~^{-1} = V): at instances where W0~ is not V^{-1}, the two sides differ', () => {
    const check = entry('just.thm4.24.label').check as NoncommutativeCheck;
    const broken: NoncommutativeCheck = {
      ...check,
      instance: (uniform) => {
        const instance = check.instance(uniform);
        const [n] = instance.sizes;
        const { V, G } = instance.letters;
        // W0~ := V + I, positive definite but not V^{-1}; Q keeps its definition (I + alpha G W0~)^{-1}.
        const W = sum(V, identityOf(n));
        const Q = inverted(sum(identityOf(n), scaled(product(G, W), instance.scalars['alpha'])));
        return { ...instance, letters: { ...instance.letters, W, Q } };
      },
    };
    const result = runCheck(broken, SEED);
    expect(result.verdict).not.toBe('holds');
    expect(result.routes['exact']).toMatch(/differ/);
  });

  it('the label (W0~^{-1} = V): without its relations (W V = V W = I and Q V = V - alpha Q G) the rewriting does not reach 0', () => {
    const check = entry('just.thm4.24.label').check as NoncommutativeCheck;
    const usesLabel = (rule: NoncommutativeCheck['rules'][number]) => rule.lhs.join(' ') === 'W V' || rule.lhs.join(' ') === 'V W' || rule.lhs.join(' ') === 'Q V';
    expect(check.rules.filter(usesLabel)).toHaveLength(3);
    const result = runCheck({ ...check, rules: check.rules.filter((rule) => !usesLabel(rule)) }, SEED);
    expect(result.routes['symbolic']).toMatch(/non-zero normal form/);
  });
});

describe('Proposition 1: "X1(t) is invertible for all t"', () => {
  it('fails at t = -ln(2)/2 for Y = 1, W0 = 2, recomputed in BigInt; the correction (t >= 0) holds', () => {
    const result = runEntry('text.prop1.forall-t', SEED);
    expect(result.verdict).toBe('fails');
    expect(result.correction?.verdict).toBe('holds');
    const { sigma, w0, u } = result.counterexample ?? {};
    expect([sigma, w0, u]).toEqual(['1', '2', '1/2']);
    // e^{sigma t} X1 = 1 + (u - 1) w0 / sigma with u = 1/2, w0 = 2, sigma = 1: 2 + (1 - 2) * 2 = 0 (in halves).
    const [un, ud, w, s] = [1n, 2n, 2n, 1n];
    expect(ud * s + (un - ud) * w).toBe(0n);
    // u = e^{2 sigma t} < 1 means t < 0: the hypothesis of Proposition 1 (W0 >= 0, Y >= 0) holds, the time is negative.
    expect(un < ud).toBe(true);
  });
});

describe('citations, Remark III-C1, the Theta wording and (22)', () => {
  it.each([
    ['text.cite.23-24.lti', 'reading'],
    ['text.cite.24.cor1', 'reading'],
    ['text.cite.25.interlacing', 'symbolic sign analysis'],
    ['text.cite.25.perturbation', 'symbolic sign analysis'],
    ['text.ref.C1.23', 'reading'],
    ['text.C1.monotone', 'symbolic sign analysis'],
    ['text.theta.ends', 'nerdamer limit'],
    ['text.theta.width', 'symbolic'],
    ['text.theta.inverse-proportional', 'symbolic'],
    ['text.22.coupled', 'symbolic'],
  ])('%s holds (%s)', (id, method) => {
    const result = runEntry(id, SEED);
    expect(result.checkerBug, id).toBeUndefined();
    expect(result.verdict, `${id}: ${JSON.stringify(result.routes)}`).toBe('holds');
    expect(result.method, id).toContain(method);
    expect(result.category).toBe('text');
  });

  it('the Theta limit is 1/2 and not another constant: the same check with expected 1 fails', () => {
    const check = entry('text.theta.ends').check;
    if (check.kind !== 'limit') throw new Error('limit check expected');
    expect(runCheck({ ...check, expected: '1', evaluateExpected: () => 1 }, SEED).verdict).toBe('fails');
  });

  it('the [25] bound in the 1 x 1 case needs (c): with sigma delta up to 2 the search refutes it', () => {
    const check = entry('text.cite.25.perturbation').check as InequalityCheck;
    const beyond = runCheck({ ...check, domains: { s: 'positive', delta: 'positive' }, substitutions: {} }, SEED);
    expect(beyond.verdict).toBe('fails');
  });
});
