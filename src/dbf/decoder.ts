/**
 * The push-based DBF decoder: bytes in (any chunking), Arrow record batches out. Synchronous and
 * free of I/O, so it runs the same on the main thread, in a worker, or behind a DBC decompressor.
 *
 * @module
 */
import type { RecordBatch, Schema } from 'apache-arrow';
import { ArrowSusError } from '../errors.js';
import { dbfCodec, type DbfCodec, type DbfEncoding } from './codec.js';
import { BatchBuilder } from './batch-builder.js';
import { detectDbfEncoding } from './detect-encoding.js';
import { dbfHeaderLength, parseDbfHeader, type DbfHeader } from './header.js';
import { compilePredicate, type RecordFilter } from './predicate-compile.js';
import { parsePredicate } from './predicate-parse.js';
import type { Predicate } from './predicate.js';
import { dbfSchema, planColumns, type DbfColumnPlan, type DbfSchemaOptions } from './schema.js';

/** Options of {@link DbfDecoder} (and of `readDbf`). */
export interface DbfDecoderOptions extends DbfSchemaOptions {
  /** Row filter, evaluated on raw record bytes before anything is decoded (text or a built predicate). */
  readonly where?: string | Predicate;
  /** Most rows per batch. Default 65,536. */
  readonly batchRows?: number;
  /** Most record bytes per batch (caps memory for wide tables). Default 8 MiB, at most 512 MiB. */
  readonly batchBytes?: number;
  /**
   * Transient batches (default false): each batch's columns are views of buffers the decoder reuses
   * for later batches, so a batch is valid only until the next `push`/`finish` call (the next
   * batch requested from `readDbf`). For consumers that are done with a batch before asking for
   * the next — an encoder that copies it, a counter — decoding then allocates nothing per batch.
   */
  readonly transientBatches?: boolean;
}

/** What a read saw: for progress, logs and the CLI's summary. Updated as the read advances. */
export interface DbfReadStats {
  /** Records announced by the header (undefined until the header is read). */
  recordCount: number | undefined;
  /** Text encoding in use (for `encoding: 'auto'`, the one chosen; undefined until decided). */
  encoding: DbfEncoding | undefined;
  /** Records scanned so far (deleted and filtered ones included). */
  rowsRead: number;
  /** Records flagged deleted (`*`); dropped unless `includeDeleted`. */
  rowsDeleted: number;
  /** Records the `where` predicate rejected. */
  rowsFiltered: number;
  /** Rows delivered in batches. */
  rowsEmitted: number;
  /** Batches delivered (including the empty one a read with no rows ends with). */
  batches: number;
  /** Input bytes consumed. */
  bytesRead: number;
  /** Bytes after the last record (usually the 0x1A end byte; 0 when the file omits it). */
  trailingBytes: number;
  /**
   * Per decoded column, cells that held something other than blanks but did not parse (bad
   * numbers, impossible dates, bad logicals); they decode as null. Columns used only by the
   * predicate are not decoded and not counted.
   */
  unparsable: Record<string, number>;
}

const DEFAULT_BATCH_ROWS = 65_536;
// 8 MiB: streaming a 1.1 GB SIH RD file (700-byte records) peaks at ~170 MiB RSS, flat in the file
// size; 32 MiB batches were 10% faster but peaked at ~300 MiB (bench/decode.js).
const DEFAULT_BATCH_BYTES = 8 * 1024 * 1024;
const MAX_BATCH_BYTES = 512 * 1024 * 1024;
// With `encoding: 'auto'`, records are held back until this many bytes (or all of them) arrived,
// then sampled to choose the code page. RDRJ1602 has 141 accented bytes in 38 MB: a big sample helps.
const SAMPLE_BYTES = 8 * 1024 * 1024;

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ArrowSusError('INVALID_ARGUMENT', `dbf: ${name} must be a positive integer (got ${value})`, { details: { [name]: value } });
  }
  return value;
}

