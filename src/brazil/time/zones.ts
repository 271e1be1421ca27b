/**
 * Which IANA time zone a UF or municipality keeps its clocks on.
 *
 * Each UF defaults to its capital's zone; three areas differ:
 * - **western Amazonas** (America/Eirunepe, UTC−5): the 11 municipalities Portal Amazônia lists as one hour
 *   behind Manaus — Amaturá, Atalaia do Norte, Benjamin Constant, Boca do Acre, Eirunepé, Envira, Guajará,
 *   Ipixuna, Itamarati, Pauini, São Paulo de Olivença;
 * - **Fernando de Noronha** (America/Noronha, UTC−2): the district-state `260545` and the former territory
 *   code `200010` found in old microdata;
 * - **western Pará** (America/Santarem): the part of Pará on UTC−4 until Lei 11.662/2008 (in force
 *   2008-06-24). Decreto 2.784/1913 drew it west of a line from Monte Crevaux down the Jari river to the
 *   Amazon and then south along the Xingu. Taken here as the Baixo Amazonas and Sudoeste Paraense
 *   municipalities whose seat lies west of that line (north bank: west of the Jari; south bank: west of the
 *   Xingu); municipalities astride the Xingu (Porto de Moz, Vitória do Xingu, Senador José Porfírio,
 *   Anapu, Pacajá) stay on America/Belem. The zone differs from Belém only before 2008-06-24.
 * - Tabatinga (AM) stays on America/Manaus: the 1913 decree puts Tabatinga and Porto Acre themselves in
 *   the UTC−4 zone.
 *
 * Historical offsets come from the runtime's tz database (ICU) through `Intl`, never from hand-written
 * rules: see `offsets.ts`.
 *
 * @module
 */
import { findUf } from '../geo/ufs.js';

/** Western Amazonas on UTC−5 (6-digit codes). */
const EIRUNEPE = ['130006', '130020', '130060', '130070', '130140', '130150', '130165', '130180', '130195', '130350', '130390'];
/** Fernando de Noronha (6-digit codes, current and pre-1988 territory). */
const NORONHA = ['260545', '200010'];
/** Western Pará (6-digit codes). */
const SANTAREM = [
  '150040', // Alenquer
  '150050', // Almeirim
  '150060', // Altamira
  '150100', // Aveiro
  '150145', // Belterra
  '150172', // Brasil Novo
  '150285', // Curuá
  '150300', // Faro
  '150360', // Itaituba
  '150375', // Jacareacanga
  '150390', // Juruti
  '150445', // Medicilândia
  '150480', // Monte Alegre
  '150503', // Novo Progresso
  '150510', // Óbidos
  '150530', // Oriximiná
  '150565', // Placas
  '150600', // Prainha
  '150619', // Rurópolis
  '150680', // Santarém
  '150797', // Terra Santa
  '150805', // Trairão
  '150815', // Uruará
];

/**
 * Municipalities (6-digit code) whose zone differs from their UF's default.
 *
 * @example
 * ```ts
 * MUNICIPALITY_TIME_ZONES.get('130140'); // 'America/Eirunepe' (Eirunepé)
 * ```
 */
export const MUNICIPALITY_TIME_ZONES: ReadonlyMap<string, string> = new Map([
  ...EIRUNEPE.map((code) => [code, 'America/Eirunepe'] as const),
  ...NORONHA.map((code) => [code, 'America/Noronha'] as const),
  ...SANTAREM.map((code) => [code, 'America/Santarem'] as const),
]);

/**
 * The default zone of a UF (code, abbreviation or name), or `undefined` for an unknown UF.
 *
 * @example
 * ```ts
 * timeZoneForUf('AC'); // 'America/Rio_Branco'
 * ```
 */
export function timeZoneForUf(uf: string | number): string | undefined {
  return findUf(uf)?.timeZone;
}

/**
 * The zone of a municipality (6 or 7 digits), or `undefined` when its UF prefix is unknown.
 *
 * @example
 * ```ts
 * timeZoneForMunicipality('2605459'); // 'America/Noronha'
 * timeZoneForMunicipality('130260');  // 'America/Manaus' (Manaus)
 * ```
 */
export function timeZoneForMunicipality(code: string): string | undefined {
  const text = code.trim();
  if (!/^\d{6,7}$/.test(text)) return undefined;
  return MUNICIPALITY_TIME_ZONES.get(text.slice(0, 6)) ?? timeZoneForUf(text.slice(0, 2));
}
