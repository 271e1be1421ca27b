/**
 * One call from a file (or bytes) to Arrow record batches: detects DBC or DBF, decompresses and
 * verifies a DBC's CRC-32, decodes the DBF with projection and row filters, and reports what it
 * saw. Memory is bounded by one batch plus the 4 KiB DCL window, whatever the file size.
 *
 * @module
 */
import type { RecordBatch, Schema } from 'apache-arrow';
import { decompressDbc, type DbcResult } from '../dbc/index.js';
import { DbfReader } from '../dbf/read.js';
import type { ReadDbfOptions } from '../dbf/read.js';
import type { DbfField } from '../dbf/header.js';
import { ArrowSusError } from '../errors.js';
import { readFileChunks } from '../io/read-file.js';
import { deferred } from '../util/deferred.js';
import { formatFromBytes, formatFromName, takeSniffPrefix, type TableFormat } from './sniff.js';

/** Options of {@link readTable}. */
export interface ReadTableOptions extends Omit<ReadDbfOptions, 'onStats'> {
  /** `auto` (default): by file extension, else by content. */
  readonly format?: TableFormat | 'auto';
  /** Check a DBC's embedded CRC-32 (default true): a mismatch fails with `DBC_CRC_MISMATCH`. */
  readonly verifyCrc?: boolean;
  /** Name used in messages and for format detection when the input is bytes. */
  readonly fileName?: string;
}

/** What a read saw, available after its last batch. */
export interface TableSummary {
  readonly file: string | null;
  readonly format: TableFormat;
  /** Records announced by the header. */
  readonly recordCount: number;
  /** Rows delivered (after deleted rows and the row filter). */
  readonly rows: number;
  /** Records flagged deleted in the file. */
  readonly deleted: number;
  /** Records the row filter rejected. */
  readonly filtered: number;
  /** Per column, cells that did not parse and became null. */
  readonly unparsable: Readonly<Record<string, number>>;
  /** DBC CRC-32 outcome (also computed when `verifyCrc` is off); null for plain DBF. */
  readonly crcOk: boolean | null;
  /** Length of the (decompressed) DBF. */
  readonly dbfBytes: number;
  /** The DBF field descriptors (all of them, whatever the projection). */
  readonly fields: readonly DbfField[];
}

/** A table being read: iterate it for batches; `schema` and `summary` resolve along the way. */
export interface TableStream extends AsyncIterable<RecordBatch> {
  /** The output schema, known before the first batch (also for tables with no rows). */
  readonly schema: Promise<Schema>;
  /** Resolves after the last batch; rejects with the read's error. */
  readonly summary: Promise<TableSummary>;
}

/** Bytes a table can be read from: a path, one buffer, or chunks. */
export type TableInput = string | Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * Reads a DBC or DBF table as Arrow record batches (batches with no rows are not yielded; the
 * schema promise still resolves). Errors are typed: `FILE_NOT_FOUND`, `DBC_*`, `DCL_*`, `DBF_*`,
 * `PREDICATE_INVALID`, `ABORTED`.
 *
 * @example
 * ```ts
 * const table = readTable('RDSP2301.dbc', { columns: ['MUNIC_RES', 'VAL_TOT'], where: "SEXO = '3'" });
 * for await (const batch of table) total += batch.numRows;
 * const { crcOk, deleted } = await table.summary;
 * ```
 */