/**
 * Decodes a DBF pushed in chunks of any size (records may straddle chunks).
 *
 * Memory is bounded by one batch, never by the file: the header (at most 64 KiB); the column
 * buffers of the batch being filled, sized for at most `batchRows` rows and `batchBytes` of
 * records (text at its field width, growing only for multi-byte characters; numbers 4–8 bytes per
 * value); at most one tile (~1 MiB, never more than a batch) of accepted records copied from short
 * runs; and, with `encoding: 'auto'`, the records held back to choose the code page (at most
 * 8 MiB, never more than `batchBytes`). Long runs of records are decoded where they lie in the
 * pushed chunk. The record count in the header never sizes anything beyond one batch, so a header
 * announcing 4 billion rows costs at most a batch until rows actually arrive. `push` returns every
 * batch its chunk completes: push a large buffer in slices (as `readDbf` does, 8 MiB at a time).
 *
 * @example
 * ```ts
 * const decoder = new DbfDecoder({ columns: ['UF_ZI', 'IDADE'], where: "SEXO = '1'" });
 * const batches = [...decoder.push(chunk1), ...decoder.push(chunk2), ...decoder.finish()];
 * console.log(decoder.stats.rowsFiltered);
 * ```
 */
export class DbfDecoder {
  /** Live statistics (see {@link DbfReadStats}). */
  readonly stats: DbfReadStats = {
    recordCount: undefined,
    encoding: undefined,
    rowsRead: 0,
    rowsDeleted: 0,
    rowsFiltered: 0,
    rowsEmitted: 0,
    batches: 0,
    bytesRead: 0,
    trailingBytes: 0,
    unparsable: {},
  };

  private readonly batchRowsLimit: number;
  private readonly batchBytesLimit: number;
  private headerBytes = new Uint8Array(0);
  private headerFill = 0;
  private headerValue: DbfHeader | undefined;
  private schemaValue: Schema | undefined;
  private plans: DbfColumnPlan[] = [];
  private codec: DbfCodec | undefined;
  /** Records held back to choose the encoding (`encoding: 'auto'`); undefined once chosen. */
  private sample: Uint8Array | undefined;
  private sampleFill = 0;
  private filter: RecordFilter | undefined;
  private capacityRows = 0;
  private recordLength = 0;
  private remaining = 0;
  /** Turns accepted records into batches (created once the text encoding is known). */
  private builder: BatchBuilder | undefined;
  /** A record split across chunks. */
  private partial = new Uint8Array(0);
  private partialLength = 0;
  private finished = false;

  constructor(private readonly options: DbfDecoderOptions = {}) {
    this.batchRowsLimit = positiveInteger(options.batchRows, DEFAULT_BATCH_ROWS, 'batchRows');
    this.batchBytesLimit = positiveInteger(options.batchBytes, DEFAULT_BATCH_BYTES, 'batchBytes');
    // Text can triple in size when transcoded, and Arrow Utf8 offsets are 32-bit.
    if (this.batchBytesLimit > MAX_BATCH_BYTES) {
      throw new ArrowSusError('INVALID_ARGUMENT', `dbf: batchBytes may be at most ${MAX_BATCH_BYTES} (got ${this.batchBytesLimit})`, { details: { batchBytes: this.batchBytesLimit } });
    }
    if (options.encoding !== 'auto') this.codec = dbfCodec(options.encoding ?? 'latin1');
    // Parse text predicates now: a syntax error should not wait for the first bytes.
    if (typeof options.where === 'string') this.options = { ...options, where: parsePredicate(options.where) };
  }

  /** The parsed header, once enough bytes have been pushed. */
  get header(): DbfHeader | undefined {
    return this.headerValue;
  }

  /** The schema of the batches, once the header is known (also for tables with zero rows). */
  get schema(): Schema | undefined {
    return this.schemaValue;
  }

  /** True once every record announced by the header has been read. */
  get done(): boolean {
    return this.headerValue !== undefined && this.remaining === 0;
  }

