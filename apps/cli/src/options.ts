/**
 * Command-line options as data. Each command declares one table of options, and that table drives
 * both `node:util` parseArgs and the help text (usage line and option list), so what the help
 * promises and what the parser accepts cannot drift apart.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** One value of an option that takes a fixed set of values. */
interface Choice {
  readonly value: string;
  /** Shown in parentheses after the value in the help. */
  readonly description?: string;
}

/** One option of a command: its parsing and its line in the help. */
export interface OptionSpec<Name extends string = string> {
  /** Spelled `--name` on the command line. */
  readonly name: Name;
  /** Name of the value in the help (`FILE`, `N`); absent for a flag, which takes no value. */
  readonly value?: string;
  /**
   * The help text. `{default}` is replaced by the default; without it a default is appended as
   * ` (default X)`, or ` (default: X)` for a `defaultText`.
   */
  readonly description: string;
  /** Default as it would be typed: parseArgs supplies it when the option is absent, and it goes through the same checks. */
  readonly default?: string | readonly string[];
  /** A default the command computes at run time, described for the help (e.g. `the number of cores`). */
  readonly defaultText?: string;
  /** May be given more than once; the usage line marks it `...`. */
  readonly repeatable?: boolean;
  /** Must be given; the usage line shows it without brackets. */
  readonly required?: boolean;
  /** The accepted values; any other is a usage error. Listed in the usage line and, with their descriptions, in the help. */
  readonly choices?: readonly Choice[];
  /** The value as the usage line shows it, when not the value name or the choices (e.g. `A|data`). */
  readonly synopsis?: string;
}

/**
 * An option that takes one of a fixed set of values, `initial` when absent. `choices` maps each
 * value to its note in the help (`undefined` for none), in the order the help lists them.
 */
export function choiceOption<Name extends string>(
  name: Name,
  value: string,
  initial: string,
  choices: Readonly<Record<string, string | undefined>>,
): OptionSpec<Name> {
  return { name, value, default: initial, description: '', choices: Object.entries(choices).map(([choice, note]) => ({ value: choice, description: note })) };
}

/** `--json` where the command's output is otherwise text for people. */
export const JSON_OPTION: OptionSpec<'json'> = { name: 'json', description: 'machine-readable output' };

/** A command's options and how its usage line is laid out. */
export interface CommandSpec<Name extends string = string> {
  /** How the usage line names the command, e.g. `factorflow udv sweep`. */
  readonly program: string;
  readonly options: readonly OptionSpec<Name>[];
  /** Options before which the usage line breaks, for a usage too long for one line. */
  readonly breakBefore?: readonly Name[];
}

/** Bad usage: the command exits with status 2 and points at its help. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A check of a numeric option, with the phrase that names what it expects. */
export interface NumberRule {
  readonly test: (value: number) => boolean;
  /** Completes `--name expects ...`, e.g. `a positive integer`. */
  readonly expected: string;
}

export const POSITIVE_INTEGER: NumberRule = { test: (x) => Number.isInteger(x) && x > 0, expected: 'a positive integer' };
export const POSITIVE: NumberRule = { test: (x) => x > 0, expected: 'a number > 0' };
export const NON_NEGATIVE: NumberRule = { test: (x) => x >= 0, expected: 'a number >= 0' };
export const SEED: NumberRule = { test: (x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32, expected: 'an integer in [0, 2^32)' };

/** An integer in [min, max], named as such. */
export function integerIn(min: number, max: number): NumberRule {
  return { test: (x) => Number.isInteger(x) && x >= min && x <= max, expected: `an integer in [${min}, ${max}]` };
}

/** The parsed command line, read through the option table. */
export interface ParsedOptions<Name extends string> {
  /** `--help` or `-h` was given: print the help and do nothing else. */
  readonly help: boolean;
  string(name: Name): string | undefined;
  /** A required option's value (parse has already checked it is there). */
  required(name: Name): string;
  /** Every value of a repeatable option, or its default. */
  list(name: Name): string[];
  flag(name: Name): boolean;
  /** The value as a finite number satisfying `rule`; `undefined` when absent without default. */
  number(name: Name, rule: NumberRule): number | undefined;
  /** {@link number} for an option that always has a value: required, or with a default. */
  requiredNumber(name: Name, rule: NumberRule): number;
}

/**
 * Parses `args` with the table: unknown options, missing values, values outside `choices` and
 * missing required options are usage errors naming the option and the fix.
 *
 * @throws UsageError on bad usage (not when `--help` is given: then nothing else is checked).
 */
export function parse<Name extends string>(spec: CommandSpec<Name>, rawArgs: string[]): ParsedOptions<Name> {
  const args = negativeValuesJoined(spec, rawArgs);
  const config: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const option of spec.options) {
    config[option.name] = {
      type: option.value === undefined ? 'boolean' : 'string',
      multiple: option.repeatable ?? false,
      ...(option.default === undefined ? {} : { default: option.repeatable ? [option.default].flat() : (option.default as string) }),
    };
  }
  const { tokens } = parseArgs({ args, options: config, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'option' && !Object.hasOwn(config, token.name)) throw new UsageError(unknownOption(spec, token.rawName));
    if (token.kind === 'positional') throw new UsageError(`unexpected argument '${token.value}': this command takes only options`);
  }
  const values = parseArgs({ args, options: config, strict: true }).values as Record<string, string | string[] | boolean | undefined>;
  const parsed: ParsedOptions<Name> = {
    help: values.help === true,
    string: (name) => values[name] as string | undefined,
    required: (name) => {
      const value = values[name];
      if (typeof value !== 'string') throw new UsageError(`--${name} is required`);
      return value;
    },
    list: (name) => (values[name] as string[] | undefined) ?? [],
    flag: (name) => values[name] === true,
    number: (name, rule) => {
      const text = values[name] as string | undefined;
      return text === undefined ? undefined : numberOf(name, text, rule);
    },
    requiredNumber: (name, rule) => numberOf(name, parsed.required(name), rule),
  };
  if (parsed.help) return parsed;
  for (const option of spec.options) {
    if (option.required) parsed.required(option.name);
    if (option.choices === undefined) continue;
    const allowed = option.choices.map((choice) => choice.value);
    const given = values[option.name];
    for (const value of given === undefined ? [] : [given].flat()) {
      if (!allowed.includes(value as string)) throw new UsageError(`--${option.name} expects one of ${allowed.join(', ')}, got '${String(value)}'`);
    }
  }
  return parsed;
}

