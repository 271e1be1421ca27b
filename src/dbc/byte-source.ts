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

/**
 * The parts one after the other in one buffer (a single part is returned as is, not copied).
 *
 * @example
 * ```ts
 * concatBytes([Uint8Array.of(1, 2), Uint8Array.of(3)]); // Uint8Array [1, 2, 3]
 * ```
 */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
