/** Assertions on the typed errors of the public boundary, shared by the tests. */
import { expect } from 'vitest';

import { type FactorflowErrorCode, FactorflowInputError, FactorflowNumericalError } from '../errors.js';

/**
 * The error of type `kind` (default FactorflowInputError) that `action` throws; fails the test
 * when it throws nothing or something else.
 */
export function thrown<Kind extends FactorflowInputError | FactorflowNumericalError = FactorflowInputError>(
  action: () => unknown,
  kind: new (...args: never[]) => Kind = FactorflowInputError as unknown as new (...args: never[]) => Kind,
): Kind {
  try {
    action();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected a ${kind.name}, nothing was thrown`);
}

/** Each call throws a FactorflowInputError with the paired code. */
export function expectInputErrors(cases: readonly (readonly [() => unknown, FactorflowErrorCode])[]): void {
  for (const [call, code] of cases) expect(thrown(call).code).toBe(code);
}
