/**
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum every DBC stores for its
 * decompressed DBF.
 *
 * The CRC runs over every decompressed byte, so it must not dominate decoding time. Where the
 * runtime provides zlib's native CRC-32 (Node ≥ 20.16 through `process.getBuiltinModule`, no
 * static import, so the module stays free of I/O and loads anywhere) it is used for inputs of
 * 64 bytes or more: 6.5 GB/s on a cache-hot 64 KB chunk against 1.1 GB/s for the portable code.
 * The portable code is slice-by-8: eight 256-entry tables consume eight bytes per step, about 4×
 * faster than the classic byte-at-a-time loop.
 *
 * @module
 */

const TABLES: Int32Array = (() => {
  const tables = new Int32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = tables[n]!;
    for (let t = 1; t < 8; t++) {
      c = tables[c & 0xff]! ^ (c >>> 8);
      tables[t * 256 + n] = c;
    }
  }
  return tables;
})();

type NativeCrc32 = (data: Uint8Array, value?: number) => number;

const nativeCrc32: NativeCrc32 | undefined = (() => {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = runtime?.getBuiltinModule?.('node:zlib') as { crc32?: unknown } | undefined;
  return typeof zlib?.crc32 === 'function' ? (zlib.crc32 as NativeCrc32) : undefined;
})();

/**
 * Computes the CRC-32 (IEEE) of `bytes`, continuing from `seed` (the CRC of the bytes before).
 *
 * Incremental: `crc32(b, crc32(a))` equals `crc32(concat(a, b))`, so a stream can be checked
 * chunk by chunk in constant memory.
 *
 * @param bytes - the data
 * @param seed - the CRC of everything before `bytes` (0 for a fresh start)
 * @returns the CRC as an unsigned 32-bit integer
 *
 * @example
 * ```ts
 * import { crc32 } from 'arrow-sus/dbc';
 * crc32(new TextEncoder().encode('123456789')); // 0xcbf43926
 * const whole = crc32(part2, crc32(part1));
 * ```
 */
export function crc32(bytes: Uint8Array, seed = 0): number {
  if (nativeCrc32 !== undefined && bytes.length >= 64) return nativeCrc32(bytes, seed) >>> 0;
  return crc32Portable(bytes, seed);
}

/**
 * The portable slice-by-8 CRC-32 behind {@link crc32}, used where no native one exists (and for
 * short inputs, where a native call costs more than it saves).
 *
 * @example
 * ```ts
 * crc32Portable(bytes) === crc32(bytes); // true
 * ```
 */
export function crc32Portable(bytes: Uint8Array, seed = 0): number {
  const t = TABLES;
  let crc = ~seed;
  let i = 0;
  const n = bytes.length;
  const end8 = n - (n & 7);
  while (i < end8) {
    const lo = crc ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    const b4 = bytes[i + 4]!;
    const b5 = bytes[i + 5]!;
    const b6 = bytes[i + 6]!;
    const b7 = bytes[i + 7]!;
    crc =
      t[1792 + (lo & 0xff)]! ^
      t[1536 + ((lo >>> 8) & 0xff)]! ^
      t[1280 + ((lo >>> 16) & 0xff)]! ^
      t[1024 + (lo >>> 24)]! ^
      t[768 + b4]! ^
      t[512 + b5]! ^
      t[256 + b6]! ^
      t[b7]!;
    i += 8;
  }
  while (i < n) crc = t[(crc ^ bytes[i++]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}
