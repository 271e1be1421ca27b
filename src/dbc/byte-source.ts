/**
 * Normalises the byte inputs the DBC functions accept into one async iterable of chunks.
 *
 * @module
 */

/**
 * Bytes in any of the shapes the DBC functions accept: a buffer, or chunks (sync or async).
 *
 * @example
 * ```ts
 * const input: ByteSource = [chunk1, chunk2];
 * ```
 */
export type ByteSource = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * Iterates a {@link ByteSource} as chunks. A single buffer is yielded as is (no copy).
 *
 * @example
 * ```ts
 * for await (const chunk of readByteSource(input)) total += chunk.length;
 * ```
 */
export async function* readByteSource(input: ByteSource): AsyncGenerator<Uint8Array, void, undefined> {
  if (input instanceof Uint8Array) {
    yield input;
    return;
  }
  if (Symbol.asyncIterator in input) {
    for await (const chunk of input) yield chunk;
    return;
  }
  yield* input;
}
