/**
 * Test helpers (not built): the CLI run as users run it, through its checked-in bin, and Python
 * with numpy as the independent reader of what it writes. A machine without Python or numpy skips
 * those checks and says so.
 */
import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const CLI = fileURLToPath(new URL('../../bin/factorflow.js', import.meta.url));
export const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../../fixtures/matrices/', import.meta.url));

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `factorflow ARGS` in `cwd`, with `input` on standard input. */
export function runCli(args: readonly string[], options: { cwd?: string; input?: Uint8Array } = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, input: options.input, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** {@link runCli} without blocking, so that independent runs share the machine's cores. */
export async function runCliAsync(args: readonly string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { timeout: 120_000, maxBuffer: 64 << 20 });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { status: failed.code ?? null, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/**
 * Interpreters to try, in order: `$FACTORFLOW_PYTHON`, `python3` on the PATH, and the system's
 * (a pyenv or venv python3 often lacks what Debian's python3-pandas installed, or the reverse).
 */
const CANDIDATES = [process.env.FACTORFLOW_PYTHON, 'python3', '/usr/bin/python3'].filter((name): name is string => name !== undefined && name !== '');

const found = new Map<string, string | null>();

/** The first interpreter that imports every module, or null. */
export function pythonWith(modules: readonly string[]): string | null {
  const key = [...modules].sort().join(',');
  if (!found.has(key)) {
    const program = modules.length === 0 ? 'pass' : `import ${modules.join(', ')}`;
    found.set(key, CANDIDATES.find((python) => spawnSync(python, ['-c', program], { encoding: 'utf8' }).status === 0) ?? null);
  }
  return found.get(key) ?? null;
}

/** Why a check that needs `modules` is skipped on this machine, printed so a green run says what it did not check. */
export function skipReason(modules: readonly string[], what: string): string | null {
  if (pythonWith(modules) !== null) return null;
  const reason = `skipped: ${what} needs Python with ${modules.join(', ')} (tried ${CANDIDATES.join(', ')}; set FACTORFLOW_PYTHON to choose one)`;
  console.log(reason);
  return reason;
}

/** What numpy reads from an `.npy` or a CSV `--out` file: the shape, dtype and order, the header, and every value exactly. */
export interface NumpyRead {
  readonly shape: number[];
  readonly dtype: string;
  readonly cOrder: boolean;
  /** CSV only: the header's column names. */
  readonly columns: string[];
  /** The entries, flattened in C order. */
  readonly values: number[];
}

// repr() of a Python float is the shortest text that reads back to the same double, and it spells
// NaN and infinities, which JSON cannot.
const READER = `
import json, sys
import numpy as np
kind, path = sys.argv[1], sys.argv[2]
columns = []
if kind == "npy":
    a = np.load(path)
elif kind == "svd":
    a = np.linalg.svd(np.load(path), compute_uv=False)
else:
    with open(path) as file:
        columns = file.readline().strip().split(",")
    a = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
print(json.dumps({"shape": list(a.shape), "dtype": a.dtype.str, "cOrder": bool(a.flags.c_contiguous), "columns": columns,
                  "values": [repr(float(x)) for x in a.ravel(order="C")]}))
`;

/**
 * Reads a file with numpy in the first interpreter that has it: `np.load` for `.npy`, `np.loadtxt`
 * for CSV, or with `svd` the singular values of the `.npy` matrix by numpy's LAPACK.
 */
export function readWithNumpy(path: string, kind: 'svd' | 'file' = 'file'): NumpyRead {
  const python = pythonWith(['numpy']);
  if (python === null) throw new Error('no Python with numpy');
  const mode = kind === 'svd' ? 'svd' : path.endsWith('.npy') ? 'npy' : 'csv';
  const result = spawnSync(python, ['-c', READER, mode, path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`numpy could not read ${path}: ${result.stderr}`);
  const read = JSON.parse(result.stdout) as Omit<NumpyRead, 'values'> & { values: string[] };
  return { ...read, values: read.values.map((text) => (text === 'nan' ? Number.NaN : text === 'inf' ? Infinity : text === '-inf' ? -Infinity : Number(text))) };
}

/** Entry by entry the same doubles (NaN equal to NaN, -0 told from +0). */
export function sameDoubles(actual: readonly number[], expected: readonly number[]): boolean {
  return actual.length === expected.length && actual.every((value, i) => Object.is(value, expected[i]));
}
