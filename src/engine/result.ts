/**
 * A {@link QueryResult} over batches already in memory (result-cache hits, engines that collect).
 *
 * @module
 */
import { Table, type RecordBatch, type Schema } from 'apache-arrow';
import type { TablePart } from './resolve-files.js';
import type { QueryResult } from './types.js';

/**
 * Wraps in-memory batches as a query result (iterable any number of times).
 *
 * @example
 * ```ts
 * const result = materialisedResult(table.schema, table.batches, { files: new Map(), fromResultCache: true });
 * ```
 */
export function materialisedResult(
  schema: Schema,
  batches: readonly RecordBatch[],
  facts: { files: ReadonlyMap<string, readonly TablePart[]>; fromResultCache: boolean; bytesDownloaded?: number; filesDownloaded?: number },
): QueryResult {
  return {
    schema,
    files: facts.files,
    fromResultCache: facts.fromResultCache,
    bytesDownloaded: facts.bytesDownloaded ?? 0,
    filesDownloaded: facts.filesDownloaded ?? 0,
    async *[Symbol.asyncIterator]() {
      yield* batches;
    },
    toTable: async () => new Table(schema, [...batches]),
  };
}
