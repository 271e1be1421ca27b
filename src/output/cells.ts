/**
 * Turns Arrow cells into text for the text outputs (CSV, NDJSON, the terminal table).
 *
 * @module
 */
import { Type } from 'apache-arrow';
import type { DataType, Vector } from 'apache-arrow';

/** A JSON-ready value: what NDJSON writes for one cell. */
export type JsonCell = string | number | boolean | null;

/** Reads cell `row` of a column as a JSON-ready value. */
export type CellReader = (row: number) => JsonCell;

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * Builds a reader for one column that returns JSON-ready values: dates as `YYYY-MM-DD`,
 * timestamps as ISO strings, 64-bit integers as numbers when exact and as strings otherwise
 * (JSON numbers lose precision beyond 2^53), decimals as strings, binary as hex.
 *
 * @example
 * ```ts
 * const read = jsonCellReader(batch.getChild('DTOBITO')!);
 * read(0); // '2022-01-05'
 * ```
 */
export function jsonCellReader(vector: Vector): CellReader {
  const type = vector.type as DataType;
  const get = (row: number): unknown => vector.get(row);
  switch (type.typeId) {
    case Type.Date:
      return (row) => {
        const value = get(row);
        return value === null || value === undefined ? null : isoDay(Number(value));
      };
    case Type.Timestamp:
      return (row) => {
        const value = get(row);
        return value === null || value === undefined ? null : new Date(Number(value)).toISOString();
      };
    case Type.Int:
      return (row) => {
        const value = get(row);
        if (value === null || value === undefined) return null;
        if (typeof value === 'bigint') {
          return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
        }
        return value as number;
      };
    case Type.Float:
      return (row) => {
        const value = get(row) as number | null;
        return value === null || value === undefined || Number.isNaN(value) ? null : value;
      };
    case Type.Bool:
      return (row) => (get(row) ?? null) as boolean | null;
    case Type.Binary:
    case Type.FixedSizeBinary:
      return (row) => {
        const value = get(row) as Uint8Array | null;
        return value === null || value === undefined ? null : Buffer.from(value).toString('hex');
      };
    case Type.Utf8:
    case Type.Dictionary:
      return (row) => (get(row) ?? null) as string | null;
    default:
      return (row) => {
        const value = get(row);
        return value === null || value === undefined ? null : String(value);
      };
  }
}
