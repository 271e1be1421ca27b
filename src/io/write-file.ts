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
    // Small chunks (a Parquet file comes as one per column chunk) are gathered into one buffer and
    // written together: each write is a round trip to libuv's thread pool during which the writing
    // thread sleeps. A chunk is written or copied before the next is asked for, so sources may
    // reuse a chunk's buffer.
    const staging = new Staging();
    for await (const chunk of chunks) {
      throwIfAborted(options.signal);
      if (chunk.byteLength >= STAGED_CHUNK_LIMIT) {
        await staging.flush(handle);
        await writeAll(handle, chunk);
      } else if (!staging.add(chunk)) {
        await staging.flush(handle);
        staging.add(chunk);
      }
      written += chunk.byteLength;
    }
    await staging.flush(handle);
    throwIfAborted(options.signal);
    await handle.sync();
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

/** Small chunks waiting to be written as one. */
class Staging {
  #buffer: Buffer | undefined;
  #used = 0;

  /** Copies `chunk` in; false when it does not fit (flush first). */
  add(chunk: Uint8Array): boolean {
    this.#buffer ??= Buffer.allocUnsafe(STAGING_BYTES);
    if (this.#used + chunk.byteLength > this.#buffer.byteLength) return false;
    this.#buffer.set(chunk, this.#used);
    this.#used += chunk.byteLength;
    return true;
  }

  async flush(handle: FileHandle): Promise<void> {
    if (this.#used === 0) return;
    await writeAll(handle, this.#buffer!.subarray(0, this.#used));
    this.#used = 0;
  }
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
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