  /**
   * Feeds the next bytes; returns the batches completed by them (often none).
   *
   * @example
   * ```ts
   * for (const batch of decoder.push(chunk)) sink.write(batch);
   * ```
   */
  push(input: Uint8Array): RecordBatch[] {
    if (this.finished) throw new ArrowSusError('INVALID_ARGUMENT', 'dbf: push() after finish()');
    // Node Buffers (and other subclasses) become plain views: the column loops then see a single
    // array shape whether they read a chunk or a copied tile (mixing shapes measured 15% slower).
    const chunk = input.constructor === Uint8Array ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    this.builder?.release();
    this.stats.bytesRead += chunk.length;
    const out: RecordBatch[] = [];
    let at = 0;
    if (this.headerValue === undefined) {
      at = this.takeHeader(chunk);
      if (this.headerValue === undefined) return out;
    }
    if (this.sample !== undefined) this.collectSample(chunk.subarray(at), out);
    else this.consume(chunk, at, out);
    return out;
  }

  /**
   * Signals the end of input; returns the last batch. Throws `DBF_TRUNCATED` when fewer records
   * arrived than the header announces (or the header itself is incomplete) and
   * `DBF_INVALID_HEADER` when the input is too short to be a DBF at all. A read that produced no
   * batch returns one empty batch, so the schema reaches consumers even for zero-row tables.
   *
   * @example
   * ```ts
   * const last = decoder.finish();
   * ```
   */
  finish(): RecordBatch[] {
    if (this.finished) return [];
    this.finished = true;
    const header = this.headerValue;
    if (header === undefined) {
      const bytes = this.headerBytes.subarray(0, this.headerFill);
      if (bytes.length < 32) dbfHeaderLength(bytes); // throws DBF_INVALID_HEADER
      parseDbfHeader(bytes); // throws DBF_TRUNCATED
      throw new ArrowSusError('INTERNAL', 'dbf: header state is inconsistent');
    }
    const out: RecordBatch[] = [];
    this.builder?.release();
    if (this.sample !== undefined) this.chooseEncoding(out);
    if (this.remaining > 0) {
      throw new ArrowSusError(
        'DBF_TRUNCATED',
        `dbf: the header announces ${header.recordCount} records but the data ends after ${this.stats.rowsRead}${this.partialLength > 0 ? ` and ${this.partialLength} bytes of the next` : ''} (file is incomplete; re-download)`,
        { details: { recordCount: header.recordCount, rowsRead: this.stats.rowsRead, partialBytes: this.partialLength } },
      );
    }
    (this.builder as BatchBuilder).finish(out);
    return out;
  }

  /** Buffers header bytes (never more than the header needs); returns how many bytes of
   * `chunk` it took. Records start right after them. */
  private takeHeader(chunk: Uint8Array): number {
    let used = 0;
    for (;;) {
      const have = this.headerFill;
      const needed = have < 32 ? 32 : dbfHeaderLength(this.headerBytes.subarray(0, 32));
      if (have >= needed) {
        this.start(parseDbfHeader(this.headerBytes.subarray(0, have)));
        this.headerBytes = new Uint8Array(0);
        return used;
      }
      const take = Math.min(needed - have, chunk.length - used);
      if (take === 0) return used;
      if (this.headerBytes.length < needed) {
        const grown = new Uint8Array(needed);
        grown.set(this.headerBytes.subarray(0, have));
        this.headerBytes = grown;
      }
      this.headerBytes.set(chunk.subarray(used, used + take), have);
      this.headerFill += take;
      used += take;
    }
  }

  private start(header: DbfHeader): void {
    this.headerValue = header;
    this.stats.recordCount = header.recordCount;
    this.recordLength = header.recordLength;
    this.remaining = header.recordCount;
    this.plans = planColumns(header, this.options);
    for (const plan of this.plans) this.stats.unparsable[plan.field.name] = 0;
    this.capacityRows = Math.max(1, Math.min(this.batchRowsLimit, Math.floor(this.batchBytesLimit / header.recordLength)));
    this.partial = new Uint8Array(header.recordLength);
    if (this.codec === undefined) {
      this.sample = new Uint8Array(0);
      this.schemaValue = dbfSchema(header, this.options);
    } else {
      this.configure(this.codec.encoding);
    }
  }

