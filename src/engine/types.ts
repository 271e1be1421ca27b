/**
 * The one interface every SQL engine implements (DuckDB by default, nodejs-polars optionally):
 * the same tables, the same partition pruning and fetching, Arrow out.
 *
 * @module
 */
import type { RecordBatch, Schema, Table } from 'apache-arrow';
import type { Source } from '../sources/source.js';
import type { TablePart } from './resolve-files.js';

/**
 * Options of an engine (shared by all its queries).
 *
 * @example
 * ```ts
 * const options: EngineOptions = { source: 'ftp://ftp.datasus.gov.br', cacheDir: '/data/arrow-sus', maxFetchBytes: 512 * 1024 ** 2 };
 * ```
 */
export interface EngineOptions {
  /** Source URL(s) or an open source (default `ARROW_SUS_SOURCE`, else the DataSUS FTP). */
  readonly source?: string | Source;
  /** Cache folder (default `ARROW_SUS_CACHE_DIR`, else the user cache folder). */
  readonly cacheDir?: string;
  /** Environment for the defaults above (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Use only cached listings and files; never touch the network. */
  readonly offline?: boolean;
  /** List folders again even when a fresh listing is cached. */
  readonly refresh?: boolean;
  /** Folder listings are reused for this long, ms (default one hour). */
  readonly listingTtlMs?: number;
  /**
   * A query that would download more than this many bytes (remote sizes of files not cached yet)
   * stops with `QUERY_TOO_LARGE` unless `allowLarge` (default {@link DEFAULT_MAX_FETCH_BYTES}).
   */
  readonly maxFetchBytes?: number;
  /** Lift the size limit for every query of this engine. */
  readonly allowLarge?: boolean;
  /** Result cache: `false` to disable; else its TTL and memory bound. */
  readonly resultCache?: false | { readonly ttlMs?: number; readonly maxBytes?: number };
}

/**
 * Default download limit of a query: 1 GiB of compressed DataSUS files.
 *
 * @example
 * ```ts
 * await createDuckDbEngine({ maxFetchBytes: DEFAULT_MAX_FETCH_BYTES / 4 });
 * ```
 */
export const DEFAULT_MAX_FETCH_BYTES = 1024 ** 3;

/**
 * Options of one query.
 *
 * @example
 * ```ts
 * await engine.query(sql, { allowLarge: true, signal: AbortSignal.timeout(60_000) });
 * ```
 */
export interface QueryOptions {
  /** Download whatever the query needs, whatever the size. */
  readonly allowLarge?: boolean;
  /** Rows per Arrow batch (default 65,536). */
  readonly batchRows?: number;
  /** Use and fill the result cache (default true when the engine has one). */
  readonly cache?: boolean;
  readonly signal?: AbortSignal;
}

/**
 * The outcome of a query: Arrow batches (iterate once), their schema, and what was read.
 *
 * @example
 * ```ts
 * const result = await engine.query('SELECT uf, count(*) AS n FROM sih_rd WHERE year = 2016 AND month = 2 GROUP BY uf');
 * for await (const batch of result) console.log(batch.numRows);
 * ```
 */
export interface QueryResult extends AsyncIterable<RecordBatch> {
  readonly schema: Schema;
  /** The cached files the query read, per table. */
  readonly files: ReadonlyMap<string, readonly TablePart[]>;
  /** Whether the rows came from the result cache. */
  readonly fromResultCache: boolean;
  readonly bytesDownloaded: number;
  readonly filesDownloaded: number;
  /** All batches as one table (holds the result in memory). */
  toTable(): Promise<Table>;
}

/**
 * A file a query would read, as `--explain` prints it.
 *
 * @example
 * ```ts
 * (await engine.explain(sql)).files.map((f) => `${f.table} ${f.path}`);
 * ```
 */
export interface ExplainedFile {
  readonly table: string;
  readonly path: string;
  readonly size: number;
  readonly cached: boolean;
}

/**
 * What a query would read and download, without fetching anything.
 *
 * @example
 * ```ts
 * const { files, bytesToFetch } = await engine.explain(sql);
 * ```
 */
export interface QueryExplain {
  readonly files: readonly ExplainedFile[];
  readonly bytesToFetch: number;
  readonly filesToFetch: number;
}

/**
 * A SQL engine over the catalog tables.
 *
 * @example
 * ```ts
 * await using engine = await createDuckDbEngine({ cacheDir });
 * const table = await (await engine.query('SELECT count(*) FROM sim_do WHERE year = 2022 AND uf = \'AC\'')).toTable();
 * ```
 */
export interface QueryEngine extends AsyncDisposable {
  readonly name: 'duckdb' | 'polars';
  query(sql: string, options?: QueryOptions): Promise<QueryResult>;
  explain(sql: string): Promise<QueryExplain>;
  close(): Promise<void>;
}
