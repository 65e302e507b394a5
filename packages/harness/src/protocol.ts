/** The messages between {@link runOrdered}'s threads and {@link serveTasks}: private to the harness. */

/** A task posted to a worker thread. */
export interface TaskRequest<Task> {
  readonly task: Task;
}

/**
 * What a worker thread posts: that it has loaded and listens (so that loading, which can take
 * seconds for a module that builds a catalog, is not charged to the first task's time limit),
 * then for each task its result, or what it threw flattened to cloneable text.
 */
export type WorkerMessage<Result> =
  | { readonly ready: true }
  | { readonly result: Result }
  | { readonly error: { readonly message: string; readonly stack?: string } };
