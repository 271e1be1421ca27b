/**
 * CID-10 (ICD-10, Brazilian edition) descriptions, from the official files read at run time:
 *
 * - `CID10CSV.zip` (DataSUS CID-10 V2008, `http://www2.datasus.gov.br/cid10/V2008/downloads/CID10CSV.zip`):
 *   `CID-10-CATEGORIAS.CSV` (`CAT;CLASSIF;DESCRICAO;DESCRABREV;…`) and `CID-10-SUBCATEGORIAS.CSV`
 *   (`SUBCAT;CLASSIF;RESTRSEXO;CAUSAOBITO;DESCRICAO;DESCRABREV;…`), `;`-separated, ISO-8859-1;
 * - the SIM TabWin table `CID10.DBF` (`CID10`, `OPC`, `CAT`, `SUBCAT`, `DESCR`, `RESTRSEXO`), whose `DESCR`
 *   starts with the dotted code and whose `RESTRSEXO` is 1 (male only), 3 (female only) or 5 (both).
 *   Its original rows are ASCII; rows added later (`U04`, `U07` …) are Latin-1, so it is read as Latin-1.
 *
 * @module
 */
import { ArrowSusError } from '../../errors.js';
import { normalizeCid10 } from '../validate/cid10.js';
import { parseCsv } from '../geo/csv.js';
import { cell, readDbfRows, type TableRow } from '../geo/rows.js';
import { extractZipEntry, findZipEntry, readZipEntries } from '../geo/zip.js';
import { decodeText, sniffEncoding } from './text.js';

/**
 * One CID-10 category (3 characters) or subcategory (4).
 *
 * @example
 * ```ts
 * cid.describe('O000'); // { code: 'O000', description: 'Gravidez abdominal', sex: 'F', category: false }
 * ```
 */
export interface Cid10Entry {
  /** Normalised code: no dot, upper case (`A000`). */
  readonly code: string;
  readonly description: string;
  /** `M` or `F` when the code applies to one sex only. */
  readonly sex: 'M' | 'F' | undefined;
  /** Whether the code is a 3-character category. */
  readonly category: boolean;
}

/**
 * A loaded CID-10 table.
 *
 * @example
 * ```ts
 * const cid = await loadCid10({ source, cacheDir });
 * cid.describe('A00')?.description; // 'Cólera'
 * ```
 */
export class Cid10Table implements Iterable<Cid10Entry> {
  readonly #entries = new Map<string, Cid10Entry>();
  /** Where the table came from. */
  readonly source: string;

  constructor(entries: Iterable<Cid10Entry>, source: string) {
    for (const entry of entries) this.#entries.set(entry.code, entry);
    this.source = source;
  }

  /** Number of codes. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Looks a code up in any microdata form (`A00.0`, `A000`, `*R58X`).
   *
   * @example
   * ```ts
   * table.describe('A00.0')?.description; // 'Cólera devida a Vibrio cholerae 01, biótipo cholerae'
   * ```
   */
  describe(code: string): Cid10Entry | undefined {
    const normal = normalizeCid10(code);
    return normal === undefined ? undefined : this.#entries.get(normal);
  }

  /**
   * The set of normalised codes, for `validateCid10(value, { known })`.
   *
   * @example
   * ```ts
   * validateCid10('Z999', { known: table.codes() });
   * ```
   */
  codes(): ReadonlySet<string> {
    return new Set(this.#entries.keys());
  }

  [Symbol.iterator](): Iterator<Cid10Entry> {
    return this.#entries.values();
  }
}

const SEX_DBF: Record<string, 'M' | 'F'> = { '1': 'M', '3': 'F' };

/**
 * Builds a CID-10 table from `CID10.DBF` rows (see `readDbfRows`; read with `encoding: 'latin1'`).
 *
 * @example
 * ```ts
 * const table = cid10FromDbfRows(await readDbfRows(bytes, { encoding: 'latin1' }), 'CID10.DBF');
 * ```
 */
export function cid10FromDbfRows(rows: readonly TableRow[], source: string): Cid10Table {
  const entries: Cid10Entry[] = [];
  for (const row of rows) {
    const code = normalizeCid10(cell(row, 'CID10') ?? '');
    if (code === undefined) continue;
    // DESCR repeats the code first ("A00.0 Colera dev …", "A00   Colera").
    const description = (cell(row, 'DESCR') ?? '').replace(/^[A-Z]\d{2}(?:\.\d)?\s+/, '');
    entries.push({ code, description, sex: SEX_DBF[cell(row, 'RESTRSEXO') ?? ''], category: code.length === 3 });
  }
  if (entries.length === 0) throw new ArrowSusError('DOMAIN_TABLE_INVALID', `brazil: ${source} has no CID10 rows (is it the SIM CID10.DBF table?)`);
  return new Cid10Table(entries, source);
}

/**
 * Builds a CID-10 table from the `CID10CSV.zip` archive (categories and subcategories).
 *
 * @example
 * ```ts
 * const table = cid10FromCsvArchive(zipBytes, 'CID10CSV.zip');
 * table.describe('U071');
 * ```
 */
export function cid10FromCsvArchive(bytes: Uint8Array, source: string): Cid10Table {
  const entries = readZipEntries(bytes, source);
  const out: Cid10Entry[] = [];
  for (const [file, key] of [['CID-10-CATEGORIAS.CSV', 'CAT'], ['CID-10-SUBCATEGORIAS.CSV', 'SUBCAT']] as const) {
    const entry = findZipEntry(entries, file);
    if (entry === undefined) continue;
    const data = extractZipEntry(bytes, entry);
    for (const row of parseCsv(decodeText(data, sniffEncoding(data, 'latin1')), { delimiter: ';' })) {
      const code = normalizeCid10(cell(row, key) ?? '');
      if (code === undefined) continue;
      const sex = cell(row, 'RESTRSEXO');
      out.push({ code, description: cell(row, 'DESCRICAO') ?? '', sex: sex === 'M' || sex === 'F' ? sex : undefined, category: key === 'CAT' });
    }
  }
  if (out.length === 0) {
    throw new ArrowSusError('DOMAIN_TABLE_INVALID', `brazil: ${source} holds neither CID-10-CATEGORIAS.CSV nor CID-10-SUBCATEGORIAS.CSV`, {
      details: { entries: entries.map((e) => e.name) },
    });
  }
  return new Cid10Table(out, source);
}

/**
 * Parses a CID-10 file by its kind: a `.zip` (CID10CSV) or a `.dbf` (SIM `CID10.DBF`).
 *
 * @example
 * ```ts
 * const table = await parseCid10File(bytes, 'CID10.DBF');
 * ```
 */
export async function parseCid10File(bytes: Uint8Array, name: string): Promise<Cid10Table> {
  if (/\.zip$/i.test(name)) return cid10FromCsvArchive(bytes, name);
  if (/\.dbf$/i.test(name)) return cid10FromDbfRows(await readDbfRows(bytes, { encoding: 'latin1' }), name);
  throw new ArrowSusError('UNSUPPORTED', `brazil: ${name}: CID-10 tables are read from CID10CSV.zip or CID10.DBF`);
}
