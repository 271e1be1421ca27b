/**
 * What every engine does before running SQL: parse (with DuckDB's parser), reject unknown tables,
 * derive the partition filters, plan the files, enforce the download limit, and warm the cache.
 * Engines differ only in how they run the SQL over the resulting Parquet files.
 *
 * @module
 */
import { resolveCacheDir } from '../cache/location.js';
import { ArrowSusError } from '../errors.js';
import { openSource } from '../sources/open-source.js';
import type { Source } from '../sources/source.js';
import { hasBoundedResult, normaliseAst, partitionFilters, referencedTables } from './partition-predicates.js';
import { checkSize, planTables, resolveTables, warmTables, type PlanMemo, type QueryFilePlan, type TablePart } from './resolve-files.js';
import type { ResolvedFile } from '../catalog/index.js';
import { ResultCache, resultKey } from './result-cache.js';
import { sqlTable, unknownTableError } from './tables.js';
import { DEFAULT_MAX_FETCH_BYTES, type EngineOptions, type QueryExplain, type QueryOptions, type QueryResult } from './types.js';
import { materialisedResult } from './result.js';
import { cacheKey } from '../cache/key.js';

/**
 * Parses SQL into DuckDB's JSON syntax tree (`json_serialize_sql`).
 *
 * @example
 * ```ts
 * const parse: ParseSql = (sql) => parseSql(connection, sql);
 * ```
 */
export type ParseSql = (sql: string) => Promise<unknown>;

/**
 * A query after planning: its tables, files, and the result-cache key.
 *
 * @example
 * ```ts
 * const prepared = await preparer.prepare(sql);
 * prepared.resolved.get('sih_rd')?.length;
 * ```
 */
export interface PreparedQuery {
  readonly sql: string;
  readonly normalised: string;
  /** Catalog tables the query reads. */
  readonly tables: readonly string[];
  /** The files each table reads (not checked against the cache yet). */
  readonly resolved: ReadonlyMap<string, readonly ResolvedFile[]>;
  /** Key of the result in the result cache (query + versions of the files). */
  readonly resultKey: string;
  /** The result is small by construction (GROUP BY, aggregates only, small LIMIT). */
  readonly bounded: boolean;
}

/**
 * What {@link QueryPreparer.start} leaves the engine: a cached result, or the local files to query.
 *
 * @example
 * ```ts
 * const started: StartedQuery = await preparer.start(sql, {});
 * if (started.result === undefined) console.log([...started.parts.keys()]);
 * ```
 */
export type StartedQuery =
  | { readonly result: QueryResult; readonly prepared: PreparedQuery; readonly cache: ResultCache | undefined }
  | {
      readonly result?: undefined;
      readonly prepared: PreparedQuery;
      readonly cache: ResultCache | undefined;
      readonly parts: Map<string, TablePart[]>;
      readonly bytesDownloaded: number;
      readonly filesDownloaded: number;
    };

/**
 * Parsing, planning, limits and fetching shared by the engines.
 *
 * @example
 * ```ts
 * const preparer = new QueryPreparer('duckdb', parse, { cacheDir });
 * const prepared = await preparer.prepare('SELECT count(*) FROM sih_rd WHERE year = 2016 AND month = 2');
 * const { parts } = await preparer.warm(await preparer.plan(prepared));
 * ```
 */
export class QueryPreparer {
  readonly engine: string;
  readonly cacheDir: string;
  readonly resultCache: ResultCache | undefined;
  readonly #parse: ParseSql;
  readonly #options: EngineOptions;
  readonly #extraTables: () => ReadonlySet<string>;
  #source: Source | undefined;
  #ownsSource = false;
  readonly #memo: PlanMemo = { ttlMs: 60_000, entries: new Map() };

  constructor(engine: string, parse: ParseSql, options: EngineOptions, extraTables: () => ReadonlySet<string> = () => new Set()) {
    this.engine = engine;
    this.#parse = parse;
    this.#options = options;
    this.#extraTables = extraTables;
    this.cacheDir = resolveCacheDir({ cacheDir: options.cacheDir, ...(options.env ? { env: options.env } : {}) });
    this.resultCache = options.resultCache === false ? undefined : new ResultCache(options.resultCache ?? {});
  }

