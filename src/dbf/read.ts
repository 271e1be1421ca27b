/**
 * Streaming entry points: any byte source in, an async stream of Arrow record batches out.
 *
 * @module
 */
import type { RecordBatch, Schema } from 'apache-arrow';
import { ArrowSusError, throwIfAborted } from '../errors.js';
import { DbfDecoder, type DbfDecoderOptions, type DbfReadStats } from './decoder.js';
import type { DbfHeader } from './header.js';

/** Bytes in any shape the reader accepts: one buffer, or chunks from a sync or async source
 * (Node streams, web `ReadableStream`s, a DBC decompressor, arrays of buffers). */
export type DbfInput = Uint8Array | ArrayBuffer | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** Options of {@link readDbf} and {@link DbfReader}. */
export interface ReadDbfOptions extends DbfDecoderOptions {
  /** Cancels the read between chunks and between batches (`ABORTED`). */
  readonly signal?: AbortSignal;
  /** Called once with the final statistics when the read completes (not when it fails). */
  readonly onStats?: (stats: Readonly<DbfReadStats>) => void;
}

// One push returns every batch its bytes complete, so a whole file in one buffer is pushed in
// slices (views, no copies): batches then reach the consumer one slice at a time.
const SLICE_BYTES = 8 * 1024 * 1024;

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) yield bytes.subarray(at, at + SLICE_BYTES);
}

async function* chunksOf(input: DbfInput): AsyncGenerator<Uint8Array> {
  if (input instanceof Uint8Array) {
    yield* slices(input);
  } else if (input instanceof ArrayBuffer) {
    yield* slices(new Uint8Array(input));
  } else if (Symbol.asyncIterator in input) {
    for await (const chunk of input) yield chunk;
  } else if (Symbol.iterator in input) {
    for (const chunk of input) yield chunk;
  } else {
    throw new ArrowSusError('INVALID_ARGUMENT', 'dbf: input must be a Uint8Array or an (async) iterable of Uint8Array');
  }
}

/**
 * A DBF read whose statistics and header stay inspectable after (and during) the read, for
 * callers that report them, like the CLI:
 *
 * @example
 * ```ts
 * const reader = new DbfReader({ columns: ['UF_ZI', 'IDADE'], where: "UF_ZI = '350000'" });
 * for await (const batch of reader.batches(createReadStream('RDSP2301.dbf'))) rows += batch.numRows;
 * console.log(reader.stats.rowsFiltered, reader.stats.unparsable);
 * ```
 */
export class DbfReader {
  private decoder: DbfDecoder;

  constructor(private readonly options: ReadDbfOptions = {}) {
    this.decoder = new DbfDecoder(options);
  }

  /** Statistics of the current (or last) read. */
  get stats(): Readonly<DbfReadStats> {
    return this.decoder.stats;
  }

  /** The header, once read. */
  get header(): DbfHeader | undefined {
    return this.decoder.header;
  }

  /** The output schema, once the header is read. */
  get schema(): Schema | undefined {
    return this.decoder.schema;
  }

  /**
   * Decodes `input` into record batches. Each reader reads once; memory is bounded as described
   * on {@link DbfDecoder} (one batch, default at most 65,536 rows and 8 MiB of records).
   * Stopping early (`break`) releases the source. Throws the decoder's errors and `ABORTED`.
   *
   * @example
   * ```ts
   * for await (const batch of new DbfReader().batches(bytes)) console.log(batch.numRows);
   * ```
   */
  async *batches(input: DbfInput): AsyncGenerator<RecordBatch, void, undefined> {
    const { signal } = this.options;
    throwIfAborted(signal);
    const decoder = this.decoder;
    for await (const chunk of chunksOf(input)) {
      throwIfAborted(signal);
      for (const batch of decoder.push(chunk)) {
        yield batch;
        throwIfAborted(signal);
      }
      // No early exit once every record is in: the source runs to its end, so a DBC
      // decompressor upstream still gets to verify its CRC over the trailing bytes.
    }
    yield* decoder.finish();
    this.options.onStats?.(decoder.stats);
  }
}

/**
 * Reads a DBF table as Arrow record batches. The first batch carries the schema; a table with no
 * (matching) rows yields one empty batch so the schema is still known. Options: projection
 * (`columns`), row filter (`where`, on raw bytes), batch sizing (`batchRows`, `batchBytes`), text
 * `encoding` or `raw` bytes, `includeDeleted`, number typing (`integers`, `decimals`), `signal`,
 * and `onStats` for the read's statistics ({@link DbfReader} exposes them as a property).
 *
 * Memory is bounded by one batch (default at most 65,536 rows and 8 MiB of record bytes, plus
 * the batch's Arrow buffers), never by the file.
 *
 * @example
 * ```ts
 * import { readDbf } from 'arrow-sus/dbf';
 * for await (const batch of readDbf(bytes, { columns: ['UF_ZI', 'IDADE'], where: "SEXO = '1'" })) {
 *   console.log(batch.numRows, batch.getChild('IDADE')?.get(0));
 * }
 * ```
 */
export async function* readDbf(input: DbfInput, options: ReadDbfOptions = {}): AsyncGenerator<RecordBatch, void, undefined> {
  // Created inside the generator so that option errors surface on iteration, like read errors.
  yield* new DbfReader(options).batches(input);
}
