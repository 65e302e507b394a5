/**
 * The robustness contract of every public function, checked by fast-check: called with malformed
 * or extreme arguments (see hostile.ts), a function returns a result with no NaN and no infinity
 * (save fields documented to be infinite), or throws a typed error whose `argument` names one of
 * its parameters or options and whose message says what to do; never another error, and never a
 * hang. Each call runs under a time budget in a `node:vm` script, whose timeout interrupts even a
 * synchronous loop, so a hang fails one property instead of stalling the run.
 */
import vm from 'node:vm';

import fc from 'fast-check';

import { FactorflowInputError, FactorflowNumericalError } from '../errors.js';
import { PROPERTY_SEED } from './arbitraries.js';
import { type PathOptions, type Variant, hostileVariants, isOpenRecord, pathName, withValueAt } from './hostile.js';

/** A class of typed errors (core's two, or the input error of a package that cannot import core). */
export type ErrorType = abstract new (...args: never[]) => Error;

/** How to drive one public function. */
export interface RobustnessSpec {
  /** Parameter names in order; a typed error names one of them, or a field of an options object. */
  readonly parameters: readonly string[];
  /** Valid arguments, built afresh for each call, and small enough that a call takes milliseconds. */
  readonly valid: () => readonly unknown[];
  /** Invariants of a result (on valid arguments, or extreme ones that were accepted); throws when one fails. */
  readonly check?: (result: unknown, args: readonly unknown[]) => void;
  /** The result holds the caller's own values (what a callback returned), so their numbers are not the function's to check. */
  readonly opaqueResult?: boolean;
  /** Result fields documented to be +Infinity or -Infinity, as normalized paths (`intervals[].end`; '' for the result itself). */
  readonly infinite?: readonly string[];
  /** What the valid value at a path allows (free text, any kind, a work budget), keyed by path name. */
  readonly paths?: PathOptions;
  /** Argument lists of the function's own domain (graded spectra, rescaled problems), tried besides the variants. */
  readonly cases?: fc.Arbitrary<readonly unknown[]>;
  /** Names an error may give besides the parameters and option fields (e.g. a field of an argument object). */
  readonly argumentNames?: readonly string[];
  /** The function returns a promise: wait for it (within the budget). */
  readonly async?: boolean;
  /** Runs of the property (default 40). */
  readonly numRuns?: number;
  /** Known breaches of the contract being fixed elsewhere (see {@link PendingIssue}). */
  readonly pending?: readonly PendingIssue[];
}

/**
 * A breach of the contract that is known and being fixed elsewhere (`reason` says where). Its fixed
 * variants, named `<label> at <path>`, must still break the contract: once the fix lands the suite
 * says to remove them, so the exception cannot outlive the bug. Random variants for which `random`
 * holds are not judged.
 */
export interface PendingIssue {
  readonly reason: string;
  readonly fixed: readonly string[];
  readonly random?: (variant: Variant) => boolean;
}

/** Run-wide settings of {@link checkRobustness}. */
export interface RobustnessOptions {
  /** The typed error classes (default: FactorflowInputError and FactorflowNumericalError). */
  readonly errors?: readonly ErrorType[];
  /** Wall-clock budget of one call in milliseconds (default 5000). */
  readonly budgetMs?: number;
}

/** What one call did. */
export type Outcome = { readonly kind: 'result'; readonly value: unknown } | { readonly kind: 'error'; readonly error: unknown } | { readonly kind: 'timeout' };

const DEFAULT_BUDGET_MS = 5000;

const sandbox = vm.createContext({ call: undefined as (() => unknown) | undefined });
const invoke = new vm.Script('call()');

/** Runs `call` with at most `budgetMs` of synchronous work. */
export function runWithinBudget(call: () => unknown, budgetMs: number): Outcome {
  sandbox.call = call;
  try {
    return { kind: 'result', value: invoke.runInContext(sandbox, { timeout: budgetMs }) };
  } catch (error) {
    // The timeout error is made in the script's realm, so it is recognized by its code, not its class.
    if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { kind: 'timeout' };
    return { kind: 'error', error };
  } finally {
    sandbox.call = undefined;
  }
}

