/**
 * The `factorflow` command: `verify` runs the verification suites and prints one report;
 * `plan`, `certify` and `trajectory` apply @factorflow/core to matrices read from files; `symbolic` runs
 * the catalog of @factorflow/symbolic; `udv` runs the U D V^T experiments.
 */
import { UsageError } from './options.js';
import { type Command, exitStatus, packageVersion } from './program.js';

/** Each command is loaded on use: the symbolic catalog alone takes longer to load than `plan` takes to run. */
const LOADERS = {
  verify: async () => (await import('./commands/verify.js')).verify,
  plan: async () => (await import('./commands/plan.js')).plan,
  certify: async () => (await import('./commands/certify.js')).certify,
  trajectory: async () => (await import('./commands/trajectory.js')).trajectory,
  symbolic: async () => (await import('./commands/symbolic.js')).symbolic,
  udv: async () => (await import('./commands/udv.js')).udv,
} satisfies Record<string, () => Promise<Command>>;

/** Each command's line in the help, in the order listed there; the type asks for one per command. */
const SUMMARIES: Record<keyof typeof LOADERS, string> = {
  verify: 'run the randomized verification suites and print the report',
  plan: 'Theorem 3/4 planner (alpha_max, I_k, hypotheses) next to the measured windows',
  certify: 'certified windows (||W(t) - Y_hat_k|| <= eps proved) next to I_k and the measured ones; certifiedAlphaMax',
  trajectory: 'W(t) and its eigenvalues by the closed form, the ODE or gradient descent',
  symbolic: 'the symbolic catalog: a verdict for every equation and proof step (@factorflow/symbolic)',
  udv: 'the U D V^T model of Hou, Sra & Yurtsever (2025): one run, the sweep, the network experiment',
};

const NAMES = Object.keys(SUMMARIES) as (keyof typeof LOADERS)[];

const HELP = `factorflow: executable checks of Min & Vidal (2025), gradient flow on symmetric matrix factorization

Usage: factorflow <command> [options]

Commands:
${NAMES.map((name) => `  ${name.padEnd(13)}${SUMMARIES[name]}`).join('\n')}

Run 'factorflow <command> --help' for a command's options; 'factorflow --version' prints the version.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = NAMES.find((candidate) => candidate === name);
  return exitStatus('factorflow', command === undefined ? 'factorflow' : `factorflow ${name}`, async () => {
    if (command !== undefined) return (await LOADERS[command]()).run(rest);
    if (name === '--version' || name === '-V') {
      console.log(`factorflow ${packageVersion()}`);
      return 0;
    }
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      console.log(HELP);
      return 0;
    }
    throw new UsageError(`unknown command '${name}'; the commands are ${NAMES.join(', ')}`);
  });
}

process.exitCode = await main(process.argv.slice(2));
