/**
 * Opens an engine by name, importing it only then: DuckDB and Polars are large native modules
 * that commands without SQL never load.
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';
import type { EngineOptions, QueryEngine } from './types.js';

/**
 * The engines {@link openEngine} knows.
 *
 * @example
 * ```ts
 * ENGINE_NAMES.join(', '); // 'duckdb, polars'
 * ```
 */
export const ENGINE_NAMES = ['duckdb', 'polars'] as const;

/**
 * An engine name.
 *
 * @example
 * ```ts
 * const name: EngineName = 'polars';
 * ```
 */
export type EngineName = (typeof ENGINE_NAMES)[number];

/**
 * Opens the named engine (default DuckDB).
 *
 * @example
 * ```ts
 * await using engine = await openEngine('duckdb', { cacheDir });
 * ```
 */
export async function openEngine(name: string = 'duckdb', options: EngineOptions = {}): Promise<QueryEngine> {
  if (name === 'duckdb') return (await import('./duckdb/engine.js')).createDuckDbEngine(options);
  if (name === 'polars') return (await import('./polars/engine.js')).createPolarsEngine(options);
  throw new ArrowSusError('INVALID_ARGUMENT', `query: unknown engine "${name}" (use ${ENGINE_NAMES.join(' or ')})`);
}
