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

/**
 * What {@link parsePath} extracts from a path; fields it cannot determine are null.
 *
 * @example
 * ```ts
 * const p: ParsedPath = parsePath('BIMG2412_2.dbc'); p.part; // '2'
 * ```
 */
export interface ParsedPath {
  readonly path: string;
  /** Dataset id, or null when the name follows no rule of the catalog. */
  readonly dataset: string | null;
  readonly system: SystemCode | null;
  readonly group: string | null;
  /** Upper-case UF code, `BR` for national files, `IG` for "place unknown" files; null when absent. */
  readonly uf: string | null;
  readonly year: number | null;
  readonly month: number | null;
  /** Split part: `a`–`d` (SIA-PA) or `1`, `2`, … (SIA-BI); null for whole-month files. */
  readonly part: string | null;
  readonly kind: FileKind;
  readonly preliminary: boolean;
  /** Lower-case extension after the first dot of the name (`dbc`, `csv.zip`), null when there is none. */
  readonly extension: string | null;
  /** Catalog folder path the file was matched in (null for bare names matched by name alone). */
  readonly folder: string | null;
  readonly role: FolderRole | null;
}

/**
 * A year selection: one year, a list, or an inclusive range.
 *
 * @example
 * ```ts
 * const years: YearSelection = { from: 2010, to: 2015 };
 * ```
 */
export type YearSelection = number | readonly number[] | { readonly from: number; readonly to: number };

/**
 * A month selection: one month (1–12), a list, or an inclusive range.
 *
 * @example
 * ```ts
 * const months: MonthSelection = [1, 2, 3];
 * ```
 */
export type MonthSelection = number | readonly number[] | { readonly from: number; readonly to: number };

/**
 * What a caller wants: validated against the catalog by {@link resolveRequest} and friends.
 *
 * @example
 * ```ts
 * const request: CatalogRequest = { system: 'SIH', group: 'RD', uf: ['SP', 'RJ'], year: { from: 2020, to: 2024 } };
 * ```
 */
export interface CatalogRequest {
  /** System code (`SIH`, `SIM` …), case-insensitive. */
  readonly system: string;
  /** Group code, alias or dataset id; required when the system has more than one dataset. */
  readonly group?: string;
  /** UF codes (`SP`, `RJ`, or `BR` for national files); all UFs the dataset covers when absent. */
  readonly uf?: readonly string[];
  readonly year?: YearSelection;
  readonly month?: MonthSelection;
  /** Accept PRELIM files where no final file exists (default true). */
  readonly preliminary?: boolean;
}

/**
 * One entry of a remote or local listing.
 *
 * @example
 * ```ts
 * const entry: ListingEntry = { path: '/dissemin/publicos/SIHSUS/200801_/Dados/RDSP2401.dbc', size: 12345, modifiedAt: new Date() };
 * ```
 */
export interface ListingEntry {
  readonly path: string;
  readonly size: number;
  readonly modifiedAt?: Date;
}

/**
 * A listing entry chosen for a request.
 *
 * @example
 * ```ts
 * resolveRequest(request, listing).files[0]?.parsed.dataset; // 'sih-rd'
 * ```
 */
export interface ResolvedFile {
  readonly path: string;
  readonly size: number;
  readonly modifiedAt: Date | null;
  readonly parsed: ParsedPath;
}

/**
 * A file the catalog expects for a request.
 *
 * @example
 * ```ts
 * expectedFiles({ system: 'PO', year: 2024 })[0]?.path; // '/dissemin/publicos/PAINEL_ONCOLOGIA/DADOS/POBR2024.dbc'
 * ```
 */
export interface ExpectedFile {
  readonly dataset: string;
  /** Folder the file is expected in. */
  readonly folder: string;
  readonly uf: string | null;
  readonly year: number | null;
  readonly month: number | null;
  /** Canonical name (upper-case stem, lower-case extension). Split months may instead be published as parts. */
  readonly name: string;
  readonly path: string;
}

/**
 * Why an expected file is missing.
 *
 * @example
 * ```ts
 * resolveRequest({ system: 'CIHA', uf: ['RR'], year: 2020 }, []).missing[0]?.reason; // 'uf-not-covered'
 * ```
 */
export type MissingReason =
  /** The listing holds nothing from the folder: it was not listed, or is empty. */
  | 'folder-not-listed'
  /** The folder was listed but has no file for this period and place. */
  | 'not-published'
  /** The catalog knows this UF never had files in this dataset. */
  | 'uf-not-covered';

/**
 * An expected file the listing lacks, and why.
 *
 * @example
 * ```ts
 * resolveRequest(request, listing).missing.map((m) => `${m.name}: ${m.reason}`);
 * ```
 */
export interface MissingFile extends ExpectedFile {
  readonly reason: MissingReason;
}

/**
 * A listing entry that matched the request but was set aside in favour of another.
 *
 * @example
 * ```ts
 * resolveRequest(request, listing).superseded.map((s) => `${s.file.path} < ${s.by} (${s.reason})`);
 * ```
 */
export interface SupersededFile {
  readonly file: ResolvedFile;
  readonly by: string;
  /**
   * `final-over-preliminary`: a FINAIS file exists for the same period and place.
   * `duplicate-name`: the same logical file under another spelling (`.dbc`/`.DBC`, 2- vs 4-digit year).
   * `split-duplicate`: a month published both whole and as parts (`BIMG2305.dbc` beside `BIMG2305_1/_2`).
   */
  readonly reason: 'final-over-preliminary' | 'duplicate-name' | 'split-duplicate';
}

/**
 * The outcome of resolving a request against a listing.
 *
 * @example
 * ```ts
 * const { files, missing, superseded }: Resolution = resolveRequest(request, listing);
 * ```
 */
export interface Resolution {
  readonly files: readonly ResolvedFile[];
  readonly missing: readonly MissingFile[];
  readonly superseded: readonly SupersededFile[];
}

/**
 * A change between two listings.
 *
 * @example
 * ```ts
 * diffListings(older, newer).changed.filter((c: ListingChange) => c.sizeChanged);
 * ```
 */
export interface ListingChange {
  readonly path: string;
  readonly before: ListingEntry;
  readonly after: ListingEntry;
  readonly sizeChanged: boolean;
  readonly timeChanged: boolean;
}

/**
 * What {@link diffListings} reports.
 *
 * @example
 * ```ts
 * const { added, removed, changed }: ListingDiff = diffListings(older, newer);
 * ```
 */
export interface ListingDiff {
  readonly added: readonly ListingEntry[];
  readonly removed: readonly ListingEntry[];
  readonly changed: readonly ListingChange[];
  readonly unchanged: number;
}
