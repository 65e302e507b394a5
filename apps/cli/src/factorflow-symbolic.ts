/** The `factorflow-symbolic` command: the symbolic catalog alone, as `factorflow symbolic`. */
import { symbolic } from './commands/symbolic.js';
import { exitStatus, packageVersion } from './program.js';

const args = process.argv.slice(2);
process.exitCode = await exitStatus('factorflow-symbolic', 'factorflow-symbolic', () => {
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    console.log(`factorflow-symbolic ${packageVersion()}`);
    return 0;
  }
  return symbolic.run(args);
});
