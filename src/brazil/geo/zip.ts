/**
 * A small ZIP reader (central directory + stored/deflated entries), enough for DataSUS archives
 * (territorial base, TabWin `Auxiliar/` zips, CID-10 CSV zips) without a dependency.
 *
 * Reads the End Of Central Directory record, walks the central directory, and inflates entries with
 * `zlib.inflateRawSync`, checking each entry's CRC-32. ZIP64 and encrypted entries are refused with
 * `UNSUPPORTED` (DataSUS archives are far below 4 GiB and never encrypted).
 *
 * @module
 */
import { inflateRawSync } from 'node:zlib';
import { crc32 } from '../../dbc/index.js';
import { ArrowSusError } from '../../errors.js';

/**
 * One file in a ZIP archive.
 *
 * @example
 * ```ts
 * readZipEntries(bytes).filter((entry: ZipEntry) => !entry.isDirectory).map((e) => e.name);
 * ```
 */
export interface ZipEntry {
  /** Path inside the archive (`/`-separated). */
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc32: number;
  /** Offset of the entry's local header. */
  readonly localHeaderOffset: number;
  readonly isDirectory: boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const cp437 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

function invalid(message: string, name?: string): ArrowSusError {
  return new ArrowSusError('DOMAIN_TABLE_INVALID', `brazil: zip${name === undefined ? '' : ` ${name}`}: ${message} (damaged or not a ZIP file; re-download)`);
}

/**
 * Lists the entries of a ZIP archive from its central directory.
 *
 * @example
 * ```ts
 * const entries = readZipEntries(bytes);
 * entries.map((e) => e.name); // ['tb_municip.csv', 'tb_regsaud.csv', …]
 * ```
 */
export function readZipEntries(bytes: Uint8Array, name?: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The EOCD record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw invalid('no end-of-central-directory record', name);
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff || directorySize === 0xffffffff) {
    throw new ArrowSusError('UNSUPPORTED', `brazil: zip${name === undefined ? '' : ` ${name}`}: ZIP64 archives are not supported`);
  }
  if (at + directorySize > eocd) throw invalid('central directory outside the file', name);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw invalid(`central directory entry ${i} is damaged`, name);
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise CP437, read here as Latin-1 (DataSUS names are ASCII).
    const entryName = (flags & 0x800) !== 0 ? utf8.decode(rawName) : cp437.decode(rawName);
    entries.push({
      name: entryName.replaceAll('\\', '/'),
      method: view.getUint16(at + 10, true),
      crc32: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      isDirectory: entryName.endsWith('/') || entryName.endsWith('\\'),
    });
    if ((flags & 1) !== 0) throw new ArrowSusError('UNSUPPORTED', `brazil: zip entry ${entryName} is encrypted`);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Extracts one entry, inflating it and checking its CRC-32.
 *
 * @example
 * ```ts
 * const csv = extractZipEntry(bytes, entries.find((e) => e.name.endsWith('tb_municip.csv'))!);
 * ```
 */
export function extractZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw invalid(`local header of ${entry.name} is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw invalid(`${entry.name} is truncated`);
  const raw = bytes.subarray(start, end);
  let data: Uint8Array;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      data = new Uint8Array(inflateRawSync(raw));
    } catch (error) {
      throw new ArrowSusError('DOMAIN_TABLE_INVALID', `brazil: zip entry ${entry.name} does not inflate (damaged archive; re-download)`, { cause: error });
    }
  } else {
    throw new ArrowSusError('UNSUPPORTED', `brazil: zip entry ${entry.name} uses compression method ${entry.method} (only stored and deflate are supported)`);
  }
  if (data.length !== entry.size || crc32(data) !== entry.crc32) throw invalid(`${entry.name} fails its CRC-32 check`);
  return data;
}

/**
 * Finds an entry by file name, ignoring folders and case (`TB_MUNICIP.CSV` ≡ `base/tb_municip.csv`).
 *
 * @example
 * ```ts
 * findZipEntry(entries, 'tb_municip.csv');
 * ```
 */
export function findZipEntry(entries: readonly ZipEntry[], fileName: string): ZipEntry | undefined {
  const wanted = fileName.toLowerCase();
  return entries.find((entry) => !entry.isDirectory && (entry.name.split('/').pop() ?? '').toLowerCase() === wanted);
}
