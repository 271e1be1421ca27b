/**
 * The nodejs-polars engine (optional): the same tables, pruning and cached Parquet files as the
 * DuckDB engine, queried through Polars' SQL context over lazy frames. Parsing for pruning still
 * uses DuckDB's parser, so both engines read exactly the same files. Polars' SQL dialect is its
 * own: standard SELECT/JOIN/GROUP BY/window queries run on both; DuckDB-only functions do not.
 *
 * Results are collected (Polars has no chunk stream in Node) and handed over as Arrow IPC; Polars'
 * string views (`Utf8View`) are rewritten as `Utf8` so every writer accepts them.
 *
 * @module
 */
import { createRequire } from 'node:module';
import { Field, Table, Utf8, tableFromIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type PolarsModule from 'nodejs-polars';
import { ArrowSusError } from '../../errors.js';
import { openSqlParser } from '../duckdb/parse.js';
import { QueryPreparer } from '../prepare.js';
import { materialisedResult } from '../result.js';
import type { TablePart } from '../resolve-files.js';
import type { EngineOptions, QueryEngine, QueryExplain, QueryOptions, QueryResult } from '../types.js';
import { clashingColumns, knownColumns, renamedColumn } from '../views.js';

type Polars = typeof PolarsModule;
type LazyFrame = ReturnType<Polars['scanParquet']>;

let polars: Polars | undefined;

/**
 * The nodejs-polars module, or `ENGINE_FAILED` saying how to install it (it is optional, and its
 * native package is platform-specific).
 *
 * @example
 * ```ts
 * const pl = loadPolars();
 * ```
 */
export function loadPolars(): Polars {
  if (polars !== undefined) return polars;
  try {
    const module = createRequire(import.meta.url)('nodejs-polars') as Polars & { default?: Polars };
    polars = module.default ?? module;
    return polars;
  } catch (error) {
    throw new ArrowSusError(
      'ENGINE_FAILED',
      `polars: cannot load nodejs-polars (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); install nodejs-polars and its platform package, or use the DuckDB engine`,
      { cause: error },
    );
  }
}

/** Polars' view types → plain Arrow types the writers know. */
function plainTable(table: Table): Table {
  const fields: Field[] = [];
  const columns: Vector[] = [];
  let changed = false;
  table.schema.fields.forEach((field, index) => {
    const column = table.getChildAt(index)!;
    if (String(field.type) === 'Utf8View') {
      changed = true;
      fields.push(new Field(field.name, new Utf8(), true));
      columns.push(vectorFromArray(column.toArray() as (string | null)[], new Utf8()));
    } else {
      fields.push(field);
      columns.push(column);
    }
  });
  if (!changed) return table;
  // Table from named vectors keeps the column order (result names are unique in Polars).
  return new Table(Object.fromEntries(fields.map((field, index) => [field.name, columns[index]!])));
}

/**
 * SQL over DataSUS through nodejs-polars. Create with {@link createPolarsEngine}.
 *
 * @example
 * ```ts
 * await using engine = await createPolarsEngine({ cacheDir });
 * const table = await (await engine.query('SELECT uf, count(*) AS n FROM sih_rd WHERE year = 2016 AND month = 2 GROUP BY uf')).toTable();
 * ```
 */
export class PolarsEngine implements QueryEngine {
  readonly name = 'polars' as const;
  readonly #preparer: QueryPreparer;
  readonly #closeParser: () => void;
  readonly #pl: Polars;

  /** Use {@link createPolarsEngine}. */
  constructor(pl: Polars, parser: { parse: (sql: string) => Promise<unknown>; close: () => void }, options: EngineOptions) {
    this.#pl = pl;
    this.#closeParser = parser.close;
    this.#preparer = new QueryPreparer('polars', parser.parse, options);
  }

  /**
   * Runs a query (see {@link QueryEngine.query}); the result is collected in memory.
   *
   * @example
   * ```ts
   * const result = await engine.query("SELECT count(*) AS n FROM sim_do WHERE year = 2013 AND uf = 'AC'");
   * ```
   */
  async query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    const started = await this.#preparer.start(sql, options);
    if (started.result !== undefined) return started.result;
    const { prepared, cache, parts, bytesDownloaded, filesDownloaded } = started;
    const facts = { files: parts, bytesDownloaded, filesDownloaded };
    let table: Table;
    try {
      const context = this.#pl.SQLContext();
      for (const [name, list] of parts) context.register(name, this.#frame(name, list));
      const frame = context.execute(sql).collectSync();
      table = plainTable(tableFromIPC(frame.writeIPC()));
    } catch (error) {
      if (ArrowSusError.is(error)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new ArrowSusError(/sql|parse|not found|column|unsupported/i.test(message) ? 'QUERY_INVALID' : 'ENGINE_FAILED', `polars: ${message}`, { cause: error });
    }
    cache?.set(prepared.resultKey, table.schema, table.batches, parts);
    return materialisedResult(table.schema, table.batches, { ...facts, fromResultCache: false });
  }

  /** A table's lazy frame: its parts with literal partition columns, stacked by column name. */
  #frame(table: string, parts: readonly TablePart[]): LazyFrame {
    const pl = this.#pl;
    const partition = (part: TablePart | undefined): ReturnType<Polars['lit']>[] => [
      pl.lit(part?.uf ?? null).cast(pl.Utf8).alias('uf'),
      pl.lit(part?.year ?? null).cast(pl.Int16).alias('year'),
      pl.lit(part?.month ?? null).cast(pl.Int16).alias('month'),
    ];
    if (parts.length === 0) {
      const types = { Utf8: pl.Utf8, Int32: pl.Int32, Int64: pl.Int64, Float64: pl.Float64, Date32: pl.Date } as const;
      const columns = Object.entries(knownColumns(table) ?? {}).map(([name, type]) => pl.Series(name, [], types[type]));
      return pl.DataFrame([pl.Series('uf', [], pl.Utf8), pl.Series('year', [], pl.Int16), pl.Series('month', [], pl.Int16), ...columns]).lazy();
    }
    const frames = parts.map((part) => {
      let frame = pl.scanParquet(part.parquetPath);
      const clashes = clashingColumns(frame.columns);
      if (clashes.length > 0) frame = frame.rename(Object.fromEntries(clashes.map((name) => [name, renamedColumn(name)])));
      return frame.select(...partition(part), pl.all());
    });
    return frames.length === 1 ? frames[0]! : pl.concat(frames, { how: 'diagonalRelaxed' });
  }

  /** The files a query would read, without fetching. */
  explain(sql: string): Promise<QueryExplain> {
    return this.#preparer.explain(sql);
  }

  /** Closes the parser and the source connections. */
  async close(): Promise<void> {
    this.#closeParser();
    await this.#preparer.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/**
 * Opens a Polars engine; `ENGINE_FAILED` when nodejs-polars cannot load on this platform.
 *
 * @example
 * ```ts
 * const engine = await createPolarsEngine({ source: 'ftp://ftp.datasus.gov.br' });
 * ```
 */
export async function createPolarsEngine(options: EngineOptions = {}): Promise<PolarsEngine> {
  const pl = loadPolars();
  return new PolarsEngine(pl, await openSqlParser(), options);
}
