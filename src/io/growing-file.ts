/**
 * A file read while another thread is still writing it: a download converted as its bytes land.
 *
 * The writer (the thread downloading) and the reader (a worker thread converting) share a
 * {@link GrowthCell}: a few integers in a `SharedArrayBuffer` saying how many bytes are on disk,
 * whether the file is complete (with its SHA-256), or whether the writer gave it up (a transfer
 * that restarted from byte zero, a failed download). The reader sleeps on the cell with
 * `Atomics.waitAsync` between writes instead of polling the file, and only ever reads bytes the
 * writer has announced, so it never sees a half-written chunk.
 *
 * @module
 */
import type { FileHandle } from 'node:fs/promises';
import { ArrowSusError, throwIfAborted } from '../errors.js';
import { fileError } from './errors.js';
import { openForRead } from './read-file.js';

// Int32 slots of the shared buffer.
const STATE = 0;
const BYTES = 1;
/** Bumped on every change: what a reader sleeps on, so it cannot miss a change made meanwhile. */
const SEQUENCE = 2;
const DIGEST = 3;
const DIGEST_WORDS = 8;

const GROWING = 0;
const COMPLETE = 1;
const ABANDONED = 2;

/** The largest file a cell can describe (its byte count is one int32). */
export const MAX_GROWING_BYTES = 2 ** 31 - 1;

/** Where a growing file stands. */
export type GrowthState = 'growing' | 'complete' | 'abandoned';

const STATE_NAMES: readonly GrowthState[] = ['growing', 'complete', 'abandoned'];

