/**
 * @packageDocumentation
 * `@factorflow/harness`: the infrastructure the factorflow checkers share, with no mathematics
 * and no dependencies. An ordered worker-thread pool with a per-task time limit
 * ({@link runOrdered}, and {@link serveTasks} on the worker side), a plain-text table
 * ({@link textTable}), a progress reporter ({@link progressReporter}), and the typed input error
 * ({@link InputError}) with the checks that harness and the symbolic catalog share.
 */
export { type OrderedRunOptions, WorkerTaskError, runOrdered, workerScriptIfBuilt } from './pool.js';
export { serveTasks } from './serve.js';
export { type TextTableOptions, textTable } from './table.js';
export { type ProgressOptions, type ProgressStream, progressReporter } from './progress.js';
export { type InputErrorCode, InputError, describeValue, requireArray, requireCallback, requireIntegerIn, requireRecord, requireText } from './validate.js';
