/**
 * Parquet output (zstd by default), streamed: batches go in one at a time and bytes come out as
 * row groups fill, so memory is bounded by the row-group size, not by the table.
 *
 * Two encoders: our TypeScript one (`parquet-writer/`) for zstd, gzip and uncompressed files of the
 * flat types the DBF decoder produces (text, binary, booleans, integers, floats, dates) — about
 * twice as fast on DataSUS tables — and arrow-rs's Parquet writer compiled to WebAssembly
 * (`parquet-wasm`) for everything else (snappy, lz4, decimals, dictionaries, nested types), loaded
 * on first use. Batches cross into the latter as Arrow IPC messages. Both write the same Parquet
 * schema for the same Arrow schema, so their files join (see `parquet-concat.ts`).
 *
 * @module
 */
import { Table, tableToIPC } from 'apache-arrow';
import type { RecordBatch } from 'apache-arrow';
import type { Schema } from 'apache-arrow';
import type * as ParquetWasmModule from 'parquet-wasm';
import { ArrowSusError } from '../errors.js';
import { ScratchIpcWriter } from './ipc-scratch.js';
import { canEncodeParquet, encodeParquet } from './parquet-writer/file-writer.js';
import { resolveFooterMetadata, type FooterMetadata } from './parquet-writer/footer.js';

/** Parquet compression codecs offered to users. */
export type ParquetCompression = 'zstd' | 'snappy' | 'gzip' | 'lz4' | 'none';

/** Options for {@link batchesToParquet}. */
export interface ParquetOptions {
  /** Codec for every column (default `zstd`). */
  readonly compression?: ParquetCompression;
  /** Maximum rows per row group (default 131,072). Larger groups compress better but hold more memory. */
  readonly rowGroupRows?: number;
  /**
   * Key/value metadata stored in the file footer (provenance, versions). A function is called
   * for it once the last batch is in — for values known only then, such as a digest of the input
   * (before the first batch instead for schemas that go to the WebAssembly encoder).
   */
  readonly metadata?: FooterMetadata;
}

type ParquetWasm = typeof ParquetWasmModule;
let loaded: Promise<ParquetWasm> | undefined;
const loadParquetWasm = (): Promise<ParquetWasm> => (loaded ??= import('parquet-wasm'));

/**
 * Encodes record batches as a Parquet file, yielding its bytes as they are produced.
 * All batches must share `schema` (see `conformBatch`); no batches still gives a valid file with
 * the schema and zero rows. Memory: about one row group of encoded data plus one input batch.
 *
 * @example
 * ```ts
 * await writeFileAtomic('DOAC2022.parquet', batchesToParquet(batches, schema));
 * ```
 */
export async function* batchesToParquet(
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
  schema: Schema,
  options: ParquetOptions = {},
): AsyncGenerator<Uint8Array> {
  const compression = options.compression ?? 'zstd';
  if ((compression === 'zstd' || compression === 'gzip' || compression === 'none') && canEncodeParquet(schema)) {
    yield* encodeParquet(batches, schema, {
      compression,
      ...(options.rowGroupRows !== undefined ? { rowGroupRows: options.rowGroupRows } : {}),
      ...(options.metadata !== undefined ? { metadata: options.metadata } : {}),
    });
    return;
  }
  const wasm = await loadParquetWasm();
  const codec = {
    zstd: wasm.Compression.ZSTD,
    snappy: wasm.Compression.SNAPPY,
    gzip: wasm.Compression.GZIP,
    lz4: wasm.Compression.LZ4_RAW,
    none: wasm.Compression.UNCOMPRESSED,
  }[compression];
  if (codec === undefined) {
    throw new ArrowSusError('INVALID_ARGUMENT', `parquet: unknown compression ${String(options.compression)}`);
  }
  let builder = new wasm.WriterPropertiesBuilder()
    .setCompression(codec)
    .setMaxRowGroupSize(Math.max(1, options.rowGroupRows ?? 131_072))
    // Min/max/null-count statistics per column chunk (what DuckDB, Polars and pyarrow prune row
    // groups with), not per page: the page-level index costs ~5% of encoding time (SIH RD) and
    // our row groups hold one source file each, a few pages per column.
    .setStatisticsEnabled(wasm.EnabledStatistics.Chunk)
    .setCreatedBy('arrow-sus');
  if (options.metadata !== undefined) {
    builder = builder.setKeyValueMetadata(new Map(Object.entries(resolveFooterMetadata(options.metadata))));
  }
  const properties = builder.build();

  const iterator = (Symbol.asyncIterator in batches
    ? (batches as AsyncIterable<RecordBatch>)[Symbol.asyncIterator]()
    : (batches as Iterable<RecordBatch>)[Symbol.iterator]()) as AsyncIterator<RecordBatch> | Iterator<RecordBatch>;
  // Each batch crosses as a one-batch IPC stream assembled in one reused buffer, the schema
  // encoded once (the encoder copies its input at once).
  const ipc = new ScratchIpcWriter();
  // Batches carry `schema` (see conformBatch): their own Schema objects are copies of it, so the
  // first batch's is written (re-wrapping each batch in `schema` would copy its fields every time).
  const toWasm = (batch: RecordBatch): ReturnType<ParquetWasm['Table']['fromIPCStream']> => wasm.Table.fromIPCStream(ipc.stream(batch));

  // With no batches the streaming encoder has no schema to write, so an empty table (schema only)
  // goes through the whole-file encoder instead.
  const first = await iterator.next();
  if (first.done === true) {
    yield wasm.writeParquet(wasm.Table.fromIPCStream(tableToIPC(new Table(schema), 'stream')), properties);
    return;
  }
  let head: RecordBatch | undefined = first.value;

  // The encoder ends its output normally even when its input stream errors, which would turn a
  // failed source into a valid-looking but truncated file. Keep the source's error and rethrow it.
  let failure: unknown;
  const input = new ReadableStream({
    pull: async (controller) => {
      try {
        let batch = head;
        head = undefined;
        if (batch === undefined) {
          const next = await iterator.next();
          if (next.done === true) {
            controller.close();
            return;
          }
          batch = next.value;
        }
        const table = toWasm(batch);
        for (const wasmBatch of table.recordBatches()) controller.enqueue(wasmBatch);
        table.free();
      } catch (error) {
        failure = error;
        controller.error(error);
      }
    },
    cancel: async () => {
      await iterator.return?.();
    },
  });

  const output = (await wasm.transformParquetStream(input, properties)) as ReadableStream<Uint8Array>;
  const reader = output.getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (failure !== undefined) throw failure;
      if (done) return;
      yield value;
    }
  } catch (error) {
    if (failure !== undefined) throw failure;
    if (ArrowSusError.is(error)) throw error;
    throw new ArrowSusError('INTERNAL', `parquet: the encoder failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    reader.releaseLock();
  }
}
