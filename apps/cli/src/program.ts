/**
 * How both bins end: bad usage and bad input exit 2 with one line naming the problem (and, for
 * usage, the help to read), because the user can fix them; a numerical failure on valid input
 * (a diverging step size, an exhausted step budget) exits 1 with one line saying which setting to
 * change; anything else is a bug and exits 1 with its stack.
 */
import { FactorflowInputError, FactorflowNumericalError } from '@factorflow/core';

import { MatrixFileError } from './matrixFile.js';
import { UsageError } from './options.js';

/** What every command module provides: its help, and a run that returns the exit status. */
export interface Command {
  help(): string;
  run(args: string[]): number | Promise<number>;
}

/**
 * Runs `action` and turns its errors into messages and exit statuses.
 *
 * @param program - prefix of error messages, e.g. `factorflow`.
 * @param helpCommand - the command whose `--help` a usage error points at, e.g. `factorflow plan`.
 * @returns 0 or 1 from `action`; 2 on a usage or input error; 1 on a numerical failure or any other error.
 */
export async function exitStatus(program: string, helpCommand: string, action: () => number | Promise<number>): Promise<number> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      console.error(`${program}: ${error.message}\nRun '${helpCommand} --help' for usage.`);
      return 2;
    }
    if (error instanceof MatrixFileError || error instanceof FactorflowInputError) {
      console.error(`${program}: ${error.message}`);
      return 2;
    }
    if (error instanceof FactorflowNumericalError) {
      console.error(`${program}: numerical failure (${error.code}): ${error.message}`);
      return 1;
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
}

/** node:util parseArgs reports bad usage (a missing value, a flag given one) as a TypeError with an ERR_PARSE_ARGS_* code. */
function isParseArgsError(error: unknown): error is TypeError {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}
