import { describe, expect, it } from 'vitest';

import { runCheck } from './check.js';

const base = { kind: 'reference' as const, about: 'the closed form', source: 'entry x' };

describe('reference checks', () => {
  it('hold when the cited label is the one the data give, and fail otherwise', () => {
    expect(runCheck({ ...base, cited: '(5)', actual: '(5)' }, 1).verdict).toBe('holds');
    const wrong = runCheck({ ...base, cited: '(1)', actual: '(5)' }, 1);
    expect(wrong.verdict).toBe('fails');
    expect(wrong.routes.reading).toContain('the paper has (1); entry x gives (5)');
  });

  it('say that they are a reading, never a proof', () => {
    expect(runCheck({ ...base, cited: 'I_k', actual: 'I_k' }, 1).method).toMatch(/^reading .*not a proof/);
  });

  it('reject a missing label', () => {
    expect(() => runCheck({ ...base, cited: '(5)' } as never, 1)).toThrow(/check.actual/);
  });
});
