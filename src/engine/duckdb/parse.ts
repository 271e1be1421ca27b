/**
 * DuckDB's parser as a function: SQL → its JSON syntax tree (`json_serialize_sql`). Every engine
 * uses it to find tables and partition predicates, so pruning is the same whatever runs the query.
 *
 * @module
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ArrowSusError } from '../../errors.js';
import { loadDuckDb } from './load.js';

/**
 * Parses one query on `connection`; parse errors and non-SELECT statements are `QUERY_INVALID`.
 *
 * @example
 * ```ts
 * const ast = await parseSql(connection, 'SELECT 1');
 * ```
 */
export async function parseSql(connection: DuckDBConnection, sql: string): Promise<unknown> {
  let text: string;
  try {
    const reader = await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR)', [sql]);
    text = String(reader.getRows()[0]?.[0] ?? '');
  } catch (error) {
    throw new ArrowSusError('QUERY_INVALID', `query: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const ast = JSON.parse(text) as { error?: boolean; error_message?: string; statements?: unknown[] };
  if (ast.error === true) throw new ArrowSusError('QUERY_INVALID', `query: ${ast.error_message ?? 'cannot parse the query'}`);
  if (!Array.isArray(ast.statements) || ast.statements.length !== 1) {
    throw new ArrowSusError('QUERY_INVALID', 'query: give exactly one SELECT statement');
  }
  return ast;
}

/**
 * A standalone parser (its own in-memory DuckDB), for engines that run SQL elsewhere.
 *
 * @example
 * ```ts
 * const parser = await openSqlParser();
 * const ast = await parser.parse('SELECT * FROM sih_rd');
 * parser.close();
 * ```
 */
export async function openSqlParser(): Promise<{ parse: (sql: string) => Promise<unknown>; close: () => void }> {
  const { DuckDBInstance } = await loadDuckDb();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    parse: (sql) => parseSql(connection, sql),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
