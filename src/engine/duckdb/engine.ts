/**
 * The DuckDB engine: one in-memory database per engine, one connection per query (so each query's
 * views — over exactly the files it needs — are private to it), results streamed as Arrow.
 *
 * @module
 */
import { Table, type RecordBatch, type Schema } from 'apache-arrow';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { ArrowSusError } from '../../errors.js';
import { QueryPreparer } from '../prepare.js';
import type { TablePart } from '../resolve-files.js';
import type { EngineOptions, QueryEngine, QueryExplain, QueryOptions, QueryResult } from '../types.js';
import { clashingColumns, sqlIdentifier, sqlString, viewQuery } from '../views.js';
import { resultSchema, resultToArrow } from './chunk-to-arrow.js';
import { loadDuckDb } from './load.js';
import { parseSql } from './parse.js';
import { hiveLinks } from './hive-links.js';

/**
 * Options of {@link createDuckDbEngine}.
 *
 * @example
 * ```ts
 * const options: DuckDbEngineOptions = { cacheDir: '/data/arrow-sus', threads: 2 };
 * ```
 */
export interface DuckDbEngineOptions extends EngineOptions {
  /** DuckDB worker threads (default: DuckDB's choice, one per core). */
  readonly threads?: number;
  /** DuckDB memory limit, e.g. `'2GB'` (default: DuckDB's, 80% of RAM). */
  readonly memoryLimit?: string;
}

