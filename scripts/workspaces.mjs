// The workspaces as the release tooling sees them, read from the files rather than listed by hand,
// so that a new public package is held to the same checks without editing each script.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { URL, fileURLToPath } from 'node:url';

export const ROOT = new URL('../', import.meta.url);
export const ROOT_PATH = fileURLToPath(ROOT);

/** The parsed package.json of a workspace ('packages/core'), or of the root for ''. */
export function readManifest(workspace) {
  return JSON.parse(readFileSync(new URL(workspace ? `${workspace}/package.json` : 'package.json', ROOT), 'utf8'));
}

/** Every tracked workspace, as its path from the root ('packages/core'), sorted. */
export function workspacePaths() {
  const globs = readManifest('').workspaces.map((glob) => `${glob}/package.json`);
  return execFileSync('git', ['ls-files', ...globs], { cwd: ROOT, encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((path) => path.replace(/\/package\.json$/, ''))
    .sort();
}

/** The workspaces that npm would publish: every one whose manifest is not private. */
export function publicWorkspaces() {
  return workspacePaths().filter((workspace) => readManifest(workspace).private !== true);
}

/** The first `## x.y.z` heading of a changelog: the version it was last brought to. */
export function topChangelogVersion(text) {
  return /^## (\d+\.\d+\.\d+\S*)\s*$/m.exec(text)?.[1];
}

/**
 * A library's README example: `examples/readme.ts`, or `.mjs` where Node must load it without a
 * TypeScript loader. Its text appears verbatim in the package's README.
 *
 * @returns the file's name and text, or undefined when the workspace has none.
 */
export function readmeExample(workspace) {
  for (const name of ['readme.ts', 'readme.mjs']) {
    const url = new URL(`${workspace}/examples/${name}`, ROOT);
    if (existsSync(url)) return { name, url, text: readFileSync(url, 'utf8') };
  }
  return undefined;
}
