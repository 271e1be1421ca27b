/**
 * Writes outputs atomically: bytes go to a temporary file beside the target, which is renamed
 * over the target only when everything was written and flushed. A failure, a full disk or an
 * abort removes the temporary file, so no half-written output is ever left under the real name.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
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
    for await (const chunk of chunks) {
      throwIfAborted(options.signal);
      let offset = 0;
      while (offset < chunk.byteLength) {
        const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
        offset += bytesWritten;
      }
      written += chunk.byteLength;
    }
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