/** Turns a DuckDB error into `QUERY_INVALID` (the query's fault) or `ENGINE_FAILED`. */
function engineError(error: unknown): ArrowSusError {
  if (ArrowSusError.is(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  const invalid = /^(Parser|Binder|Catalog|Conversion|Invalid Input|Not implemented) Error/i.test(message);
  return new ArrowSusError(invalid ? 'QUERY_INVALID' : 'ENGINE_FAILED', `duckdb: ${message}`, { cause: error });
}

/**
 * SQL over DataSUS through DuckDB. Create with {@link createDuckDbEngine}.
 *
 * @example
 * ```ts
 * const engine = await createDuckDbEngine({ source: 'ftp://ftp.datasus.gov.br' });
 * const result = await engine.query("SELECT uf, count(*) AS n FROM sih_rd WHERE year = 2016 AND month = 2 AND uf = 'RJ' GROUP BY 1");
 * console.log((await result.toTable()).toArray());
 * await engine.close();
 * ```
 */
export class DuckDbEngine implements QueryEngine {
  readonly name = 'duckdb' as const;
  readonly #instance: DuckDBInstance;
  readonly #parser: DuckDBConnection;
  readonly #preparer: QueryPreparer;
  readonly #references = new Map<string, string>();
  readonly #columnClashes = new Map<string, readonly string[]>();
  readonly #open = new Set<DuckDBConnection>();
  #kept: { connection: DuckDBConnection; views: Map<string, string>; busy: boolean } | undefined;
  #closed = false;

  /** Use {@link createDuckDbEngine}. */
  constructor(instance: DuckDBInstance, parser: DuckDBConnection, options: DuckDbEngineOptions, kept?: DuckDBConnection) {
    this.#instance = instance;
    this.#parser = parser;
    if (kept !== undefined) this.#kept = { connection: kept, views: new Map(), busy: false };
    this.#preparer = new QueryPreparer('duckdb', (sql) => this.parse(sql), options, () => new Set(this.#references.keys()));
  }

  /** The cache folder in use. */
  get cacheDir(): string {
    return this.#preparer.cacheDir;
  }

  /**
   * DuckDB's syntax tree of a query (`json_serialize_sql`); parse errors are `QUERY_INVALID`.
   *
   * @example
   * ```ts
   * const ast = await engine.parse('SELECT 1');
   * ```
   */
  parse(sql: string): Promise<unknown> {
    return parseSql(this.#parser, sql);
  }

  /**
   * Registers a reference table read from a Parquet or CSV file (e.g. a population table), usable
   * by name in every later query.
   *
   * @example
   * ```ts
   * engine.registerTable('pop', '/data/pop2022.parquet');
   * ```
   */
  registerTable(name: string, path: string): void {
    this.#references.set(name.toLowerCase(), path);
  }

  /**
   * Runs a query: plans and fetches the files it needs (within the size limit), then streams the
   * rows as Arrow record batches.
   *
   * @example
   * ```ts
   * for await (const batch of await engine.query('SELECT * FROM cnes_st WHERE year = 2024 AND month = 1 AND uf = \'AC\'')) console.log(batch.numRows);
   * ```
   */
  async query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    if (this.#closed) throw new ArrowSusError('ENGINE_FAILED', 'duckdb: the engine is closed');
    const started = await this.#preparer.start(sql, options);
    if (started.result !== undefined) return started.result;
    const { prepared, cache, parts, bytesDownloaded, filesDownloaded } = started;

    const { connection, views, release } = await this.#acquire();
    try {
      const define = async (table: string, definition: string): Promise<void> => {
        // A view already defined this way on this connection is kept (binding one costs ~5 ms).
        if (views.get(table) === definition) return;
        views.delete(table);
        await connection.run(`CREATE OR REPLACE TEMP VIEW ${sqlIdentifier(table)} AS ${definition}`);
        views.set(table, definition);
      };
      for (const [table, list] of parts) {
        const hive = list.length > 0 ? await hiveLinks(this.#preparer.cacheDir, list) : undefined;
        await define(table, viewQuery(table, list, hive, await this.#clashes(connection, list)));
      }
      for (const [table, path] of this.#references) {
        const reader = path.toLowerCase().endsWith('.csv') ? 'read_csv_auto' : 'read_parquet';
        await define(table, `SELECT * FROM ${reader}(${sqlString(path)})`);
      }
      // Small results compute faster in one go; anything else streams, one chunk at a time.
      const result = prepared.bounded ? await connection.run(sql) : await connection.stream(sql);
      const schema = resultSchema(result);
      const batches = resultToArrow(result, {
        ...(options.batchRows !== undefined ? { batchRows: options.batchRows } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const keep = cache === undefined ? undefined : (all: RecordBatch[]): void => cache.set(prepared.resultKey, schema, all, parts);
      return streamed(schema, batches, release, parts, bytesDownloaded, filesDownloaded, keep, cache?.maxBytes ?? 0);
    } catch (error) {
      release();
      throw engineError(error);
    }
  }

  /**
   * A connection for one query: the engine's kept connection when it is free (its views may be
   * reused), else a new one closed when the result is read. `release` hands it back.
   */
  async #acquire(): Promise<{ connection: DuckDBConnection; views: Map<string, string>; release: () => void }> {
    const kept = this.#kept;
    if (kept !== undefined && !kept.busy) {
      kept.busy = true;
      return { connection: kept.connection, views: kept.views, release: () => void (kept.busy = false) };
    }
    const connection = await this.#instance.connect();
    this.#open.add(connection);
    return {
      connection,
      views: new Map(),
      release: () => {
        if (this.#open.delete(connection)) connection.closeSync();
      },
    };
  }

  /**
   * Per Parquet file, its columns that clash with a partition column. Read once per cache entry
   * (entries never change) from the Parquet footers.
   */
  async #clashes(connection: DuckDBConnection, parts: readonly TablePart[]): Promise<Map<string, readonly string[]>> {
    const unknown = parts.filter((part) => !this.#columnClashes.has(part.parquetPath));
    if (unknown.length > 0) {
      const list = `[${unknown.map((part) => sqlString(part.parquetPath)).join(', ')}]`;
      const reader = await connection.runAndReadAll(`SELECT file_name, name FROM parquet_schema(${list}) WHERE lower(name) IN ('uf', 'year', 'month')`);
      for (const part of unknown) this.#columnClashes.set(part.parquetPath, []);
      for (const [file, name] of reader.getRows()) {
        const path = String(file);
        this.#columnClashes.set(path, clashingColumns([...(this.#columnClashes.get(path) ?? []), String(name)]));
      }
    }
    return new Map(parts.map((part) => [part.parquetPath, this.#columnClashes.get(part.parquetPath) ?? []]));
  }

  /**
   * The files a query would read, without fetching anything.
   *
   * @example
   * ```ts
   * (await engine.explain(sql)).files.forEach((f) => console.log(f.path));
   * ```
   */
  explain(sql: string): Promise<QueryExplain> {
    return this.#preparer.explain(sql);
  }

  /** Closes the database and the source connections. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const connection of this.#open) connection.closeSync();
    this.#open.clear();
    this.#kept?.connection.closeSync();
    this.#kept = undefined;
    this.#parser.closeSync();
    this.#instance.closeSync();
    await this.#preparer.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

function streamed(
  schema: Schema,
  batches: AsyncGenerator<RecordBatch>,
  release: () => void,
  files: ReadonlyMap<string, readonly TablePart[]>,
  bytesDownloaded: number,
  filesDownloaded: number,
  keep: ((all: RecordBatch[]) => void) | undefined,
  keepLimit: number,
): QueryResult {
  let used = false;
  async function* iterate(): AsyncGenerator<RecordBatch> {
    if (used) throw new ArrowSusError('ENGINE_FAILED', 'query: a result can be read once (run the query again)');
    used = true;
    const all: RecordBatch[] | undefined = keep === undefined ? undefined : [];
    let bytes = 0;
    try {
      for await (const batch of batches) {
        if (all !== undefined) {
          bytes += batch.data.byteLength;
          if (bytes <= keepLimit) all.push(batch);
        }
        yield batch;
      }
      if (all !== undefined && bytes <= keepLimit) keep?.(all);
    } catch (error) {
      throw engineError(error);
    } finally {
      release();
    }
  }
  return {
    schema,
    files,
    fromResultCache: false,
    bytesDownloaded,
    filesDownloaded,
    [Symbol.asyncIterator]: iterate,
    async toTable() {
      const list: RecordBatch[] = [];
      for await (const batch of iterate()) list.push(batch);
      return new Table(schema, list);
    },
  };
}

/**
 * Opens a DuckDB engine (loads DuckDB on first use).
 *
 * @example
 * ```ts
 * await using engine = await createDuckDbEngine({ cacheDir: '/data/arrow-sus', maxFetchBytes: 256 * 1024 ** 2 });
 * ```
 */
export async function createDuckDbEngine(options: DuckDbEngineOptions = {}): Promise<DuckDbEngine> {
  const { DuckDBInstance } = await loadDuckDb();
  const config: Record<string, string> = {};
  if (options.threads !== undefined) config['threads'] = String(options.threads);
  if (options.memoryLimit !== undefined) config['memory_limit'] = options.memoryLimit;
  try {
    const instance = await DuckDBInstance.create(':memory:', config);
    const parser = await instance.connect();
    // Parquet footers are read once per file, not once per query.
    await parser.run('SET parquet_metadata_cache = true').catch(() => undefined);
    return new DuckDbEngine(instance, parser, options, await instance.connect());
  } catch (error) {
    throw engineError(error);
  }
}
