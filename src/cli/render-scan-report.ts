/**
 * The closing summary of `fetch` and `cache warm`: what was read, from where, what is missing.
 *
 * @module
 */
import type { ScanReport } from '../scan/report.js';
import { formatBytes, formatDuration } from './progress.js';

/**
 * Renders a scan report for people.
 *
 * @example
 * ```ts
 * ctx.stderr.write(renderScanReport(report));
 * ```
 */
export function renderScanReport(report: ScanReport, options: { maxFiles?: number } = {}): string {
  const cached = report.files.filter((f) => f.from_cache).length;
  const lines = [
    `${report.files.length} of ${report.expected} file(s): ${report.files.length - cached} fetched (${formatBytes(report.bytes_downloaded)}), ${cached} from cache; ` +
      `${report.rows.toLocaleString('en-US')} rows written (of ${report.file_rows.toLocaleString('en-US')}) in ${formatDuration(report.elapsed_ms / 1000)}`,
  ];
  const max = options.maxFiles ?? 20;
  for (const file of report.files.slice(0, max)) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const crc = file.crc_ok === null ? '' : file.crc_ok ? ' crc ok' : ' CRC MISMATCH';
    lines.push(`  ${name.padEnd(16)} ${String(file.rows).padStart(9)} rows  ${formatBytes(file.size).padStart(9)}${crc}${file.from_cache ? '  (cache)' : ''}`);
  }
  if (report.files.length > max) lines.push(`  … and ${report.files.length - max} more`);
  if (report.missing.length > 0) {
    lines.push(`missing on the server (${report.missing.length}):`);
    for (const missing of report.missing.slice(0, max)) lines.push(`  ${missing.path} (${missing.reason})`);
    if (report.missing.length > max) lines.push(`  … and ${report.missing.length - max} more`);
  }
  if (report.failed.length > 0) {
    lines.push(`failed (${report.failed.length}):`);
    for (const failed of report.failed) lines.push(`  ${failed.path}: ${failed.code}: ${failed.message}`);
  }
  if (report.superseded.length > 0) lines.push(`${report.superseded.length} preliminary or duplicate file(s) skipped in favour of final ones`);
  return `${lines.join('\n')}\n`;
}

/**
 * The note printed after a labelled read: codes the dictionaries did not know, per column.
 *
 * @example
 * ```ts
 * ctx.stderr.write(renderUnknownCodes(scan.unknownCodes()));
 * ```
 */
export function renderUnknownCodes(unknown: readonly { column: string; code: string; count: number }[]): string {
  if (unknown.length === 0) return '';
  const shown = unknown.slice(0, 20).map((u) => `${u.column}=${JSON.stringify(u.code)} ×${u.count}`);
  return `labels: codes without a label (kept as codes): ${shown.join(', ')}${unknown.length > 20 ? ` … and ${unknown.length - 20} more` : ''}\n`;
}
