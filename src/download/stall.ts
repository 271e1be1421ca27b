/**
 * Stall detection: a transfer that delivers no byte for a while is cut, so the download
 * manager can resume it from the bytes already on disk (servers sometimes keep a data
 * connection open without sending anything).
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';

/**
 * Options of {@link withStallTimeout}.
 *
 * @example
 * ```ts
 * withStallTimeout(chunks, 30_000, () => controller.abort(), { started });
 * ```
 */
export interface StallOptions {
  /**
   * Resolves when the transfer really starts (e.g. after waiting for a pooled connection); the
   * clock for the first chunk runs from then. Default: the clock runs from the first `next()`.
   */
  readonly started?: Promise<void>;
}

/**
 * Passes chunks through; when none arrives within `stallMs` after the previous one (or the
 * start), calls `onStall` (which should abort the transfer) and throws `SOURCE_TIMEOUT`. The
 * clock only runs while waiting for the source, not while the consumer writes.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * for await (const chunk of withStallTimeout(source.download(path, { signal: controller.signal }), 30_000, () => controller.abort())) write(chunk);
 * ```
 */
export async function* withStallTimeout<T>(input: AsyncIterable<T>, stallMs: number, onStall: () => void, options: StallOptions = {}): AsyncGenerator<T> {
  const iterator = input[Symbol.asyncIterator]();
  let stalled = false;
  let started = options.started === undefined;
  options.started?.then(
    () => {
      started = true;
    },
    () => undefined,
  );
  try {
    for (;;) {
      const next = iterator.next();
      let timer: NodeJS.Timeout | undefined;
      let waiting = true;
      const timeout = new Promise<'stall'>((resolve) => {
        const arm = (): void => {
          if (waiting) timer = setTimeout(() => resolve('stall'), stallMs);
        };
        if (started) arm();
        else options.started?.then(arm, () => undefined);
      });
      let result: IteratorResult<T> | 'stall';
      try {
        result = await Promise.race([next, timeout]);
      } finally {
        waiting = false;
        clearTimeout(timer);
      }
      if (result === 'stall') {
        stalled = true;
        next.catch(() => undefined); // it rejects once the transfer is aborted
        onStall();
        throw new ArrowSusError('SOURCE_TIMEOUT', `download: no data for ${stallMs} ms (transfer stalled; resuming)`, { details: { stallMs } });
      }
      if (result.done === true) return;
      started = true;
      yield result.value;
    }
  } finally {
    // After a stall a next() is still pending: return() would queue behind it, so don't wait.
    const closing = iterator.return?.();
    if (stalled) closing?.catch(() => undefined);
    else await closing;
  }
}
