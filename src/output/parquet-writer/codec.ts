/**
 * Page compression. zstd uses Node's own zlib binding where it has one (Node ≥ 22.15 and 23.8),
 * else the zstd library compiled to WebAssembly; gzip uses zlib; `none` copies. Level 1 for zstd
 * and gzip's default, as arrow-rs uses: the cache favours write speed, and its pages are mostly
 * dictionary indices that compress well at any level.
 *
 * @module
 */
import * as zlib from 'node:zlib';
import { createRequire } from 'node:module';

/** Compression codecs this encoder writes (snappy and lz4 are left to the WebAssembly encoder). */
export type PageCodecName = 'zstd' | 'gzip' | 'none';

/** A codec: its Parquet id and a compressor returning fresh bytes (the input may be reused). */
export interface PageCodec {
  readonly id: number;
  compress(bytes: Uint8Array): Uint8Array;
}

const CODEC_ID: Readonly<Record<PageCodecName, number>> = { none: 0, gzip: 2, zstd: 6 };
const ZSTD_LEVEL = 1;

type ZstdSync = (buffer: Uint8Array, options?: { params?: Record<number, number> }) => Buffer;

interface ZstdWasm {
  init(): Promise<void>;
  compress(buffer: Uint8Array, level?: number): Uint8Array;
}

let wasmZstd: Promise<ZstdWasm> | undefined;

function loadWasmZstd(): Promise<ZstdWasm> {
  // The package is CommonJS and finds its .wasm next to itself; require keeps that intact.
  return (wasmZstd ??= (async () => {
    const zstd = createRequire(import.meta.url)('@bokuweb/zstd-wasm') as ZstdWasm;
    await zstd.init();
    return zstd;
  })());
}

/**
 * Whether this Node has zstd in zlib (else the WebAssembly build is used).
 *
 * @example
 * ```ts
 * hasNativeZstd(); // true on Node 24
 * ```
 */
export function hasNativeZstd(): boolean {
  return typeof (zlib as unknown as { zstdCompressSync?: unknown }).zstdCompressSync === 'function';
}

/**
 * The compressor for `name`.
 *
 * @example
 * ```ts
 * const codec = await pageCodec('zstd');
 * codec.compress(new Uint8Array(1000)).length; // a few bytes
 * ```
 */
export async function pageCodec(name: PageCodecName, options: { nativeZstd?: boolean } = {}): Promise<PageCodec> {
  const id = CODEC_ID[name];
  switch (name) {
    case 'none':
      return { id, compress: (bytes) => bytes.slice() };
    case 'gzip':
      return { id, compress: (bytes) => zlib.gzipSync(bytes) };
    case 'zstd': {
      if (options.nativeZstd ?? hasNativeZstd()) {
        const zstdCompressSync = (zlib as unknown as { zstdCompressSync: ZstdSync }).zstdCompressSync;
        const level = (zlib.constants as unknown as Record<string, number>)['ZSTD_c_compressionLevel']!;
        const params = { [level]: ZSTD_LEVEL };
        return { id, compress: (bytes) => zstdCompressSync(bytes, { params }) };
      }
      const zstd = await loadWasmZstd();
      return { id, compress: (bytes) => zstd.compress(bytes, ZSTD_LEVEL) };
    }
  }
}
