// The public packages as a user gets them: the `npm pack` tarballs installed together into a
// scratch project outside the repository (third-party dependencies from the npm cache or the
// registry), where every entry point is imported, core computes a closed form checked against a
// formula derived by hand, and both bins run. It builds nothing: the root `npm test` runs turbo's
// build before `node --test scripts/`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { after, before, test } from 'node:test';
import { URL, fileURLToPath } from 'node:url';

import { ROOT, ROOT_PATH, publicWorkspaces, readManifest, readmeExample } from './workspaces.mjs';

const PUBLIC = publicWorkspaces().map((workspace) => ({ workspace, manifest: readManifest(workspace) }));
const CLI = PUBLIC.find(({ workspace }) => workspace === 'apps/cli').manifest;
// Shipped TypeScript is reached through tsx, the loader the repository already uses for `source`.
const TSX = import.meta.resolve('tsx');

let temp; // holds the tarballs and the scratch project
let scratch; // the scratch project, once installed
const setupTimes = [];

/**
 * The caller's environment without what npm derives from the project it runs in: under `npm test`,
 * npm_config_local_prefix names the repository and would send the scratch install there.
 */
function userEnvironment() {
  const derived = /^(npm_package_|npm_lifecycle_|npm_config_(local_prefix|workspaces?|include_workspace_root|call)$|npm_command$|INIT_CWD$)/i;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !derived.test(name)));
}
const ENV = userEnvironment();

/** Runs a command to completion; fails the test with its output when it exits non-zero. */
function run(command, args, cwd, label) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, env: ENV, encoding: 'utf8', timeout: 120_000 });
  const seconds = (performance.now() - started) / 1000;
  assert.equal(result.status, 0, `${label ?? [command, ...args].join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  return { stdout: result.stdout, seconds };
}

/** Evaluates an ES module in the scratch project and parses the JSON it prints last. */
function evaluate(code, { source = false } = {}) {
  const flags = source ? ['--import', TSX, '--conditions=source'] : [];
  const { stdout, seconds } = run(process.execPath, [...flags, '--input-type=module', '--eval', code], scratch, code.slice(0, 80));
  return { value: JSON.parse(stdout.trim().split('\n').at(-1)), seconds };
}

/** The dist/ files a workspace's exports and bins load (the bins are shims that import one). */
function builtEntries({ workspace, manifest }) {
  const fromExports = Object.values(manifest.exports ?? {}).flatMap((target) => (typeof target === 'string' ? [] : [target.types, target.default]));
  const fromBins = Object.values(manifest.bin ?? {}).map((shim) => {
    const [, imported] = /import '(\.\.\/dist\/[^']+)'/.exec(readFileSync(new URL(`${workspace}/${shim}`, ROOT), 'utf8'));
    return `bin/${imported}`;
  });
  return [...fromExports, ...fromBins].filter(Boolean).map((path) => new URL(`${workspace}/${path}`, ROOT));
}

before(() => {
  const missing = PUBLIC.flatMap(builtEntries).filter((url) => !existsSync(url));
  assert.deepEqual(missing.map(fileURLToPath), [], 'dist/ is not built: run `npm run build` (the root `npm test` builds first)');
  temp = mkdtempSync(join(tmpdir(), 'factorflow-pack-'));
  assert.ok(!temp.startsWith(ROOT_PATH), 'the scratch project is outside the repository');
  const tarballs = join(temp, 'tarballs');
  mkdirSync(tarballs);
  const pack = run('npm', ['pack', '--json', '--pack-destination', tarballs, ...PUBLIC.flatMap(({ workspace }) => ['--workspace', workspace])], ROOT_PATH);
  setupTimes.push(`npm pack (${PUBLIC.length} packages): ${pack.seconds.toFixed(1)} s`);
  const project = join(temp, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'scratch', private: true, type: 'module' }, null, 2)}\n`);
  const files = JSON.parse(pack.stdout).map(({ filename }) => join(tarballs, filename));
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...files], project);
  setupTimes.push(`npm install of the tarballs: ${install.seconds.toFixed(1)} s`);
  scratch = project;
});

