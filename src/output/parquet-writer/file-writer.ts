/**
 * Record batches → Parquet file bytes, in TypeScript: dictionary-encoded data pages (v1), zstd,
 * gzip or no compression, min/max/null-count statistics per column chunk, and the Arrow schema in
 * the footer (`ARROW:schema`) so Arrow readers get the exact types back. Files have the same
 * Parquet schema as arrow-rs writes for the same Arrow schema.
 *
 * Memory: one batch (read, not kept: batches may be reused once the next is asked for), one page
 * of indices per column, and the current row group's compressed pages.
 *
 * @module
 */
import type { RecordBatch, Schema } from 'apache-arrow';
import { packSchema } from '../../arrow/transfer.js';
import { ArrowSusError } from '../../errors.js';
import { pageCodec, type PageCodec, type PageCodecName } from './codec.js';
import { ColumnWriter, DEFAULT_LIMITS, type ColumnLimits } from './column-writer.js';
import { resolveFooterMetadata, writeFooter, type ChunkMeta, type FooterMetadata, type RowGroupMeta } from './footer.js';
import { parquetColumns, type ColumnSpec } from './schema.js';

const MAGIC = Buffer.from('PAR1');

/** Options of {@link encodeParquet}. */
export interface EncodeParquetOptions {
  readonly compression?: PageCodecName;
  /** Rows per row group (default 131,072). */
  readonly rowGroupRows?: number;
  /** Footer key/value metadata, before `ARROW:schema`; a function is called once every batch is in. */
  readonly metadata?: FooterMetadata;
  /** Page and dictionary limits (arrow-rs's defaults). */
  readonly limits?: Partial<ColumnLimits>;
  /** Force (true) or forbid (false) Node's zlib zstd; default: use it when present. */
  readonly nativeZstd?: boolean;
}

/**
 * Whether {@link encodeParquet} writes `schema` (flat; text, binary, boolean, integers up to 64
 * bits except unsigned 32/64, floats, dates in days).
 *
 * @example
 * ```ts
 * canEncodeParquet(table.schema); // true for every table the DBF decoder produces by default
 * ```
 */
export function canEncodeParquet(schema: Schema): boolean {
  return parquetColumns(schema) !== undefined;
}

// Column writers of finished files, by value kind and limits: a thread converting file after file
// (the cache's workers) reuses their page buffers and dictionaries — ~115 KB per column, ~13 MB for
// an SIH file — instead of allocating and zeroing them again. At most SPARE_LIMIT are kept (~26 MB:
// one file of the widest DataSUS table, CNES ST's 201 columns), so a long-lived process holds no more.
const SPARE_LIMIT = 224;
const spare = new Map<string, ColumnWriter[]>();
let spareCount = 0;

const spareKey = (kind: string, limits: ColumnLimits): string => `${kind}|${limits.pageRows}|${limits.pageBytes}|${limits.dictionaryBytes}`;

function takeWriter(column: ColumnSpec, codec: PageCodec, limits: ColumnLimits): ColumnWriter {
  const writer = spare.get(spareKey(column.kind, limits))?.pop();
  if (writer === undefined) return new ColumnWriter(column, codec, limits);
  spareCount--;
  writer.reuse(column, codec);
  return writer;
}

function releaseWriters(writers: readonly ColumnWriter[]): void {
  for (const writer of writers) {
    if (spareCount >= SPARE_LIMIT) return;
    const key = spareKey(writer.kind, writer.limits);
    const list = spare.get(key) ?? [];
    list.push(writer);
    spare.set(key, list);
    spareCount++;
  }
}

function integerAtLeast(name: string, value: number, least: number): number {
  if (!Number.isSafeInteger(value) || value < least) {
    throw new ArrowSusError('INVALID_ARGUMENT', `parquet: ${name} is out of range (got ${String(value)})`);
  }
  return value;
}

// The last few schemas encoded, by content: a worker converting a request's files writes the same
// schema into file after file (every SIH RD file has the same 113 columns), so apache-arrow's
// FlatBuffers builder runs once per schema rather than per file, and never runs often enough for
// V8 to spend ~60 ms optimising it in each worker thread.
const encodedSchemas = new Map<string, string>();
const ENCODED_SCHEMAS_KEPT = 8;

