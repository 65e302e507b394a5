/**
 * The JSON the `factorflow` commands print. Every object names its format in a `schema` key, the
 * first key, so that a file or a line says what it holds before anything else. The symbolic
 * report is tagged by @factorflow/symbolic, which owns that format.
 */

/**
 * The schema tag of each JSON output of `factorflow`. The version after the slash changes when a
 * field changes meaning or disappears.
 */
export const SCHEMA = {
  verify: 'factorflow-verify/1',
  plan: 'factorflow-plan/1',
  trajectory: 'factorflow-trajectory/1',
  udvRun: 'factorflow-udv-run/1',
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
