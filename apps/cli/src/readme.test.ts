/**
 * Every `npx` line in the READMEs' shell blocks, run exactly as written (through `sh`, from the
 * directory the README is read in), after the build that turbo runs before the tests. The run
 * happens in a scratch directory that links the subdirectories of that directory, so a file a
 * command writes (`--out report.json`) lands there and not in the repository.
 *
 * Conventions the READMEs follow, held here:
 * - a trailing comment `prints "TEXT"` means the output contains TEXT;
 * - a command too long for a test says `not run by the tests` and states its duration
 *   (`about N min`); its `--help` is run instead and must state the duration too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The READMEs and the directory their commands are run from. */
const READMES = [
  { file: 'README.md', cwd: '.' },
  { file: 'apps/cli/README.md', cwd: 'apps/cli' },
  { file: 'packages/symbolic/README.md', cwd: '.' },
];

interface ReadmeCommand {
  readonly readme: string;
  readonly cwd: string;
  readonly command: string;
  readonly prints: string | undefined;
  readonly long: boolean;
}

function commandsOf(readme: string, cwd: string): ReadmeCommand[] {
  const text = readFileSync(`${ROOT}${readme}`, 'utf8');
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]);
  return blocks
    .flatMap((block) => block.split('\n'))
    .filter((line) => line.startsWith('npx '))
    .map((line) => {
      // A comment starts at the first ` #` outside quotes; the commands quote no `#`.
      const hash = line.indexOf(' #');
      const command = (hash < 0 ? line : line.slice(0, hash)).trim();
      const comment = hash < 0 ? '' : line.slice(hash + 2);
      return {
        readme,
        cwd,
        command,
        prints: /prints "([^"]+)"/.exec(comment)?.[1],
        long: comment.includes('not run by the tests'),
      };
    });
}

const COMMANDS = READMES.flatMap(({ file, cwd }) => commandsOf(file, cwd));

function run(command: string, cwd: string): { status: number | null; stdout: string; stderr: string } {
  const scratch = mkdtempSync(join(tmpdir(), 'factorflow-readme-'));
  try {
    const directory = join(ROOT, cwd);
    // Only directories: a command's output file (`--out report.json`) must never write through a link into the repository.
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'node_modules') symlinkSync(join(directory, entry.name), join(scratch, entry.name));
    }
    // npx finds the linked bins in the repository's node_modules/.bin, as it does from any workspace.
    symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));
    return spawnSync('sh', ['-c', command], { cwd: scratch, encoding: 'utf8', timeout: 600_000 });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

describe('the commands in the READMEs', () => {
  it('are found (the extraction itself works)', () => {
    expect(COMMANDS.filter((entry) => entry.readme === 'README.md').length).toBeGreaterThanOrEqual(6);
    expect(COMMANDS.some((entry) => entry.prints !== undefined)).toBe(true);
  });

  it.each(COMMANDS.filter((entry) => !entry.long).map((entry) => [`${entry.readme}: ${entry.command}`, entry] as const))(
    '%s',
    (_, entry) => {
      // A synopsis such as `[--seed S]` is not a command a user can paste.
      expect(entry.command).not.toMatch(/\[|\]|\.\.\./);
      const result = run(entry.command, entry.cwd);
      expect(result.status, result.stderr).toBe(0);
      if (entry.prints !== undefined) expect(result.stdout).toContain(entry.prints);
    },
    600_000,
  );

  it.each(COMMANDS.filter((entry) => entry.long).map((entry) => [`${entry.readme}: ${entry.command}`, entry] as const))(
    '%s states its duration, and so does its --help',
    (_, entry) => {
      const line = readFileSync(`${ROOT}${entry.readme}`, 'utf8').split('\n').find((text) => text.startsWith(entry.command));
      expect(line).toMatch(/about \d+ min/);
      // The help of the command itself, without the redirection of its output.
      const result = run(`${entry.command.replace(/\s*>.*$/, '')} --help`, entry.cwd);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/about \d+ min/);
    },
  );
});
