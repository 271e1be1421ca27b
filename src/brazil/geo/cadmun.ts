/**
 * Parsers for the SIM TabWin tables `CADMUN.DBF` (municipalities, including historical and special
 * codes needed to decode old microdata) and `TABUF.DBF` (UFs).
 *
 * CADMUN columns used: `MUNCOD` (6 digits), `MUNCODDV` (7), `MUNNOME`, `SITUACAO` (`ATIVO`, `TRANS`,
 * `IGNOR`, `EXTIN`), `RSAUDCOD` (health region), `MSAUDCOD` (macro-region). CADMUN carries region codes
 * but not their names; the territorial base has both.
 *
 * @module
 */
import { ArrowSusError } from '../../errors.js';
import { cell, type TableRow } from './rows.js';
import { Territory, type MunicipalityRow } from './territory.js';

/**
 * Builds a territory from CADMUN rows (see `readDbfRows`).
 *
 * @example
 * ```ts
 * const territory = territoryFromCadmun(await readDbfRows(cadmunBytes), { source: 'CADMUN.DBF' });
 * territory.municipality('260545')?.name; // 'Fernando de Noronha'
 * ```
 */
export function territoryFromCadmun(rows: readonly TableRow[], options: { source: string }): Territory {
  if (rows.length > 0 && cell(rows[0] ?? {}, 'MUNCOD') === undefined && !Object.keys(rows[0] ?? {}).some((k) => k.toUpperCase() === 'MUNCOD')) {
    throw new ArrowSusError('DOMAIN_TABLE_INVALID', `brazil: ${options.source} has no MUNCOD column (is it CADMUN.DBF?)`);
  }
  const municipalities: MunicipalityRow[] = [];
  for (const row of rows) {
    const code6 = cell(row, 'MUNCOD');
    if (code6 === undefined) continue;
    const zeros = (value: string | undefined): string | undefined => (value === undefined || /^0+$/.test(value) ? undefined : value);
    municipalities.push({
      code6,
      code7: cell(row, 'MUNCODDV'),
      name: cell(row, 'MUNNOME') ?? '',
      status: cell(row, 'SITUACAO'),
      healthRegionCode: zeros(cell(row, 'RSAUDCOD')),
      macroRegionCode: zeros(cell(row, 'MSAUDCOD')),
    });
  }
  return new Territory({ municipalities, source: options.source });
}

/**
 * One UF row of TABUF.
 *
 * @example
 * ```ts
 * const row: TabUfRow = { code: 35, abbreviation: 'SP', name: 'SAO PAULO' };
 * ```
 */
export interface TabUfRow {
  readonly code: number;
  readonly abbreviation: string;
  readonly name: string;
}

/**
 * Parses TABUF rows (`SIGLA_UF`, `CODIGO`, `DESCRICAO`).
 *
 * @example
 * ```ts
 * parseTabUf(await readDbfRows(tabufBytes))[0]; // { code: 11, abbreviation: 'RO', name: 'RONDONIA' }
 * ```
 */
export function parseTabUf(rows: readonly TableRow[]): TabUfRow[] {
  return rows.flatMap((row) => {
    const code = cell(row, 'CODIGO');
    const abbreviation = cell(row, 'SIGLA_UF');
    if (code === undefined || abbreviation === undefined) return [];
    return [{ code: Number(code), abbreviation, name: cell(row, 'DESCRICAO') ?? '' }];
  });
}
