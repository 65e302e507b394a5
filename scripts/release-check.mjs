// What must be true before `changeset publish` may run (`npm run release` runs this first). The
// project has no public repository yet, so every public manifest lacks `repository`, `homepage`
// and `bugs`: a release refuses until they are filled with real addresses, never made-up ones.
import { readdirSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

import { ROOT, publicWorkspaces, readManifest } from './workspaces.mjs';

/** A string that parses as an http(s) URL. */
function isWebAddress(value) {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * What keeps a workspace's manifest from being published: the addresses npm shows on the
 * package's page, with `repository.directory` pointing at the workspace so that the page links to
 * the package inside the monorepo rather than to its root.
 *
 * @returns one sentence per problem; empty when the manifest may be published.
 */
export function manifestProblems(workspace, manifest) {
  const problems = [];
  const { repository, homepage, bugs } = manifest;
  if (typeof repository !== 'object' || repository === null || typeof repository.url !== 'string' || repository.url === '') {
    problems.push(`${workspace}: "repository" needs { "type": "git", "url": ..., "directory": "${workspace}" }`);
  } else if (repository.directory !== workspace) {
    problems.push(`${workspace}: "repository.directory" is ${JSON.stringify(repository.directory)}, not "${workspace}"`);
  }
  if (!isWebAddress(homepage)) problems.push(`${workspace}: "homepage" needs the project's web address`);
  if (!isWebAddress(bugs?.url ?? bugs)) problems.push(`${workspace}: "bugs" needs the issue tracker's web address`);
  return problems;
}

/** Changesets not yet turned into versions: publishing now would skip them. */
export function pendingChangesets(fileNames) {
  return fileNames.filter((name) => name.endsWith('.md') && name !== 'README.md');
}

/** Every problem in the repository that blocks a release. */
export function releaseProblems() {
  const pending = pendingChangesets(readdirSync(new URL('.changeset/', ROOT)));
  return [
    ...publicWorkspaces().flatMap((workspace) => manifestProblems(workspace, readManifest(workspace))),
    ...(pending.length > 0 ? [`.changeset has unreleased changesets (${pending.join(', ')}): run npm run version-packages first`] : []),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = releaseProblems();
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  if (problems.length > 0) {
    process.stderr.write(`release refused: ${problems.length} problem(s); see "Releasing" in CONTRIBUTING.md\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write('release check: every public package may be published\n');
  }
}
