/**
 * The worker side of the protocol: one synchronous compute function per worker. Workers handle
 * one message at a time, and the page never queues more than one (see latestOnlyChannel.ts), so
 * no request waits behind a stale one.
 */
import { errorMessage } from './problems';
import { type Computed, type WorkerCall, type WorkerReply, wallClock } from './protocol';

/** The parts of DedicatedWorkerGlobalScope used here (the docs tsconfig has the DOM lib, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

/** Installs `compute` as the worker's message handler; exceptions become `{ ok: false, error }` replies. */
export function serveWorker<Request, Result>(compute: (request: Request) => Computed<Result>): void {
  const scope = globalThis as unknown as WorkerScope;
  scope.onmessage = (event) => {
    const { id, request, postedAt } = event.data as WorkerCall<Request>;
    const queuedMs = wallClock() - postedAt;
    const started = performance.now();
    let reply: WorkerReply<Result>;
    let transfer: Transferable[] = [];
    try {
      const computed = compute(request);
      transfer = computed.transfer;
      reply = { id, ok: true, result: computed.result, computeMs: performance.now() - started, queuedMs };
    } catch (error) {
      reply = { id, ok: false, error: errorMessage(error), computeMs: performance.now() - started, queuedMs };
    }
    scope.postMessage(reply, transfer);
  };
}
