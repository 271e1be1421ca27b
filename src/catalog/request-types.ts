/**
 * What parsing, resolution and listing diffs take and return.
 *
 * @module
 */
import type { FileKind, FolderRole, SystemCode } from './types.js';

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
