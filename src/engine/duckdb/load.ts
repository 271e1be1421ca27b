/**
 * Loads DuckDB on first use: the native module is large, and only SQL needs it. The raw
 * bindings (`@duckdb/node-bindings`, a pinned dependency of `@duckdb/node-api`) are resolved from
 * the API package's own folder, so they are found wherever the package manager put them.
 *
 * @module
 */
import { createRequire } from 'node:module';
import { ArrowSusError } from '../../errors.js';

import type * as DuckDbApi from '@duckdb/node-api';

type NodeApi = typeof DuckDbApi;

/**
 * The few raw functions the Arrow conversion needs (see `@duckdb/node-bindings`).
 *
 * @example
 * ```ts
 * const raw: RawBindings = bindings();
 * ```
 */
export interface RawBindings {
  data_chunk_get_vector(chunk: unknown, column: number): unknown;
  vector_get_data(vector: unknown, byteCount: number): Uint8Array;
  vector_get_validity(vector: unknown, byteCount: number): Uint8Array | null;
  get_data_from_pointer(buffer: ArrayBuffer, offset: number, byteCount: number): Uint8Array;
}

let api: Promise<NodeApi> | undefined;
let raw: RawBindings | undefined;

/**
 * The `@duckdb/node-api` module, imported once.
 *
 * @example
 * ```ts
 * const { DuckDBInstance } = await loadDuckDb();
 * ```
 */
export function loadDuckDb(): Promise<NodeApi> {
  api ??= import('@duckdb/node-api').catch((error: unknown) => {
    api = undefined;
    throw new ArrowSusError('ENGINE_FAILED', `duckdb: cannot load @duckdb/node-api (${String(error)}); install it with npm install @duckdb/node-api`, { cause: error });
  });
  return api;
}

/**
 * The raw DuckDB bindings (synchronous; valid after {@link loadDuckDb} resolved).
 *
 * @example
 * ```ts
 * bindings().vector_get_data(vector, rows * 8);
 * ```
 */
export function bindings(): RawBindings {
  if (raw === undefined) {
    const require = createRequire(import.meta.url);
    const fromApi = createRequire(require.resolve('@duckdb/node-api'));
    raw = fromApi('@duckdb/node-bindings') as RawBindings;
  }
  return raw;
}