export function readTable(input: TableInput, options: ReadTableOptions = {}): TableStream {
  const schema = deferred<Schema>();
  const summary = deferred<TableSummary>();
  const fileName = options.fileName ?? (typeof input === 'string' ? input : undefined);

  async function* run(): AsyncGenerator<RecordBatch> {
    let iterator: AsyncIterator<Uint8Array> | undefined;
    try {
      const bytes = typeof input === 'string' ? readFileChunks(input, options.signal ? { signal: options.signal } : {}) : chunksOf(input);
      const peeked = await peekFormat(bytes, options.format ?? 'auto', fileName);
      let dbc: DbcResult | undefined;
      const dbf =
        peeked.format === 'dbc'
          ? decompressDbc(peeked.chunks, {
              verifyCrc: options.verifyCrc ?? true,
              // The DBF decoder is done with a chunk (copying what straddles) before it pulls the next.
              reuseChunks: true,
              ...(fileName === undefined ? {} : { fileName }),
              ...(options.signal ? { signal: options.signal } : {}),
              onComplete: (result) => (dbc = result),
            })
          : peeked.chunks;
      // The DBF reader stops pulling once every record is in; the DBC's end-of-stream checks
      // (end code, CRC-32) need the rest. So it reads through a view that cannot close the
      // source, and the remainder is drained below.
      const source = dbf[Symbol.asyncIterator]();
      iterator = source;
      const unclosable: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => ({ next: () => source.next() }) };
      const reader = new DbfReader(options);
      let schemaKnown = false;
      for await (const batch of reader.batches(unclosable)) {
        if (!schemaKnown) {
          schemaKnown = true;
          schema.resolve(reader.schema ?? batch.schema);
        }
        if (batch.numRows > 0) yield batch;
      }
      let trailing = 0;
      for (let next = await source.next(); next.done !== true; next = await source.next()) trailing += next.value.length;
      const stats = reader.stats;
      const header = reader.header;
      summary.resolve({
        file: fileName ?? null,
        format: peeked.format,
        recordCount: header?.recordCount ?? 0,
        rows: stats.rowsEmitted,
        deleted: stats.rowsDeleted,
        filtered: stats.rowsFiltered,
        unparsable: stats.unparsable,
        // Computed even when not enforced (`verifyCrc: false`), so reports can show it.
        crcOk: peeked.format === 'dbc' ? (dbc?.crcOk ?? null) : null,
        dbfBytes: dbc?.dbfBytes ?? stats.bytesRead + trailing,
        fields: header?.fields ?? [],
      });
    } catch (error) {
      schema.reject(error);
      summary.reject(error);
      throw error;
    } finally {
      // Closes the file when the consumer stopped early (a no-op after a complete read).
      await iterator?.return?.();
      // A consumer that stops early gets no summary.
      const stopped = new ArrowSusError('ABORTED', 'read: the consumer stopped before the end of the table');
      schema.reject(stopped);
      summary.reject(stopped);
    }
  }
  const batches = run();
  return { schema: schema.promise, summary: summary.promise, [Symbol.asyncIterator]: () => batches };
}

async function* chunksOf(input: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (input instanceof Uint8Array) yield input;
  else yield* input;
}

/** Reads just enough leading bytes to know the format, then replays them ahead of the rest. */
async function peekFormat(
  source: AsyncIterable<Uint8Array>,
  requested: TableFormat | 'auto',
  fileName: string | undefined,
): Promise<{ format: TableFormat; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  let head: Uint8Array[] = [];
  let format = requested === 'auto' ? formatFromName(fileName) : requested;
  if (format === undefined) {
    const prefix = await takeSniffPrefix(iterator);
    head = prefix.head;
    format = formatFromBytes(prefix.bytes, fileName);
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    try {
      yield* head;
      for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  return { format, chunks: replay() };
}


/**
 * Starts reading a table until its schema is known, and returns the schema with the batches
 * (the first one replayed). Needed by writers that must know the schema before the first batch.
 *
 * @example
 * ```ts
 * const { schema, batches } = await withSchema(readTable('DOAC2022.dbc'));
 * await writeBatches(batches, schema, { path: 'ac.parquet' }, 'parquet');
 * ```
 */
export async function withSchema(table: TableStream): Promise<{ schema: Schema; batches: AsyncIterable<RecordBatch> }> {
  const iterator = table[Symbol.asyncIterator]();
  // The schema resolves just before the first batch is yielded, or at the end of a table with
  // no rows; either way the pending first step is kept and replayed, never dropped.
  const pending = iterator.next();
  pending.catch(() => undefined);
  await Promise.race([pending, table.schema]);
  const schema = await table.schema;
  async function* replay(): AsyncGenerator<RecordBatch> {
    try {
      let next = await pending;
      while (next.done !== true) {
        yield next.value;
        next = await iterator.next();
      }
    } finally {
      await iterator.return?.(undefined);
    }
  }
  return { schema, batches: replay() };
}
