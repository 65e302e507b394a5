/**
 * A worker for slow background jobs (seconds, e.g. the window search at n = 50) that cannot be
 * interrupted from inside: a new job terminates the running one and starts a fresh worker, so a
 * stale computation never holds a CPU core the interactive path needs.
 */
import { type WorkerCall, type WorkerReply, wallClock } from '../shared/protocol';

/** Runs one job at a time on a worker it replaces when a job is cancelled. */
export class RestartableJob<Request, Result> {
  private worker: Worker | null = null;
  private busy = false;
  private nextId = 1;
  private disposed = false;

  constructor(private readonly createWorker: () => Worker) {}

  /** Starts `request`, cancelling any running job; `done` gets the reply of this job only. */
  run(request: Request, done: (reply: WorkerReply<Result>) => void): void {
    if (this.disposed) return;
    this.cancel();
    const worker = this.ensureWorker();
    const id = this.nextId++;
    this.busy = true;
    worker.onmessage = (event: MessageEvent<WorkerReply<Result>>) => {
      if (event.data.id !== id) return;
      this.busy = false;
      done(event.data);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      // The worker may be dead (a load error): the next job gets a fresh one.
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      this.busy = false;
      done({ id, ok: false, error: event.message || 'the worker failed', computeMs: 0, queuedMs: 0 });
    };
    const call: WorkerCall<Request> = { id, request, postedAt: wallClock() };
    worker.postMessage(call);
  }

  /** Stops the running job, if any (its reply is never delivered). */
  cancel(): void {
    if (this.busy && this.worker !== null) {
      this.worker.terminate();
      this.worker = null;
    }
    this.busy = false;
  }

  dispose(): void {
    this.disposed = true;
    this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): Worker {
    if (this.worker === null) this.worker = this.createWorker();
    return this.worker;
  }
}
