/**
 * The message format between the live components and their Web Workers: every request carries an
 * id so that the page can drop replies to requests it has superseded.
 */

/** Page -> worker. */
export interface WorkerCall<Request> {
  readonly id: number;
  readonly request: Request;
  /** Wall-clock ms (timeOrigin + now, comparable across threads) when the page posted the call. */
  readonly postedAt: number;
}

/** Timing of one call as the worker saw it. */
interface WorkerTiming {
  readonly computeMs: number;
  /** From the page posting the call to the worker starting on it (queueing, thread wake-up). */
  readonly queuedMs: number;
}

/** Worker -> page: a result or the message of the exception core threw, and the timing. */
export type WorkerReply<Result> =
  | ({ readonly id: number; readonly ok: true; readonly result: Result } & WorkerTiming)
  | ({ readonly id: number; readonly ok: false; readonly error: string } & WorkerTiming);

/** Milliseconds on a clock shared by the page and its workers. */
export function wallClock(): number {
  return performance.timeOrigin + performance.now();
}

/** What a worker's compute function returns: the result and the buffers to move rather than copy. */
export interface Computed<Result> {
  readonly result: Result;
  readonly transfer: Transferable[];
}

/** The buffers of typed arrays, deduplicated, for a transfer list. */
export function buffersOf(arrays: readonly (Float64Array | null | undefined)[]): Transferable[] {
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) {
    if (array && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  }
  return Array.from(buffers);
}
