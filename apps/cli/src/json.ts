/**
 * The JSON the `factorflow` commands print. Every object names its format in a `schema` key, the
 * first key, so that a file or a line says what it holds before anything else; each tag has a
 * JSON Schema in `apps/cli/schemas/` (shipped as `@factorflow/cli/schemas/*`) whose
 * `properties.schema.const` is the tag. The symbolic report is tagged by @factorflow/symbolic,
 * which owns that format.
 */

/**
 * The schema tag of each JSON output of `factorflow`. The version after the slash changes when a
 * field changes meaning or disappears; the sweeps are at 2 because version 1 was one document per
 * setup printed at the end (under a `format` key), where 2 streams a line per finished cell.
 */
export const SCHEMA = {
  verify: 'factorflow-verify/2',
  plan: 'factorflow-plan/1',
  certify: 'factorflow-certify/1',
  trajectory: 'factorflow-trajectory/1',
  asymmetricTrajectory: 'factorflow-asymmetric-trajectory/1',
  udvRun: 'factorflow-udv-run/1',
  udvSweep: 'factorflow-udv-sweep/2',
  udvRadius: 'factorflow-udv-radius-sweep/2',
  udvNetwork: 'factorflow-udv-network/1',
} as const;

/** One of the tags of {@link SCHEMA}. */
export type SchemaTag = (typeof SCHEMA)[keyof typeof SCHEMA];

/** `value` with `schema` as its first key. */
export function tagged<Tag extends SchemaTag, Value extends object>(schema: Tag, value: Value): { readonly schema: Tag } & Value {
  return { schema, ...value };
}

/** One JSON document on stdout, indented for people. */
export function printJson(value: object): void {
  console.log(JSON.stringify(value, null, 2));
}

/**
 * One JSON Lines record on stdout, as soon as it is known, while a sweep keeps the event loop busy:
 * Node writes to a file or a terminal synchronously, and to a pipe at once while the pipe has room
 * (only a reader that stopped reading leaves a line queued). So an interrupted run keeps every
 * line before the interruption.
 */
export function printJsonLine(value: object): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
  // A reader that went away (`| head -n 1`) marks stdout errored at once, while the EPIPE event
  // comes only once the event loop is free, after the whole sweep: stop now instead.
  if ((process.stdout.errored as NodeJS.ErrnoException | null)?.code === 'EPIPE') throw new ReaderGoneError();
}

/** Thrown when stdout's reader has closed the pipe: nobody reads what follows, so the command stops. */
export class ReaderGoneError extends Error {
  override readonly name = 'ReaderGoneError';

  constructor() {
    super('the reader of standard output closed it');
  }
}
