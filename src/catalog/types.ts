/**
 * The shapes of the DataSUS catalog: systems, datasets, the folders that hold them and the rules their
 * file names follow, plus what parsing, resolution and listing diffs return.
 *
 * @module
 */

/**
 * A DataSUS information system (or a reference-data area of the FTP).
 *
 * @example
 * ```ts
 * const system: SystemCode = 'SINASC';
 * ```
 */
export type SystemCode =
  | 'SIH'
  | 'SIA'
  | 'SIM'
  | 'SINASC'
  | 'CNES'
  | 'SINAN'
  | 'PNI'
  | 'CIHA'
  | 'CIH'
  | 'SISCOLO'
  | 'SISMAMA'
  | 'SISCAN'
  | 'SISPRENATAL'
  | 'RESP'
  | 'PCE'
  | 'PO'
  | 'ESUSNOTIFICA'
  | 'IBGE'
  | 'TERRITORIO'
  | 'CMD'
  | 'TABWIN';

/**
 * How often a dataset publishes one file per place. `static` datasets carry no period in their names.
 *
 * @example
 * ```ts
 * getDataset('cnes-st').granularity; // 'monthly'
 * ```
 */
export type Granularity = 'monthly' | 'yearly' | 'static';

/**
 * What a file is for.
 *
 * @example
 * ```ts
 * parsePath('/dissemin/publicos/SIHSUS/200801_/Doc/IT_SIHSUS_1603.pdf').kind; // 'documentation'
 * ```
 */
export type FileKind = 'data' | 'auxiliary' | 'documentation';

/**
 * Why a folder is in the catalog.
 * - `primary`: the canonical home of the files; resolution lists only these.
 * - `mirror`: an alias of a primary folder with (mostly) the same files, e.g. `SINASC/NOV/DNRES`.
 * - `alternate-format`: the same data in another format (XML, CSV, plain DBF, DuckDB).
 * - `test`: a staging folder the server exposes (`SIASUS/teste`).
 *
 * @example
 * ```ts
 * parsePath('/dissemin/publicos/SINASC/NOV/DNRES/DNAC2000.dbc').role; // 'mirror'
 * ```
 */
export type FolderRole = 'primary' | 'mirror' | 'alternate-format' | 'test';

/**
 * What stands between the prefix and the period in a file name.
 * `uf` = one of the 27 UF codes, `br` = the literal `BR` (a national file), `ig` = the literal `IG`
 * ("ignorado": place of residence unknown).
 *
 * @example
 * ```ts
 * getDataset('sim-do-cid10').folders[0]?.name.place; // ['uf', 'br']
 * ```
 */
export type PlaceKind = 'uf' | 'br' | 'ig';

/**
 * Named capture groups a custom {@link NameRule.pattern} may use.
 *
 * @example
 * ```ts
 * /^(?<place>[a-z]{2})_cnv\.zip$/i; // a custom pattern capturing the place
 * ```
 */
export interface NameCaptures {
  readonly group?: string;
  readonly place?: string;
  readonly year?: string;
  readonly month?: string;
  readonly monthName?: string;
  readonly letter?: string;
  readonly num?: string;
}

/**
 * Values a file name is generated from.
 *
 * @example
 * ```ts
 * formatName(rule, { group: 'RD', uf: 'AC', year: 2008, month: 1, part: null } satisfies NameValues);
 * ```
 */
export interface NameValues {
  readonly group: string;
  readonly uf: string | null;
  readonly year: number | null;
  readonly month: number | null;
  readonly part: string | null;
}

/**
 * How the files of one dataset are named inside one folder:
 * `prefix` + place + year (2 or 4 digits) + month + split part, then an extension.
 * Names are matched on the upper-cased stem; extensions case-insensitively.
 *
 * @example
 * ```ts
 * getDataset('sia-pa').folders[1]?.name; // { prefix: 'PA', place: ['uf'], year: [2], month: true, split: 'letter', … }
 * ```
 */
