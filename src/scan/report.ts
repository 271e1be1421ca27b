/**
 * The completeness report of a scan: what was expected, what each file gave (with its checksum,
 * CRC-32 verdict and cache status), what the server lacks, and what failed. The JSON form uses
 * snake_case keys, as the CLI prints it.
 *
 * @module
 */
import type { ArrowSusError } from '../errors.js';
import type { MaterializeOutcome } from './materialize.js';
import type { ScanPlan } from './plan.js';

/** One file of the report. */
export interface ReportFile {
  readonly path: string;
  readonly size: number;
  readonly modified_at: string | null;
  /** Rows in the file (records less deleted ones). */
  readonly rows: number;
  readonly sha256: string;
  readonly crc_ok: boolean | null;
  readonly from_cache: boolean;
  readonly uf: string | null;
  readonly year: number | null;
  readonly month: number | null;
}

/** The report of one scan. */
export interface ScanReport {
  readonly source: string;
  readonly request: ScanPlan['request'];
  /** Files the plan resolved to. */
  readonly expected: number;
  readonly files: readonly ReportFile[];
  /** Expected by the catalog but absent on the server. */
  readonly missing: readonly { readonly path: string; readonly reason: string }[];
  readonly failed: readonly { readonly path: string; readonly code: string; readonly message: string }[];
  /** Preliminary files skipped because a final one exists. */
  readonly superseded: readonly string[];
  /** Rows delivered by the scan so far (after the row filter). */
  readonly rows: number;
  /** Sum of the files' rows. */
  readonly file_rows: number;
  readonly bytes_downloaded: number;
  readonly listings_fetched: number;
  readonly elapsed_ms: number;
  /** True when nothing is missing or failed. */
  readonly complete: boolean;
}

/**
 * Assembles a report.
 *
 * @example
 * ```ts
 * const report = buildReport({ plan, outcomes, failures: [], rows: 0, bytesDownloaded: 0, listingsFetched: 1, source: url, elapsedMs: 12 });
 * ```
 */
export function buildReport(input: {
  plan: ScanPlan;
  outcomes: readonly MaterializeOutcome[];
  failures: readonly { path: string; error: ArrowSusError }[];
  rows: number;
  bytesDownloaded: number;
  listingsFetched: number;
  source: string;
  elapsedMs: number;
}): ScanReport {
  const files = input.outcomes.map(
    (outcome): ReportFile => ({
      path: outcome.file.path,
      size: outcome.file.size,
      modified_at: outcome.file.modifiedAt?.toISOString() ?? null,
      rows: outcome.entry.rows,
      sha256: outcome.entry.sourceSha256,
      crc_ok: outcome.entry.crcOk,
      from_cache: outcome.fromCache,
      uf: outcome.file.parsed.uf,
      year: outcome.file.parsed.year,
      month: outcome.file.parsed.month,
    }),
  );
  const missing = input.plan.missing.map((m) => ({ path: m.path, reason: m.reason }));
  const failed = input.failures.map((f) => ({ path: f.path, code: f.error.code, message: f.error.message }));
  return {
    source: input.source,
    request: input.plan.request,
    expected: input.plan.files.length,
    files,
    missing,
    failed,
    superseded: input.plan.superseded.map((s) => s.file.path),
    rows: input.rows,
    file_rows: files.reduce((sum, f) => sum + f.rows, 0),
    bytes_downloaded: input.bytesDownloaded,
    listings_fetched: input.listingsFetched,
    elapsed_ms: input.elapsedMs,
    complete: missing.length === 0 && failed.length === 0 && files.length === input.plan.files.length,
  };
}
