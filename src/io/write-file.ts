/**
 * Writes outputs atomically: bytes go to a temporary file beside the target, which is renamed
 * over the target only when everything was written and flushed. A failure, a full disk or an
 * abort removes the temporary file, so no half-written output is ever left under the real name.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { throwIfAborted } from '../errors.js';
import { fileError } from './errors.js';

/** Options for {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  readonly signal?: AbortSignal;
  /** Create missing parent folders (default true). */
  readonly mkdirs?: boolean;
}

/**
 * The temporary name used while writing `path`: hidden, in the same folder (so the final rename
 * is atomic), unique per process and call.
 *
 * @example
 * ```ts
 * temporaryPathFor('/out/x.parquet'); // '/out/.x.parquet.4211.9f3a2c.tmp'
 * ```
 */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(3).toString('hex')}.tmp`);
}

/**
 * Writes all chunks to `path` atomically and returns the number of bytes written.
 * Errors: `DISK_FULL`, `FILE_IO`, `ABORTED`, or whatever the chunk source throws — in every case
 * the temporary file is removed and `path` is untouched.
 *
 * @example
 * ```ts
 * await writeFileAtomic('DOAC2022.dbf', decompressDbc(readFileChunks('DOAC2022.dbc')));
 * ```
 */
export async function writeFileAtomic(
  path: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: WriteFileAtomicOptions = {},
): Promise<number> {
  if (options.mkdirs !== false) {
    try {
      await mkdir(dirname(path), { recursive: true });
    } catch (error) {
      throw fileError(error, path, 'write');
    }
  }
  const temporary = temporaryPathFor(path);
  let written = 0;
  let handle;
  try {
    handle = await open(temporary, 'wx');
  } catch (error) {
    throw fileError(error, path, 'write');
  }
  try {
    const sink = new FileSink(handle);
    for await (const chunk of chunks) {
      throwIfAborted(options.signal);
      await sink.write(chunk);
      written += chunk.byteLength;
    }
    throwIfAborted(options.signal);
    await sink.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, path);
    return written;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    throw fileError(error, path, 'write');
  }
}

/** Chunks smaller than this are copied into the staging buffer; larger ones are written as they come. */
const STAGED_CHUNK_LIMIT = 256 << 10;
const STAGING_BYTES = 1 << 20;
/** Bytes written between two background flushes of a large file. */
const FLUSH_EVERY = 16 << 20;

/**
 * Writes to a file handle on behalf of {@link writeFileAtomic}:
 * - small chunks (a Parquet file comes as one per column chunk) are gathered into one buffer and
 *   written together: each write is a round trip to libuv's thread pool during which the writing
 *   thread sleeps. A chunk is written or copied before `write` resolves, so sources may reuse a
 *   chunk's buffer;
 * - a large file is flushed to disk in the background every 16 MiB while writing goes on, so the
 *   final `sync` has only the last part to flush (a 40 MB file's fsync otherwise takes ~20 ms at
 *   the very end, after everything else is done).
 */
class FileSink {
  readonly #handle: FileHandle;
  #staging: Buffer | undefined;
  #staged = 0;
  #sinceFlush = 0;
  #flushing: Promise<void> | undefined;
  #flushError: unknown;

  constructor(handle: FileHandle) {
    this.#handle = handle;
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (chunk.byteLength >= STAGED_CHUNK_LIMIT) {
      await this.#flushStaging();
      await this.#writeAll(chunk);
      return;
    }
    this.#staging ??= Buffer.allocUnsafe(STAGING_BYTES);
    if (this.#staged + chunk.byteLength > this.#staging.byteLength) await this.#flushStaging();
    this.#staging.set(chunk, this.#staged);
    this.#staged += chunk.byteLength;
  }

  /** Writes what is staged and flushes everything to disk. */
  async sync(): Promise<void> {
    await this.#flushStaging();
    await this.#flushing;
    // A background flush's failure (EIO, ENOSPC on some file systems) surfaces here.
    if (this.#flushError !== undefined) throw this.#flushError;
    await this.#handle.sync();
  }

  async #flushStaging(): Promise<void> {
    if (this.#staged === 0) return;
    await this.#writeAll(this.#staging!.subarray(0, this.#staged));
    this.#staged = 0;
  }

  async #writeAll(chunk: Uint8Array): Promise<void> {
    await writeAll(this.#handle, chunk);
    this.#sinceFlush += chunk.byteLength;
    if (this.#sinceFlush >= FLUSH_EVERY && this.#flushing === undefined) {
      this.#sinceFlush = 0;
      this.#flushing = this.#handle.datasync().then(
        () => {
          this.#flushing = undefined;
        },
        (error: unknown) => {
          this.#flushError ??= error;
          this.#flushing = undefined;
        },
      );
    }
  }
}

/**
 * Writes all of `chunk` at the handle's position (one `write` may write only part of it).
 *
 * @example
 * ```ts
 * await writeAll(await open('x.bin', 'w'), bytes);
 * ```
 */
export async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}

/**
 * Writes chunks to a stream (e.g. stdout), respecting backpressure. Returns the bytes written.
 *
 * @example
 * ```ts
 * await writeToStream(process.stdout, batchesToCsv(batches));
 * ```
 */
export async function writeToStream(
  stream: Writable,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: { signal?: AbortSignal } = {},
): Promise<number> {
  let written = 0;
  for await (const chunk of chunks) {
    throwIfAborted(options.signal);
    if (!stream.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = (): void => {
          stream.off('error', onError);
          resolve();
        };
        const onError = (error: Error): void => {
          stream.off('drain', onDrain);
          reject(error);
        };
        stream.once('drain', onDrain);
        stream.once('error', onError);
      });
    }
    written += chunk.byteLength;
  }
  return written;
}
