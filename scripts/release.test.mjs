// The release process of CONTRIBUTING.md ("Releasing"): the changesets configuration matches the
// workspaces, and `npm run release` refuses to publish what npm would show without its addresses.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { test } from 'node:test';
import { URL } from 'node:url';

import { manifestProblems, pendingChangesets, releaseProblems } from './release-check.mjs';
import { ROOT, ROOT_PATH, publicWorkspaces, readManifest, workspacePaths } from './workspaces.mjs';

const names = (workspaces) => workspaces.map((workspace) => readManifest(workspace).name).sort();

test('changesets releases the public packages as one fixed group and ignores the private ones', () => {
  const config = JSON.parse(readFileSync(new URL('.changeset/config.json', ROOT), 'utf8'));
  const publicNames = names(publicWorkspaces());
  const privateNames = names(workspacePaths().filter((workspace) => readManifest(workspace).private === true));
  assert.deepEqual(config.fixed.map((group) => [...group].sort()), [publicNames]);
  assert.deepEqual([...config.ignore].sort(), privateNames);
  assert.equal(config.access, 'public');
  assert.deepEqual(config.linked, []);
});

test('the root scripts: version-packages refreshes the lockfile, release checks, builds and tests before publishing', () => {
  const { scripts } = readManifest('');
  assert.equal(scripts.changeset, 'changeset');
  assert.match(scripts['version-packages'], /^changeset version && npm install --package-lock-only\b/);
  const steps = scripts.release.split(' && ');
  assert.deepEqual(steps, ['node scripts/release-check.mjs', 'npm run build', 'npm test', 'changeset publish']);
});

const FILLED = {
  repository: { type: 'git', url: 'git+https://git.invalid/factorflow.git', directory: 'packages/core' },
  homepage: 'https://factorflow.invalid',
  bugs: { url: 'https://git.invalid/factorflow/issues' },
};

test('a manifest without repository, homepage and bugs is refused, one problem each', () => {
  const problems = manifestProblems('packages/core', { name: '@factorflow/core' });
  assert.equal(problems.length, 3);
  for (const [index, field] of ['"repository"', '"homepage"', '"bugs"'].entries()) assert.ok(problems[index].includes(field), problems[index]);
});

test('a manifest with real addresses passes; a wrong repository.directory or a non-URL does not', () => {
  assert.deepEqual(manifestProblems('packages/core', FILLED), []);
  assert.deepEqual(manifestProblems('packages/core', { ...FILLED, bugs: 'https://git.invalid/factorflow/issues' }), []);
  assert.match(manifestProblems('apps/cli', FILLED).join(), /repository\.directory/);
  assert.match(manifestProblems('packages/core', { ...FILLED, homepage: 'TODO' }).join(), /homepage/);
});

test('unreleased changesets block a release; the folder README does not', () => {
  assert.deepEqual(pendingChangesets(['README.md', 'config.json', 'brave-cats-sing.md']), ['brave-cats-sing.md']);
});

test('node scripts/release-check.mjs exits 1 exactly when the repository has a problem, and names it', () => {
  const problems = releaseProblems();
  const run = spawnSync(process.execPath, ['scripts/release-check.mjs'], { cwd: ROOT_PATH, encoding: 'utf8' });
  assert.equal(run.status, problems.length > 0 ? 1 : 0, run.stderr);
  for (const problem of problems) assert.ok(run.stderr.includes(problem), problem);
});
