/**
 * Messages between the decode pool (main thread) and its worker threads.
 *
 * Flow control is credit based: the main thread grants a worker credits, one per batch it may
 * send; the worker pauses when it has none. So a fast decoder never piles batches up in front of
 * a slow consumer, and memory stays at `credits × batch size` per worker.
 *
 * @module
 */
import type { PackedBatch } from '../arrow/transfer.js';

/** Main → worker. */
export type ToWorker =
  | { readonly type: 'task'; readonly id: number; readonly task: unknown; readonly credits: number }
  | { readonly type: 'credit'; readonly id: number; readonly credits: number }
  | { readonly type: 'cancel'; readonly id: number };

/** Worker → main. */
export type FromWorker =
  | { readonly type: 'schema'; readonly id: number; readonly schema: Uint8Array }
  | { readonly type: 'batch'; readonly id: number; readonly batch: PackedBatch }
  | { readonly type: 'done'; readonly id: number; readonly summary: unknown }
  | { readonly type: 'error'; readonly id: number; readonly error: { code: string; message: string; details?: Record<string, unknown> } };
