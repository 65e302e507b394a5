// The README's Architecture section is a claim about the repository; these tests hold it to the
// code: the workspaces and their dependencies on each other, and the size limit on source files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { URL } from 'node:url';

import { ROOT, readManifest, workspacePaths } from './workspaces.mjs';

const NAMES = ['core', 'harness', 'symbolic', 'verify', 'cli', 'docs'];

/** Rows of the README table whose header starts with `| workspace | package |`. */
function architectureRows() {
  const lines = readFileSync(new URL('README.md', ROOT), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith('| workspace | package |'));
  assert.notEqual(start, -1, 'README.md has no Architecture table');
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [workspace, , , imports] = line.split('|').slice(1, -1).map((cell) => cell.trim().replaceAll('`', ''));
    rows.push({ workspace, imports: new Set(NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(imports))) });
  }
  return rows;
}

test('the Architecture table lists every workspace, with exactly the factorflow packages it depends on', () => {
  const rows = architectureRows();
  assert.deepEqual(rows.map((row) => row.workspace).sort(), workspacePaths());
  for (const { workspace, imports } of rows) {
    const manifest = readManifest(workspace);
    const declared = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies })
      .filter((name) => name.startsWith('@factorflow/'))
      .map((name) => name.slice('@factorflow/'.length));
    assert.deepEqual([...imports].sort(), declared.sort(), `${workspace}: README says ${[...imports]}, package.json has ${declared}`);
  }
});

test('no tracked source file is over 500 lines', () => {
  const sources = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.mts', '*.mjs', '*.js', '*.py'], { cwd: ROOT, encoding: 'utf8' })
    .trim()
    .split('\n');
  const long = sources
    .map((path) => ({ path, lines: readFileSync(new URL(path, ROOT), 'utf8').split('\n').length - 1 }))
    .filter(({ lines }) => lines > 500);
  assert.deepEqual(long, []);
});