  /** Fixes the text encoding: schema metadata, predicate literals and column decoding follow it. */
  private configure(encoding: DbfEncoding): void {
    const header = this.headerValue as DbfHeader;
    const options = { ...this.options, encoding };
    this.codec = dbfCodec(encoding);
    this.stats.encoding = encoding;
    this.schemaValue = dbfSchema(header, options);
    this.builder = new BatchBuilder(
      {
        schema: this.schemaValue,
        plans: this.plans,
        codec: this.codec,
        recordLength: this.recordLength,
        capacityRows: this.capacityRows,
        includeDeleted: this.options.includeDeleted === true,
        transient: this.options.transientBatches === true,
      },
      this.stats,
    );
    const where = options.where;
    if (where !== undefined) this.filter = compilePredicate(typeof where === 'string' ? parsePredicate(where) : where, header, options);
  }

  /**
   * Holds records back until the sample is big enough (or complete), then decodes them. Copies at
   * most the sample: a chunk that holds the whole sample (e.g. a file read into one buffer) is
   * sampled where it is.
   */
  private collectSample(bytes: Uint8Array, out: RecordBatch[]): void {
    const limit = Math.min(SAMPLE_BYTES, this.batchBytesLimit, this.remaining * this.recordLength);
    if (this.sampleFill === 0 && bytes.length >= limit) {
      this.sample = undefined;
      this.configure(detectDbfEncoding(this.headerValue as DbfHeader, bytes.subarray(0, limit)));
      this.consume(bytes, 0, out);
      return;
    }
    const take = Math.min(bytes.length, limit - this.sampleFill);
    const sample = this.sample as Uint8Array;
    if (this.sampleFill + take > sample.length) {
      // The whole sample at once (at most a batch): doubling from the first chunk's size would
      // allocate it about twice over.
      const grown = new Uint8Array(limit);
      grown.set(sample.subarray(0, this.sampleFill));
      this.sample = grown;
    }
    (this.sample as Uint8Array).set(bytes.subarray(0, take), this.sampleFill);
    this.sampleFill += take;
    if (this.sampleFill < limit) return;
    this.chooseEncoding(out);
    if (take < bytes.length) this.consume(bytes, take, out);
  }

  private chooseEncoding(out: RecordBatch[]): void {
    const held = (this.sample as Uint8Array).subarray(0, this.sampleFill);
    this.sample = undefined;
    const records = held.subarray(0, Math.min(held.length, this.remaining * this.recordLength));
    this.configure(detectDbfEncoding(this.headerValue as DbfHeader, records));
    this.consume(held, 0, out);
  }

  private consume(chunk: Uint8Array, from: number, out: RecordBatch[]): void {
    const length = this.recordLength;
    let at = from;
    if (this.partialLength > 0 && this.remaining > 0) {
      const take = Math.min(length - this.partialLength, chunk.length - at);
      this.partial.set(chunk.subarray(at, at + take), this.partialLength);
      this.partialLength += take;
      at += take;
      if (this.partialLength < length) return;
      this.partialLength = 0;
      this.remaining--;
      this.stats.rowsRead++;
      if (this.accept(this.partial, 0)) this.take(this.partial, 0, 1, out);
    }
    const end = chunk.length;
    let runStart = -1;
    let runRows = 0;
    while (this.remaining > 0 && at + length <= end) {
      this.remaining--;
      this.stats.rowsRead++;
      if (this.accept(chunk, at)) {
        if (runStart < 0) runStart = at;
        runRows++;
      } else if (runStart >= 0) {
        this.take(chunk, runStart, runRows, out);
        runStart = -1;
        runRows = 0;
      }
      at += length;
    }
    if (runStart >= 0) this.take(chunk, runStart, runRows, out);
    if (this.remaining > 0) {
      this.partial.set(chunk.subarray(at, end), 0);
      this.partialLength = end - at;
    } else {
      this.stats.trailingBytes += end - at;
    }
  }

  /** Hands a run of accepted records to the batch builder. */
  private take(bytes: Uint8Array, at: number, rows: number, out: RecordBatch[]): void {
    (this.builder as BatchBuilder).take(bytes, at, rows, this.remaining, out);
  }

  private accept(bytes: Uint8Array, at: number): boolean {
    if (bytes[at] === 0x2a) {
      this.stats.rowsDeleted++;
      if (this.options.includeDeleted !== true) return false;
    }
    if (this.filter !== undefined && !this.filter(bytes, at)) {
      this.stats.rowsFiltered++;
      return false;
    }
    return true;
  }
}

