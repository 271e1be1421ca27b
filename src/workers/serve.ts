/**
 * The worker-thread side of the pool: receives tasks, runs a handler, streams its batches back
 * under credit-based flow control.
 *
 * @module
 */
import { parentPort } from 'node:worker_threads';
import type { RecordBatch, Schema } from 'apache-arrow';
import { packBatch, packSchema } from '../arrow/transfer.js';
import type { PackedBatch } from '../arrow/transfer.js';
import { ArrowSusError } from '../errors.js';
import type { FromWorker, ToWorker } from './protocol.js';

/** What a task handler uses to send results back. */
export interface TaskOutput {
  /** Sends the schema; call once, before the first batch. */
  schema(schema: Schema): void;
  /**
   * Sends one batch, transferring its buffers (the batch must not be used afterwards).
   * Resolves when the consumer has room for another one.
   */
  batch(batch: RecordBatch): Promise<void>;
  /** Like {@link TaskOutput.batch}, for a batch already packed (`arrow/transfer.ts`). */
  packed(batch: PackedBatch, transfer: ArrayBuffer[]): Promise<void>;
}

/** A function that runs one task in a worker and resolves to its (cloneable) summary. */
export type TaskHandler = (task: unknown, output: TaskOutput, signal: AbortSignal) => Promise<unknown>;

/**
 * Serves tasks from the pool with `handler`. Call once at the top level of a worker script.
 *
 * @example
 * ```ts
 * // my-worker.ts
 * serveTasks(async (task, output, signal) => {
 *   output.schema(schema);
 *   for await (const batch of decode(task, signal)) await output.batch(batch);
 *   return { rows };
 * });
 * ```
 */
export function serveTasks(handler: TaskHandler): void {
  const port = parentPort;
  if (port === null) throw new ArrowSusError('INTERNAL', 'workers: serveTasks must run in a worker thread');
  const send = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
  let current: { id: number; credits: number; controller: AbortController; wake: (() => void) | undefined } | undefined;

  port.on('message', (message: ToWorker) => {
    if (message.type === 'task') {
      const state = { id: message.id, credits: message.credits, controller: new AbortController(), wake: undefined as (() => void) | undefined };
      current = state;
      const output: TaskOutput = {
        schema: (schema) => send({ type: 'schema', id: state.id, schema: packSchema(schema) }),
        batch: async (batch) => {
          await sendPacked(() => packBatch(batch));
        },
        packed: async (batch, transfer) => {
          await sendPacked(() => ({ packed: batch, transfer }));
        },
      };
      // Waits for a credit, then sends (packing only once the batch can go).
      const sendPacked = async (pack: () => { packed: PackedBatch; transfer: ArrayBuffer[] }): Promise<void> => {
        while (state.credits <= 0 && !state.controller.signal.aborted) {
          await new Promise<void>((resolve) => (state.wake = resolve));
        }
        if (state.controller.signal.aborted) {
          throw new ArrowSusError('ABORTED', 'workers: task cancelled');
        }
        state.credits -= 1;
        const { packed, transfer } = pack();
        send({ type: 'batch', id: state.id, batch: packed }, transfer);
      };
      handler(message.task, output, state.controller.signal).then(
        (summary) => {
          if (!state.controller.signal.aborted) send({ type: 'done', id: state.id, summary });
        },
        (error: unknown) => {
          if (state.controller.signal.aborted) return;
          const typed = ArrowSusError.is(error)
            ? error
            : new ArrowSusError('INTERNAL', `workers: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          send({ type: 'error', id: state.id, error: { code: typed.code, message: typed.message, details: JSON.parse(JSON.stringify(typed.details)) as Record<string, unknown> } });
        },
      );
    } else if (current !== undefined && message.id === current.id) {
      if (message.type === 'credit') current.credits += message.credits;
      else current.controller.abort();
      const wake = current.wake;
      current.wake = undefined;
      wake?.();
    }
  });
}
