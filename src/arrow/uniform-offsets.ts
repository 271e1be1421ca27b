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
 * Bounds of the shared arrays: at most this many widths per thread (DataSUS tables have ~10–20),
 * each at most this many rows long (a batch: 32,768 rows from the cache, at most 65,536 from the
 * DBF decoder), so they never hold more than 32 × 512 KiB however odd the data. Columns outside
 * them keep their own offsets.
 */
const MAX_WIDTHS = 32;
const MAX_ROWS = 1 << 17;

/** Per width, the longest offsets made so far, one entry longer than any view handed out. */
const shared = new Map<number, Int32Array>();

/** Whether `length` offsets of `width` are within the bounds of the shared arrays. */
const shareable = (width: number, length: number): boolean => length <= MAX_ROWS && (shared.has(width) || shared.size < MAX_WIDTHS);

/**
 * The common byte length of every value if `offsets` (of a column of `length` values) is
 * `0, w, 2w, …, length·w` and worth sharing (see the bounds above), else `undefined`. Nulls are
 * zero-length slots, so a column with nulls among non-empty values is never uniform.
 *
 * @example
 * ```ts
 * const munic = batch.getChild('MUNIC_RES')!.data[0]!;
 * uniformWidth(munic.valueOffsets, munic.length); // 6: every value is 6 bytes
 * ```
 */
export function uniformWidth(offsets: Int32Array, length: number): number | undefined {
  if (length < 1 || offsets.length < length + 1 || offsets[0] !== 0) return undefined;
  const width = offsets[1]!;
  if (width < 0 || offsets[length] !== width * length || !shareable(width, length)) return undefined;
  // Compared with the shared offsets of that width as bytes (memcmp): a loop over the values in
  // JavaScript would cost more than copying them.
  const expected = uniformOffsets(width, length);
  const bytes = (view: Int32Array): Uint8Array => new Uint8Array(view.buffer, view.byteOffset, 4 * (length + 1));
  return Buffer.compare(bytes(offsets), bytes(expected)) === 0 ? width : undefined;
}

/**
 * The offsets `0, width, 2·width, …, length·width` (`length + 1` values): within the bounds above,
 * a view on an array shared by every column of that width in this thread, else an array of their
 * own. A shared view never spans its whole `ArrayBuffer`, so `packBatch` copies it rather than
 * transferring (and detaching) the shared array; nothing may write to it.
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
  if (!shareable(width, length)) return arithmetic(width, length + 1);
  let offsets = shared.get(width);
  if (offsets === undefined || offsets.length < length + 2) {
    // Grown by doubling, so a stream of batches settles on one array per width.
    offsets = arithmetic(width, Math.max(length + 2, Math.min(2 * (offsets?.length ?? 0), MAX_ROWS + 2)));
    shared.set(width, offsets);
  }
  return offsets.subarray(0, length + 1);
}

function arithmetic(width: number, size: number): Int32Array {
  const offsets = new Int32Array(size);
  for (let index = 0; index < size; index++) offsets[index] = Math.min(index * width, MAX_OFFSET);
  return offsets;
}
