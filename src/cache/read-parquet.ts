/**
 * Reads Parquet files (the cache's entries) back as Arrow record batches, streamed row group by
 * row group with column projection, so memory is one batch, not the file. The file is read
 * through a `Blob` view of the disk file: only the footer and the projected column chunks are
 * loaded.
 *
 * @module
 */
import { openAsBlob } from 'node:fs';
import { MessageReader, tableFromIPC } from 'apache-arrow';
import { parseRecordBatch, parseSchema } from 'arrow-js-ffi';
import type { RecordBatch, Schema } from 'apache-arrow';
import type * as ParquetWasmModule from 'parquet-wasm';
import { canImportPacked, importPackedBatch } from '../arrow/c-data.js';
import { packBatch, unpackBatch } from '../arrow/transfer.js';
import type { PackedBatch } from '../arrow/transfer.js';
import { ArrowSusError, throwIfAborted } from '../errors.js';
import { fileError } from '../io/errors.js';
import { footerMetadata, readParquetKeyValues } from '../output/parquet-concat.js';

type ParquetWasm = typeof ParquetWasmModule;
interface WasmBatch {
  intoFFI(): { arrayAddr(): number; schemaAddr(): number; free(): void };
}
let loaded: Promise<ParquetWasm> | undefined;
const loadParquetWasm = (): Promise<ParquetWasm> => (loaded ??= import('parquet-wasm'));

/** Options of {@link readParquet}. */
export interface ReadParquetOptions {
  /** Columns to read, in this order (default: all). Names must exist in the file. */
  readonly columns?: readonly string[];
  /** Rows per batch (default 32,768). */
  readonly batchRows?: number;
  readonly signal?: AbortSignal;
}

async function open(path: string): Promise<Awaited<ReturnType<ParquetWasm['ParquetFile']['fromFile']>>> {
  const wasm = await loadParquetWasm();
  let blob: Blob;
  try {
    blob = await openAsBlob(path);
  } catch (error) {
    throw fileError(error, path, 'read');
  }
  try {
    return await wasm.ParquetFile.fromFile(blob);
  } catch (error) {
    throw new ArrowSusError('CACHE_CORRUPT', `cache: ${path} is not a readable Parquet file (${String(error)}); run \`arrow-sus cache verify --repair\``, {
      cause: error,
      details: { path },
    });
  }
}

/**
 * The Arrow schema stored in a Parquet file's footer (no data is read).
 *
 * @example
 * ```ts
 * const schema = await readParquetSchema(entry.parquetPath);
 * ```
 */
export async function readParquetSchema(path: string): Promise<Schema> {
  // Files written from Arrow (the cache's) carry their Arrow schema in the footer: read it from
  // there (a few kB, no WebAssembly), else ask the Parquet reader.
  const fromFooter = await footerArrowSchema(path);
  if (fromFooter !== undefined) return fromFooter;
  const file = await open(path);
  try {
    // An empty read of one row group yields the schema without materialising data.
    const table = await file.read({ rowGroups: [], columns: undefined } as unknown as Parameters<typeof file.read>[0]);
    return tableFromIPC(table.intoIPCStream()).schema;
  } finally {
    file.free();
  }
}

