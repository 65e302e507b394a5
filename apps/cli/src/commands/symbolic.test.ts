import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { REPORT_SCHEMA, type SymbolicReport } from '@factorflow/symbolic';

// The bin npm links, as a user runs it (turbo builds dist/ before the tests).
const CLI = fileURLToPath(new URL('../../bin/factorflow-symbolic.js', import.meta.url));

function run(...args: string[]) {
  const result = spawnSync(CLI, args, { encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('factorflow-symbolic', () => {
  it('prints help and exits 0', () => {
    const { status, stdout } = run('--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/--only ID/);
    expect(stdout).toMatch(/Exit status/);
  });

  it('exits 2 on an --only prefix that matches nothing, naming it', () => {
    const { status, stderr } = run('--only', 'thm9');
    expect(status).toBe(2);
    expect(stderr).toMatch(/--only thm9 matches no catalog entry/);
  });

  it('exits 2 on an unknown option and on a bad seed', () => {
    expect(run('--frobnicate').status).toBe(2);
    const { status, stderr } = run('--seed', '1.5');
    expect(status).toBe(2);
    expect(stderr).toMatch(/--seed expects an integer/);
  });

  it('reports an erratum with exit status 0 and its correction in JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factorflow-symbolic-'));
    const out = join(dir, 'report.json');
    const { status, stdout } = run('--only', 'thm4.Delta', '--only', 'cor2.12', '--json', '--workers', '0', '--out', out);
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as SymbolicReport;
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(report);
    expect(report.schema).toBe(REPORT_SCHEMA);
    const ids = report.results.map((result) => result.id);
    expect(ids).toEqual(['cor2.12.ode', 'cor2.12.initial', 'thm4.Delta', 'thm4.Delta.bound']);
    const delta = report.results.find((result) => result.id === 'thm4.Delta')!;
    expect(delta.verdict).toBe('fails');
    expect(delta.correction?.verdict).toBe('holds');
    expect(delta.counterexample).toBeDefined();
    expect(report.summary.checkerBugs).toBe(0);
    expect(report.summary.entries).toBe(4);
  });

  it('prints the table and summary line without --json', () => {
    const { status, stdout } = run('--only', 'cor2.13', '--workers', '0');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^cor2\.13\.ode\s+\(13\)\s+identity\s+holds\s+symbolic \+ exact-rational/m);
    expect(stdout).toMatch(/2 checks: 2 hold, 0 hold as inequalities, 0 fail \(errata\), 0 unproved; 0 checker bugs/);
    expect(stdout).toMatch(/^by category: 2 identity, 0 inequality, 0 justification, 0 reading, 0 text$/m);
  });
});
