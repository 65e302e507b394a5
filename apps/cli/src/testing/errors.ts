/** Test helpers (not built) for the errors the readers throw. */
import { MatrixFileError, type MatrixFileReason } from '../matrixFile/errors.js';

/** The error of class `type` that `action` throws; throws (failing the test) when it throws nothing or another error. */
export function thrown<E extends Error>(action: () => unknown, type: abstract new (...args: never[]) => E): E {
  try {
    action();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}, but nothing was thrown`);
}

/** The `fail` a format reader gets, for a file named `file` given to `--Y`. */
export function failFor(file: string): (reason: MatrixFileReason, detail: string) => never {
  return (reason, detail) => {
    throw new MatrixFileError(file, reason, '--Y', detail);
  };
}
