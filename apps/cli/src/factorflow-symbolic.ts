/** The `factorflow-symbolic` command: the symbolic catalog alone, as `factorflow symbolic`. */
import { symbolicCommand } from './commands/symbolic.js';

symbolicCommand(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
