// The workspaces as the release tooling sees them, read from the files rather than listed by hand,
// so that a new public package is held to the same checks without editing each script.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
