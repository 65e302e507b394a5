/**
 * Every JSON output of the built commands against its JSON Schema (apps/cli/schemas, and the
 * symbolic report's in @factorflow/symbolic), and the schemas themselves: closed where the shape
 * is fixed, every field described, and strict enough to reject a broken output.
 */
import { type ChildProcessByStdio, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

import { SCHEMA } from './json.js';

const CLI = fileURLToPath(new URL('../bin/factorflow.js', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const SCHEMAS = fileURLToPath(new URL('../schemas/', import.meta.url));
// Through the package's export, as a consumer of @factorflow/symbolic would reach it.
const SYMBOLIC_SCHEMA = createRequire(import.meta.url).resolve('@factorflow/symbolic/schemas/symbolic-report.schema.json');

type JsonObject = Record<string, unknown>;

const readJson = (file: string): JsonObject => JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
const files = readdirSync(SCHEMAS).filter((name) => name.endsWith('.schema.json'));
const schemas: Record<string, JsonObject> = Object.fromEntries(files.map((name) => [name, readJson(join(SCHEMAS, name))]));
schemas['symbolic-report.schema.json'] = readJson(SYMBOLIC_SCHEMA);

// strict: an unknown or misspelt keyword is an error, not a silently ignored constraint. Except
// strictRequired: the trajectory's per-method branches require fields defined beside them, and a
// misspelt required name would fail the real outputs below anyway.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
for (const schema of Object.values(schemas)) ajv.addSchema(schema);

/** The errors of `value` against the schema in `file`, as one readable string ('' when valid). */
function errorsOf(file: string, value: unknown): string {
  const validate = ajv.getSchema(schemas[file].$id as string);
  if (validate === undefined) throw new Error(`no schema ${file}`);
  return validate(value) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}

function expectValid(file: string, value: unknown): void {
  expect(errorsOf(file, value), file).toBe('');
  expect(Object.keys(value as JsonObject)[0], 'the schema tag comes first').toBe('schema');
}

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(CLI, args, { encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The JSON a command printed on success. */
function jsonOf(...args: string[]): JsonObject {
  const { status, stdout, stderr } = run(...args);
  expect(status, stderr).toBe(0);
  return JSON.parse(stdout) as JsonObject;
}

/** The JSON Lines a command printed on success, one object per line. */
function linesOf(...args: string[]): JsonObject[] {
  const { status, stdout, stderr } = run(...args);
  expect(status, stderr).toBe(0);
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as JsonObject);
}

/** A deep copy with `change` applied, for breaking a valid output on purpose. */
function broken(value: JsonObject, change: (copy: JsonObject) => void): JsonObject {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}

const directory = mkdtempSync(join(tmpdir(), 'factorflow-schemas-'));
function matrixFile(name: string, rows: number[][]): string {
  const file = join(directory, name);
  writeFileSync(file, JSON.stringify(rows));
  return file;
}

describe('the JSON Schemas', () => {
  it('has one schema per tag the CLI prints, with $id, a description and the tag as the const of `schema`', () => {
    const tags = Object.values(schemas).map((schema) => (schema.properties as { schema: { const: string } }).schema.const);
    expect(tags.sort()).toEqual([...Object.values(SCHEMA), 'factorflow-symbolic-report/2'].sort());
    for (const [file, schema] of Object.entries(schemas)) {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toMatch(new RegExp(`/schemas/${file.replace(/\./g, '\\.')}$`));
      expect(schema.description, file).toEqual(expect.any(String));
      expect(schema.required, file).toContain('schema');
    }
  });

  it('describes every field, and closes every object whose shape is fixed', () => {
    const problems: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const schema = node as JsonObject;
      if (schema.properties !== undefined) {
        for (const [name, property] of Object.entries(schema.properties as JsonObject)) {
          const described = typeof property === 'object' && property !== null && ('description' in property || '$ref' in property);
          if (!described) problems.push(`${path}.${name} has no description`);
        }
        // planFields is closed where it is used (unevaluatedProperties), since Theorem 4 adds M to it.
        if (schema.additionalProperties !== false && schema.unevaluatedProperties !== false && !path.endsWith('$defs.planFields')) {
          problems.push(`${path} is open`);
        }
      }
      for (const [key, child] of Object.entries(schema)) {
        // Conditionals constrain fields described elsewhere; `properties` and `$defs` hold named subschemas.
        if (key === 'if' || key === 'then' || key === 'enum' || key === 'const') continue;
        if (key === 'properties' || key === '$defs') {
          for (const [name, sub] of Object.entries(child as JsonObject)) visit(sub, `${path}.${key}.${name}`);
        } else visit(child, `${path}.${key}`);
      }
    };
    for (const [file, schema] of Object.entries(schemas)) visit(schema, file);
    expect(problems).toEqual([]);
  });

  it('lists every schema in the README of @factorflow/cli, with its command and file', () => {
    const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
    const section = readme.slice(readme.indexOf('## JSON outputs'));
    for (const [file, schema] of Object.entries(schemas)) {
      const tag = (schema.properties as { schema: { const: string } }).schema.const;
      expect(section).toMatch(new RegExp(`\`${tag}\`.*${file.replace(/\./g, '\\.')}`));
    }
  });
});

describe('every JSON output validates against its schema', () => {
  it('verify --json, and a report with a missing field or a wrong type does not', () => {
    const report = jsonOf('verify', '--suite', 'corollary-2', '--instances', '3', '--workers', '1', '--json');
    expectValid('verify.schema.json', report);
    expect(report.schema).toBe('factorflow-verify/2');
    expect(errorsOf('verify.schema.json', broken(report, (copy) => delete copy.bug))).toMatch(/must have required property 'bug'/);
    const suites = (copy: JsonObject) => copy.suites as JsonObject[];
    expect(errorsOf('verify.schema.json', broken(report, (copy) => (suites(copy)[0].passed = '3')))).toMatch(/passed must be integer/);
    expect(errorsOf('verify.schema.json', broken(report, (copy) => (suites(copy)[0].extra = 1)))).toMatch(/must NOT have additional properties/);
    expect(errorsOf('verify.schema.json', broken(report, (copy) => (copy.schema = 'factorflow-verify/1')))).toMatch(/must be equal to constant/);
    const outcomes = (copy: JsonObject) => suites(copy)[0].outcomes as JsonObject[];
    expect(outcomes(report)).toHaveLength(3);
    expect(errorsOf('verify.schema.json', broken(report, (copy) => (outcomes(copy)[0].metrics = { error: 'small' })))).toMatch(/must be number,null/);
  });

  it('plan --json: a full plan, a plan without Theorem 4 (r < n), and one with no admissible alpha', () => {
    const full = jsonOf('plan', '--Y', join(EXAMPLES, 'Y.json'), '--U0', join(EXAMPLES, 'U0.json'), '--epsilon', '0.5', '--json');
    expectValid('plan.schema.json', full);
    const Y = matrixFile('Y.json', [[4, 0, 0], [0, 2, 0], [0, 0, 1]]);
    const narrow = jsonOf('plan', '--Y', Y, '--U0', matrixFile('U0-narrow.json', [[1, 0], [0, 1], [0.5, 0.5]]), '--epsilon', '0.5', '--json');
    expectValid('plan.schema.json', narrow);
    expect((narrow.theorem4 as JsonObject).M).toBeNull();
    const repeated = matrixFile('Y-repeated.json', [[2, 0, 0], [0, 2, 0], [0, 0, 1]]);
    const none = jsonOf('plan', '--Y', repeated, '--U0', matrixFile('U0.json', [[1, 0.2, 0], [0, 1, 0.3], [0.1, 0, 1]]), '--epsilon', '0.5', '--json');
    expectValid('plan.schema.json', none);
    expect(none.measured).toBeNull();
    expect(none.notMeasured).toEqual(expect.any(String));

    const interval = (copy: JsonObject) => ((copy.theorem4 as JsonObject).intervals as JsonObject[]).at(-1) as JsonObject;
    expect(interval(full).end, 'I_K is unbounded: +infinity is null').toBeNull();
    expect(errorsOf('plan.schema.json', broken(full, (copy) => (interval(copy).end = 'Infinity')))).toMatch(/end must be number,null/);
    expect(errorsOf('plan.schema.json', broken(full, (copy) => delete (copy.theorem4 as JsonObject).M))).toMatch(/required property 'M'/);
    expect(errorsOf('plan.schema.json', broken(full, (copy) => ((copy.theorem4 as JsonObject).extra = 0)))).toMatch(/must NOT have unevaluated properties/);
  });

  it('certify --json: certified windows at alpha_max, and none without an alpha', () => {
    const full = jsonOf('certify', '--Y', join(EXAMPLES, 'Y-diag.json'), '--U0', join(EXAMPLES, 'U0.json'), '--epsilon', '0.5', '--json');
    expectValid('certify.schema.json', full);
    expect(full.schema).toBe('factorflow-certify/1');
    const ranks = (copy: JsonObject) => copy.ranks as JsonObject[];
    expect(((ranks(full).at(-1) as JsonObject).measured as JsonObject[]).at(-1)?.end, 'a window that never closes: +infinity is null').toBeNull();
    const repeated = matrixFile('Y-repeated-certify.json', [[2, 0, 0], [0, 2, 0], [0, 0, 1]]);
    const none = jsonOf('certify', '--Y', repeated, '--U0', matrixFile('U0-certify.json', [[1, 0.2, 0], [0, 1, 0.3], [0.1, 0, 1]]), '--epsilon', '0.5', '--json');
    expectValid('certify.schema.json', none);
    expect(none.alpha).toBeNull();
    expect(errorsOf('certify.schema.json', broken(full, (copy) => (ranks(copy)[0].coverage = 1.5)))).toMatch(/coverage must be <= 1/);
    expect(errorsOf('certify.schema.json', broken(full, (copy) => delete (copy.alphaMax as JsonObject).certified))).toMatch(/required property 'certified'/);
    expect(errorsOf('certify.schema.json', broken(full, (copy) => (ranks(copy)[0].extra = 0)))).toMatch(/must NOT have additional properties/);
  });

  it('trajectory --json for each method, with exactly the fields of that method', () => {
    const base = ['trajectory', '--Y', join(EXAMPLES, 'Y.json'), '--U0', join(EXAMPLES, 'U0.json'), '--times', '0,0.5,1', '--json'];
    const reports = Object.fromEntries(['closed', 'ode', 'gd'].map((method) => [method, jsonOf(...base, '--method', method)]));
    for (const report of Object.values(reports)) expectValid('trajectory.schema.json', report);
    expect(errorsOf('trajectory.schema.json', broken(reports.closed, (copy) => (copy.eta = 0.1)))).toMatch(/eta/);
    expect(errorsOf('trajectory.schema.json', broken(reports.ode, (copy) => delete copy.rtol))).toMatch(/required property 'rtol'/);
    expect(errorsOf('trajectory.schema.json', broken(reports.gd, (copy) => delete (copy.points as JsonObject[])[1].step))).toMatch(/required property 'step'/);
  });

  it('trajectory --V0 --json for each method, balanced and not, with exactly the fields that apply', () => {
    const files = ['--Y', join(EXAMPLES, 'Y-rect.json'), '--U0', join(EXAMPLES, 'U0-rect.json')];
    const base = ['trajectory', ...files, '--V0', join(EXAMPLES, 'V0-rect.json'), '--times', '0,1,2', '--json'];
    const reports = Object.fromEntries(['closed', 'ode', 'gd'].map((method) => [method, jsonOf(...base, '--method', method)]));
    for (const report of Object.values(reports)) expectValid('asymmetric-trajectory.schema.json', report);
    const imbalanced = matrixFile('V0-imbalanced.json', [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 0], [0, 0, 0]]);
    const free = jsonOf('trajectory', ...files, '--V0', imbalanced, '--times', '0,1', '--method', 'ode', '--json');
    expectValid('asymmetric-trajectory.schema.json', free);
    expect(free.balanced).toBe(false);
    const schema = 'asymmetric-trajectory.schema.json';
    expect(errorsOf(schema, broken(reports.closed, (copy) => (copy.balanced = false)))).toMatch(/balanced/);
    expect(errorsOf(schema, broken(reports.ode, (copy) => delete copy.maxDeviation))).toMatch(/required property 'maxDeviation'/);
    expect(errorsOf(schema, broken(free, (copy) => ((copy.points as JsonObject[])[0].deviation = 0)))).toMatch(/deviation/);
    expect(errorsOf(schema, broken(reports.gd, (copy) => delete (copy.points as JsonObject[])[1].step))).toMatch(/required property 'step'/);
    expect(errorsOf('trajectory.schema.json', reports.closed)).not.toBe('');
  });

  it('udv --json and udv network --json', () => {
    const single = jsonOf('udv', '--n', '16', '--rank', '2', '--observed', '120', '--radius', 'data', '--iterations', '300', '--json');
    expectValid('udv-run.schema.json', single);
    const bm = jsonOf('udv', '--task', 'sensing', '--n', '8', '--rank', '1', '--observed', '60', '--model', 'bm', '--iterations', '200', '--json');
    expectValid('udv-run.schema.json', bm);
    expect(errorsOf('udv-run.schema.json', broken(single, (copy) => ((copy.summary as JsonObject).stop = 'stopped')))).toMatch(/stop must be equal to one of the allowed values/);
    const network = jsonOf('udv', 'network', '--iterations', '100', '--json');
    expectValid('udv-network.schema.json', network);
    expect(errorsOf('udv-network.schema.json', broken(network, (copy) => (copy.networks as JsonObject[]).pop()))).toMatch(/must NOT have fewer than 2 items/);
  });

  it('udv sweep --json and udv radius --json: one valid line per cell, numbered in order', () => {
    const sweep = linesOf('udv', 'sweep', '--model', 'nuclear', '--model', 'bm', '--iterations', '5', '--json');
    expect(sweep.map((line) => [line.cell, line.cells])).toEqual(Array.from({ length: 10 }, (_, i) => [i + 1, 10]));
    for (const line of sweep) expectValid('udv-sweep.schema.json', line);
    expect(sweep.map((line) => (line.summary as JsonObject).model)).toEqual([...Array(9).fill('bm'), 'nuclear']);
    expect(errorsOf('udv-sweep.schema.json', broken(sweep[0], (copy) => delete copy.setup))).toMatch(/required property 'setup'/);
    expect(errorsOf('udv-sweep.schema.json', broken(sweep[0], (copy) => ((copy.summary as JsonObject).rank = 3)))).toMatch(/rank must be object/);

    const radius = linesOf('udv', 'radius', '--iterations', '2', '--json');
    expect(radius).toHaveLength(32);
    for (const line of radius) expectValid('udv-radius-sweep.schema.json', line);
    expect(errorsOf('udv-radius-sweep.schema.json', broken(radius[0], (copy) => (copy.factor = null)))).toMatch(/factor must be number/);
  });

  it('symbolic --json against the schema of @factorflow/symbolic, an erratum with its correction included', () => {
    const report = jsonOf('symbolic', '--only', 'cor2.13', '--only', 'thm4.Delta', '--json', '--workers', '0');
    expectValid('symbolic-report.schema.json', report);
    const results = report.results as JsonObject[];
    expect(results.find((result) => result.verdict === 'fails')?.correction).toBeDefined();
    expect(errorsOf('symbolic-report.schema.json', broken(report, (copy) => ((copy.results as JsonObject[])[0].verdict = 'true')))).toMatch(/verdict must be equal to one of the allowed values/);
    expect(errorsOf('symbolic-report.schema.json', broken(report, (copy) => delete (copy.summary as JsonObject).fails))).toMatch(/required property 'fails'/);
  });
});

/** The first line `stream` yields, without its newline; rejects if the stream ends first. */
function firstLine(stream: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) resolve(text.slice(0, end));
    });
    stream.on('end', () => reject(new Error(`the stream ended before a full line: '${text}'`)));
  });
}

