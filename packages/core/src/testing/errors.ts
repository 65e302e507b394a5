/**
 * Assertions on the typed errors of the public boundary, shared by the tests. They throw plain
 * errors rather than calling vitest's `expect`, so that importing `@factorflow/core/testing` (as the
 * verification suites do at run time) does not load a test runner.
 */
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
  cases.forEach(([call, code], index) => {
    const error = thrown(call);
    if (error.code !== code) {
      throw new Error(`case ${index}: expected a FactorflowInputError with code '${code}', got '${error.code}': ${error.message}`);
    }
  });
}
