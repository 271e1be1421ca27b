/**
 * Reads a DBF (bytes) into plain rows through the project's DBF reader, for small reference tables
 * (CADMUN, TABUF, CID10, territorial `.dbf` tables).
 *
 * @module
 */
import { readDbf } from '../../dbf/index.js';
import type { DbfEncoding } from '../../dbf/index.js';

/**
 * One row of a reference table: column → text (numbers as text), null when blank.
 *
 * @example
 * ```ts
 * const row: TableRow = { MUNCOD: '355030', MUNNOME: 'São Paulo', OBSERV: null };
 * ```
 */
export type TableRow = Readonly<Record<string, string | null>>;

/**
 * Decodes a whole DBF into rows. Memory: the table (reference tables are at most a few MB).
 *
 * @example
 * ```ts
 * const rows = await readDbfRows(bytes, { encoding: 'cp850' });
 * rows[0]?.['MUNNOME'];
 * ```
 */
export async function readDbfRows(bytes: Uint8Array, options: { encoding?: DbfEncoding; signal?: AbortSignal } = {}): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const batch of readDbf(bytes, { encoding: options.encoding ?? 'cp850', ...(options.signal === undefined ? {} : { signal: options.signal }) })) {
    const names = batch.schema.fields.map((field) => field.name);
    const columns = names.map((name) => batch.getChild(name));
    for (let i = 0; i < batch.numRows; i++) {
      const row: Record<string, string | null> = {};
      names.forEach((name, k) => {
        const value: unknown = columns[k]?.get(i);
        row[name] = value === null || value === undefined ? null : String(value);
      });
      rows.push(row);
    }
  }
  return rows;
}

/**
 * Reads a column of a row case-insensitively (`CO_MUNICIP` ≡ `co_municip`), trimmed; `undefined` when
 * absent or blank.
 *
 * @example
 * ```ts
 * cell({ co_municip: '355030' }, 'CO_MUNICIP'); // '355030'
 * ```
 */
export function cell(row: Readonly<Record<string, string | null>>, name: string): string | undefined {
  const direct = row[name];
  const value = direct !== undefined ? direct : Object.entries(row).find(([key]) => key.toUpperCase() === name.toUpperCase())?.[1];
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}
