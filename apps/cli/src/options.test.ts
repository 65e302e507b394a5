import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { plan } from './commands/plan.js';
import { symbolic } from './commands/symbolic.js';
import { trajectory } from './commands/trajectory.js';
import { udv } from './commands/udv.js';
import { verify } from './commands/verify.js';
import { type CommandSpec, POSITIVE, POSITIVE_INTEGER, UsageError, defaultOf, optionLines, parse, usage } from './options.js';
import type { Command } from './program.js';

const SPEC: CommandSpec<'file' | 'count' | 'mode' | 'tag' | 'scale' | 'json'> = {
  program: 'tool run',
  breakBefore: ['scale'],
  options: [
    { name: 'file', value: 'FILE', required: true, description: 'the input' },
    { name: 'count', value: 'N', default: '7', description: 'how many (default {default}; more is slower)' },
    {
      name: 'mode',
      value: 'M',
      default: 'fast',
      description: '',
      choices: [{ value: 'fast', description: 'rough' }, { value: 'slow', description: 'exact' }, { value: 'off' }],
    },
    { name: 'tag', value: 'T', repeatable: true, default: ['a'], description: 'labels' },
    { name: 'scale', value: 'S', synopsis: 'S|auto', defaultText: 'from the data', description: 'the scale' },
    { name: 'json', description: 'machine-readable output' },
  ],
};

function usageError(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('parse', () => {
  it('reads values through the table: defaults as typed, flags, repeatable lists, numbers with their rule', () => {
    const options = parse(SPEC, ['--file', 'x.json', '--json']);
    expect(options.help).toBe(false);
    expect(options.required('file')).toBe('x.json');
    expect(options.requiredNumber('count', POSITIVE_INTEGER)).toBe(7);
    expect(options.string('mode')).toBe('fast');
    expect(options.list('tag')).toEqual(['a']);
    expect(options.string('scale')).toBeUndefined();
    expect(options.number('scale', POSITIVE)).toBeUndefined();
    expect(options.flag('json')).toBe(true);
    const given = parse(SPEC, ['--file=y', '--tag', 'b', '--tag', 'c', '--count', '3', '--mode', 'slow', '--scale', '0.5']);
    expect(given.list('tag')).toEqual(['b', 'c']);
    expect(given.requiredNumber('count', POSITIVE_INTEGER)).toBe(3);
    expect(given.number('scale', POSITIVE)).toBe(0.5);
    expect(given.flag('json')).toBe(false);
  });

  it('names the option and what it expects on bad usage', () => {
    expect(usageError(() => parse(SPEC, []))).toBe('--file is required');
    expect(usageError(() => parse(SPEC, ['--file', 'x', '--mode', 'medium']))).toBe("--mode expects one of fast, slow, off, got 'medium'");
    expect(usageError(() => parse(SPEC, ['--file', 'x', '--count', '2.5']).requiredNumber('count', POSITIVE_INTEGER))).toBe(
      "--count expects a positive integer, got '2.5'",
    );
    expect(usageError(() => parse(SPEC, ['--file', 'x', 'extra']))).toBe("unexpected argument 'extra': this command takes only options");
  });

  it('rejects an unknown option with the list of options, suggesting the one meant', () => {
    const list = 'The options are --file, --count, --mode, --tag, --scale, --json.';
    expect(usageError(() => parse(SPEC, ['--file', 'x', '--verbose']))).toBe(`unknown option '--verbose'. ${list}`);
    expect(usageError(() => parse(SPEC, ['--file', 'x', '--cuont', '3']))).toBe(`unknown option '--cuont'; did you mean --count? ${list}`);
    expect(usageError(() => parse(SPEC, ['--File=x']))).toBe(`unknown option '--File'; did you mean --file? ${list}`);
    expect(usageError(() => parse(SPEC, ['-x']))).toBe(`unknown option '-x'. ${list}`);
  });

  it('checks nothing else when --help or -h is given', () => {
    expect(parse(SPEC, ['--help']).help).toBe(true);
    expect(parse(SPEC, ['-h', '--mode', 'medium']).help).toBe(true);
  });
});

describe('help from the table', () => {
  it('writes the usage line: required bare, optional bracketed, repeatable marked, choices or synopsis as the value, broken where asked', () => {
    expect(usage(SPEC, 'Usage: ')).toBe(
      `Usage: tool run --file FILE [--count N] [--mode fast|slow|off] [--tag T]...\n${' '.repeat(15)}[--scale S|auto] [--json]`,
    );
  });

  it('writes one line per option with its default, the descriptions from the column on (2 spaces after a longer label)', () => {
    expect(optionLines(SPEC, 14).split('\n')).toEqual([
      '  --file FILE  the input',
      '  --count N   how many (default 7; more is slower)',
      '  --mode M    fast (default; rough), slow (exact) or off',
      '  --tag T     labels (default a)',
      '  --scale S   the scale (default: from the data)',
      '  --json      machine-readable output',
    ]);
    expect(defaultOf(SPEC, 'scale')).toBe('from the data');
    expect(() => defaultOf(SPEC, 'file')).toThrow(/--file has no default/);
  });
});

describe('every command', () => {
  const commands: Record<string, Command> = { verify, plan, trajectory, symbolic, udv };
  let printed: string[] = [];

  beforeEach(() => {
    printed = [];
    vi.spyOn(console, 'log').mockImplementation((text: string) => {
      printed.push(text);
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Each synopsis of a help text: the words after the command (a subcommand) and the options it shows, with whether they take a value. */
  function synopses(help: string): { sub: string[]; options: { name: string; takesValue: boolean }[] }[] {
    const block = help.slice(0, help.indexOf('\n\n')).replace(/\n {2,}(?=[[-])/g, ' ');
    return block.split('\n').map((line) => {
      const words = line.replace(/^Usage: /, '').trim().split(' ');
      const firstOption = words.findIndex((word) => word.startsWith('[') || word.startsWith('--'));
      const options = [...line.matchAll(/--([\w-]+)( [^\s\]]+)?/g)].map((match) => ({ name: match[1], takesValue: match[2] !== undefined }));
      return { sub: words.slice(2, firstOption), options };
    });
  }

  it.each(Object.keys(commands))('%s accepts every option its help shows, and lists each in the usage', async (name) => {
    const command = commands[name];
    const help = command.help();
    const shown = synopses(help);
    expect(shown.length).toBeGreaterThan(0);
    for (const { sub, options } of shown) {
      for (const option of options) {
        const args = [...sub, `--${option.name}`, ...(option.takesValue ? ['1'] : []), '--help'];
        expect(await command.run(args), args.join(' ')).toBe(0);
      }
      await expect(Promise.resolve().then(() => command.run([...sub, '--no-such-option', '--help']))).rejects.toThrow(UsageError);
    }
    // The option list repeats the first synopsis, line by line.
    const listed = [...help.matchAll(/^ {2}--([\w-]+)/gm)].map((match) => match[1]);
    expect(listed).toEqual(shown[0].options.map((option) => option.name));
    expect(printed.every((text) => text === help)).toBe(true);
  });
});
