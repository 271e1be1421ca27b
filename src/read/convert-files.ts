/**
 * Many DBC/DBF files → one output file: schemas unified across files (see `arrow/unify.ts`),
 * decoding in parallel worker threads, any output format, nothing written on failure.
 *
 * @module
 */
import { basename } from 'node:path';
import type { RecordBatch } from 'apache-arrow';
import type { UnknownCode } from '../brazil/index.js';
import { parsePath } from '../catalog/index.js';
import { labelStage, type LabelStage } from '../scan/labels.js';
import { conformBatch, unifySchemas } from '../arrow/unify.js';
import { writeBatches, type OutputFormat, type OutputTarget } from '../output/write-output.js';
import type { ParquetOptions } from '../output/parquet.js';
import { decodeFiles, type DecodeFilesOptions } from './decode-files.js';
import { readTableSchema } from './inspect.js';
import type { TableSummary } from './read-table.js';

/** Options of {@link convertFiles}. */
export interface ConvertOptions extends DecodeFilesOptions, ParquetOptions {
  readonly outputFormat: OutputFormat;
  /** Decode coded columns into labels, choosing the dictionary from each file's name (`DOSP2022.dbc` → SIM). */
  readonly labels?: boolean;
  /** Called after each batch is written, for progress displays. */
  readonly onBatch?: (progress: { input: string; rows: number; totalRows: number }) => void;
}

/** What a conversion did. */
export interface ConvertReport {
  readonly rows: number;
  readonly bytes: number;
  readonly files: readonly TableSummary[];
  /** Codes the label dictionaries did not know (with `labels`). */
  readonly unknownCodes: readonly UnknownCode[];
}

/**
 * Converts tables to one output.
 *
 * @example
 * ```ts
 * const report = await convertFiles(['DOAC2021.dbc', 'DOAC2022.dbc'], { path: 'ac.parquet' }, { outputFormat: 'parquet' });
 * ```
 */
export async function convertFiles(inputs: readonly string[], target: OutputTarget, options: ConvertOptions): Promise<ConvertReport> {
  const { outputFormat, onBatch, compression, rowGroupRows, metadata, labels, ...decode } = options;
  const schemaOptions = {
    ...(decode.columns ? { columns: decode.columns } : {}),
    ...(decode.encoding ? { encoding: decode.encoding } : {}),
    ...(decode.raw !== undefined ? { raw: decode.raw } : {}),
    ...(decode.decimals ? { decimals: decode.decimals } : {}),
    ...(decode.integers ? { integers: decode.integers } : {}),
    ...(decode.includeDeleted !== undefined ? { includeDeleted: decode.includeDeleted } : {}),
    ...(decode.signal ? { signal: decode.signal } : {}),
  };
  // Headers first: a bad file or an unknown column fails before any output is started.
  const stages = new Map<string, LabelStage>();
  const stageFor = (input: string): LabelStage | undefined => {
    if (labels !== true) return undefined;
    const parsed = parsePath(basename(input));
    const key = `${parsed.system}|${parsed.group}`;
    if (!stages.has(key)) stages.set(key, labelStage(parsed.system, parsed.group));
    return stages.get(key);
  };
  const schemas = await Promise.all(
    inputs.map(async (input) => {
      const schema = await readTableSchema(input, schemaOptions);
      return stageFor(input)?.schema(schema) ?? schema;
    }),
  );
  const schema = unifySchemas(schemas);
  const run = decodeFiles(inputs, decode);
  let rows = 0;
  async function* conformed(): AsyncGenerator<RecordBatch> {
    for await (const { input, batch } of run) {
      rows += batch.numRows;
      const stage = stageFor(input);
      yield conformBatch(stage === undefined ? batch : stage.apply(batch), schema);
      onBatch?.({ input, rows: batch.numRows, totalRows: rows });
    }
  }
  const parquet = {
    ...(compression ? { compression } : {}),
    ...(rowGroupRows ? { rowGroupRows } : {}),
    ...(metadata ? { metadata } : {}),
    ...(decode.signal ? { signal: decode.signal } : {}),
  };
  const bytes = await writeBatches(conformed(), schema, target, outputFormat, parquet);
  return { rows, bytes, files: await run.summaries, unknownCodes: [...stages.values()].flatMap((stage) => stage.unknownCodes()) };
}
