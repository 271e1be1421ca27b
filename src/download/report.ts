/**
 * Rendering a {@link DownloadReport}: an aligned table for people, JSON for programs.
 *
 * @module
 */
import type { DownloadReport } from './types.js';

/**
 * Options of {@link renderReport}.
 *
 * @example
 * ```ts
 * renderReport(report, { format: 'json' });
 * ```
 */
export interface RenderReportOptions {
  /** `table` (default) or `json` (pretty-printed, stable key order). */
  readonly format?: 'table' | 'json';
}

const name = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const bytes = (n: number): string => n.toLocaleString('en-US');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const crc = (value: boolean | null): string => (value === null ? '-' : value ? 'ok' : 'BAD');

/**
 * A one-line summary of a report.
 *
 * @example
 * ```ts
 * summarizeReport(report); // '50 files: 45 fetched, 3 present, 1 missing, 1 failed (2 republished)'
 * ```
 */
export function summarizeReport(report: DownloadReport): string {
  const republished = report.republished.length > 0 ? ` (${report.republished.length} republished)` : '';
  return `${report.expected} files: ${report.fetched.length} fetched, ${report.present.length} present, ${report.missing.length} missing, ${report.failed.length} failed${republished}`;
}

/**
 * Renders a report as a table (one row per file, summary last) or as JSON.
 *
 * @example
 * ```ts
 * process.stdout.write(renderReport(report));
 * // status   file          bytes    crc  source                    time   note
 * // fetched  DOAC2022.dbc  123,456  ok   ftp://ftp.datasus.gov.br  1.2 s
 * // missing  DOAC2023.dbc  -        -    -                         -      not on the server
 * // 2 files: 1 fetched, 0 present, 1 missing, 0 failed
 * process.stdout.write(renderReport(report, { format: 'json' }));
 * ```
 */
export function renderReport(report: DownloadReport, options: RenderReportOptions = {}): string {
  if (options.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const republished = new Set(report.republished);
  const rows: string[][] = [['status', 'file', 'bytes', 'crc', 'source', 'time', 'note']];
  for (const file of report.fetched) {
    rows.push(['fetched', name(file.path), bytes(file.bytes), crc(file.crcOk), file.source, seconds(file.durationMs), republished.has(file.path) ? 'republished' : '']);
  }
  for (const file of report.present) rows.push(['present', name(file.path), bytes(file.bytes), crc(file.crcOk), '-', '-', 'already there, verified']);
  for (const path of report.missing) rows.push(['missing', name(path), '-', '-', '-', '-', 'not on the server']);
  for (const file of report.failed) rows.push(['FAILED', name(file.path), '-', '-', '-', '-', `${file.code}: ${file.message}`]);
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n${summarizeReport(report)}\n`;
}