describe('the sweeps stream', () => {
  it('prints the first cell of udv sweep --json as a valid line while the sweep is still running', async () => {
    // 27 cells (udv at two radii, then depth 3): the first takes about a second, the rest minutes.
    const child: ChildProcessByStdio<null, Readable, Readable> = spawn(CLI, ['udv', 'sweep', '--model', 'udv', '--model', 'deep', '--iterations', '2000', '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = JSON.parse(await firstLine(child.stdout)) as JsonObject;
      expect(child.exitCode, 'the sweep has not finished').toBeNull();
      expectValid('udv-sweep.schema.json', line);
      expect(line).toMatchObject({ setup: 'a', cell: 1, cells: 27, summary: { model: 'udv', radius: 1, eta: 1e-3, xi: 1e-2 } });
    } finally {
      child.kill();
    }
  });

  it('ends quietly, with status 0, when the reader closes the stream', async () => {
    const child = spawn(CLI, ['udv', 'sweep', '--model', 'udv', '--iterations', '300', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
    await firstLine(child.stdout);
    child.stdout.destroy();
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });

  it('keeps the progress on stderr and the table on stdout without --json, and says where the stream is', () => {
    const { status, stdout, stderr } = run('udv', 'sweep', '--model', 'nuclear', '--iterations', '3');
    expect(status).toBe(0);
    expect(stderr).toMatch(/--json prints each run as a JSON line as it finishes/);
    expect(stderr).toMatch(/^udv sweep a \[1\/1\]: nuclear norm .*: [\w-]+ \([\d.]+ s\)$/m);
    expect(stdout).toMatch(/\| nuclear norm \|/);
    expect(stdout).not.toMatch(/"schema"/);
  });
});