export interface NameRule {
  /** Upper-case prefix written before the place, e.g. `RD`, `DOR`, `CIHA`. */
  readonly prefix: string;
  /** Prefixes accepted when parsing but never generated (misnamed files such as `LERBR19`). */
  readonly aliases?: readonly string[];
  /** Places that may follow the prefix; empty when the name carries no place (`DOFET96`). */
  readonly place: readonly PlaceKind[];
  /** Year widths accepted, the first one is generated; empty when the name has no year. */
  readonly year: readonly (2 | 4)[];
  /** Century of every 2-digit year when the default pivot does not apply (IBGE projections to 2070). */
  readonly century?: 1900 | 2000;
  /** Whether a 2-digit month follows the year. */
  readonly month: boolean;
  /** Split parts: `letter` = `a`–`d` suffix (SIA-PA), `underscore` = `_1`, `_2` … (SIA-BI). */
  readonly split: 'letter' | 'underscore' | null;
  /** Extensions accepted (lower case, without the dot); the first one is generated. */
  readonly extensions: readonly string[];
  /**
   * A custom, anchored, case-insensitive pattern over the whole file name for irregular names, using the
   * named groups of {@link NameCaptures}. When present it replaces the structured rule above for parsing.
   */
  readonly pattern?: RegExp;
  /** Generates the name when {@link pattern} is used; absent when names cannot be predicted. */
  readonly format?: (values: NameValues) => string;
}

/**
 * One folder holding files of a dataset, with the naming rule and the periods expected there.
 *
 * @example
 * ```ts
 * getDataset('sih-rd').folders[0]; // { path: '/dissemin/publicos/SIHSUS/199201_200712/Dados', from: '1992-01', to: '2007-12', … }
 * ```
 */
export interface FolderRule {
  /** Absolute FTP path, e.g. `/dissemin/publicos/SIHSUS/200801_/Dados`; a `*` segment matches any name. */
  readonly path: string;
  readonly role: FolderRole;
  /** Files here are preliminary releases (`PRELIM` folders). */
  readonly preliminary: boolean;
  readonly name: NameRule;
  /** First period expected in this folder (`YYYY` or `YYYY-MM`), null when unknown or undated. */
  readonly from: string | null;
  /** Last period expected (inclusive); null while the folder still receives files. */
  readonly to: string | null;
}

/**
 * Coverage facts, derived from the FTP listings of 2025-02-13, 2026-04-30 and 2026-08-19.
 *
 * @example
 * ```ts
 * getDataset('ciha').coverage; // { from: '2011-01', to: '2026-06', ended: false, ufs: [26 UFs, no RR], national: false }
 * ```
 */
export interface Coverage {
  /** First period published (`YYYY` or `YYYY-MM`), null for static datasets. */
  readonly from: string | null;
  /** Last period seen in the listings, preliminary files included; null for static datasets. */
  readonly to: string | null;
  /** True when the series stopped: later periods will never appear. */
  readonly ended: boolean;
  /** UFs with at least one file (empty for national-only datasets). */
  readonly ufs: readonly string[];
  /** Whether national (`BR`) files exist. */
  readonly national: boolean;
  /** For sparse yearly series (censuses, maps): the only years published. */
  readonly years?: readonly number[];
}

/**
 * One dataset: a table-shaped series of files (one system, one group).
 *
 * @example
 * ```ts
 * const d: Dataset = getDataset('sih-rd'); d.table; // 'sih_rd'
 * ```
 */
export interface Dataset {
  /** Stable id, e.g. `sih-rd`, `sim-do-cid10`, `sinan-deng`. */
  readonly id: string;
  /** SQL-friendly table name, e.g. `sih_rd`. */
  readonly table: string;
  readonly system: SystemCode;
  /** Group code as DataSUS uses it (`RD`, `PA`, `DENG`, `DO`); unique per system together with the era. */
  readonly group: string;
  /** Other names a request may use for this dataset (e.g. `DOR` for CID-9 deaths). */
  readonly aliases: readonly string[];
  /** English description. */
  readonly description: string;
  /** Portuguese name as DataSUS writes it. */
  readonly namePt: string;
  readonly granularity: Granularity;
  readonly coverage: Coverage;
  readonly folders: readonly FolderRule[];
  /** Caveats worth knowing before using the data. */
  readonly notes?: string;
}

/**
 * A system and the folders of its auxiliary tables and documents.
 *
 * @example
 * ```ts
 * SYSTEMS[0]; // { code: 'SIH', description: 'Hospital admissions paid by SUS', auxiliary: [...], documentation: [...] }
 * ```
 */
export interface SystemInfo {
  readonly code: SystemCode;
  readonly description: string;
  readonly namePt: string;
  /** Folders of TabWin tables, lookup DBFs and other auxiliary files. */
  readonly auxiliary: readonly string[];
  /** Folders of layout PDFs and notes. */
  readonly documentation: readonly string[];
}

export type * from './request-types.js';
