/**
 * Tells a DBC from a plain DBF. Both start with the same DBF header, so the file name's extension
 * decides when there is one; otherwise the bytes right after the header do: a DBC has the 4-byte
 * CRC there and then the DCL stream header (literal mode 0 or 1, dictionary bits 4–6), while a
 * DBF has its first record, whose deletion flag is a blank or `*` and whose text is printable.
 *
 * @module
 */
import { concatBytes } from '../dbc/byte-source.js';
import { ArrowSusError } from '../errors.js';

/** The two table containers DataSUS publishes. */
export type TableFormat = 'dbc' | 'dbf';

/**
 * The format implied by a file name, if its extension says.
 *
 * @example
 * ```ts
 * formatFromName('RDSP2301.DBC'); // 'dbc'
 * ```
 */
export function formatFromName(name: string | undefined): TableFormat | undefined {
  const lower = name?.toLowerCase() ?? '';
  if (lower.endsWith('.dbc')) return 'dbc';
  if (lower.endsWith('.dbf')) return 'dbf';
  return undefined;
}

/**
 * How many leading bytes {@link formatFromBytes} needs, given at least the first 10.
 *
 * @example
 * ```ts
 * const need = sniffLength(first10);
 * ```
 */
export function sniffLength(first: Uint8Array): number {
  const headerLength = first.length >= 10 ? first[8]! | (first[9]! << 8) : 0;
  return headerLength + 6;
}

/**
 * The format of a table from its first bytes (at least {@link sniffLength} of them, or the whole
 * file when shorter). Throws `DBF_INVALID_HEADER` when the bytes are neither.
 *
 * @example
 * ```ts
 * formatFromBytes(firstBytes); // 'dbc'
 * ```
 */
export function formatFromBytes(bytes: Uint8Array, fileName?: string): TableFormat {
  const where = fileName === undefined ? '' : ` ${fileName}`;
  if (bytes.length < 10) {
    throw new ArrowSusError('DBF_INVALID_HEADER', `read: file${where} is too short to be a DBF or DBC (${bytes.length} bytes)`);
  }
  const headerLength = bytes[8]! | (bytes[9]! << 8);
  if (headerLength < 33) {
    throw new ArrowSusError('DBF_INVALID_HEADER', `read: file${where} is neither a DBF nor a DBC (header length ${headerLength})`);
  }
  const mode = bytes[headerLength + 4];
  const dictionaryBits = bytes[headerLength + 5];
  if (mode !== undefined && dictionaryBits !== undefined && mode <= 1 && dictionaryBits >= 4 && dictionaryBits <= 6) return 'dbc';
  // Zero-record DBFs end right after the header (maybe with 0x1A); others start a record here.
  return 'dbf';
}

/**
 * Pulls chunks from `iterator` until it holds the {@link sniffLength} bytes format detection and the
 * headers need (or the input ends). Returns the chunks taken, to replay, and their concatenation.
 *
 * @example
 * ```ts
 * const { head, bytes } = await takeSniffPrefix(chunks[Symbol.asyncIterator]());
 * formatFromBytes(bytes);
 * ```
 */
export async function takeSniffPrefix(iterator: AsyncIterator<Uint8Array>): Promise<{ head: Uint8Array[]; bytes: Uint8Array }> {
  const head: Uint8Array[] = [];
  let length = 0;
  let need = 10;
  while (length < need) {
    const next = await iterator.next();
    if (next.done === true) break;
    head.push(next.value);
    length += next.value.length;
    if (need === 10 && length >= 10) need = Math.max(sniffLength(concatBytes(head)), 10);
  }
  return { head, bytes: concatBytes(head) };
}
