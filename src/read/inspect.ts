/**
 * What `arrow-sus inspect` reports about a table: row counts, columns, and whether a DBC's CRC-32
 * matches. The full check decompresses the file (fast: no column is decoded); the header-only
 * mode reads a few hundred bytes and cannot know deleted rows or the CRC outcome.
 *
 * @module
 */
import { readDbcHeader, dbcHeaderNeeds } from '../dbc/index.js';
import { parseDbfHeader } from '../dbf/header.js';
import type { DbfField, DbfHeader } from '../dbf/header.js';
import { dbfSchema } from '../dbf/schema.js';
import type { DbfSchemaOptions } from '../dbf/schema.js';
import type { Schema } from 'apache-arrow';
import { readFileChunks } from '../io/read-file.js';
import { readTable } from './read-table.js';
import { formatFromBytes, formatFromName, takeSniffPrefix, type TableFormat } from './sniff.js';

/** One column as `inspect` lists it. */
export interface InspectColumn {
  readonly name: string;
  /** DBF field type letter (`C`, `N`, `D`, `F`, `L`). */
  readonly type: string;
  readonly length: number;
  readonly decimals: number;
}

/** The `inspect` report of one file (field names are the CLI's JSON keys). */
export interface InspectResult {
  readonly file: string;
  readonly format: TableFormat;
  /** Live rows: records less deleted ones (header-only: the header's record count). */
  readonly rows: number;
  /** Records flagged deleted; null in header-only mode. */
  readonly deleted: number | null;
  readonly columns: readonly InspectColumn[];
  /** DBC CRC-32 verified (true) after a full read; null for DBF and in header-only mode. */
  readonly crc_ok: boolean | null;
}

/** Options of {@link inspectTable}. */
export interface InspectOptions {
  /** Read only the header: no decompression, no deleted count, no CRC check. */
  readonly headerOnly?: boolean;
  readonly signal?: AbortSignal;
}

const columnsOf = (fields: readonly DbfField[]): InspectColumn[] =>
  fields.map((field) => ({ name: field.name, type: field.type, length: field.length, decimals: field.decimals }));

/**
 * Inspects a DBC or DBF file. A full inspection decompresses a DBC and verifies its CRC-32: a
 * damaged file throws its typed error (`DBC_CRC_MISMATCH`, `DBC_TRUNCATED` …), so a report always
 * describes a sound file.
 *
 * @example
 * ```ts
 * const report = await inspectTable('DOAC2022.dbc');
 * report.rows; report.crc_ok; // 6311, true
 * ```
 */
export async function inspectTable(path: string, options: InspectOptions = {}): Promise<InspectResult> {
  if (options.headerOnly === true) return inspectHeader(path, options.signal);
  const table = readTable(path, { columns: [], verifyCrc: true, ...(options.signal ? { signal: options.signal } : {}) });
  for await (const _ of table) void _;
  const summary = await table.summary;
  return { file: path, format: summary.format, rows: summary.rows, deleted: summary.deleted, columns: columnsOf(summary.fields), crc_ok: summary.crcOk };
}

async function inspectHeader(path: string, signal: AbortSignal | undefined): Promise<InspectResult> {
  const { format, header } = await readTableHeader(path, signal ? { signal } : {});
  return { file: path, format, rows: header.recordCount, deleted: null, columns: columnsOf(header.fields), crc_ok: null };
}

/**
 * Reads only a table file's header (a few hundred bytes): its format and DBF header.
 *
 * @example
 * ```ts
 * const { format, header } = await readTableHeader('RDSP2301.dbc');
 * header.recordCount;
 * ```
 */
export async function readTableHeader(path: string, options: { signal?: AbortSignal } = {}): Promise<{ format: TableFormat; header: DbfHeader }> {
  const chunks = readFileChunks(path, { chunkSize: 4096, ...options });
  let bytes: Uint8Array;
  try {
    ({ bytes } = await takeSniffPrefix(chunks));
  } finally {
    await chunks.return(undefined);
  }
  const format = formatFromName(path) ?? formatFromBytes(bytes, path);
  const dbfHeader = format === 'dbc' ? readDbcHeader(bytes.subarray(0, dbcHeaderNeeds(bytes, path)), path).dbfHeader : bytes;
  return { format, header: parseDbfHeader(dbfHeader) };
}

/**
 * The schema a read of `path` with these options produces, from the header alone.
 *
 * @example
 * ```ts
 * const schema = await readTableSchema('RDSP2301.dbc', { columns: ['MUNIC_RES'] });
 * ```
 */
export async function readTableSchema(path: string, options: DbfSchemaOptions & { signal?: AbortSignal } = {}): Promise<Schema> {
  const { signal, ...schemaOptions } = options;
  const { header } = await readTableHeader(path, signal ? { signal } : {});
  return dbfSchema(header, schemaOptions);
}
