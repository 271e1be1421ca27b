/**
 * Parser for the DataSUS territorial base archive (`/territorio/tabelas/<YYYY>/<NN>-base_territorial_<mmmYY>.zip`):
 * the only source of health regions (`tb_regsaud`, `rl_municip_regsaud`) and health macro-regions
 * (`tb_macsaud`, `rl_municip_macsaud`, `rl_regsaud_macsaud`) as DataSUS uses them, plus the 6↔7-digit
 * municipality codes (`tb_municip`: `CO_MUNICIP`, `CO_MUNICDV`, `DS_NOME`, `CO_STATUS`).
 *
 * Recent archives hold CSV tables — most `;`-delimited, `tb_regsaud.csv` `,`-delimited — and older ones
 * the same tables as `.dbf`; both are read, the delimiter is detected per file, and CSV text is read as
 * UTF-8 when it is valid UTF-8, Latin-1 otherwise. Column names are matched case-insensitively.
 *
 * @module
 */
import { ArrowSusError } from '../../errors.js';
import { decodeText, sniffEncoding } from '../reference/text.js';
import { parseCsv } from './csv.js';
import { cell, readDbfRows, type TableRow } from './rows.js';
import { Territory, type MunicipalityRow } from './territory.js';
import { extractZipEntry, findZipEntry, readZipEntries, type ZipEntry } from './zip.js';

/**
 * The tables of the territorial base this parser reads, by base name (without extension).
 *
 * @example
 * ```ts
 * TERRITORIAL_TABLES.includes('tb_regsaud'); // true
 * ```
 */
export const TERRITORIAL_TABLES = ['tb_municip', 'tb_regsaud', 'tb_macsaud', 'rl_municip_regsaud', 'rl_municip_macsaud', 'rl_regsaud_macsaud'] as const;

async function readTable(bytes: Uint8Array, entries: readonly ZipEntry[], table: string, signal: AbortSignal | undefined): Promise<TableRow[] | undefined> {
  const csv = findZipEntry(entries, `${table}.csv`);
  if (csv !== undefined) {
    const data = extractZipEntry(bytes, csv);
    return parseCsv(decodeText(data, sniffEncoding(data, 'latin1')));
  }
  const dbf = findZipEntry(entries, `${table}.dbf`);
  if (dbf !== undefined) return readDbfRows(extractZipEntry(bytes, dbf), signal === undefined ? {} : { signal });
  return undefined;
}

function pairs(rows: readonly TableRow[] | undefined, key: string, value: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of rows ?? []) {
    const k = cell(row, key);
    const v = cell(row, value);
    if (k !== undefined && v !== undefined) map.set(k, v);
  }
  return map;
}

/**
 * Parses a territorial base archive into a {@link Territory}. Throws `DOMAIN_TABLE_INVALID` when the
 * archive has no `tb_municip` table.
 *
 * @example
 * ```ts
 * const territory = await parseTerritorialArchive(zipBytes, { source: 'ftp://ftp.datasus.gov.br/territorio/tabelas/2026/04-base_territorial_abr26.zip' });
 * territory.municipality('310620')?.healthRegion?.name;
 * ```
 */
export async function parseTerritorialArchive(bytes: Uint8Array, options: { source: string; signal?: AbortSignal }): Promise<Territory> {
  const entries = readZipEntries(bytes, options.source);
  const tables = new Map<string, TableRow[] | undefined>();
  for (const table of TERRITORIAL_TABLES) tables.set(table, await readTable(bytes, entries, table, options.signal));
  const municipalities = tables.get('tb_municip');
  if (municipalities === undefined) {
    throw new ArrowSusError('DOMAIN_TABLE_INVALID', `brazil: ${options.source} has no tb_municip table (is it a territorial base archive?)`, {
      details: { entries: entries.map((e) => e.name) },
    });
  }
  const municipalityRegion = pairs(tables.get('rl_municip_regsaud'), 'CO_MUNICIP', 'CO_REGSAUD');
  const municipalityMacro = pairs(tables.get('rl_municip_macsaud'), 'CO_MUNICIP', 'CO_MACSAUD');
  const rows: MunicipalityRow[] = municipalities.flatMap((row) => {
    const code6 = cell(row, 'CO_MUNICIP');
    if (code6 === undefined) return [];
    return [{
      code6,
      code7: cell(row, 'CO_MUNICDV'),
      name: cell(row, 'DS_NOME') ?? cell(row, 'DS_NOMEPAD') ?? '',
      status: cell(row, 'CO_STATUS'),
      healthRegionCode: municipalityRegion.get(code6),
      macroRegionCode: municipalityMacro.get(code6) ?? cell(row, 'MACRORREGIONAL'),
    }];
  });
  const macroNames = new Map<string, string>();
  for (const row of tables.get('tb_macsaud') ?? []) {
    const code = cell(row, 'CO_MACSAUD');
    // DS_NOME is the long form ("Macrorregião de Saúde Centro"); DS_ABREV the short one ("Centro").
    const name = cell(row, 'DS_ABREV') ?? cell(row, 'DS_NOME');
    if (code !== undefined && name !== undefined) macroNames.set(code, name.replace(/\s+/g, ' '));
  }
  return new Territory({
    municipalities: rows,
    healthRegions: pairs(tables.get('tb_regsaud'), 'CO_REGSAUD', 'DS_NOME'),
    macroRegions: macroNames,
    healthRegionMacro: pairs(tables.get('rl_regsaud_macsaud'), 'CO_REGSAUD', 'CO_MACSAUD'),
    source: options.source,
  });
}