/** The `ARROW:schema` footer entry (an IPC schema message, base64) as a schema, if present and readable. */
async function footerArrowSchema(path: string): Promise<Schema | undefined> {
  let encoded: string | undefined;
  try {
    encoded = footerMetadata(await readParquetKeyValues(path), 'ARROW:schema');
  } catch (error) {
    if (ArrowSusError.is(error) && error.code === 'CACHE_CORRUPT') {
      throw new ArrowSusError('CACHE_CORRUPT', `cache: ${path} is not a readable Parquet file (${error.message}); run \`arrow-sus cache verify --repair\``, { cause: error, details: { path } });
    }
    throw error;
  }
  if (encoded === undefined) return undefined;
  try {
    return new MessageReader(Buffer.from(encoded, 'base64')).readSchema() ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Streams a Parquet file as record batches. Errors: `FILE_NOT_FOUND`, `CACHE_CORRUPT` for a file
 * that is not valid Parquet, `ABORTED`.
 *
 * @example
 * ```ts
 * for await (const batch of readParquet(path, { columns: ['MUNIC_RES', 'VAL_TOT'] })) total += batch.numRows;
 * ```
 */
export async function* readParquet(path: string, options: ReadParquetOptions = {}): AsyncGenerator<RecordBatch> {
  // Each batch is copied once out of WebAssembly memory (see readParquetPacked); every batch of
  // the file carries the same Schema object.
  for await (const { schema, packed } of readParquetPacked(path, options)) yield unpackBatch(schema, packed);
}

/** A batch of {@link readParquetPacked}: its schema and its buffers, ready for `postMessage`. */
export interface PackedParquetBatch {
  readonly schema: Schema;
  readonly packed: PackedBatch;
  readonly transfer: ArrayBuffer[];
}

/**
 * Like {@link readParquet}, but each batch comes packed for another thread (see
 * `arrow/transfer.ts`): the worker threads read the cache this way, copying every buffer once
 * out of WebAssembly memory into its own transferable buffer, with no apache-arrow objects built
 * in between (`importPackedBatch`). Columns of other types than the DBF decoder's take the
 * general path.
 *
 * @example
 * ```ts
 * for await (const { packed, transfer } of readParquetPacked(path)) port.postMessage(packed, transfer);
 * ```
 */
export async function* readParquetPacked(path: string, options: ReadParquetOptions = {}): AsyncGenerator<PackedParquetBatch> {
  let schema: Schema | undefined;
  let direct = false;
  yield* streamBatches(path, options, (memory, ffi) => {
    const known: Schema = schema ?? parseSchema(memory, ffi.schemaAddr());
    if (schema === undefined) {
      schema = known;
      direct = canImportPacked(known);
    }
    const imported = direct ? importPackedBatch(memory, ffi.arrayAddr(), known) : undefined;
    if (imported !== undefined) return { schema: known, numRows: imported.packed.length, ...imported };
    const batch = parseRecordBatch(memory, ffi.arrayAddr(), ffi.schemaAddr(), true);
    return { schema: known, numRows: batch.numRows, ...packBatch(batch) };
  });
}

interface FfiBatch {
  arrayAddr(): number;
  schemaAddr(): number;
}

/** The Parquet reader's batches of `path`, each converted by `convert` while its FFI view is held. */
async function* streamBatches<T extends { numRows: number }>(
  path: string,
  options: ReadParquetOptions,
  convert: (memory: ArrayBuffer, ffi: FfiBatch) => T,
): AsyncGenerator<T> {
  const wasm = await loadParquetWasm();
  const file = await open(path);
  try {
    const streamOptions = {
      // 32,768 rows: measured ~5% faster than 65,536 reading all columns back (smaller buffers are
      // cheaper to allocate, move between threads and free).
      batchSize: options.batchRows ?? 32_768,
      ...(options.columns === undefined ? {} : { columns: [...options.columns] }),
    };
    let stream: ReadableStream;
    try {
      stream = await file.stream(streamOptions as Parameters<typeof file.stream>[0]);
    } catch (error) {
      throw new ArrowSusError('CACHE_CORRUPT', `cache: cannot read ${path}: ${String(error)}`, { cause: error, details: { path } });
    }
    const reader = stream.getReader();
    try {
      while (true) {
        throwIfAborted(options.signal);
        let next: { done: boolean; value?: WasmBatch };
        try {
          next = (await reader.read()) as { done: boolean; value?: WasmBatch };
        } catch (error) {
          throw new ArrowSusError('CACHE_CORRUPT', `cache: ${path} is damaged: ${String(error)}`, { cause: error, details: { path } });
        }
        if (next.done || next.value === undefined) return;
        const ffi = next.value.intoFFI();
        let batch: T;
        try {
          batch = convert(wasm.wasmMemory().buffer, ffi);
        } finally {
          ffi.free();
        }
        if (batch.numRows > 0) yield batch;
      }
    } finally {
      await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  } finally {
    file.free();
  }
}
