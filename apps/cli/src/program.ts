/**
 * How a command runs: its option table parsed (or its help printed) before it acts, the same way
 * in every command. How both bins end: bad usage and bad input exit 2 with one line naming the problem (and, for
 * usage, the help to read), because the user can fix them; a numerical failure on valid input
 * (a diverging step size, an exhausted step budget) exits 1 with one line saying which setting to
 * change; anything else is a bug and exits 1 with its stack.
 */
import { readFileSync } from 'node:fs';

import { FactorflowInputError, FactorflowNumericalError } from '@factorflow/core';
import { InputError } from '@factorflow/harness';

import { ReaderGoneError, type SchemaTag, tagged } from './json.js';
import { MatrixFileError } from './matrixFile/index.js';
import { type CommandSpec, JSON_OPTION, type ParsedOptions, UsageError, parse, tableHelp } from './options.js';
import { type ResultLayout, outOption, resultTargets, writeResults } from './resultFile/index.js';

/** What every command module provides: its help, and a run that returns the exit status. */
export interface Command {
  help(): string;
  run(args: string[]): number | Promise<number>;
}

/** What a command does with its parsed options: the exit status. */
type Action<Name extends string> = (options: ParsedOptions<Name>) => number | Promise<number>;

/**
 * Parses `args` by `spec` and runs `action` on the options; `--help` prints `help()` instead and
 * checks nothing else.
 *
 * @returns the exit status: `action`'s, or 0 after the help.
 * @throws UsageError on bad usage, before `action` runs.
 */
export function runParsed<Name extends string>(spec: CommandSpec<Name>, args: string[], help: () => string, action: Action<Name>): number | Promise<number> {
  const options = parse(spec, args);
  if (options.help) {
    console.log(help());
    return 0;
  }
  return action(options);
}

/** The {@link Command} of one option table: its help, and {@link runParsed} on the arguments. */
export function command<Name extends string>(spec: CommandSpec<Name>, help: () => string, action: Action<Name>): Command {
  return { help, run: (args) => runParsed(spec, args, help, action) };
}

/**
 * A command that computes one report from its options and prints it: under `--json`, which it adds
 * to the end of the table, as JSON tagged `schema` (or the tag `schema` gives the report, for a
 * command whose options choose between two formats); else as the text of `format`. The exit status
 * is 0. With a `layout`, it also takes `--out FILE` (before `--json`) and writes the report there
 * as well (a `.json` file holds the same tagged JSON). Its help is the table alone, descriptions
 * from `column` on.
 */
export function reportCommand<Name extends string, Report extends object>(
  spec: CommandSpec<Name>,
  column: number,
  schema: SchemaTag | ((report: Report) => SchemaTag),
  format: (report: Report) => string,
  compute: (options: ParsedOptions<Name>) => Report,
  layout?: ResultLayout<Report>,
): Command {
  const extra = layout === undefined ? [JSON_OPTION] : [outOption(layout), JSON_OPTION];
  const full: CommandSpec<Name | 'out' | 'json'> = { ...spec, options: [...spec.options, ...extra] };
  return command(full, () => tableHelp(full, column), (options) => {
    const targets = resultTargets(options.list('out'));
    const report = compute(options);
    const json = JSON.stringify(tagged(typeof schema === 'function' ? schema(report) : schema, report), null, 2);
    if (layout !== undefined) writeResults(targets, report, json, layout);
    console.log(options.flag('json') ? json : format(report));
    return 0;
  });
}

/**
 * Runs `action` and turns its errors into messages and exit statuses.
 *
 * @param program - prefix of error messages, e.g. `factorflow`.
 * @param helpCommand - the command whose `--help` a usage error points at, e.g. `factorflow plan`.
 * @returns 0 or 1 from `action`; 2 on a usage or input error; 1 on a numerical failure or any other
 *   error; 0 when the reader of a stream closed stdout.
 */
export async function exitStatus(program: string, helpCommand: string, action: () => number | Promise<number>): Promise<number> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      console.error(`${program}: ${error.message}\nRun '${helpCommand} --help' for usage.`);
      return 2;
    }
    if (error instanceof MatrixFileError || error instanceof FactorflowInputError || error instanceof InputError) {
      console.error(`${program}: ${error.message}`);
      return 2;
    }
    if (error instanceof ReaderGoneError) {
      // As `yes | head` ends quietly: the reader took what it wanted. Its EPIPE is still to be
      // emitted on stdout, and an error event without a listener would crash the process.
      process.stdout.on('error', () => undefined);
      return 0;
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

/** The version of @factorflow/cli, from its package.json (one level above both src/ and dist/). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
