/**
 * A pool of worker threads that turn tasks into streams of Arrow record batches.
 *
 * Each worker runs one task at a time; tasks queue when all workers are busy, so N files use
 * N cores. Batches cross threads with their buffers transferred, not copied
 * (see `arrow/transfer.ts`), under credit-based flow control (see `protocol.ts`).
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { RecordBatch, Schema } from 'apache-arrow';
import { unpackBatch, unpackSchema } from '../arrow/transfer.js';
import { ArrowSusError, throwIfAborted } from '../errors.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { deferred } from '../util/deferred.js';

/** Options for {@link WorkerPool}. */
export interface WorkerPoolOptions {
  /** Number of worker threads (default: the number of cores). */
  readonly size?: number;
  /** Batches a worker may send ahead of the consumer (default 2). */
  readonly credits?: number;
  /**
   * Heap limits of each thread (Node's `Worker` `resourceLimits`). Default: an 8 MiB young
   * generation, which the decoders and the Parquet codec fill mostly with short-lived objects —
   * measured on a 20-file SIH conversion on 2 cores: peak RSS 25–45 MiB lower on Node 20 and 24
   * (on Node 24, 470–511 → 438–445 MiB), time unchanged within noise, warm reads too.
   */
  readonly resourceLimits?: ResourceLimits;
  /**
   * A thread with no task for this many milliseconds ends, returning its memory (decoder buffers,
   * the Parquet codec's WebAssembly memory: ~100–150 MiB after a SIH conversion). Default 5,000:
   * back-to-back requests in one process (a loop over years, a server) keep threads whose code V8
   * has already optimised — a new thread spends ~0.25 CPU-seconds starting and compiling again —
   * and an idle process gives the memory back soon after. `Infinity` (or anything over ~24 days)
   * keeps idle threads.
   */
  readonly idleMs?: number;
}

/** The default young generation of a pool's threads (see {@link WorkerPoolOptions.resourceLimits}). */
const DEFAULT_RESOURCE_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 8 };

/** How long a thread may stay idle before it ends (see {@link WorkerPoolOptions.idleMs}). */
const DEFAULT_IDLE_MS = 5_000;
/** The longest delay `setTimeout` honours (longer ones fire after 1 ms). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The stream of one task: its batches, then its summary. */
export interface TaskStream<TSummary> extends AsyncIterable<RecordBatch> {
  /** The schema, known before the first batch (also for tables with no rows). */
  readonly schema: Promise<Schema>;
  /** Resolves after the last batch with what the worker reported; rejects with the task's error. */
  readonly summary: Promise<TSummary>;
}

interface Slot {
  readonly worker: Worker;
  busy: boolean;
  /** Ends the thread once it has been idle for `idleMs`. */
  idleTimer?: ReturnType<typeof setTimeout> | undefined;
}

interface Pending {
  readonly task: unknown;
  readonly start: (slot: Slot) => void;
}

/**
 * A fixed-size pool of worker threads running `script`. Create one per process and reuse it;
 * close it (or `await using`) to end the threads.
 *
 * @example
 * ```ts
 * await using pool = new WorkerPool(new URL('./decode-worker.js', import.meta.url), { size: 2 });
 * const stream = pool.run<Summary>({ path: 'RDSP2301.dbc' });
 * for await (const batch of stream) console.log(batch.numRows);
 * console.log(await stream.summary);
 * ```
 */
export class WorkerPool {
  readonly size: number;
  readonly #script: URL;
  readonly #credits: number;
  readonly #resourceLimits: ResourceLimits;
  readonly #idleMs: number;
  readonly #slots: Slot[] = [];
  readonly #queue: Pending[] = [];
  #nextId = 1;
  #closed = false;

  constructor(script: URL, options: WorkerPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.#script = script;
    this.#credits = Math.max(1, options.credits ?? 2);
    this.#resourceLimits = options.resourceLimits ?? DEFAULT_RESOURCE_LIMITS;
    this.#idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    if (!(this.#idleMs >= 0)) throw new ArrowSusError('INVALID_ARGUMENT', `workers: idleMs must be a number ≥ 0, got ${String(options.idleMs)}`);
  }

