/**
 * The `factorflow` command: `verify` runs the verification suites and prints one report;
 * `plan` and `trajectory` apply @factorflow/core to matrices read from files; `symbolic` runs
 * the catalog of @factorflow/symbolic; `udv` runs the U D V^T experiments.
 */
import { UsageError } from './options.js';
import { type Command, exitStatus } from './program.js';

/** Each command is loaded on use: the symbolic catalog alone takes longer to load than `plan` takes to run. */
const COMMANDS: readonly { readonly name: string; readonly summary: string; readonly load: () => Promise<Command> }[] = [
  {
    name: 'verify',
    summary: 'run the randomized verification suites and print the report',
    load: async () => (await import('./commands/verify.js')).verify,
  },
  {
    name: 'plan',
    summary: 'Theorem 3/4 planner (alpha_max, I_k, hypotheses) next to the measured windows',
    load: async () => (await import('./commands/plan.js')).plan,
  },
  {
    name: 'trajectory',
    summary: 'W(t) and its eigenvalues by the closed form, the ODE or gradient descent',
    load: async () => (await import('./commands/trajectory.js')).trajectory,
  },
  {
    name: 'symbolic',
    summary: 'the symbolic catalog: a verdict for every equation and proof step (@factorflow/symbolic)',
    load: async () => (await import('./commands/symbolic.js')).symbolic,
  },
  {
    name: 'udv',
    summary: 'the U D V^T model of Hou, Sra & Yurtsever (2025): one run, the sweep, the network experiment',
    load: async () => (await import('./commands/udv.js')).udv,
  },
];

const HELP = `factorflow: executable checks of Min & Vidal (2025), gradient flow on symmetric matrix factorization

Usage: factorflow <command> [options]

Commands:
${COMMANDS.map(({ name, summary }) => `  ${name.padEnd(13)}${summary}`).join('\n')}

Run 'factorflow <command> --help' for a command's options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = COMMANDS.find((candidate) => candidate.name === name);
  return exitStatus('factorflow', command === undefined ? 'factorflow' : `factorflow ${name}`, async () => {
    if (command !== undefined) return (await command.load()).run(rest);
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      console.log(HELP);
      return 0;
    }
    throw new UsageError(`unknown command '${name}'; the commands are ${COMMANDS.map((candidate) => candidate.name).join(', ')}`);
  });
}

process.exitCode = await main(process.argv.slice(2));
