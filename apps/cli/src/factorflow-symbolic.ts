/** The `factorflow-symbolic` command: the symbolic catalog alone, as `factorflow symbolic`. */
import { symbolic } from './commands/symbolic.js';
import { exitStatus } from './program.js';

process.exitCode = await exitStatus('factorflow-symbolic', 'factorflow-symbolic', () => symbolic.run(process.argv.slice(2)));