  /**
   * The threads running now, busy or idle (at most {@link WorkerPool.size}).
   *
   * @example
   * ```ts
   * pool.spawn();
   * console.log(pool.threads); // pool.size
   * ```
   */
  get threads(): number {
    return this.#slots.length;
  }

  /**
   * How many more tasks would start at once, on an idle thread or a thread not yet spawned:
   * {@link WorkerPool.size} minus busy threads minus queued tasks (never below 0).
   *
   * @example
   * ```ts
   * if (pool.idle > 0) pool.run(taskThatMayWaitOnTheNetwork);
   * ```
   */
  get idle(): number {
    let busy = 0;
    for (const slot of this.#slots) if (slot.busy) busy += 1;
    return Math.max(0, this.size - busy - this.#queue.length);
  }

  /**
   * Queues a task. Its batches arrive in order; breaking out of the loop cancels the task.
   * The task object must be structured-cloneable. Errors raised in the worker arrive as
   * {@link ArrowSusError}s with their original codes; a crashed worker gives `WORKER_FAILED`.
   *
   * @example
   * ```ts
   * for await (const batch of pool.run({ path }, { signal })) use(batch);
   * ```
   */
  run<TSummary>(task: unknown, options: { signal?: AbortSignal } = {}): TaskStream<TSummary> {
    if (this.#closed) throw new ArrowSusError('INVALID_ARGUMENT', 'workers: the pool is closed');
    const id = this.#nextId++;
    const queue: RecordBatch[] = [];
    let known: Schema | undefined;
    let finished = false;
    let failure: unknown;
    let wake: (() => void) | undefined;
    let slot: Slot | undefined;
    const schema = deferred<Schema>();
    const summary = deferred<TSummary>();

    const notify = (): void => {
      const resume = wake;
      wake = undefined;
      resume?.();
    };
    const fail = (error: unknown): void => {
      if (finished) return;
      finished = true;
      failure = error;
      schema.reject(error);
      summary.reject(error);
      release();
      notify();
    };
    const onMessage = (message: FromWorker): void => {
      if (message.id !== id) return;
      switch (message.type) {
        case 'schema':
          known = unpackSchema(message.schema);
          schema.resolve(known);
          break;
        case 'batch':
          if (known !== undefined) queue.push(unpackBatch(known, message.batch));
          break;
        case 'done':
          finished = true;
          summary.resolve(message.summary as TSummary);
          release();
          break;
        case 'error':
          fail(ArrowSusError.fromJSON(message.error));
          break;
      }
      notify();
    };
    const onExit = (code: number): void => {
      fail(new ArrowSusError('WORKER_FAILED', `workers: a decoding thread exited with code ${code}`));
    };
    const onError = (error: Error): void => {
      fail(new ArrowSusError('WORKER_FAILED', `workers: a decoding thread crashed: ${error.message}`, { cause: error }));
    };
    const release = (): void => {
      if (slot === undefined) return;
      const current = slot;
      slot = undefined;
      current.worker.off('message', onMessage);
      current.worker.off('exit', onExit);
      current.worker.off('error', onError);
      if (failure !== undefined && ArrowSusError.is(failure, 'WORKER_FAILED')) {
        this.#discard(current);
      } else {
        current.busy = false;
        this.#dispatch();
      }
    };
    const start = (assigned: Slot): void => {
      slot = assigned;
      assigned.worker.on('message', onMessage);
      assigned.worker.on('exit', onExit);
      assigned.worker.on('error', onError);
      post(assigned, { type: 'task', id, task, credits: this.#credits });
    };
    const onAbort = (): void => {
      if (slot !== undefined && !finished) post(slot, { type: 'cancel', id });
      fail(new ArrowSusError('ABORTED', 'workers: task aborted by the caller', { cause: options.signal?.reason }));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    this.#queue.push({ task, start });
    this.#dispatch();
    const dequeue = (starter: (slot: Slot) => void): void => {
      const index = this.#queue.findIndex((pending) => pending.start === starter);
      if (index >= 0) this.#queue.splice(index, 1);
    };

    const iterate = async function* (): AsyncGenerator<RecordBatch> {
      try {
        throwIfAborted(options.signal);
        while (true) {
          const batch = queue.shift();
          if (batch !== undefined) {
            if (slot !== undefined && !finished) post(slot, { type: 'credit', id, credits: 1 });
            yield batch;
            continue;
          }
          if (failure !== undefined) throw failure;
          if (finished) return;
          await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
        if (!finished) {
          // The consumer stopped early: cancel the task and free the worker.
          if (slot !== undefined) post(slot, { type: 'cancel', id });
          finished = true;
          failure = new ArrowSusError('ABORTED', 'workers: task cancelled by its consumer');
          schema.reject(failure);
          summary.reject(failure);
          release();
          dequeue(start);
        }
      }
    };
    const iterable = iterate();
    return {
      schema: schema.promise,
      summary: summary.promise,
      [Symbol.asyncIterator]: () => iterable,
    };
  }

  /**
   * Ends all worker threads. Running tasks fail with `ABORTED`.
   *
   * @example
   * ```ts
   * await pool.close();
   * ```
   */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#slots].map((slot) => this.#end(slot)));
  }

  /**
   * Starts worker threads now, up to `count` in all (default: the pool's size), so that their
   * start-up — a Node.js environment and the decoder's modules, ~150 ms each — overlaps other
   * work (a download) instead of delaying the first task. Idle threads do not keep the process
   * alive. Does nothing on a closed pool.
   *
   * @example
   * ```ts
   * pool.spawn(); // then download, then pool.run(...)
   * ```
   */
  spawn(count = this.size): void {
    if (this.#closed) return;
    while (this.#slots.length < Math.min(count, this.size)) this.#slots.push(this.#newSlot());
    // Threads spawned for work that never comes end like any idle thread.
    this.#dispatch();
  }

  /**
   * Ends the idle worker threads, returning their memory: a worker keeps its decoder buffers and
   * any WebAssembly memory it grew (the Parquet reader's, zstd's) for good. Busy workers are left alone, and later
   * tasks start new threads as needed. Returns how many threads ended.
   *
   * @example
   * ```ts
   * await pool.trim(); // before a long phase that needs no decoding
   * ```
   */
  async trim(): Promise<number> {
    const idle = this.#slots.filter((slot) => !slot.busy);
    await Promise.all(idle.map((slot) => this.#end(slot)));
    return idle.length;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let slot = this.#slots.find((candidate) => !candidate.busy);
      if (slot === undefined && this.#slots.length < this.size) {
        slot = this.#newSlot();
        this.#slots.push(slot);
      }
      if (slot === undefined) return;
      const pending = this.#queue.shift()!;
      slot.busy = true;
      clearTimeout(slot.idleTimer);
      slot.idleTimer = undefined;
      slot.worker.ref();
      pending.start(slot);
    }
    for (const slot of this.#slots) {
      if (slot.busy) continue;
      slot.worker.unref();
      // Longer than a timer can wait (~24.8 days): as good as forever.
      if (slot.idleTimer === undefined && this.#idleMs <= MAX_TIMER_MS) {
        slot.idleTimer = setTimeout(() => this.#endIdle(slot), this.#idleMs);
        // An idle pool does not keep the process alive.
        slot.idleTimer.unref();
      }
    }
  }

  #endIdle(slot: Slot): void {
    slot.idleTimer = undefined;
    if (!slot.busy && this.#slots.includes(slot)) void this.#end(slot);
  }

  /** Takes `slot` out of the pool (if still in it) and ends its thread. */
  #end(slot: Slot): Promise<number> {
    clearTimeout(slot.idleTimer);
    const index = this.#slots.indexOf(slot);
    if (index >= 0) this.#slots.splice(index, 1);
    return slot.worker.terminate();
  }

  #newSlot(): Slot {
    const worker = new Worker(this.#script, { resourceLimits: this.#resourceLimits });
    // Idle workers must not keep the process alive.
    worker.unref();
    return { worker, busy: false };
  }

  #discard(slot: Slot): void {
    void this.#end(slot);
    this.#dispatch();
  }
}

function post(slot: Slot, message: ToWorker): void {
  slot.worker.postMessage(message);
}
