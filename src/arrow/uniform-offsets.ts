/**
 * Offsets of string columns whose values all have the same byte length.
 *
 * Most DataSUS text columns are codes of a fixed width (`N_AIH` 13 bytes, `MUNIC_RES` 6, `SEXO`
 * 1): their offsets are `0, w, 2w, …` — four bytes per row that say nothing. A thread that hands
 * such a column to another sends only `w` (see `arrow/transfer.ts`), and the receiving thread
 * views one shared, read-only-by-convention `Int32Array` per width instead of receiving a buffer
 * per column and batch: a read of SIH from the cache moves and allocates ~30% fewer bytes.
 *
 * @module
 */

/** Offsets of an unsliced column start at 0; more than 2^31 bytes do not fit Int32 offsets. */
const MAX_OFFSET = 2 ** 31 - 1;

/**
 * The common byte length of every value if `offsets` (of a column of `length` values) is
 * `0, w, 2w, …, length·w`, else `undefined`. Nulls are zero-length slots, so a column with nulls
 * among non-empty values is never uniform.
 *
 * @example
 * ```ts
 * uniformWidth(new Int32Array([0, 6, 12, 18]), 3); // 6
 * uniformWidth(new Int32Array([0, 6, 10]), 2);     // undefined
 * ```
 */
export function uniformWidth(offsets: Int32Array, length: number): number | undefined {
  if (length === 0 || offsets.length < length + 1 || offsets[0] !== 0) return undefined;
  const width = offsets[1]!;
  if (width < 0 || offsets[length] !== width * length) return undefined;
  // Compared with the shared offsets of that width as bytes (memcmp): a loop over the values in
  // JavaScript would cost more than copying them.
  const expected = uniformOffsets(width, length);
  const bytes = (view: Int32Array): Uint8Array => new Uint8Array(view.buffer, view.byteOffset, 4 * (length + 1));
  return Buffer.compare(bytes(offsets), bytes(expected)) === 0 ? width : undefined;
}

/** Per width, the longest offsets made so far, one entry longer than any view handed out. */
const shared = new Map<number, Int32Array>();

/**
 * The offsets `0, width, 2·width, …, length·width` (`length + 1` values), as a view on an array
 * shared by every column of that width in this thread. The view never spans its whole
 * `ArrayBuffer`, so `packBatch` copies it rather than transferring (and detaching) the shared
 * array; nothing may write to it.
 *
 * @example
 * ```ts
 * const offsets = uniformOffsets(13, batch.numRows); // N_AIH: 13 bytes per value
 * ```
 */
export function uniformOffsets(width: number, length: number): Int32Array {
  if (!Number.isInteger(width) || width < 0 || !Number.isInteger(length) || length < 0 || width * length > MAX_OFFSET) {
    throw new RangeError(`uniform offsets: ${length} values of ${width} bytes do not fit Int32 offsets`);
  }
  let offsets = shared.get(width);
  if (offsets === undefined || offsets.length < length + 2) {
    // Grow to at least a default batch (32,768 rows) and by doubling, so a stream of batches
    // settles on one array per width.
    const size = Math.max(length + 2, 32_770, 2 * (offsets?.length ?? 0));
    offsets = new Int32Array(size);
    for (let index = 0; index < size; index++) offsets[index] = Math.min(index * width, MAX_OFFSET);
    shared.set(width, offsets);
  }
  return offsets.subarray(0, length + 1);
}
