/**
 * Typed scan requests: what the compiler knows about each system. Monthly systems (SIH, SIA,
 * CNES …) need a year and a month; yearly systems (SIM, SINASC, SINAN …) need a year and take no
 * month; groups are the system's own codes. A request that breaks these rules does not compile.
 * `test/scan/request.test.ts` keeps these lists equal to the runtime catalog.
 *
 * @module
 */
import type { CatalogRequest, MonthSelection, YearSelection } from '../catalog/index.js';
import type { Uf } from '../catalog/index.js';

/** SIH (hospital admissions, AIH) groups. */
export const SIH_GROUPS = ['RD', 'SP', 'RJ', 'ER', 'CH', 'CM', 'MT'] as const;
/** SIA (outpatient production) groups. */
export const SIA_GROUPS = ['PA', 'BI', 'AB', 'ABO', 'ACF', 'AD', 'AM', 'AMP', 'AN', 'AQ', 'AR', 'ATD', 'PS', 'SAD', 'AC'] as const;
/** CNES (health facilities) groups. */
export const CNES_GROUPS = ['LT', 'ST', 'DC', 'EQ', 'SR', 'HB', 'PF', 'EP', 'RC', 'IN', 'EE', 'EF', 'GM'] as const;
/** SIM (mortality) groups. */
export const SIM_GROUPS = ['DO', 'DOFET', 'DOEXT', 'DOINF', 'DOMAT', 'DOREXT'] as const;
/** SINASC (live births) groups. */
export const SINASC_GROUPS = ['DN', 'DNEX'] as const;
/** SINAN (notifiable diseases) disease codes. */
export const SINAN_GROUPS = [
  'ACBI', 'ACGR', 'AIDA', 'AIDC', 'ANIM', 'ANTR', 'BOTU', 'CANC', 'CHAG', 'CHIK', 'COLE', 'COQU', 'DCRJ', 'DENG', 'DERM', 'DIFT',
  'ESPO', 'ESQU', 'EXAN', 'FMAC', 'FTIF', 'HANS', 'HANT', 'HEPA', 'HIVA', 'HIVC', 'HIVE', 'HIVG', 'IEXO', 'LEIV', 'LEPT', 'LERD',
  'LTAN', 'MALA', 'MENI', 'MENT', 'NTRA', 'PAIR', 'PEST', 'PFAN', 'PNEU', 'RAIV', 'ROTA', 'SDTA', 'SIFA', 'SIFC', 'SIFG', 'SRC',
  'TETA', 'TETN', 'TOXC', 'TOXG', 'TRAC', 'TUBE', 'VARC', 'VIOL', 'ZIKA',
] as const;
/** SISCOLO (cervical cancer screening) groups. */
export const SISCOLO_GROUPS = ['CC', 'HC'] as const;
/** SISMAMA (breast cancer screening) groups. */
export const SISMAMA_GROUPS = ['CM', 'HM', 'MM'] as const;
/** PNI (immunisation, yearly DBF tables) groups. */
export const PNI_GROUPS = ['CPNI', 'CPNIUF', 'DPNI', 'DPNIUF'] as const;

/** Which monthly and yearly systems the typed API offers, with their groups. */
export const TYPED_SYSTEMS = {
  sih: { granularity: 'monthly', groups: SIH_GROUPS },
  sia: { granularity: 'monthly', groups: SIA_GROUPS },
  cnes: { granularity: 'monthly', groups: CNES_GROUPS },
  ciha: { granularity: 'monthly', groups: ['CIHA'] },
  cih: { granularity: 'monthly', groups: ['CR'] },
  siscolo: { granularity: 'monthly', groups: SISCOLO_GROUPS },
  sismama: { granularity: 'monthly', groups: SISMAMA_GROUPS },
  sisprenatal: { granularity: 'monthly', groups: ['PN'] },
  sim: { granularity: 'yearly', groups: SIM_GROUPS },
  sinasc: { granularity: 'yearly', groups: SINASC_GROUPS },
  sinan: { granularity: 'yearly', groups: SINAN_GROUPS },
  resp: { granularity: 'yearly', groups: ['RESP'] },
  pce: { granularity: 'yearly', groups: ['PCE'] },
  po: { granularity: 'yearly', groups: ['PO'] },
  pni: { granularity: 'yearly', groups: PNI_GROUPS },
} as const;

