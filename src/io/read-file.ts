/**
 * Reads local files as async iterables of byte chunks.
 *
 * @module
 */
import { open, type FileHandle } from 'node:fs/promises';
import { throwIfAborted } from '../errors.js';
import { fileError } from './errors.js';

/** Options for {@link readFileChunks}. */
export interface ReadFileChunksOptions {
  /** Bytes per chunk (default 1 MiB). */
  readonly chunkSize?: number;
  /** Byte offset to start at (default 0). */
  readonly start?: number;
  /** Byte offset to stop before (default: the end of the file). */
  readonly end?: number;
  readonly signal?: AbortSignal;
  /**
   * Read every chunk into the same buffer (default false): a chunk is then valid only until the
   * next one is requested — for consumers done with each chunk first (a file copy), sparing a
   * fresh buffer per chunk.
   */
  readonly reuseBuffer?: boolean;
}

/**
 * Streams a file in fresh chunks (each chunk is a new buffer the consumer may keep, unless
 * `reuseBuffer` is set).
 * Memory: one chunk. Errors: `FILE_NOT_FOUND`, `FILE_IO`, `ABORTED`.
 *
 * @example
 * ```ts
 * for await (const chunk of readFileChunks('RDSP2301.dbc')) hash.update(chunk);
 * ```
 */
export async function* readFileChunks(path: string, options: ReadFileChunksOptions = {}): AsyncGenerator<Uint8Array> {
  const chunkSize = options.chunkSize ?? 1 << 20;
  const handle = await openForRead(path);
  try {
    let position = options.start ?? 0;
    const end = options.end ?? Infinity;
    let reused: Uint8Array | undefined;
    while (position < end) {
      throwIfAborted(options.signal);
      const size = Math.min(chunkSize, end - position);
      const buffer = options.reuseBuffer === true ? (reused ??= new Uint8Array(size)).subarray(0, size) : new Uint8Array(size);
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, size, position));
      } catch (error) {
        throw fileError(error, path, 'read');
      }
      if (bytesRead === 0) return;
      position += bytesRead;
      yield bytesRead === size ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Opens a file for reading. Errors: `FILE_NOT_FOUND`, `FILE_IO`.
 *
 * @example
 * ```ts
 * const handle = await openForRead('RDSP2301.parquet');
 * try { await handle.read(tail, 0, 8, size - 8); } finally { await handle.close(); }
 * ```
 */
export async function openForRead(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    throw fileError(error, path, 'read');
  }
}
