/**
 * `scan(request)`: from a request to Arrow record batches.
 *
 * Data flow: plan (list the request's folders, resolve against them) → warm (each file, in
 * parallel: cache hit, or download → Parquet in a worker → cache entry) → read (each entry in
 * plan order: projected columns, row filter, one unified schema, optional provenance columns).
 * Memory stays bounded: conversion writes to disk, reading holds one batch at a time.
 *
 * @module
 */
import { join } from 'node:path';
import { Data, Field, Int16, Schema, Struct, Table, Utf8, type RecordBatch } from 'apache-arrow';
import { recordBatch } from '../arrow/record-batch.js';
import { conformBatch, unifySchemas } from '../arrow/unify.js';
import { filterBatch } from '../arrow/filter.js';
import { DiskCache } from '../cache/disk-cache.js';
import { resolveCacheDir } from '../cache/location.js';
import { readParquetSchema } from '../cache/read-parquet.js';
import type { MemoryBatchCache} from '../cache/memory-cache.js';
import { batchBytes, defaultMemoryCache } from '../cache/memory-cache.js';
import type { CatalogRequest } from '../catalog/index.js';
import { parsePredicate } from '../dbf/predicate-parse.js';
import type { Predicate } from '../dbf/predicate.js';
import type { DownloadProgress } from '../download/types.js';
import { ArrowSusError, throwIfAborted } from '../errors.js';
import { defaultDecodePool } from '../read/decode-files.js';
import { openSource } from '../sources/open-source.js';
import type { Source } from '../sources/source.js';
import type { TaskStream, WorkerPool } from '../workers/pool.js';
import type { ParquetReadTask } from '../workers/decode-worker.js';
import { constantData } from './constant-column.js';
import { ListingCache } from './listing-cache.js';
import { materializeFile, type MaterializeOutcome } from './materialize.js';
import { planScan, type ScanPlan } from './plan.js';
import { toCatalogRequest, type ScanRequest } from './request.js';
import { buildReport, type ScanReport } from './report.js';
import type { LabelStage } from './labels.js';
import type { UnknownCode } from '../brazil/index.js';
import { writePartitioned, type ParquetOutputOptions, type WriteSummary } from './write-partitioned.js';
import { writeBatches, type OutputFormat, type OutputTarget } from '../output/write-output.js';
import type { ParquetOptions } from '../output/parquet.js';
import { joinParquetStream, readParquetPart, type ParquetParts } from '../output/parquet-concat.js';
import { deferred, type Deferred } from '../util/deferred.js';
import type { Writable } from 'node:stream';

interface ReadPlan {
  /** The output schema. */
  readonly schema: Schema;
  /** The files' columns unified, before labels and provenance. */
  readonly dataSchema: Schema;
  readonly outcomes: MaterializeOutcome[];
  readonly columns: (string[] | undefined)[];
}

/** Progress of a scan, for progress bars. */
export interface ScanProgress {
  readonly phase: 'plan' | 'fetch' | 'read';
  readonly filesTotal: number;
  readonly filesDone: number;
  /** Bytes downloaded so far, the files still downloading included. */
  readonly bytesDownloaded: number;
  readonly bytesTotal: number;
  readonly rows: number;
  /** The file the event is about, when there is one. */
  readonly file?: string;
}

