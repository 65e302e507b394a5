/**
 * The layering of core is a rule, not a habit: a module imports only from its own layer and the
 * layers listed before it (README, Architecture). This reads every source file's relative imports.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const SOURCE = fileURLToPath(new URL('.', import.meta.url));
/** Root modules first, then each layer after everything it may import; `testing` may import all. */
const ORDER = ['', 'linalg', 'ode', 'flow', 'theorems', 'udv', 'testing'];
/** What each layer may import besides itself and the root modules. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  '': [],
  linalg: [],
  ode: [],
  flow: ['linalg', 'ode'],
  theorems: ['linalg', 'flow'],
  udv: ['linalg'],
  testing: ['linalg', 'ode', 'flow', 'theorems', 'udv'],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

function layerOf(path: string): string {
  const first = relative(SOURCE, path).split('/')[0];
  return /\.[jt]s$/.test(first) ? '' : first;
}

describe('core layers', () => {
  const files = sources(SOURCE);

  it('has a folder for every layer and nothing outside them', () => {
    expect(new Set(files.map(layerOf))).toEqual(new Set(ORDER));
  });

  it('imports only from its own layer, the root modules and the layers it builds on', () => {
    const violations: string[] = [];
    // The root index.ts is the package entry: it re-exports every layer.
    for (const file of files.filter((path) => path !== join(SOURCE, 'index.ts'))) {
      const own = layerOf(file);
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        const target = layerOf(resolve(dirname(file), specifier));
        if (target !== own && target !== '' && !ALLOWED[own].includes(target)) {
          violations.push(`${relative(SOURCE, file)} imports ${specifier} (layer ${own || 'root'} -> ${target})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps the root modules free of layer imports, and each layer behind one index.ts', () => {
    const rootImports = files
      .filter((file) => layerOf(file) === '' && !file.endsWith('index.ts'))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/from '(\.\/[^']+\/[^']+)'/g)].map((m) => `${relative(SOURCE, file)}: ${m[1]}`));
    expect(rootImports).toEqual([]);
    for (const layer of ORDER.slice(1)) expect(files).toContain(join(SOURCE, layer, 'index.ts'));
  });
});
