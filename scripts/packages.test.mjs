// The public packages as npm would publish them: each tarball carries the license, a README, its
// built entry and every file its exports name, and no tests.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { URL } from 'node:url';

const ROOT = new URL('../', import.meta.url);
const PUBLIC = ['packages/core', 'packages/harness', 'packages/symbolic', 'packages/verify', 'apps/cli'];
const LICENSE = readFileSync(new URL('LICENSE', ROOT), 'utf8');

for (const workspace of PUBLIC) {
  test(`${workspace} packs with LICENSE, README, its built entry and no tests`, () => {
    const manifest = JSON.parse(readFileSync(new URL(`${workspace}/package.json`, ROOT), 'utf8'));
    assert.equal(manifest.license, 'MIT');
    assert.equal(manifest.publishConfig?.access, 'public');
    assert.ok(manifest.engines?.node, 'engines.node');
    assert.ok(manifest.keywords?.length > 0, 'keywords');
    assert.equal(readFileSync(new URL(`${workspace}/LICENSE`, ROOT), 'utf8'), LICENSE, 'LICENSE is the root one');
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--workspace', workspace], { cwd: ROOT, encoding: 'utf8' }));
    const files = pack.files.map((file) => file.path);
    for (const required of ['LICENSE', 'README.md', 'package.json']) assert.ok(files.includes(required), `${required} in ${files.join(', ')}`);
    const entry = manifest.exports?.['.']?.default ?? Object.values(manifest.bin ?? {})[0];
    assert.ok(files.includes(entry.replace(/^\.\//, '')), `${entry} in the tarball`);
    assert.deepEqual(files.filter((file) => /\.test\.|fixtures\//.test(file)), []);
    // Each export reaches a packed file (a `*` export, such as ./schemas/*, at least one).
    for (const target of Object.values(manifest.exports ?? {}).map((value) => (typeof value === 'string' ? value : value.default))) {
      const pattern = new RegExp(`^${target.replace(/^\.\//, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.+')}$`);
      assert.ok(files.some((file) => pattern.test(file)), `export ${target} matches no file of the tarball`);
    }
  });
}
