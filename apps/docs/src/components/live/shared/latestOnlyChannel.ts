/**
 * Page-side request scheduling for a worker, so that a dragged slider never builds a queue:
 * at most one request is in the worker, and of the requests made meanwhile only the newest is
 * kept. A submission may have several passes (e.g. a coarse time grid, then the full one); later
 * passes run only while nothing newer is waiting. When the worker would go idle, an optional
 * background source may hand it one low-priority request at a time (precomputation); a submission
 * made meanwhile waits at most for that one request.
 */
import { type WorkerCall, type WorkerReply, wallClock } from './protocol';

/** One reply, with what it answers. */
export interface Delivery<Request, Result> {
  /** The request of this pass. */
  readonly request: Request;
  readonly result: Result | null;
  readonly error: string | null;
  /** Time the worker spent computing, in ms. */
  readonly computeMs: number;
  /** Time from posting the pass to the worker starting on it, in ms. */
  readonly queuedMs: number;
  /** performance.now() of the user input this submission answers. */
  readonly startedAt: number;
  /** performance.now() when the reply reached the page. */
  readonly receivedAt: number;
  /** Index of the pass within its submission. */
  readonly pass: number;
  /** Whether this was the submission's last pass. */
  readonly finalPass: boolean;
  /** Whether a newer submission is waiting (this result is already out of date). */
  readonly superseded: boolean;
}

interface Submission<Request> {
  readonly passes: readonly Request[];
  readonly startedAt: number;
}

/** Low-priority work run only while no submission is waiting or running. */
interface IdleWork<Request, Result> {
  /** The next request, or null when there is nothing left to precompute. */
  next(): Request | null;
  /** The reply to a request from `next` (a failed one is dropped: the interactive path reports errors). */
  deliver(request: Request, result: Result, computeMs: number): void;
}

/** Latest-only request channel to one worker; see the module comment. */
export class LatestOnlyChannel<Request, Result> {
  private worker: Worker;
  private nextId = 1;
  private inFlight: { readonly id: number; readonly submission: Submission<Request>; readonly pass: number } | null = null;
  /** The background request in the worker, if any (never at the same time as `inFlight`). */
  private idleInFlight: { readonly id: number; readonly request: Request; readonly source: IdleWork<Request, Result> } | null = null;
  private idleWork: IdleWork<Request, Result> | null = null;
  private pending: Submission<Request> | null = null;
  private disposed = false;

  constructor(
    private readonly createWorker: () => Worker,
    private readonly deliver: (delivery: Delivery<Request, Result>) => void,
  ) {
    this.worker = this.startWorker();
  }

  private startWorker(): Worker {
    const worker = this.createWorker();
    worker.onmessage = (event: MessageEvent<WorkerReply<Result>>) => this.receive(event.data);
    worker.onerror = (event: ErrorEvent) => {
      // A load or uncaught error: the worker may be dead, so replace it, report the failure once
      // and accept new work (compute errors never get here: serveWorker replies with them).
      event.preventDefault();
      worker.terminate();
      if (this.disposed) return;
      this.worker = this.startWorker();
      const current = this.inFlight;
      this.inFlight = null;
      this.idleInFlight = null;
      try {
        if (current) this.deliverFailure(current.submission, current.pass, event.message || 'the worker failed');
      } finally {
        this.startPending();
      }
    };
    return worker;
  }

  /** Queues a submission, replacing any that has not started yet. */
  submit(passes: readonly Request[], startedAt: number): void {
    if (this.disposed || passes.length === 0) return;
    this.pending = { passes, startedAt };
    if (this.busy()) return;
    this.startPending();
  }

  /** Sets (or clears) the background source and, if the worker is idle, starts it. */
  setIdleWork(work: IdleWork<Request, Result> | null): void {
    this.idleWork = work;
    if (!this.busy()) this.startIdle();
  }

  /** Stops the worker; later replies and submissions are ignored. */
  dispose(): void {
    this.disposed = true;
    this.worker.terminate();
  }

  private busy(): boolean {
    return this.inFlight !== null || this.idleInFlight !== null;
  }

  private receive(reply: WorkerReply<Result>): void {
    const receivedAt = performance.now();
    if (this.disposed) return;
    const background = this.idleInFlight;
    if (background !== null && reply.id === background.id) {
      this.idleInFlight = null;
      // To the source that asked, which may have been replaced meanwhile (and then ignores it).
      try {
        if (reply.ok) background.source.deliver(background.request, reply.result, reply.computeMs);
      } finally {
        if (this.pending !== null) this.startPending();
        else this.startIdle();
      }
      return;
    }
    const current = this.inFlight;
    if (current === null || reply.id !== current.id) return;
    this.inFlight = null;
    const { submission, pass } = current;
    const finalPass = pass === submission.passes.length - 1;
    try {
      this.deliver({
        request: submission.passes[pass],
        result: reply.ok ? reply.result : null,
        error: reply.ok ? null : reply.error,
        computeMs: reply.computeMs,
        queuedMs: reply.queuedMs,
        startedAt: submission.startedAt,
        receivedAt,
        pass,
        finalPass,
        superseded: this.pending !== null,
      });
    } finally {
      // A throwing consumer (a failed draw) must not leave newer input waiting forever.
      if (this.pending !== null) this.startPending();
      else if (!finalPass && reply.ok) this.post(submission, pass + 1);
      else this.startIdle();
    }
  }

  private deliverFailure(submission: Submission<Request>, pass: number, error: string): void {
    this.deliver({
      request: submission.passes[pass],
      result: null,
      error,
      computeMs: 0,
      queuedMs: 0,
      startedAt: submission.startedAt,
      receivedAt: performance.now(),
      pass,
      finalPass: true,
      superseded: this.pending !== null,
    });
  }

  private startPending(): void {
    const next = this.pending;
    this.pending = null;
    if (next !== null && !this.disposed) this.post(next, 0);
  }

  private startIdle(): void {
    const source = this.idleWork;
    if (this.disposed || source === null) return;
    const request = source.next();
    if (request === null) return;
    const id = this.nextId++;
    this.idleInFlight = { id, request, source };
    const call: WorkerCall<Request> = { id, request, postedAt: wallClock() };
    this.worker.postMessage(call);
  }

  private post(submission: Submission<Request>, pass: number): void {
    const id = this.nextId++;
    this.inFlight = { id, submission, pass };
    const call: WorkerCall<Request> = { id, request: submission.passes[pass], postedAt: wallClock() };
    this.worker.postMessage(call);
  }
}