/** UFs to read: one or several; all the dataset covers when omitted. `BR` names national files. */
export type UfSelection = Uf | 'BR' | readonly (Uf | 'BR')[];

interface RequestBase {
  readonly uf?: UfSelection;
  /** Use preliminary (PRELIM) files where no final file exists yet (default true). */
  readonly preliminary?: boolean;
}

/** A request for a system published one file per UF and month. */
export type MonthlyRequest<S extends string, G extends string> = RequestBase & {
  readonly system: S;
  readonly group: G;
  readonly year: YearSelection;
  readonly month: MonthSelection;
};

/** A request for a system published one file per UF (or nation) and year. */
export type YearlyRequest<S extends string, G extends string> = RequestBase & {
  readonly system: S;
  readonly group: G;
  readonly year: YearSelection;
  readonly month?: never;
};

/** A request for a monthly system with a single dataset (the group may be omitted). */
type SingleMonthly<S extends string, G extends string> = Omit<MonthlyRequest<S, G>, 'group'> & { readonly group?: G };
/** A request for a yearly system with a single dataset (the group may be omitted). */
type SingleYearly<S extends string, G extends string> = Omit<YearlyRequest<S, G>, 'group'> & { readonly group?: G };

/**
 * Any typed scan request.
 *
 * @example
 * ```ts
 * const rd: ScanRequest = { system: 'sih', group: 'RD', uf: ['SP', 'RJ'], year: 2023, month: [1, 2, 3] };
 * const deaths: ScanRequest = { system: 'sim', group: 'DO', uf: 'SP', year: { from: 2015, to: 2023 } };
 * // { system: 'sim', group: 'DO', year: 2020, month: 1 } does not compile: SIM is yearly.
 * ```
 */
export type ScanRequest =
  | MonthlyRequest<'sih', (typeof SIH_GROUPS)[number]>
  | MonthlyRequest<'sia', (typeof SIA_GROUPS)[number]>
  | MonthlyRequest<'cnes', (typeof CNES_GROUPS)[number]>
  | SingleMonthly<'ciha', 'CIHA'>
  | SingleMonthly<'cih', 'CR'>
  | MonthlyRequest<'siscolo', (typeof SISCOLO_GROUPS)[number]>
  | MonthlyRequest<'sismama', (typeof SISMAMA_GROUPS)[number]>
  | SingleMonthly<'sisprenatal', 'PN'>
  | YearlyRequest<'sim', (typeof SIM_GROUPS)[number]>
  | YearlyRequest<'sinasc', (typeof SINASC_GROUPS)[number]>
  | YearlyRequest<'sinan', (typeof SINAN_GROUPS)[number]>
  | SingleYearly<'resp', 'RESP'>
  | SingleYearly<'pce', 'PCE'>
  | SingleYearly<'po', 'PO'>
  | YearlyRequest<'pni', (typeof PNI_GROUPS)[number]>;

/**
 * The catalog's (untyped) form of a request.
 *
 * @example
 * ```ts
 * toCatalogRequest({ system: 'sim', group: 'DO', uf: 'AC', year: 2022 });
 * // { system: 'SIM', group: 'DO', uf: ['AC'], year: 2022 }
 * ```
 */
export function toCatalogRequest(request: ScanRequest | CatalogRequest): CatalogRequest {
  const uf = request.uf === undefined ? undefined : typeof request.uf === 'string' ? [request.uf] : [...request.uf];
  return {
    system: request.system.toUpperCase(),
    ...(request.group === undefined ? {} : { group: request.group }),
    ...(uf === undefined ? {} : { uf }),
    ...(request.year === undefined ? {} : { year: request.year }),
    ...(request.month === undefined ? {} : { month: request.month }),
    ...(request.preliminary === undefined ? {} : { preliminary: request.preliminary }),
  };
}
