/**
 * SHA-256 of local files: of a whole file ({@link hashFile}), or of a file being written, kept up
 * to date as bytes are appended ({@link RunningSha256}). Reads go through `readFileChunks`
 * (1 MiB chunks; `FILE_NOT_FOUND`, `FILE_IO`, `ABORTED`).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { readFileChunks } from './read-file.js';

/**
 * The SHA-256 of a file being written, kept up to date as bytes are appended so that a finished
 * download needs no second read of the file. {@link RunningSha256.catchUp} brings it to a file's
 * first `size` bytes — hashing from disk what it has not seen (a `.part` file resumed from an
 * earlier run), or starting over when the file is shorter than what it has hashed.
 *
 * @example
 * ```ts
 * const digest = new RunningSha256();
 * await digest.catchUp(partPath, await sizeOf(partPath));
 * for await (const chunk of transfer) { await write(chunk); digest.update(chunk); }
 * const sha256 = digest.digest();
 * ```
 */
export class RunningSha256 {
  #hash = createHash('sha256');
  #bytes = 0;

  /** Bytes hashed so far. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Makes the digest cover exactly the first `size` bytes of the file at `path` (all of it for `Infinity`). */
  async catchUp(path: string, size: number, options: { signal?: AbortSignal } = {}): Promise<void> {
    if (this.#bytes > size) this.reset();
    if (this.#bytes === size) return;
    const range = { start: this.#bytes, ...(size === Infinity ? {} : { end: size }) };
    for await (const chunk of readFileChunks(path, { ...range, ...(options.signal === undefined ? {} : { signal: options.signal }) })) this.update(chunk);
  }

  /** Adds bytes just appended to the file. */
  update(chunk: Uint8Array): void {
    this.#hash.update(chunk);
    this.#bytes += chunk.byteLength;
  }

  /** The hex digest of the bytes so far; the digest then starts over. */
  digest(): string {
    const hex = this.#hash.digest('hex');
    this.reset();
    return hex;
  }

  /** Forgets every byte. */
  reset(): void {
    this.#hash = createHash('sha256');
    this.#bytes = 0;
  }
}

/**
 * Size and SHA-256 (hex) of a whole file, streamed.
 * Errors: `FILE_NOT_FOUND`, `FILE_IO`, `ABORTED`.
 *
 * @example
 * ```ts
 * const { bytes, sha256 } = await hashFile('x.parquet');
 * ```
 */
export async function hashFile(path: string, options: { signal?: AbortSignal } = {}): Promise<{ bytes: number; sha256: string }> {
  const digest = new RunningSha256();
  await digest.catchUp(path, Infinity, options);
  const bytes = digest.bytes;
  return { bytes, sha256: digest.digest() };
}
