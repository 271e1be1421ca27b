/**
 * Accepted records → Arrow record batches. Records arrive as runs of consecutive records in some
 * buffer; long runs are decoded where they lie, short ones are gathered in a tile first, and every
 * column decoder of the batch is fed a tile (~1 MiB of records) at a time.
 *
 * @module
 */
import { Struct, type RecordBatch, type Schema } from 'apache-arrow';
import { structData } from '../arrow/data.js';
import { recordBatch } from '../arrow/record-batch.js';
import type { DbfCodec } from './codec.js';
import { ColumnScratch, columnDecoder, deletedColumn, tileRowsFor, type ColumnDecoder } from './columns.js';
import type { DbfReadStats } from './decoder.js';
import type { DbfColumnPlan } from './schema.js';

// Runs of at least this many accepted records are decoded where they lie; shorter ones are copied
// together first (a per-run call into every column decoder costs more than copying a few records).
const DIRECT_ROWS = 16;

/** Shape of the batches a {@link BatchBuilder} makes. */
export interface BatchBuilderOptions {
  readonly schema: Schema;
  readonly plans: readonly DbfColumnPlan[];
  readonly codec: DbfCodec;
  readonly recordLength: number;
  /** Most rows per batch. */
  readonly capacityRows: number;
  /** Append the `_deleted` flags column. */
  readonly includeDeleted: boolean;
  /**
   * Transient batches: columns are views of buffers reused for later batches, so a batch is valid
   * only until {@link BatchBuilder.release} (no allocation per batch). Default: batches own their
   * buffers.
   */
  readonly transient?: boolean;
}

/**
 * Builds record batches from accepted records, updating `rowsEmitted`, `batches` and `unparsable`
 * of the read's statistics.
 *
 * @example
 * ```ts
 * const builder = new BatchBuilder({ schema, plans, codec, recordLength, capacityRows: 65_536, includeDeleted: false }, stats);
 * const out: RecordBatch[] = [];
 * builder.take(bytes, header.headerLength, header.recordCount, 0, out);
 * builder.finish(out);
 * ```
 */
export class BatchBuilder {
  /** Column decoders of the batch being filled (created at its first row) and the rows they hold. */
  private columns: ColumnDecoder[] | undefined;
  private columnsRows = 0;
  /** Rows decoded into the current batch. */
  private batchRows = 0;
  /** Accepted records handed over but not decoded yet. */
  private pendingRows = 0;
  /** Records the source has not read yet (bounds the size of the next batch). */
  private remaining = 0;
  /** Short runs of accepted records, back to back. */
  private tile = new Uint8Array(0);
  private tileFill = 0;
  private readonly tileRows: number;
  /** Buffers of the batch being filled (one scratch per column, plus the `_deleted` column). */
  private scratch: ColumnScratch[] | undefined;
  /** Transient mode: buffers of batches handed out since the last release, and free ones. */
  private readonly lent: ColumnScratch[][] = [];
  private readonly free: ColumnScratch[][] = [];
  private batchScratch: ColumnScratch[] | undefined;

  constructor(
    private readonly options: BatchBuilderOptions,
    private readonly stats: DbfReadStats,
  ) {
    this.tileRows = Math.min(options.capacityRows, tileRowsFor(options.recordLength));
  }

  /**
   * Declares every batch handed out so far done with: transient batches' buffers are reused from
   * here on. Call it before pushing the records that follow (a no-op for owned batches).
   *
   * @example
   * ```ts
   * builder.release();
   * builder.take(nextChunk, 0, rows, remaining, out);
   * ```
   */
  release(): void {
    while (this.lent.length > 0) this.free.push(this.lent.pop() as ColumnScratch[]);
  }

  /** Scratch for a new batch: the persistent set (owned batches), or a free set (transient). */
  private scratchSet(): ColumnScratch[] {
    const count = this.options.plans.length + 1;
    if (this.options.transient !== true) return (this.scratch ??= Array.from({ length: count }, () => new ColumnScratch(false)));
    return this.free.pop() ?? Array.from({ length: count }, () => new ColumnScratch(true));
  }

