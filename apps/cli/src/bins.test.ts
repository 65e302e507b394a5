/**
 * The bins as a user gets them: linked by npm into the repository's node_modules/.bin and run with
 * npx from the repository root (after the build, which turbo runs before the tests).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PACKAGE = new URL('../', import.meta.url);

describe('the bins of @factorflow/cli', () => {
  it.each([
    ['factorflow', 'factorflow: executable checks of Min & Vidal (2025), gradient flow on symmetric matrix factorization'],
    ['factorflow-symbolic', 'Usage: factorflow-symbolic [--only ID]... [--json] [--out FILE] [--seed S] [--workers W]'],
  ])('npx %s --help runs from the repository root', (bin, firstLine) => {
    // `npx <bin> --help`, with `--no --` so that a missing link fails instead of fetching whatever the registry has under that name.
    const result = spawnSync('npx', ['--no', '--', bin, '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(firstLine);
  });

  it.each(['factorflow', 'factorflow-symbolic'])('npx %s --version prints the version of @factorflow/cli', (bin) => {
    const { version } = JSON.parse(readFileSync(new URL('package.json', PACKAGE), 'utf8')) as { version: string };
    const result = spawnSync('npx', ['--no', '--', bin, '--version'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${bin} ${version}\n`);
  });

  it('point at checked-in executable shims, not into dist/ (which does not exist when npm ci links bins)', () => {
    const { bin } = JSON.parse(readFileSync(new URL('package.json', PACKAGE), 'utf8')) as { bin: Record<string, string> };
    expect(Object.keys(bin).sort()).toEqual(['factorflow', 'factorflow-symbolic']);
    for (const path of Object.values(bin)) {
      expect(path).toMatch(/^\.\/bin\//);
      const shim = new URL(path, PACKAGE);
      expect(statSync(shim).mode & 0o111, path).toBe(0o111);
      expect(readFileSync(shim, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    }
  });
});
