/**
 * A promise settled from outside, for values a stream learns along the way (a schema before the
 * first batch, a summary after the last).
 *
 * @module
 */

/** A promise with its settle functions. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * Creates a deferred promise. Its rejection is marked handled, so callers that never await it
 * (they only iterate the stream) see no unhandled-rejection warnings.
 *
 * @example
 * ```ts
 * const schema = deferred<Schema>();
 * schema.resolve(batch.schema);
 * await schema.promise;
 * ```
 */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