  /** The source, opened on first use (no connection until a listing or download). */
  get source(): Source {
    if (this.#source === undefined) {
      if (typeof this.#options.source === 'object') this.#source = this.#options.source;
      else {
        this.#source = openSource(this.#options.source, {}, this.#options.env ?? process.env);
        this.#ownsSource = true;
      }
    }
    return this.#source;
  }

  /** Parses, checks table names, plans files (lists folders; downloads nothing). */
  async prepare(sql: string, signal?: AbortSignal): Promise<PreparedQuery> {
    const ast = await this.#parse(sql);
    const filters = partitionFilters(ast, (name) => sqlTable(name) !== undefined);
    const extra = this.#extraTables();
    for (const name of referencedTables(ast)) {
      if (sqlTable(name) === undefined && !extra.has(name)) throw unknownTableError(name);
    }
    const resolved = await resolveTables(filters, this.#resolveOptions(signal));
    const keys = [...resolved.values()].flatMap((files) =>
      files.map((file) => cacheKey({ path: file.path, size: file.size, modifiedAt: file.modifiedAt?.toISOString() })),
    );
    const normalised = normaliseAst(ast);
    return { sql, normalised, tables: [...filters.keys()], resolved, resultKey: resultKey(this.engine, normalised, keys), bounded: hasBoundedResult(ast) };
  }

  /** Which of the prepared files are cached, and how much the rest weigh. */
  plan(prepared: PreparedQuery): Promise<QueryFilePlan> {
    return planTables(prepared.resolved, { cacheDir: this.cacheDir });
  }

  /** Throws `QUERY_TOO_LARGE` when the plan downloads more than the limit (unless allowed). */
  checkSize(plan: QueryFilePlan, allowLarge: boolean | undefined): void {
    if (allowLarge === true || this.#options.allowLarge === true) return;
    checkSize(plan, this.#options.maxFetchBytes ?? DEFAULT_MAX_FETCH_BYTES);
  }

  /** Downloads and converts what is missing; the local parts per table. */
  async warm(plan: QueryFilePlan, signal?: AbortSignal): Promise<{ parts: Map<string, TablePart[]>; bytesDownloaded: number; filesDownloaded: number }> {
    try {
      return await warmTables(plan, this.#resolveOptions(signal));
    } catch (error) {
      if (ArrowSusError.is(error)) throw error;
      throw new ArrowSusError('ENGINE_FAILED', `query: fetching the files failed (${String(error)})`, { cause: error });
    }
  }

  /**
   * The first steps every engine takes for a query: prepare it, answer from the result cache when
   * it can, else check the fetch size and make the files local. `result` is set on a cache hit.
   *
   * @example
   * ```ts
   * const started = await preparer.start(sql, options);
   * if (started.result !== undefined) return started.result;
   * ```
   */
  async start(sql: string, options: QueryOptions): Promise<StartedQuery> {
    const prepared = await this.prepare(sql, options.signal);
    const cache = options.cache === false ? undefined : this.resultCache;
    const cached = cache?.get(prepared.resultKey);
    if (cached !== undefined) {
      return { result: materialisedResult(cached.schema, cached.batches, { files: cached.files, fromResultCache: true }), prepared, cache };
    }
    const plan = await this.plan(prepared);
    this.checkSize(plan, options.allowLarge);
    return { prepared, cache, ...(await this.warm(plan, options.signal)) };
  }

  /** The files a query reads, without fetching. */
  async explain(sql: string): Promise<QueryExplain> {
    const plan = await this.plan(await this.prepare(sql));
    const files = [...plan.tables].flatMap(([table, list]) => list.map(({ file, cached }) => ({ table, path: file.path, size: file.size, cached })));
    return { files, bytesToFetch: plan.bytesToFetch, filesToFetch: plan.filesToFetch };
  }

  /** Closes the source when this preparer opened it. */
  async close(): Promise<void> {
    if (this.#ownsSource) await this.#source?.close();
    this.#source = undefined;
  }

  #resolveOptions(signal: AbortSignal | undefined): Parameters<typeof resolveTables>[1] {
    const o = this.#options;
    return {
      source: this.source,
      cacheDir: this.cacheDir,
      ...(o.offline !== undefined ? { offline: o.offline } : {}),
      ...(o.refresh !== undefined ? { refresh: o.refresh } : {}),
      ...(o.listingTtlMs !== undefined ? { listingTtlMs: o.listingTtlMs } : {}),
      ...(signal ? { signal } : {}),
      memo: this.#memo,
    };
  }
}
