/**
 * The robustness contract fails where it should: functions with each kind of breach, checked
 * with the runner every robustness suite uses, must be reported, and reported by name.
 */
import { describe, expect, it } from 'vitest';

import { FactorflowInputError } from '../errors.js';
import { type RobustnessSpec, checkRobustness, robustnessCoverage, runWithinBudget } from './robustness.js';

const spec: RobustnessSpec = { parameters: ['x'], valid: () => [2] };

/** The message checkRobustness rejects with, or '' when the function keeps the contract. */
async function breach(fn: (...args: never[]) => unknown, overrides: Partial<RobustnessSpec> = {}, budgetMs = 1000): Promise<string> {
  try {
    await checkRobustness('f', fn, { ...spec, ...overrides }, { budgetMs });
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

/** A function that refuses everything but a finite number >= 0, as the contract asks. */
function sqrt(x: number): number {
  if (typeof x !== 'number' || !(x >= 0) || !Number.isFinite(x)) throw new FactorflowInputError('out-of-range', 'x', `must be a finite number >= 0, got ${String(x)}.`);
  return Math.sqrt(x);
}

describe('checkRobustness', () => {
  it('passes a function that keeps the contract', async () => {
    expect(await breach(sqrt as (...args: never[]) => unknown)).toBe('');
  });

  it('reports an untyped error with the call and the variant', async () => {
    const message = await breach(((x: { length: number }) => x.length) as (...args: never[]) => unknown);
    expect(message).toMatch(/f\(null\) \[null at x\]: threw TypeError/);
  });

  it('reports a NaN in a result, and a malformed input that was accepted', async () => {
    expect(await breach(((x: number) => Math.sqrt(x)) as (...args: never[]) => unknown)).toMatch(/returned a non-finite number: the result is NaN/);
    expect(await breach(((x: unknown) => (x === null ? 0 : sqrt(x as number))) as (...args: never[]) => unknown)).toMatch(/accepted null at x and returned 0/);
  });

  it('reports a typed error that names something else, or does not say what to do', async () => {
    const elsewhere = (x: number) => {
      if (x !== 2) throw new FactorflowInputError('out-of-range', 'y', 'must be 2.');
      return x;
    };
    expect(await breach(elsewhere as (...args: never[]) => unknown)).toMatch(/the error names 'y', which is not one of x/);
    const mute = (x: number) => {
      if (x !== 2) throw new FactorflowInputError('out-of-range', 'x', 'is wrong.');
      return x;
    };
    expect(await breach(mute as (...args: never[]) => unknown)).toMatch(/does not say what to do/);
  });

  it('interrupts a synchronous hang at the budget', async () => {
    // Loops forever on a negative number only, so that few trials spend the budget.
    const hang = (x: number) => {
      while (x < 0) x -= 0;
      return sqrt(x);
    };
    const started = performance.now();
    expect(await breach(hang as (...args: never[]) => unknown, {}, 100)).toMatch(/no answer within 100 ms/);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(runWithinBudget(() => hang(-1), 50)).toEqual({ kind: 'timeout' });
  });

  it('gives the seed of a failing random trial', async () => {
    // Fails only on rescaled values (2 times 1e-11 or below), which the random phase draws and no fixed trial holds.
    const small = (x: number) => (typeof x === 'number' && x > 5e-324 && x < 1e-10 ? Number.NaN : sqrt(x));
    expect(await breach(small as (...args: never[]) => unknown)).toMatch(/seed: 20251124/);
  });

  it('holds a pending issue to still failing, and to naming a fixed trial', async () => {
    const pending = [{ reason: 'elsewhere', fixed: ['null at x'] }];
    expect(await breach(sqrt as (...args: never[]) => unknown, { pending })).toMatch(/listed as pending \(elsewhere\) but keeps the contract now; remove it/);
    expect(await breach(sqrt as (...args: never[]) => unknown, { pending: [{ reason: 'elsewhere', fixed: ['no such variant'] }] })).toMatch(/no fixed trial has that name/);
  });
});

describe('robustnessCoverage', () => {
  it('lists exports without a spec, specs of nothing exported, and exclusions without a reason', () => {
    const module = { f: () => 1, g: () => 2, h: () => 3, CONSTANT: 4 };
    expect(robustnessCoverage(module, { f: spec, gone: spec }, { h: 'short' })).toEqual({ missing: ['g'], stale: ['gone'], unexplained: ['h'] });
  });
});