// `Atomics.waitAsync` (Node ≥ 16) is not in the ES2023 library typings.
type WaitAsync = (view: Int32Array, index: number, value: number, timeoutMs?: number) => { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

/**
 * The shared progress of one file being written: created by the writer, passed to the reader's
 * thread in a message (the `SharedArrayBuffer` is shared, not copied).
 *
 * @example
 * ```ts
 * const cell = GrowthCell.create();
 * pool.run({ kind: 'materialize', input: { path: partPath, growth: cell.buffer }, … });
 * cell.advance(bytesOnDisk); // after each write
 * cell.complete(size, sha256Hex); // or cell.abandon()
 * ```
 */
export class GrowthCell {
  readonly buffer: SharedArrayBuffer;
  readonly #view: Int32Array;

  /** A cell in the `growing` state with no bytes yet. */
  static create(): GrowthCell {
    return new GrowthCell(new SharedArrayBuffer(4 * (DIGEST + DIGEST_WORDS)));
  }

  /** The cell whose buffer another thread created. */
  constructor(buffer: SharedArrayBuffer) {
    this.buffer = buffer;
    this.#view = new Int32Array(buffer);
  }

  /** Where the file stands (read afresh on every call). */
  state(): GrowthState {
    return STATE_NAMES[Atomics.load(this.#view, STATE)] ?? 'abandoned';
  }

  /** Bytes of the file on disk, announced by the writer. */
  get bytes(): number {
    return Atomics.load(this.#view, BYTES);
  }

  /** The writer's SHA-256 of the whole file (hex), once complete. */
  get sha256(): string | undefined {
    if (Atomics.load(this.#view, STATE) !== COMPLETE) return undefined;
    const words = new Int32Array(DIGEST_WORDS);
    for (let i = 0; i < DIGEST_WORDS; i++) words[i] = Atomics.load(this.#view, DIGEST + i);
    return Buffer.from(words.buffer).toString('hex');
  }

  /**
   * Announces that the file holds `bytes` bytes, all written. A count lower than the last one
   * (the transfer started over) abandons the file: bytes the reader already took may be gone.
   */
  advance(bytes: number): void {
    if (Atomics.load(this.#view, STATE) !== GROWING) return;
    if (bytes < Atomics.load(this.#view, BYTES) || bytes > MAX_GROWING_BYTES) {
      this.abandon();
      return;
    }
    Atomics.store(this.#view, BYTES, bytes);
    this.#changed();
  }

  /** The file is whole: `bytes` long, with this SHA-256 (hex). */
  complete(bytes: number, sha256: string): void {
    if (Atomics.load(this.#view, STATE) !== GROWING) return;
    const digest = Buffer.from(sha256, 'hex');
    const words = new Int32Array(digest.buffer.slice(digest.byteOffset, digest.byteOffset + 4 * DIGEST_WORDS));
    for (let i = 0; i < DIGEST_WORDS; i++) Atomics.store(this.#view, DIGEST + i, words[i] ?? 0);
    Atomics.store(this.#view, BYTES, bytes);
    Atomics.store(this.#view, STATE, COMPLETE);
    this.#changed();
  }

  /** The writer gave the file up; a reader stops with `DOWNLOAD_RESTARTED`. Final. */
  abandon(): void {
    if (Atomics.load(this.#view, STATE) !== GROWING) return;
    Atomics.store(this.#view, STATE, ABANDONED);
    this.#changed();
  }

  /** The change counter, for {@link GrowthCell.changed}. */
  get sequence(): number {
    return Atomics.load(this.#view, SEQUENCE);
  }

  /**
   * Resolves once the cell changes after `sequence` was read (at once if it already has), or
   * after `timeoutMs`. Rejects with `ABORTED` when `signal` fires.
   */
  async changed(sequence: number, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<void> {
    throwIfAborted(options.signal);
    const wait = waitAsync(this.#view, SEQUENCE, sequence, options.timeoutMs ?? 1000);
    if (!wait.async) return;
    const signal = options.signal;
    if (signal === undefined) {
      await wait.value;
      return;
    }
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<void>((resolve) => {
      onAbort = resolve;
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      await Promise.race([wait.value, aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort!);
    }
    throwIfAborted(signal);
  }

  /**
   * Resolves with the final state once the writer completes or abandons the file. Rejects with
   * `ABORTED` when `signal` fires.
   */
  async settled(options: { signal?: AbortSignal } = {}): Promise<Exclude<GrowthState, 'growing'>> {
    for (;;) {
      const sequence = this.sequence;
      const state = this.state();
      if (state !== 'growing') return state;
      await this.changed(sequence, options);
    }
  }

  #changed(): void {
    Atomics.add(this.#view, SEQUENCE, 1);
    Atomics.notify(this.#view, SEQUENCE);
  }
}

/** Options of {@link readGrowingFile}. */
export interface ReadGrowingFileOptions {
  /** Largest chunk (default 1 MiB). */
  readonly chunkSize?: number;
  /**
   * Where the file is once complete, when its writer renames it then (a download's part file):
   * read from there if the file is complete and gone from `path` before the reader opens it.
   */
  readonly completePath?: string;
  readonly signal?: AbortSignal;
}

/**
 * Streams a file as its writer announces its bytes on `cell`, in fresh chunks, and ends when the
 * cell says it is complete and every byte has been read. Errors: `DOWNLOAD_RESTARTED` when the
 * writer abandons the file, `FILE_NOT_FOUND`, `FILE_IO`, `ABORTED`.
 *
 * @example
 * ```ts
 * const table = readTable(readGrowingFile(partPath, new GrowthCell(task.growth)), { fileName: 'RDSP2301.dbc' });
 * ```
 */
export async function* readGrowingFile(path: string, cell: GrowthCell, options: ReadGrowingFileOptions = {}): AsyncGenerator<Uint8Array> {
  const chunkSize = options.chunkSize ?? 1 << 20;
  const restarted = (): ArrowSusError =>
    new ArrowSusError('DOWNLOAD_RESTARTED', `${path}: its download started over or failed while it was being read; read it again once the download ends`, { details: { path } });
  const handle = await openGrowing(path, cell, options.completePath, restarted);
  try {
    let position = 0;
    for (;;) {
      throwIfAborted(options.signal);
      // Read the counter before the state: a change after this point wakes the wait below.
      const sequence = cell.sequence;
      const state = cell.state();
      if (state === 'abandoned') throw restarted();
      const available = cell.bytes;
      if (position < available) {
        const size = Math.min(chunkSize, available - position);
        const buffer = new Uint8Array(size);
        let bytesRead: number;
        try {
          ({ bytesRead } = await handle.read(buffer, 0, size, position));
        } catch (error) {
          throw fileError(error, path, 'read');
        }
        // Fewer bytes than announced: the file was replaced under us (its writer started over).
        if (bytesRead === 0) throw cell.state() === 'complete' ? new ArrowSusError('FILE_IO', `${path}: shorter than the ${available} bytes its writer announced`, { details: { path } }) : restarted();
        position += bytesRead;
        yield bytesRead === size ? buffer : buffer.subarray(0, bytesRead);
        continue;
      }
      if (state === 'complete') return;
      await cell.changed(sequence, options.signal === undefined ? {} : { signal: options.signal });
    }
  } finally {
    await handle.close();
  }
}

/**
 * Opens the file being written, or its complete form when the writer already renamed it. A file
 * missing while still announced as growing was removed by its writer to start over.
 */
async function openGrowing(path: string, cell: GrowthCell, completePath: string | undefined, restarted: () => ArrowSusError): Promise<FileHandle> {
  if (cell.state() === 'abandoned') throw restarted();
  try {
    return await openForRead(path);
  } catch (error) {
    if (!ArrowSusError.is(error, 'FILE_NOT_FOUND')) throw error;
    if (cell.state() !== 'complete' || completePath === undefined) throw restarted();
  }
  try {
    return await openForRead(completePath);
  } catch (error) {
    // Gone from both names: whoever owns it removed it; the caller reads it again its own way.
    throw ArrowSusError.is(error, 'FILE_NOT_FOUND') ? restarted() : error;
  }
}