/** Like {@link runWithinBudget}, then waits at most `budgetMs` for a returned promise. */
export async function runWithinBudgetAsync(call: () => unknown, budgetMs: number): Promise<Outcome> {
  const outcome = runWithinBudget(call, budgetMs);
  if (outcome.kind !== 'result' || !(outcome.value instanceof Promise)) return outcome;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), budgetMs);
  });
  const settled = outcome.value.then(
    (value: unknown): Outcome => ({ kind: 'result', value }),
    (error: unknown): Outcome => ({ kind: 'error', error }),
  );
  try {
    return await Promise.race([settled, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Field names of the plain objects among the arguments, two levels deep: the options a typed error may name. */
function fieldNames(args: readonly unknown[]): string[] {
  const names: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 2 || !isOpenRecord(value)) return;
    for (const [key, field] of Object.entries(value)) {
      names.push(key);
      visit(field, depth + 1);
    }
  };
  args.forEach((value) => visit(value, 1));
  return names;
}

/** A message that tells the caller what to do uses one of these words. */
const SAYS_WHAT_TO_DO =
  /\b(must|expected|expects|needs?|pass|give|use|check|rescale|choose|lower|raise|reduce|increase|set|call|convert|make|try|split|remove|pick|loosen|tighten|stop|leave|add|drop|build|at most|at least|should|only)\b/i;

/** How a value is shown in a failure report. */
export function describeValue(value: unknown): string {
  try {
    return fc.stringify(value).slice(0, 300);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function describeError(error: unknown): string {
  // The first frames say where it was thrown; the rest is the suite's own machinery.
  if (error instanceof Error) return `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 4).join('\n')}`;
  return `a non-Error ${describeValue(error)}`;
}

/** The first NaN, or infinity at a path not in `infinite`, in `value` (a number, array, typed array, Matrix or object), with its path. */
export function nonFiniteIn(value: unknown, infinite: readonly string[] = []): string | null {
  const seen = new Set<object>();
  const visit = (node: unknown, path: string, normalized: string): string | null => {
    if (typeof node === 'number') {
      if (Number.isFinite(node)) return null;
      return !Number.isNaN(node) && infinite.includes(normalized) ? null : `${path || 'the result'} is ${node}`;
    }
    if (typeof node !== 'object' || node === null || seen.has(node)) return null;
    seen.add(node);
    if (ArrayBuffer.isView(node) && !(node instanceof DataView)) {
      const array = node as unknown as ArrayLike<unknown>;
      for (let i = 0; i < array.length; i++) {
        const found = visit(array[i], `${path}[${i}]`, `${normalized}[]`);
        if (found !== null) return found;
      }
      return null;
    }
    const entries: [string, unknown][] = Array.isArray(node) ? node.map((item, i) => [String(i), item]) : Object.entries(node);
    for (const [key, item] of entries) {
      const index = Array.isArray(node) || /^\d+$/.test(key);
      const found = visit(item, index ? `${path}[${key}]` : path ? `${path}.${key}` : key, index ? `${normalized}[]` : normalized ? `${normalized}.${key}` : key);
      if (found !== null) return found;
    }
    return null;
  };
  return visit(value, '', '');
}

/** What is wrong with an outcome under the contract, or null. */
export function contractViolation(
  spec: RobustnessSpec,
  args: readonly unknown[],
  variant: Variant | null,
  outcome: Outcome,
  options: RobustnessOptions = {},
): string | null {
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  if (outcome.kind === 'timeout') return `no answer within ${budget} ms (a hang, or work out of proportion to the input)`;
  if (outcome.kind === 'error') {
    const { error } = outcome;
    const types = options.errors ?? [FactorflowInputError, FactorflowNumericalError];
    if (!types.some((type) => error instanceof type)) return `threw ${describeError(error)}`;
    const { argument, code, message } = error as Error & { argument?: unknown; code?: unknown };
    if (typeof code !== 'string' || typeof argument !== 'string' || argument === '') return `a typed error without a code or argument: ${message}`;
    // The options of the valid arguments count even when a variant replaced their object.
    const names = new Set([...spec.parameters, ...fieldNames(spec.valid()), ...fieldNames(args), ...(spec.argumentNames ?? [])]);
    const root = argument.split(/[.[\s]/)[0];
    if (!names.has(root)) return `the error names '${argument}', which is not one of ${[...names].join(', ')}: ${message}`;
    if (!message.startsWith(`${argument}: `)) return `the message does not start with the argument's name: ${message}`;
    if (/internal error|please report/i.test(message)) return `an internal error: ${message}`;
    if (!SAYS_WHAT_TO_DO.test(message.slice(argument.length))) return `the message does not say what to do: ${message}`;
    return null;
  }
  if (variant?.mustReject) return `accepted ${variant.label} at ${pathName(variant.path, spec.parameters)} and returned ${describeValue(outcome.value)}`;
  const nonFinite = spec.opaqueResult ? null : nonFiniteIn(outcome.value, spec.infinite);
  if (nonFinite !== null) return `returned a non-finite number: ${nonFinite}`;
  try {
    spec.check?.(outcome.value, args);
  } catch (error) {
    return `a wrong result: ${error instanceof Error ? error.message : String(error)}`;
  }
  return null;
}

/** One random trial: a parametric variant of the valid arguments, or a case of the function's own domain. */
type Trial = { readonly variant: Variant } | { readonly args: readonly unknown[] };

function argumentsOf(spec: RobustnessSpec, trial: Trial): { args: readonly unknown[]; variant: Variant | null } {
  if ('args' in trial) return { args: trial.args, variant: null };
  return { args: withValueAt(spec.valid(), trial.variant.path, trial.variant.value), variant: trial.variant };
}

function report(name: string, spec: RobustnessSpec, args: readonly unknown[], variant: Variant | null, problem: string): string {
  const what = variant === null ? 'a valid or domain case' : `${variant.label} at ${pathName(variant.path, spec.parameters)}`;
  return `${name}(${args.map(describeValue).join(', ')}) [${what}]: ${problem}`;
}

/** The trials of a spec: the valid arguments, every fixed variant, then random ones (parametric variants and domain cases). */
function trialsOf(spec: RobustnessSpec): { fixed: Trial[]; random: fc.Arbitrary<Trial> | null } {
  const baseline = spec.valid();
  const { fixed, random } = hostileVariants(baseline, spec.parameters, spec.paths);
  const randoms = [...(random === null ? [] : [random.map((variant): Trial => ({ variant }))]), ...(spec.cases === undefined ? [] : [spec.cases.map((args): Trial => ({ args }))])];
  return { fixed: [{ args: baseline }, ...fixed.map((variant) => ({ variant }))], random: randoms.length === 0 ? null : fc.oneof(...randoms) };
}

type Runner = (call: () => unknown, budgetMs: number) => Outcome | Promise<Outcome>;

/** Runs every trial of `spec` on `fn` with `run`, throwing one error that lists every violation. */
async function check(name: string, fn: (...args: never[]) => unknown, spec: RobustnessSpec, options: RobustnessOptions, run: Runner): Promise<void> {
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const call = (args: readonly unknown[]) => () => (fn as (...args: readonly unknown[]) => unknown)(...args);
  const { fixed, random } = trialsOf(spec);
  const violations: string[] = [];
  const issues = spec.pending ?? [];
  const pending = new Map(issues.flatMap((issue) => issue.fixed.map((key) => [key, issue.reason] as const)));
  for (const trial of fixed) {
    const { args, variant } = argumentsOf(spec, trial);
    const violation = contractViolation(spec, args, variant, await run(call(args), budget), options);
    const key = variant === null ? '' : `${variant.label} at ${pathName(variant.path, spec.parameters)}`;
    const reason = pending.get(key);
    if (pending.delete(key)) {
      if (violation === null) violations.push(`${name} [${key}]: listed as pending (${reason}) but keeps the contract now; remove it from the spec.`);
    } else if (violation !== null) violations.push(report(name, spec, args, variant, violation));
  }
  for (const key of pending.keys()) violations.push(`${name} [${key}]: listed as pending, but no fixed trial has that name; remove it from the spec.`);
  if (violations.length > 0) throw new Error(`${violations.length} of ${fixed.length} fixed trials break the contract:\n- ${violations.join('\n- ')}`);
  if (random === null) return;
  await fc.assert(
    fc.asyncProperty(random, async (trial) => {
      const { args, variant } = argumentsOf(spec, trial);
      if (variant !== null && issues.some((issue) => issue.random?.(variant))) return;
      const violation = contractViolation(spec, args, variant, await run(call(args), budget), options);
      if (violation !== null) throw new Error(report(name, spec, args, variant, violation));
    }),
    // No shrinking: a variant already names what was wrong, and shrinking a hang costs a budget per step.
    { seed: PROPERTY_SEED, numRuns: spec.numRuns ?? 40, endOnFailure: true },
  );
}

/**
 * Checks the robustness contract of `fn`: on its valid arguments, on every fixed variant of each
 * argument and option (one at a time), and on `numRuns` random ones (rescaled and graded values,
 * the spec's own cases) drawn with the fixed {@link PROPERTY_SEED}. A failure lists each broken
 * fixed trial, or gives fast-check's report (seed, path and shrunk counterexample) for a random one.
 */
export async function checkRobustness(name: string, fn: (...args: never[]) => unknown, spec: RobustnessSpec, options: RobustnessOptions = {}): Promise<void> {
  await check(name, fn, spec, options, spec.async ? runWithinBudgetAsync : runWithinBudget);
}

/**
 * The functions a module exports that have neither a spec nor a stated reason to be left out, the
 * specs and exclusions naming nothing it exports, and exclusions whose reason is not a sentence:
 * all three lists must be empty, so that a new export cannot skip the robustness suite.
 */
export function robustnessCoverage(
  exports: Readonly<Record<string, unknown>>,
  specs: Readonly<Record<string, unknown>>,
  excluded: Readonly<Record<string, string>> = {},
): { readonly missing: string[]; readonly stale: string[]; readonly unexplained: string[] } {
  const functions = Object.keys(exports).filter((key) => typeof exports[key] === 'function');
  const covered = new Set([...Object.keys(specs), ...Object.keys(excluded)]);
  return {
    missing: functions.filter((key) => !covered.has(key)).sort(),
    stale: [...covered].filter((key) => !functions.includes(key)).sort(),
    unexplained: Object.keys(excluded).filter((key) => excluded[key].trim().length < 20).sort(),
  };
}

/** The exports of a package entry that `modules` define: the part of a layer one robustness file covers. */
export function exportsDefinedBy(entry: Readonly<Record<string, unknown>>, ...modules: readonly Readonly<Record<string, unknown>>[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([name]) => modules.some((module) => name in module)));
}