/** Options of {@link scan}. */
export interface ScanOptions {
  /** Columns to return, in this order (default: all). */
  readonly columns?: readonly string[];
  /** Row filter (text or built with `eq`, `isIn` …). */
  readonly where?: string | Predicate;
  /** Source URL(s) or an open source (default `ARROW_SUS_SOURCE`, else the DataSUS FTP). */
  readonly source?: string | Source;
  /** Cache folder (default `ARROW_SUS_CACHE_DIR`, else the user cache folder). */
  readonly cacheDir?: string;
  /** Evict least recently used cache entries beyond this many bytes. */
  readonly cacheMaxBytes?: number;
  /** Folder listings are reused for this long, ms (default one hour). */
  readonly listingTtlMs?: number;
  /** List folders again even when a fresh listing is cached. */
  readonly refresh?: boolean;
  /** Use only cached listings and entries; never touch the network. */
  readonly offline?: boolean;
  /** Add `source_file`, `uf`, `year`, `month` columns. */
  readonly provenance?: boolean;
  /** Continue past files that fail (they are reported) instead of stopping at the first. */
  readonly allowPartial?: boolean;
  /**
   * Worker pool for conversions (default: one thread per core, ending after 5 s without work:
   * `WorkerPoolOptions.idleMs`).
   */
  readonly pool?: WorkerPool;
  /** Files fetched and converted at once (default: twice the pool size). */
  readonly concurrency?: number;
  /** In-memory cache of recently read batches (default: the process-wide one; false: none). */
  readonly memoryCache?: MemoryBatchCache | false;
  /** Rows per batch read from the cache (default 32,768). */
  readonly batchRows?: number;
  /** Decode coded columns into labels (dictionary-encoded), for systems that have dictionaries. */
  readonly labels?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ScanProgress) => void;
}

/** The environment for a CLI or library default: where the cache is. */
export interface ScanEnvironment {
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * A planned read of DataSUS data. Nothing happens until a method is awaited or iterated.
 *
 * @example
 * ```ts
 * const deaths = scan({ system: 'sim', group: 'DO', uf: 'SP', year: { from: 2015, to: 2023 } });
 * await deaths.toParquet('sp-deaths.parquet');
 * console.log((await deaths.report()).missing);
 * ```
 */
export class Scan {
  readonly request: CatalogRequest;
  readonly options: ScanOptions;
  readonly #predicate: Predicate | undefined;
  #source: Source | undefined;
  #ownsSource = false;
  #plan: Promise<ScanPlan> | undefined;
  #warm: Promise<MaterializeOutcome[]> | undefined;
  #failures: { path: string; error: ArrowSusError }[] = [];
  /** Files made available so far, in completion order (the report lists them even after a failure). */
  #done: MaterializeOutcome[] = [];
  #rowsRead = 0;
  #bytesDownloaded = 0;
  /** Bytes on disk of the files downloading now, by remote path (counted in progress events). */
  readonly #inFlight = new Map<string, number>();
  #listings: ListingCache | undefined;
  readonly #started = Date.now();

  constructor(request: ScanRequest | CatalogRequest, options: ScanOptions = {}, environment: ScanEnvironment = {}) {
    this.request = toCatalogRequest(request);
    this.options = options;
    this.#predicate = typeof options.where === 'string' ? parsePredicate(options.where) : options.where;
    this.#cacheDir = resolveCacheDir({ cacheDir: options.cacheDir, ...(environment.env ? { env: environment.env } : {}) });
    this.#env = environment.env;
  }

  readonly #cacheDir: string;
  readonly #env: Readonly<Record<string, string | undefined>> | undefined;

  /** The cache folder this scan uses. */
  get cacheDir(): string {
    return this.#cacheDir;
  }

  #openSource(): Source {
    if (this.#source !== undefined) return this.#source;
    if (typeof this.options.source === 'object') this.#source = this.options.source;
    else {
      this.#source = openSource(this.options.source, {}, this.#env ?? process.env);
      this.#ownsSource = true;
    }
    return this.#source;
  }

  /**
   * Lists and resolves: which files the request reads and what the server lacks.
   *
   * @example
   * ```ts
   * const { files, missing } = await scan(request).plan();
   * ```
   */
  plan(): Promise<ScanPlan> {
    this.#plan ??= (async () => {
      this.#listings = new ListingCache({
        dir: join(this.#cacheDir, 'listings'),
        ...(this.options.listingTtlMs !== undefined ? { ttlMs: this.options.listingTtlMs } : {}),
        ...(this.options.refresh !== undefined ? { refresh: this.options.refresh } : {}),
        ...(this.options.offline !== undefined ? { offline: this.options.offline } : {}),
      });
      this.#progress({ phase: 'plan' });
      return planScan(this.request, { source: this.#openSource(), listings: this.#listings, ...(this.options.signal ? { signal: this.options.signal } : {}) });
    })();
    return this.#plan;
  }

