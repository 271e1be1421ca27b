/**
 * Small builders the dataset tables use, so each table reads as data: one line per folder.
 *
 * @module
 */
import type { Coverage, Dataset, FolderRole, FolderRule, Granularity, NameRule, PlaceKind, SystemCode } from './types.js';
import { UFS, ufsExcept, type Uf } from './ufs.js';

/**
 * Root of the microdata tree on `ftp.datasus.gov.br`.
 *
 * @example
 * ```ts
 * `${DISSEMIN}/SIHSUS/200801_/Dados`;
 * ```
 */
export const DISSEMIN = '/dissemin/publicos';

/**
 * Extensions of DBC data files. Plain `.dbf` twins are accepted too: a few folders hold uncompressed copies
 * (`CNES/…/ST/STAC2001.DBF`) and local mirrors often keep decompressed files.
 *
 * @example
 * ```ts
 * names('RD', { extensions: DBC });
 * ```
 */
export const DBC: readonly string[] = ['dbc', 'dbf'];

/**
 * Shape of a structured name rule, with sensible defaults for the rest.
 *
 * @example
 * ```ts
 * names('DO', { place: ['uf', 'br'], year: [4] } satisfies NameShape); // DOAC1996.dbc
 * ```
 */
export interface NameShape {
  readonly place?: readonly PlaceKind[];
  readonly year?: readonly (2 | 4)[];
  readonly month?: boolean;
  readonly split?: 'letter' | 'underscore' | null;
  readonly extensions?: readonly string[];
  readonly aliases?: readonly string[];
  readonly century?: 1900 | 2000;
}

/**
 * A structured name rule: `prefix` + place + year + month + split, DBC by default.
 *
 * @example
 * ```ts
 * names('RD', { place: ['uf'], year: [2], month: true }); // RDAC0801.dbc
 * ```
 */
export function names(prefix: string, shape: NameShape = {}): NameRule {
  return {
    prefix,
    place: shape.place ?? ['uf'],
    year: shape.year ?? [2],
    month: shape.month ?? false,
    split: shape.split ?? null,
    extensions: shape.extensions ?? DBC,
    ...(shape.aliases === undefined ? {} : { aliases: shape.aliases }),
    ...(shape.century === undefined ? {} : { century: shape.century }),
  };
}

/**
 * Monthly per-UF DBC names, `GGUFYYMM.dbc` (SIH, SIA, CNES, CIHA, SISCAN …).
 *
 * @example
 * ```ts
 * monthlyUf('PA', { split: 'letter' }); // PASP1112a.dbc
 * ```
 */
export const monthlyUf = (prefix: string, shape: NameShape = {}): NameRule =>
  names(prefix, { place: ['uf'], year: [2], month: true, ...shape });

/**
 * Options of {@link folder}.
 *
 * @example
 * ```ts
 * folder('SINAN/DADOS/PRELIM', names('DENG', { place: ['br'] }), { preliminary: true } satisfies FolderOptions);
 * ```
 */
export interface FolderOptions {
  readonly role?: FolderRole;
  readonly preliminary?: boolean;
  readonly from?: string | null;
  readonly to?: string | null;
}

/**
 * A folder under `/dissemin/publicos` (or an absolute path when it starts with `/`).
 *
 * @example
 * ```ts
 * folder('SIHSUS/200801_/Dados', monthlyUf('RD'), { from: '2008-01' });
 * ```
 */
export function folder(path: string, name: NameRule, options: FolderOptions = {}): FolderRule {
  return {
    path: path.startsWith('/') ? path : `${DISSEMIN}/${path}`,
    role: options.role ?? 'primary',
    preliminary: options.preliminary ?? false,
    name,
    from: options.from ?? null,
    to: options.to ?? null,
  };
}

/**
 * Everything a dataset definition states; the table name and defaults are derived.
 *
 * @example
 * ```ts
 * dataset({ id: 'po', system: 'PO', group: 'PO', description: '…', namePt: '…', granularity: 'yearly', coverage: covers('2013', '2026'), folders: [] } satisfies DatasetSpec);
 * ```
 */
export interface DatasetSpec {
  readonly id: string;
  readonly system: SystemCode;
  readonly group: string;
  readonly aliases?: readonly string[];
  readonly description: string;
  readonly namePt: string;
  readonly granularity: Granularity;
  readonly coverage: Coverage;
  readonly folders: readonly FolderRule[];
  readonly notes?: string;
}

/**
 * A dataset; its table name is the id with `-` replaced by `_`.
 *
 * @example
 * ```ts
 * dataset({ id: 'ciha', system: 'CIHA', group: 'CIHA', … }).table; // 'ciha'
 * ```
 */
export function dataset(spec: DatasetSpec): Dataset {
  return {
    id: spec.id,
    table: spec.id.replaceAll('-', '_'),
    system: spec.system,
    group: spec.group,
    aliases: spec.aliases ?? [],
    description: spec.description,
    namePt: spec.namePt,
    granularity: spec.granularity,
    coverage: spec.coverage,
    folders: spec.folders,
    ...(spec.notes === undefined ? {} : { notes: spec.notes }),
  };
}

/**
 * Options of {@link covers}.
 *
 * @example
 * ```ts
 * covers('2008-01', '2014-10', { ended: true } satisfies CoverOptions);
 * ```
 */
export interface CoverOptions {
  /** UFs that never had a file. */
  readonly missing?: readonly Uf[];
  /** No per-UF files at all. */
  readonly noUf?: boolean;
  readonly national?: boolean;
  readonly ended?: boolean;
  /** The only years published, for sparse series. */
  readonly years?: readonly number[];
}

/**
 * Coverage facts from the listings: first and last period, UFs, national files.
 *
 * @example
 * ```ts
 * covers('2011-01', '2026-06', { missing: ['RR'] }); // CIHA
 * ```
 */
export function covers(from: string | null, to: string | null, options: CoverOptions = {}): Coverage {
  return {
    from,
    to,
    ended: options.ended ?? false,
    ufs: options.noUf === true ? [] : options.missing === undefined ? UFS : ufsExcept(options.missing),
    national: options.national ?? false,
    ...(options.years === undefined ? {} : { years: options.years }),
  };
}
