/**
 * Small constructors for the Thrift structs of a Parquet file (page headers, column and file
 * metadata), written with the compact-protocol codec the footer join also uses.
 *
 * @module
 */
import { TType, type ThriftList, type ThriftStruct, type ThriftValue } from '../thrift-compact.js';

/** A struct field: its id, wire type and value; `undefined` values are left out. */
export type FieldSpec = readonly [id: number, type: number, value: ThriftValue | undefined];

/**
 * A struct from its fields (undefined ones omitted).
 *
 * @example
 * ```ts
 * writeThriftStruct(struct([[1, TType.I32, 2], [2, TType.BINARY, undefined]]));
 * ```
 */
export function struct(fields: readonly FieldSpec[]): ThriftStruct {
  const map = new Map<number, { type: number; value: ThriftValue }>();
  for (const [id, type, value] of fields) if (value !== undefined) map.set(id, { type, value });
  return { kind: 'struct', fields: map };
}

/**
 * A list of `elementType` items.
 *
 * @example
 * ```ts
 * list(TType.I32, [0, 3, 8]);
 * ```
 */
export function list(elementType: number, items: ThriftValue[]): ThriftList {
  return { kind: 'list', setType: false, elementType, items };
}

/**
 * UTF-8 bytes of a string, for BINARY fields.
 *
 * @example
 * ```ts
 * utf8('ARROW:schema');
 * ```
 */
export function utf8(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

export { TType };