  /**
   * Makes every planned file available in the cache (downloading and converting what is missing).
   * Resolves to the files that are ready; failures stop the scan unless `allowPartial`.
   *
   * @example
   * ```ts
   * await scan(request).warm(); // `arrow-sus cache warm`
   * ```
   */
  warm(): Promise<MaterializeOutcome[]> {
    this.#warm ??= this.#runWarm().catch((error: unknown) => {
      // Whoever waits for a single file learns why it will not come.
      this.#warmFailure = { error };
      for (const ready of this.#ready.values()) ready.reject(error);
      throw error;
    });
    return this.#warm;
  }

  /** Per planned file (by index): its outcome once it is in the cache, undefined if it failed. */
  readonly #ready = new Map<number, Deferred<MaterializeOutcome | undefined>>();
  #warmFailure: { error: unknown } | undefined;

  #readyAt(index: number): Deferred<MaterializeOutcome | undefined> {
    let ready = this.#ready.get(index);
    if (ready === undefined) {
      this.#ready.set(index, (ready = deferred()));
      if (this.#warmFailure !== undefined) ready.reject(this.#warmFailure.error);
    }
    return ready;
  }

  /**
   * The planned files' outcomes in plan order, each as soon as it is in the cache (while later
   * ones are still being fetched), skipping failed files. Starts {@link Scan.warm}.
   */
  async *#outcomesAsReady(): AsyncGenerator<MaterializeOutcome> {
    const warming = this.warm();
    // A failure reaches the loop through the files' promises; stopping early must not leave this
    // one unobserved.
    warming.catch(() => undefined);
    const plan = await this.plan();
    for (let index = 0; index < plan.files.length; index++) {
      const outcome = await this.#readyAt(index).promise;
      if (outcome !== undefined) yield outcome;
    }
    await warming;
  }

  async #runWarm(): Promise<MaterializeOutcome[]> {
    const plan = await this.plan();
    const cache = new DiskCache({ dir: this.#cacheDir, ...(this.options.cacheMaxBytes !== undefined ? { maxBytes: this.options.cacheMaxBytes } : {}) });
    const pool = this.options.pool ?? defaultDecodePool();
    const concurrency = Math.max(1, this.options.concurrency ?? pool.size * 2);
    const bytesTotal = plan.files.reduce((sum, file) => sum + file.size, 0);
    const outcomes: (MaterializeOutcome | undefined)[] = new Array(plan.files.length);
    let filesDone = 0;
    let next = 0;
    const abort = new AbortController();
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, abort.signal]) : abort.signal;
    const onDownload = (progress: DownloadProgress): void => {
      this.#inFlight.set(progress.file, progress.bytes);
      this.#progress({ phase: 'fetch', filesTotal: plan.files.length, filesDone, bytesTotal, file: progress.file });
    };
    // Largest files first (ties in plan order): the conversions then end together instead of one
    // thread converting the request's biggest file alone at the end (SIH RD's São Paulo, a fifth of
    // a month for all of Brazil, comes 26th of 27 in plan order). Results keep plan order.
    const order = largestFirst(plan.files);
    const worker = async (): Promise<void> => {
      while (next < order.length) {
        const index = order[next++]!;
        const file = plan.files[index]!;
        throwIfAborted(signal);
        if (this.options.offline === true) {
          const hit = await cache.get({ path: file.path, size: file.size, modifiedAt: file.modifiedAt?.toISOString() });
          if (hit === undefined) {
            this.#fail(file.path, new ArrowSusError('SOURCE_CONNECTION_FAILED', `scan: offline, and ${file.path} is not in the cache`));
            this.#readyAt(index).resolve(undefined);
            continue;
          }
          outcomes[index] = { file, entry: hit, fromCache: true, downloadedBytes: 0 };
          this.#done.push(outcomes[index]);
          this.#readyAt(index).resolve(outcomes[index]);
        } else {
          try {
            outcomes[index] = await materializeFile(file, {
              source: this.#openSource(),
              cache,
              pool,
              downloadsDir: join(this.#cacheDir, 'downloads'),
              signal,
              onDownload,
            });
            this.#bytesDownloaded += outcomes[index].downloadedBytes;
            this.#done.push(outcomes[index]);
            this.#readyAt(index).resolve(outcomes[index]);
          } catch (error) {
            const typed = ArrowSusError.is(error) ? error : new ArrowSusError('INTERNAL', String(error), { cause: error });
            if (typed.code === 'ABORTED') {
              abort.abort(typed);
              throw typed;
            }
            this.#fail(file.path, typed);
            if (this.options.allowPartial !== true) {
              abort.abort(typed);
              throw typed;
            }
            this.#readyAt(index).resolve(undefined);
          }
        }
        this.#inFlight.delete(file.path);
        filesDone += 1;
        this.#progress({ phase: 'fetch', filesTotal: plan.files.length, filesDone, bytesTotal, file: file.path });
      }
    };
    const results = await Promise.allSettled(Array.from({ length: Math.min(concurrency, plan.files.length) }, worker));
    const rejected = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (rejected !== undefined) throw rejected.reason;
    return outcomes.filter((outcome): outcome is MaterializeOutcome => outcome !== undefined);
  }

  #fail(path: string, error: ArrowSusError): void {
    this.#failures.push({ path, error });
  }

  #progress(partial: Partial<ScanProgress> & { phase: ScanProgress['phase'] }): void {
    this.options.onProgress?.({
      filesTotal: 0,
      filesDone: 0,
      bytesTotal: 0,
      ...partial,
      bytesDownloaded: [...this.#inFlight.values()].reduce((total, bytes) => total + bytes, this.#bytesDownloaded),
      rows: this.#rowsRead,
    });
  }

  /**
   * The schema of the batches: the files' columns (projected) unified across files, then the
   * provenance columns when asked.
   *
   * @example
   * ```ts
   * const schema = await scan(request, { columns: ['MUNIC_RES'] }).schema();
   * ```
   */
  async schema(): Promise<Schema> {
    return (await this.#readPlan()).schema;
  }

  #schemaPlan: Promise<ReadPlan> | undefined;
  #labels: LabelStage | undefined;

  /** Codes the label dictionaries did not know, per column (after a read with `labels`). */
  unknownCodes(): UnknownCode[] {
    return this.#labels?.unknownCodes() ?? [];
  }

  #readPlan(): Promise<ReadPlan> {
    this.#schemaPlan ??= (async () => {
      const outcomes = await this.warm();
      const fileSchemas = await Promise.all(outcomes.map((outcome) => readParquetSchema(outcome.entry.parquetPath)));
      const wanted = this.options.columns;
      const columns = fileSchemas.map((schema) => (wanted === undefined ? undefined : readColumns(schema, wanted, this.#predicate)));
      if (wanted !== undefined && fileSchemas.length > 0) {
        const known = new Set(fileSchemas.flatMap((schema) => schema.fields.map((f) => f.name.toUpperCase())));
        const unknown = wanted.filter((name) => !known.has(name.toUpperCase()));
        if (unknown.length > 0) {
          throw new ArrowSusError('DBF_UNKNOWN_COLUMN', `scan: no file of the request has column(s) ${unknown.join(', ')}`, { details: { columns: unknown } });
        }
      }
      const projected = fileSchemas.map((schema) => (wanted === undefined ? schema : projectSchema(schema, wanted)));
      let schema = unifySchemas(projected);
      if (wanted !== undefined) schema = orderLike(schema, wanted);
      const dataSchema = schema;
      if (this.options.labels === true) {
        const first = outcomes[0]?.file.parsed;
        // The label dictionaries and reference tables load only for scans that label: kept out of
        // every other process's heap, which each garbage collection marks again.
        const { labelStage } = await import('./labels.js');
        this.#labels = labelStage(first?.system ?? this.request.system, first?.group ?? this.request.group ?? null);
        schema = this.#labels.schema(schema);
      }
      if (this.options.provenance === true) schema = new Schema([...schema.fields, ...PROVENANCE_FIELDS]);
      return { schema, dataSchema, outcomes, columns };
    })();
    return this.#schemaPlan;
  }

  /**
   * The rows, as record batches of one schema, in plan order (files by UF, year, month).
   * Breaking out of the loop stops the scan.
   *
   * @example
   * ```ts
   * for await (const batch of scan(request).stream()) console.log(batch.numRows);
   * ```
   */
  async *stream(): AsyncGenerator<RecordBatch> {
    for await (const { batch } of this.streamTagged()) yield batch;
  }

  /**
   * Like {@link Scan.stream}, with each batch's source file (for partitioned outputs).
   *
   * @example
   * ```ts
   * for await (const { batch, file } of scan(request).streamTagged()) console.log(file.path, batch.numRows);
   * ```
   */
  async *streamTagged(): AsyncGenerator<{ batch: RecordBatch; file: MaterializeOutcome['file'] }> {
    const { schema, dataSchema, outcomes, columns } = await this.#readPlan();
    const plan = await this.plan();
    const readOptions = (index: number): { columns?: string[]; batchRows?: number; signal?: AbortSignal } => ({
      ...(columns[index] !== undefined ? { columns: columns[index] } : {}),
      ...(this.options.batchRows !== undefined ? { batchRows: this.options.batchRows } : {}),
      ...(this.options.signal ? { signal: this.options.signal } : {}),
    });
    // The next file is read ahead in the pool while this one is consumed, so Parquet decoding runs
    // on every core; the pool's credits bound how far ahead it runs.
    const pool = this.options.pool ?? defaultDecodePool();
    const ahead = Math.max(0, pool.size - 1);
    const memory = this.#memoryCache();
    const prefetched = new Map<number, TaskStream<unknown>>();
    // Reads ahead go to the next files that are not in the memory cache (those need no reading;
    // a file evicted before its turn is read then), looking at most 64 files past the window.
    const prefetchAfter = (index: number): void => {
      let queued = 0;
      for (let next = index + 1; next < outcomes.length && next <= index + ahead + 64 && queued < ahead; next++) {
        const outcome = outcomes[next]!;
        if (memory?.has(memoryKey(outcome, readOptions(next))) === true) continue;
        if (!prefetched.has(next)) prefetched.set(next, this.#readInPool(outcome, readOptions(next)));
        queued += 1;
      }
    };
    try {
    for (const [index, outcome] of outcomes.entries()) {
      prefetchAfter(index);
      const started = prefetched.get(index);
      prefetched.delete(index);
      for await (let batch of this.#readEntry(outcome, readOptions(index), started)) {
        if (this.#predicate !== undefined) batch = filterBatch(batch, this.#predicate);
        if (batch.numRows === 0) continue;
        batch = conformBatch(batch, dataSchema);
        if (this.#labels !== undefined) batch = this.#labels.apply(batch);
        if (this.options.provenance === true) batch = withProvenance(batch, schema, outcome);
        this.#rowsRead += batch.numRows;
        this.#progress({ phase: 'read', filesTotal: plan.files.length, filesDone: index, bytesTotal: 0, file: outcome.file.path });
        yield { batch, file: outcome.file };
      }
    }
    } finally {
      // Stopping early cancels the reads started ahead.
      await Promise.all([...prefetched.values()].map((stream) => stream[Symbol.asyncIterator]().return?.(undefined)));
    }
  }

  /** The memory cache this scan uses, if any (`memoryCache: false` turns it off). */
  #memoryCache(): MemoryBatchCache | undefined {
    return this.options.memoryCache === false ? undefined : (this.options.memoryCache ?? defaultMemoryCache());
  }

  /** This scan's mark on the memory cache's entries (a token, so the cache holds no scan alive). */
  readonly #memoryOwner = {};

  /** Batches of a cache entry: from the memory cache when recently read, else from disk. */
  async *#readEntry(
    outcome: MaterializeOutcome,
    options: { columns?: string[]; batchRows?: number; signal?: AbortSignal },
    started?: TaskStream<unknown>,
  ): AsyncGenerator<RecordBatch> {
    const memory = this.#memoryCache();
    const key = memoryKey(outcome, options);
    // This scan owns what it reads and stores: a request bigger than the memory cache keeps the
    // part that fit instead of pushing out its own earlier files.
    const held = memory?.get(key, this.#memoryOwner);
    if (held !== undefined) {
      // Started ahead by a prefetch, but the batches are in memory already.
      if (started !== undefined) await started[Symbol.asyncIterator]().return?.(undefined);
      yield* held;
      return;
    }
    const kept: RecordBatch[] = [];
    let keep = memory !== undefined;
    let bytes = 0;
    const source = started ?? this.#readInPool(outcome, options);
    for await (const batch of source) {
      if (keep) {
        kept.push(batch);
        bytes += batchBytes(batch);
        if (bytes > memory!.budget / 4) {
          keep = false;
          kept.length = 0;
        }
      }
      yield batch;
    }
    if (keep) memory!.set(key, kept, this.#memoryOwner);
  }

  /** Reads a cached file in the worker pool (Parquet decoding off the main thread). */
  #readInPool(outcome: MaterializeOutcome, options: { columns?: string[]; batchRows?: number; signal?: AbortSignal }): TaskStream<unknown> {
    const pool = this.options.pool ?? defaultDecodePool();
    const task: ParquetReadTask = {
      kind: 'parquet',
      path: outcome.entry.parquetPath,
      ...(options.columns ? { columns: options.columns } : {}),
      ...(options.batchRows ? { batchRows: options.batchRows } : {}),
    };
    return pool.run(task, options.signal ? { signal: options.signal } : {});
  }

  /**
   * Writes the rows as Parquet (zstd): to one file, or — with `partitionBy`, or a target ending in
   * `/` — to a hive-partitioned folder (`system=SIH/uf=SP/year=2023/month=1/RDSP2301.parquet`),
   * one file per source file. Nothing is left half-written: a single file is renamed into place
   * when complete; a folder's files are staged and moved in at the end.
   *
   * @example
   * ```ts
   * await scan(request).toParquet('out/', { partitionBy: ['uf', 'year'] });
   * ```
   */
  async toParquet(target: string, options: ParquetOutputOptions = {}): Promise<WriteSummary> {
    const { partitionBy, ...parquet } = options;
    if (partitionBy !== undefined || target.endsWith('/')) {
      return writePartitioned(this, target, partitionBy ?? ['uf', 'year', 'month'], parquet, this.options.signal);
    }
    const joined = await this.#joinCached(target, parquet);
    return joined ?? this.#write({ path: target }, 'parquet', parquet);
  }

  /**
   * A request written whole (no column selection, filter, labels or provenance, default Parquet
   * settings) whose cached files share one schema is the cached files' row groups one after the
   * other: join them without decoding or encoding a row. Undefined when that does not apply.
   */
  async #joinCached(target: string, parquet: ParquetOptions): Promise<WriteSummary | undefined> {
    const whole =
      this.options.columns === undefined &&
      this.#predicate === undefined &&
      this.options.labels !== true &&
      this.options.provenance !== true &&
      (parquet.compression === undefined || parquet.compression === 'zstd') &&
      parquet.rowGroupRows === undefined &&
      parquet.metadata === undefined;
    if (!whole) return undefined;
    // Each file's row groups are copied as soon as it is in the cache, in plan order, while later
    // files are still being fetched and converted: the join ends with the last conversion.
    const sources: string[] = [];
    const joined = await joinParquetStream(this.#cachedParts(sources), target, {
      dropKeysWithPrefix: 'arrow-sus.',
      metadata: () => ({ 'arrow-sus.sources': JSON.stringify(sources) }),
      ...(this.options.signal ? { signal: this.options.signal } : {}),
    });
    if (joined === undefined) return undefined;
    this.#rowsRead += joined.rows;
    return { rows: joined.rows, bytes: joined.bytes, files: 1 };
  }

  /** The cached files' footers in plan order as each file is ready, noting their remote paths in `sources`. */
  async *#cachedParts(sources: string[]): AsyncGenerator<ParquetParts> {
    for await (const outcome of this.#outcomesAsReady()) {
      sources.push(outcome.file.path);
      yield await readParquetPart(outcome.entry.parquetPath);
    }
  }

  /**
   * Writes the rows as Arrow IPC: the file format to a path, the stream format to a stream.
   *
   * @example
   * ```ts
   * await scan(request).toArrowIPC(process.stdout);
   * ```
   */
  toArrowIPC(target: string | Writable, options: { format?: 'file' | 'stream' } = {}): Promise<WriteSummary> {
    const format = options.format ?? (typeof target === 'string' ? 'file' : 'stream');
    return this.#write(asTarget(target), format === 'file' ? 'arrow' : 'arrows');
  }

  /**
   * Writes the rows as CSV (RFC 4180, header row).
   *
   * @example
   * ```ts
   * await scan(request).toCSV('out.csv');
   * ```
   */
  toCSV(target: string | Writable): Promise<WriteSummary> {
    return this.#write(asTarget(target), 'csv');
  }

  /**
   * Writes the rows as newline-delimited JSON.
   *
   * @example
   * ```ts
   * await scan(request).toNDJSON(process.stdout);
   * ```
   */
  toNDJSON(target: string | Writable): Promise<WriteSummary> {
    return this.#write(asTarget(target), 'ndjson');
  }

  async #write(target: OutputTarget, format: OutputFormat, parquet: ParquetOptions = {}): Promise<WriteSummary> {
    const schema = await this.schema();
    const bytes = await writeBatches(this.stream(), schema, target, format, { ...parquet, ...(this.options.signal ? { signal: this.options.signal } : {}) });
    return { rows: this.#rowsRead, bytes, files: 1 };
  }

  /**
   * All rows as one Arrow table (holds them all in memory: prefer `stream` or `toParquet` for
   * large requests).
   *
   * @example
   * ```ts
   * const table = await scan(request, { columns: ['MUNIC_RES', 'VAL_TOT'] }).collect();
   * ```
   */
  async collect(): Promise<Table> {
    const schema = await this.schema();
    const batches: RecordBatch[] = [];
    for await (const batch of this.stream()) batches.push(batch);
    return new Table(schema, batches);
  }

  /**
   * Completeness and provenance: every planned file with its rows, checksum, CRC-32 verdict and
   * whether it came from the cache; what the server lacks; what failed.
   *
   * @example
   * ```ts
   * const { missing, failed } = await scan(request).report();
   * ```
   */
  async report(): Promise<ScanReport> {
    const plan = await this.plan();
    let outcomes: MaterializeOutcome[];
    try {
      outcomes = await this.warm();
    } catch {
      // The failure is in the report; list what completed, in plan order.
      const order = new Map(plan.files.map((file, index) => [file.path, index]));
      outcomes = [...this.#done].sort((a, b) => (order.get(a.file.path) ?? 0) - (order.get(b.file.path) ?? 0));
    }
    return buildReport({
      plan,
      outcomes,
      failures: this.#failures,
      rows: this.#rowsRead,
      bytesDownloaded: this.#bytesDownloaded,
      listingsFetched: this.#listings?.networkListings ?? 0,
      source: this.#source?.url ?? String(this.options.source ?? ''),
      elapsedMs: Date.now() - this.#started,
    });
  }

  /** Closes the source's connections (when the scan opened it). */
  async close(): Promise<void> {
    if (this.#ownsSource) await this.#source?.close();
    this.#source = undefined;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/**
 * Plans a read of DataSUS data; see {@link Scan}.
 *
 * @example
 * ```ts
 * const table = await scan({ system: 'sih', group: 'RD', uf: ['SP', 'RJ'], year: 2023, month: [1, 2, 3] }, {
 *   columns: ['MUNIC_RES', 'VAL_TOT'],
 *   where: "IDADE >= '60'",
 * }).collect();
 * ```
 */
export function scan(request: ScanRequest, options: ScanOptions = {}): Scan {
  return new Scan(request, options);
}

function asTarget(target: string | Writable): OutputTarget {
  return typeof target === 'string' ? { path: target } : { stream: target };
}

/** Provenance columns appended with `provenance: true`. */
export const PROVENANCE_FIELDS: readonly Field[] = [
  new Field('source_file', new Utf8(), false),
  new Field('uf', new Utf8(), true),
  new Field('year', new Int16(), true),
  new Field('month', new Int16(), true),
];

function withProvenance(batch: RecordBatch, schema: Schema, outcome: MaterializeOutcome): RecordBatch {
  const parsed = outcome.file.parsed;
  const name = outcome.file.path.slice(outcome.file.path.lastIndexOf('/') + 1);
  const extra: Data[] = [
    constantData(new Utf8(), name, batch.numRows),
    constantData(new Utf8(), parsed.uf, batch.numRows),
    constantData(new Int16(), parsed.year, batch.numRows),
    constantData(new Int16(), parsed.month, batch.numRows),
  ];
  return recordBatch(schema, new Data(new Struct(schema.fields), 0, batch.numRows, 0, undefined, [...batch.data.children, ...extra]));
}

/** The file's own names for the wanted columns plus the filter's columns (present ones only). */
function readColumns(schema: Schema, wanted: readonly string[], predicate: Predicate | undefined): string[] {
  const names = new Map(schema.fields.map((f) => [f.name.toUpperCase(), f.name]));
  const out: string[] = [];
  const add = (name: string): void => {
    const actual = names.get(name.toUpperCase());
    if (actual !== undefined && !out.includes(actual)) out.push(actual);
  };
  wanted.forEach(add);
  if (predicate !== undefined) predicateNames(predicate).forEach(add);
  return out;
}

function predicateNames(predicate: Predicate): string[] {
  if (predicate.kind === 'and' || predicate.kind === 'or') return predicate.args.flatMap(predicateNames);
  if (predicate.kind === 'not') return predicateNames(predicate.arg);
  return [predicate.column];
}

/** The wanted columns this file has (a column it lacks becomes null through unification). */
function projectSchema(schema: Schema, wanted: readonly string[]): Schema {
  const byName = new Map(schema.fields.map((f) => [f.name.toUpperCase(), f]));
  return new Schema(wanted.flatMap((name) => byName.get(name.toUpperCase()) ?? []));
}

/** The memory cache's key for a cached file read with `options` (projection and batch size). */
function memoryKey(outcome: MaterializeOutcome, options: { columns?: string[]; batchRows?: number }): string {
  return `${outcome.entry.key}|${options.columns?.join(',') ?? '*'}|${options.batchRows ?? ''}`;
}

/** Reorders a unified schema's fields as the caller asked. */
function orderLike(schema: Schema, wanted: readonly string[]): Schema {
  const byName = new Map(schema.fields.map((f) => [f.name.toUpperCase(), f]));
  return new Schema(wanted.flatMap((name) => byName.get(name.toUpperCase()) ?? []));
}

/**
 * Indices of `files` by size, largest first, ties in their own order: the order in which a scan
 * fetches and converts files.
 *
 * @example
 * ```ts
 * largestFirst([{ size: 10 }, { size: 30 }, { size: 10 }]); // [1, 0, 2]
 * ```
 */
export function largestFirst(files: readonly { readonly size: number }[]): number[] {
  return files.map((_, index) => index).sort((a, b) => files[b]!.size - files[a]!.size || a - b);
}