after(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

// W' = WY + YW - 2W^2 with Y = Q diag(s) Q^T and W0 = Q diag(w0) Q^T stays in Q's basis, where each
// mode solves the logistic equation w' = 2w(s - w): w(t) = s w0 e^{2st} / (s + w0 (e^{2st} - 1)).
const THETA = 0.4;
const S = [2, -1];
const U = [0.6, 0.9];
const T = 0.75;
const Q = [
  [Math.cos(THETA), -Math.sin(THETA)],
  [Math.sin(THETA), Math.cos(THETA)],
];
const inBasis = (d) => Q.map((row) => Q.map((other) => row[0] * d[0] * other[0] + row[1] * d[1] * other[1]));
const logistic = (s, w0, t) => (s * w0 * Math.exp(2 * s * t)) / (s + w0 * (Math.exp(2 * s * t) - 1));
const EXPECTED_W = inBasis(S.map((s, i) => logistic(s, U[i] ** 2, T)));
const CLOSED_FORM = `
  import { riccatiClosedForm } from '@factorflow/core';
  const Q = ${JSON.stringify(Q)};
  const U0 = Q.map((row) => row.map((q, j) => q * ${JSON.stringify(U)}[j]));
  const W = riccatiClosedForm(${JSON.stringify(inBasis(S))}, { U0 }, ${T}).to2DArray();
  console.log(JSON.stringify({ W, resolved: import.meta.resolve('@factorflow/core') }));
`;

function assertClosedForm(W) {
  W.forEach((row, i) => row.forEach((value, j) => assert.ok(Math.abs(value - EXPECTED_W[i][j]) < 1e-12, `W[${i}][${j}] = ${value}, by hand ${EXPECTED_W[i][j]}`)));
}

test('the tarballs install together; @factorflow/core computes the closed form from dist/', (t) => {
  for (const line of setupTimes) t.diagnostic(line);
  const { value, seconds } = evaluate(CLOSED_FORM);
  t.diagnostic(`closed form: ${seconds.toFixed(1)} s`);
  assertClosedForm(value.W);
  assert.match(fileURLToPath(value.resolved), /node_modules\/@factorflow\/core\/dist\/index\.js$/);
  assert.ok(fileURLToPath(value.resolved).startsWith(scratch));
});

test('every export of every library resolves to dist/ and has named exports', (t) => {
  const specifiers = PUBLIC.flatMap(({ manifest }) =>
    Object.keys(manifest.exports ?? {})
      .filter((key) => key !== './package.json' && !key.includes('*'))
      .map((key) => manifest.name + key.slice(1)),
  );
  assert.ok(specifiers.includes('@factorflow/core/linalg') && specifiers.includes('@factorflow/verify'));
  const { value, seconds } = evaluate(`
    const specifiers = ${JSON.stringify(specifiers)};
    const found = [];
    for (const specifier of specifiers) {
      found.push({ specifier, resolved: import.meta.resolve(specifier), names: Object.keys(await import(specifier)).length });
    }
    console.log(JSON.stringify(found));
  `);
  t.diagnostic(`${specifiers.length} entry points imported: ${seconds.toFixed(1)} s`);
  for (const { specifier, resolved, names } of value) {
    const name = specifier.split('/').slice(0, 2).join('/');
    assert.ok(fileURLToPath(resolved).startsWith(join(scratch, 'node_modules', name, 'dist')), `${specifier} -> ${resolved}`);
    assert.ok(names > 0, `${specifier} exports something`);
  }
});

test('every JSON Schema a pattern export names resolves in the installed package and carries its $id', () => {
  const schemas = PUBLIC.flatMap(({ manifest, workspace }) =>
    Object.keys(manifest.exports ?? {})
      .filter((key) => key.includes('*'))
      .flatMap((key) => {
        const folder = key.slice(2, key.indexOf('*'));
        return readdirSync(new URL(`${workspace}/${folder}`, ROOT)).map((file) => `${manifest.name}/${folder}${file}`);
      }),
  );
  assert.ok(schemas.includes('@factorflow/cli/schemas/plan.schema.json'), schemas.join(', '));
  const { value } = evaluate(`
    import { readFileSync } from 'node:fs';
    import { fileURLToPath } from 'node:url';
    const specifiers = ${JSON.stringify(schemas)};
    console.log(JSON.stringify(specifiers.map((specifier) => {
      const resolved = fileURLToPath(import.meta.resolve(specifier));
      return { specifier, resolved, id: JSON.parse(readFileSync(resolved, 'utf8')).$id };
    })));
  `);
  for (const { specifier, resolved, id } of value) {
    assert.ok(resolved.startsWith(scratch), `${specifier} -> ${resolved}`);
    assert.ok(id.endsWith(specifier.replace(/^@factorflow\/[^/]+\//, '/')), `${specifier}: $id ${id}`);
  }
});

test('@factorflow/core/testing runs in a project without a test runner', () => {
  const installed = readdirSync(join(scratch, 'node_modules'));
  for (const runner of ['vitest', 'jest', 'mocha']) assert.ok(!installed.includes(runner), `${runner} was installed`);
  const { value } = evaluate(`
    import fc from 'fast-check';
    import { PROPERTY_SEED, probeTimes, spectrum } from '@factorflow/core/testing';
    const spectra = fc.sample(spectrum(3, 'psd'), { seed: PROPERTY_SEED, numRuns: 20 });
    console.log(JSON.stringify({ probes: probeTimes(1, 2), spectra }));
  `);
  assert.deepEqual(value.probes, [1, 1.25, 1.5, 1.75, 2]);
  assert.equal(value.spectra.length, 20);
  for (const lambda of value.spectra) assert.ok(lambda.every((x, i) => x >= 0.1 && x <= 10 && (i === 0 || x <= lambda[i - 1])), `${lambda}`);
});

/** Bare specifiers of the import statements and dynamic imports in a compiled file. */
function importedPackages(code) {
  const statements = /^(?:(?:import|export)\s[^;'"]*?\bfrom\s*|import\s*)['"]([^'"]+)['"]/gm;
  const dynamic = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  const specifiers = [...code.matchAll(statements), ...code.matchAll(dynamic)].map((match) => match[1]);
  return specifiers.filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:')).map((specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
}

function builtFiles(directory) {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true })
    .filter((path) => path.endsWith('.js'))
    .map((path) => ({ path, code: readFileSync(join(directory, path), 'utf8') }));
}

test('shipped code imports only declared dependencies; fast-check only from core/testing', () => {
  for (const { manifest } of PUBLIC) {
    const root = join(scratch, 'node_modules', manifest.name);
    const installed = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const declared = new Set([installed.name, ...Object.keys({ ...installed.dependencies, ...installed.peerDependencies })]);
    const optional = Object.entries(installed.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([peer]) => peer);
    const files = [...builtFiles(join(root, 'dist')), ...builtFiles(join(root, 'bin'))];
    assert.ok(files.length > 0);
    for (const { path, code } of files) {
      const imported = importedPackages(code);
      for (const name of imported) assert.ok(declared.has(name), `${manifest.name}/${path} imports ${name}, not a dependency`);
      // An optional peer may be missing: only the sub-path documented as needing it may load it.
      for (const peer of optional.filter((name) => imported.includes(name))) assert.match(path, /^testing\//, `${manifest.name}/${path} needs ${peer}`);
    }
  }
});

test('the "source" condition finds the shipped TypeScript, and it computes the same', (t) => {
  const { value, seconds } = evaluate(CLOSED_FORM, { source: true });
  t.diagnostic(`closed form from src/ through tsx: ${seconds.toFixed(1)} s`);
  assert.match(fileURLToPath(value.resolved), /node_modules\/@factorflow\/core\/src\/index\.ts$/);
  assertClosedForm(value.W);
});

test('both bins print the package version', () => {
  for (const bin of Object.keys(CLI.bin)) {
    const { stdout } = run('npx', ['--no-install', bin, '--version'], scratch);
    assert.equal(stdout.trim(), `${bin} ${CLI.version}`);
  }
});

test("the cli README's plan command runs on the examples shipped in the package", (t) => {
  const readme = readFileSync(new URL('apps/cli/README.md', ROOT), 'utf8');
  const [, args] = /^npx (factorflow plan --Y node_modules\/.*)$/m.exec(readme);
  const { stdout, seconds } = run('npx', ['--no-install', ...args.split(' ')], scratch);
  t.diagnostic(`factorflow plan: ${seconds.toFixed(1)} s`);
  assert.match(stdout, /^Theorem 4 /m);
  assert.match(stdout, /^Windows where \|\|W\(t\) - Y_hat_k\|\| <= 0\.5/m);
});

// What each README example prints when it is right.
const EXAMPLE_OUTPUT = {
  'packages/core': /^(k = \d: I_k = \[.*\], inside a measured window: true\n){3}$/,
  'packages/harness': /^27 +111\n97 +118\n871 +178\n6171 +261$/m,
  'packages/symbolic': /^with the factor 2: holds; without it: fails$/m,
  'packages/verify': /^suites: 1 passed, 0 failed$/m,
};

test('each library README example runs against the installed packages and prints what it should', (t) => {
  const libraries = PUBLIC.filter(({ manifest }) => !manifest.bin);
  assert.deepEqual(libraries.map(({ workspace }) => workspace), Object.keys(EXAMPLE_OUTPUT));
  for (const { workspace } of libraries) {
    const example = readmeExample(workspace);
    const file = join(scratch, `${workspace.replace('/', '-')}-${example.name}`);
    writeFileSync(file, example.text);
    const { stdout, seconds } = run(process.execPath, [...(example.name.endsWith('.ts') ? ['--import', TSX] : []), file], scratch);
    t.diagnostic(`${workspace} README example: ${seconds.toFixed(1)} s`);
    assert.match(stdout, EXAMPLE_OUTPUT[workspace], `${workspace}/examples/${example.name} printed:\n${stdout}`);
  }
});
