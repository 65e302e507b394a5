/** The messages between {@link runOrdered}'s threads and {@link serveTasks}: private to the harness. */

/**
 * What the pool posts to a worker thread: a task, or the request to leave once the run is over.
 * A thread that leaves by itself ends cleanly; `Worker.terminate()` while V8 still compiles in
 * the background can abort the whole process (`Assertion failed: (data.first) != nullptr`), so
 * termination is kept for threads that are stuck in a task.
 */
export type TaskRequest<Task> = { readonly task: Task } | { readonly close: true };

/**
 * What a worker thread posts: that it has loaded and listens (so that loading, which can take
 * seconds for a module that builds a catalog, is not charged to the first task's time limit),
 * then for each task its result, or what it threw flattened to cloneable text.
 */
export type WorkerMessage<Result> =
  | { readonly ready: true }
  | { readonly result: Result }
  | { readonly error: { readonly message: string; readonly stack?: string } };
