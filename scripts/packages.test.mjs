// The public packages as npm would publish them: complete metadata, and a tarball that carries the
// license, a README, a changelog at the package's version, every file its exports and bins name,
// and no tests.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { URL } from 'node:url';

import { ROOT, publicWorkspaces, readManifest, readmeExample, topChangelogVersion } from './workspaces.mjs';

const PUBLIC = publicWorkspaces();
const LICENSE = readFileSync(new URL('LICENSE', ROOT), 'utf8');
const COPYRIGHT_HOLDER = /^Copyright \(c\) [\d-]+ (.+)$/m.exec(LICENSE)?.[1];
const NODE_RANGE = readManifest('').engines.node;
const VERSIONS = Object.fromEntries(PUBLIC.map((workspace) => [readManifest(workspace).name, readManifest(workspace).version]));

// One `npm pack` for all of them: each call costs about a second of npm start-up.
const PACKED = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', ...PUBLIC.flatMap((workspace) => ['--workspace', workspace])], { cwd: ROOT, encoding: 'utf8' }),
);

/** Every file an exports map names, under any condition ("source" included). */
function exportTargets(exports) {
  if (typeof exports === 'string') return [exports];
  return Object.values(exports ?? {}).flatMap(exportTargets);
}

const relative = (path) => path.replace(/^\.\//, '');

test('the public packages are the five of the README', () => {
  assert.deepEqual(PUBLIC, ['apps/cli', 'packages/core', 'packages/harness', 'packages/symbolic', 'packages/verify']);
  assert.equal(PACKED.length, PUBLIC.length);
});

for (const [index, workspace] of PUBLIC.entries()) {
  const manifest = readManifest(workspace);

  test(`${workspace} has the metadata npm shows and bundlers read`, () => {
    assert.ok(manifest.description?.length > 20, 'description');
    assert.ok(manifest.keywords?.length > 0, 'keywords');
    assert.equal(manifest.license, 'MIT');
    assert.equal(manifest.author, COPYRIGHT_HOLDER, 'author is the LICENSE copyright holder');
    assert.equal(manifest.engines?.node, NODE_RANGE, 'engines.node is the root one');
    assert.equal(manifest.publishConfig?.access, 'public');
    assert.equal(manifest.type, 'module');
    for (const entry of ['dist', 'CHANGELOG.md']) assert.ok(manifest.files?.includes(entry), `files has ${entry}`);
    assert.ok(typeof manifest.sideEffects === 'boolean' || Array.isArray(manifest.sideEffects), 'sideEffects is declared');
    if (manifest.exports?.['.']) {
      assert.equal(manifest.types, manifest.exports['.'].types, 'types is the root export types');
      assert.equal(manifest.main, manifest.exports['.'].default, 'main is the root export');
    }
  });

  test(`${workspace} shows a runnable example in its README`, () => {
    const readme = readFileSync(new URL(`${workspace}/README.md`, ROOT), 'utf8');
    if (manifest.bin) {
      // pack-install.test.mjs runs this line in a project where the package is installed.
      assert.match(readme, /^npx factorflow plan --Y node_modules\/@factorflow\/cli\/examples\/Y\.json .*$/m);
      return;
    }
    const example = readmeExample(workspace);
    assert.ok(example, `${workspace}/examples/readme.ts (or .mjs) is the README's example`);
    assert.ok(readme.includes(example.text.trim()), `${workspace}/README.md shows examples/${example.name} verbatim`);
  });

  test(`${workspace} pins each factorflow dependency to its current version`, () => {
    const internal = Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies }).filter(([name]) => name.startsWith('@factorflow/'));
    for (const [name, range] of internal) assert.equal(range, VERSIONS[name], `${name}: the fixed release group publishes them together`);
  });

  test(`${workspace} has a CHANGELOG.md whose latest entry is its version`, () => {
    const changelog = readFileSync(new URL(`${workspace}/CHANGELOG.md`, ROOT), 'utf8');
    assert.ok(changelog.startsWith(`# ${manifest.name}\n`), 'titled with the package name');
    assert.equal(topChangelogVersion(changelog), manifest.version);
  });

  test(`${workspace} packs with LICENSE, README, CHANGELOG, every exported file and no tests`, () => {
    const pack = PACKED[index];
    assert.equal(pack.name, manifest.name);
    const files = new Set(pack.files.map((file) => file.path));
    for (const required of ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json']) assert.ok(files.has(required), `${required} in the tarball`);
    assert.equal(readFileSync(new URL(`${workspace}/LICENSE`, ROOT), 'utf8'), LICENSE, 'LICENSE is the root one');
    // The "source" targets too: a bundler configured with that condition must find the file.
    const named = [...exportTargets(manifest.exports), ...Object.values(manifest.bin ?? {}), ...(Array.isArray(manifest.sideEffects) ? manifest.sideEffects : [])];
    assert.ok(named.length > 0);
    for (const path of named.filter((path) => !path.includes('*'))) assert.ok(files.has(relative(path)), `${path} in the tarball`);
    // A pattern export (./schemas/*) must reach at least one packed file.
    for (const path of named.filter((path) => path.includes('*'))) {
      const pattern = new RegExp(`^${relative(path).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.+')}$`);
      assert.ok([...files].some((file) => pattern.test(file)), `${path} matches no file of the tarball`);
    }
    assert.deepEqual([...files].filter((file) => /\.test\.|fixtures\/|symbolic-report\.json/.test(file)), []);
  });
}