  /**
   * Hands over `rows` consecutive accepted records starting at `bytes[at]`; `remaining` is how many
   * records the source still has to read. Pushes the batches this completes onto `out`.
   *
   * @example
   * ```ts
   * builder.take(chunk, runStart, runRows, recordsLeft, out);
   * ```
   */
  take(bytes: Uint8Array, at: number, rows: number, remaining: number, out: RecordBatch[]): void {
    this.pendingRows += rows;
    this.remaining = remaining;
    if (rows >= DIRECT_ROWS) {
      this.flushTile(out);
      this.decodeRows(bytes, at, rows, out);
      return;
    }
    const length = this.options.recordLength;
    let from = at;
    let left = rows;
    while (left > 0) {
      if (this.tile.length === 0) this.tile = new Uint8Array(this.tileRows * length);
      const n = Math.min(left, this.tileRows - this.tileFill);
      this.tile.set(bytes.subarray(from, from + n * length), this.tileFill * length);
      this.tileFill += n;
      from += n * length;
      left -= n;
      if (this.tileFill === this.tileRows) this.flushTile(out);
    }
  }

  /**
   * Ends the input: decodes what is held and pushes the last batch, or one empty batch when none
   * was made at all (so the schema reaches consumers even for zero-row tables).
   *
   * @example
   * ```ts
   * builder.finish(out);
   * ```
   */
  finish(out: RecordBatch[]): void {
    this.remaining = 0;
    this.flushTile(out);
    if (this.batchRows > 0 || this.stats.batches === 0) out.push(this.emit());
  }

  private flushTile(out: RecordBatch[]): void {
    const rows = this.tileFill;
    if (rows === 0) return;
    this.tileFill = 0;
    this.decodeRows(this.tile, 0, rows, out);
  }

  /** Decodes accepted records into the current batch, a tile at a time, emitting full batches. */
  private decodeRows(bytes: Uint8Array, at: number, rows: number, out: RecordBatch[]): void {
    const length = this.options.recordLength;
    let from = at;
    let left = rows;
    while (left > 0) {
      const columns = this.columns ?? this.openBatch();
      const n = Math.min(left, this.columnsRows - this.batchRows, this.tileRows);
      for (const column of columns) column.decode(bytes, from, this.batchRows, this.batchRows + n);
      this.batchRows += n;
      this.pendingRows -= n;
      from += n * length;
      left -= n;
      if (this.batchRows === this.columnsRows) out.push(this.emit());
    }
  }

  /**
   * Creates the column decoders of a new batch, sized for the rows it can still receive: a full
   * batch, or fewer when the rest of the input (accepted but undecoded rows plus unread records)
   * is smaller. Only a filter makes a batch end up smaller than its buffers.
   */
  private openBatch(): ColumnDecoder[] {
    const { plans, codec, recordLength, capacityRows, includeDeleted } = this.options;
    const rows = Math.min(capacityRows, this.pendingRows + this.remaining);
    const scratch = this.scratchSet();
    this.batchScratch = scratch;
    const columns = plans.map((plan, i) => columnDecoder(plan, codec, rows, recordLength, scratch[i]));
    if (includeDeleted) columns.push(deletedColumn(rows, recordLength, scratch[plans.length]));
    this.columns = columns;
    this.columnsRows = rows;
    return columns;
  }

  private emit(): RecordBatch {
    const { schema, plans } = this.options;
    const rows = this.batchRows;
    const columns = this.columns ?? this.openBatch();
    const decoded = columns.map((column) => column.finish(rows));
    plans.forEach((plan, i) => {
      const unparsable = decoded[i]?.unparsable ?? 0;
      if (unparsable > 0) this.stats.unparsable[plan.field.name] = (this.stats.unparsable[plan.field.name] ?? 0) + unparsable;
    });
    this.columns = undefined;
    if (this.options.transient === true && this.batchScratch !== undefined) this.lent.push(this.batchScratch);
    this.batchScratch = undefined;
    this.batchRows = 0;
    this.stats.rowsEmitted += rows;
    this.stats.batches++;
    const children = decoded.map((column) => column.data);
    return recordBatch(schema, structData(new Struct(schema.fields), rows, children));
  }
}