/** A key equal for schemas whose IPC messages are equal; undefined for nested types (not memoised). */
function schemaKey(schema: Schema): string | undefined {
  const fields: unknown[] = [];
  for (const field of schema.fields) {
    if ((field.type.children?.length ?? 0) > 0) return undefined;
    fields.push([field.name, field.nullable, field.type.typeId, field.type, [...field.metadata]]);
  }
  return JSON.stringify([fields, [...schema.metadata]]);
}

/** The schema as an IPC message (continuation marker, length, flatbuffer), base64: arrow-rs's form. */
function arrowSchemaBase64(schema: Schema): string {
  const key = schemaKey(schema);
  const known = key === undefined ? undefined : encodedSchemas.get(key);
  if (known !== undefined) return known;
  const encoded = encodeArrowSchema(schema);
  if (key !== undefined) {
    if (encodedSchemas.size >= ENCODED_SCHEMAS_KEPT) encodedSchemas.delete(encodedSchemas.keys().next().value!);
    encodedSchemas.set(key, encoded);
  }
  return encoded;
}

function encodeArrowSchema(schema: Schema): string {
  // The schema-only stream's first message.
  const stream = packSchema(schema);
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const length = view.getInt32(4, true);
  return Buffer.from(stream.buffer, stream.byteOffset, 8 + length).toString('base64');
}

/**
 * Encodes batches (all with `schema`'s columns) as one Parquet file, yielding bytes as row groups
 * fill. Throws `UNSUPPORTED` for a schema {@link canEncodeParquet} declines.
 *
 * @example
 * ```ts
 * await writeFileAtomic('RDRJ1602.parquet', encodeParquet(batches, schema, { rowGroupRows: 65_536 }));
 * ```
 */
export async function* encodeParquet(
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
  schema: Schema,
  options: EncodeParquetOptions = {},
): AsyncGenerator<Uint8Array> {
  const columns = parquetColumns(schema);
  if (columns === undefined) throw new ArrowSusError('UNSUPPORTED', 'parquet: the schema has a column type the TypeScript encoder does not write');
  const groupRows = integerAtLeast('rowGroupRows', options.rowGroupRows ?? 131_072, 1);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  integerAtLeast('limits.pageRows', limits.pageRows, 1);
  integerAtLeast('limits.pageBytes', limits.pageBytes, 1);
  integerAtLeast('limits.dictionaryBytes', limits.dictionaryBytes, 0); // 0: PLAIN from the first page on
  const codec = await pageCodec(options.compression ?? 'zstd', options.nativeZstd === undefined ? {} : { nativeZstd: options.nativeZstd });
  const writers = columns.map((column) => takeWriter(column, codec, limits));

  let position = MAGIC.length;
  yield MAGIC;
  const rowGroups: RowGroupMeta[] = [];
  let rowsInGroup = 0;

  function* flushGroup(): Generator<Uint8Array> {
    const offset = position;
    const chunks: ChunkMeta[] = [];
    for (const writer of writers) {
      const { pieces, meta } = writer.finish();
      chunks.push({ ...meta, offset: position });
      position += meta.compressedBytes;
      yield Buffer.concat(pieces as Uint8Array[]);
    }
    rowGroups.push({ chunks, rows: rowsInGroup, offset });
    rowsInGroup = 0;
  }

  for await (const batch of batches) {
    const children = batch.data.children;
    if (children.length !== writers.length) {
      throw new ArrowSusError('INVALID_ARGUMENT', `parquet: a batch has ${children.length} columns, the schema ${writers.length}`);
    }
    let at = 0;
    while (at < batch.numRows) {
      const take = Math.min(batch.numRows - at, groupRows - rowsInGroup);
      for (let c = 0; c < writers.length; c++) writers[c]!.write(children[c]!, at, at + take);
      at += take;
      rowsInGroup += take;
      if (rowsInGroup === groupRows) yield* flushGroup();
    }
  }
  if (rowsInGroup > 0) yield* flushGroup();

  const keyValues = [...Object.entries(resolveFooterMetadata(options.metadata)), ['ARROW:schema', arrowSchemaBase64(schema)] as const];
  const footer = writeFooter(columns, rowGroups, keyValues);
  // Every chunk is finished: the writers are clean for the next file.
  releaseWriters(writers);
  const tail = Buffer.alloc(8);
  tail.writeUInt32LE(footer.length, 0);
  MAGIC.copy(tail, 4);
  yield Buffer.concat([footer, tail]);
}