function numberOf(name: string, text: string, rule: NumberRule): number {
  const value = Number(text);
  if (!Number.isFinite(value) || !rule.test(value)) throw new UsageError(`--${name} expects ${rule.expected}, got '${text}'`);
  return value;
}

function shownDefault(option: OptionSpec): string | undefined {
  return option.default === undefined ? option.defaultText : [option.default].flat().join(', ');
}

/** An option's default as the help shows it, for prose that names it. */
export function defaultOf<Name extends string>(spec: CommandSpec<Name>, name: Name): string {
  const option = spec.options.find((candidate) => candidate.name === name);
  const shown = option === undefined ? undefined : shownDefault(option);
  if (shown === undefined) throw new Error(`${spec.program}: --${name} has no default`);
  return shown;
}

function unknownOption(spec: CommandSpec, rawName: string): string {
  const names = spec.options.map((option) => option.name);
  const typed = rawName.replace(/^-+/, '').toLowerCase();
  // One slip (a wrong, missing, extra or swapped letter) in a short name, two in a longer one.
  const closest = names
    .map((name) => ({ name, distance: editDistance(typed, name.toLowerCase()) }))
    .filter(({ name, distance }) => distance <= (name.length <= 4 ? 1 : 2))
    .sort((a, b) => a.distance - b.distance)[0];
  const suggestion = closest === undefined ? '.' : `; did you mean --${closest.name}?`;
  return `unknown option '${rawName}'${suggestion} The options are ${names.map((name) => `--${name}`).join(', ')}.`;
}

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The usage line(s) of a command: `prefix` then the program, each option as `--name VALUE`
 * (bracketed unless required, `...` if repeatable), broken before the options in `breakBefore`.
 */
export function usage(spec: CommandSpec, prefix: string): string {
  const lines = [`${prefix}${spec.program}`];
  for (const option of spec.options) {
    const value = option.value === undefined ? '' : ` ${option.synopsis ?? option.choices?.map((choice) => choice.value).join('|') ?? option.value}`;
    const token = option.required ? `--${option.name}${value}` : `[--${option.name}${value}]${option.repeatable ? '...' : ''}`;
    if (spec.breakBefore?.includes(option.name)) lines.push(`${' '.repeat(prefix.length + spec.program.length)}${token}`);
    else lines[lines.length - 1] += ` ${token}`;
  }
  return lines.join('\n');
}

/** The help of a command that needs no words beyond its table: the usage line, then the option list. */
export function tableHelp(spec: CommandSpec, column: number): string {
  return `${usage(spec, 'Usage: ')}\n\n${optionLines(spec, column)}`;
}

/** The option list: one line per option, descriptions starting at `column`. */
export function optionLines(spec: CommandSpec, column: number): string {
  return spec.options
    .map((option) => {
      const label = `--${option.name}${option.value === undefined ? '' : ` ${option.value}`}`;
      return `  ${label.padEnd(column - 4)}  ${describe(option)}`;
    })
    .join('\n');
}

function describe(option: OptionSpec): string {
  const choices = option.choices?.some((choice) => choice.description !== undefined)
    ? option.choices.map((choice) => {
        const notes = [...(choice.value === option.default ? ['default'] : []), ...(choice.description === undefined ? [] : [choice.description])];
        return notes.length === 0 ? choice.value : `${choice.value} (${notes.join('; ')})`;
      })
    : [];
  const listed = choices.length === 0 ? '' : choices.length === 1 ? choices[0] : `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
  const text = [option.description, listed].filter((part) => part !== '').join(' ');
  const shown = shownDefault(option);
  // Listed choices mark their default themselves.
  if (shown === undefined || choices.length > 0) return text;
  if (text.includes('{default}')) return text.replace('{default}', shown);
  return option.default === undefined ? `${text} (default: ${shown})` : `${text} (default ${shown})`;
}

/**
 * `--epsilon -0.5` as `--epsilon=-0.5`: node:util parseArgs reads a value that starts with '-' as
 * the next option, so a negative number would be reported as an unknown option instead of being
 * checked (and refused or accepted) by the option's own rule.
 */
function negativeValuesJoined(spec: CommandSpec, args: readonly string[]): string[] {
  const takesValue = new Set(spec.options.filter((option) => option.value !== undefined).map((option) => `--${option.name}`));
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1];
    if (takesValue.has(args[i]) && next !== undefined && /^-(\d|\.\d|inf|Infinity|NaN)/i.test(next)) {
      joined.push(`${args[i]}=${next}`);
      i++;
    } else {
      joined.push(args[i]);
    }
  }
  return joined;
}
