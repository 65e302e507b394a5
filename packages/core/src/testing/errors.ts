/** Assertions on the typed errors of the public boundary, shared by the tests. */
import { expect } from 'vitest';

import { type FactorflowErrorCode, FactorflowInputError } from '../errors.js';

/** The FactorflowInputError `action` throws; fails the test when it throws nothing or something else. */
export function thrown(action: () => unknown): FactorflowInputError {
  try {
    action();
  } catch (error) {
    if (error instanceof FactorflowInputError) return error;
    throw error;
  }
  throw new Error('expected a FactorflowInputError, nothing was thrown');
}

/** Each call throws a FactorflowInputError with the paired code. */
export function expectInputErrors(cases: readonly (readonly [() => unknown, FactorflowErrorCode])[]): void {
  for (const [call, code] of cases) expect(thrown(call).code).toBe(code);
}
