/**
 * `arrow-sus fetch SYSTEM [request options] -o OUT [-f FORMAT]`: a whole request into one output
 * (or a partitioned folder), through the verified cache, with progress and a completeness report.
 * Exit codes: 0 complete, 3 some expected files missing on the server (or failed with
 * `--allow-partial`), 1 failure, 2 usage, 130 interrupted (no output is left behind).
 *
 * @module
 */
import type { Command } from 'commander';
import { ArrowSusError } from '../../errors.js';
import type { ParquetCompression } from '../../output/parquet.js';
import { OUTPUT_FORMATS, resolveOutputFormat } from '../../output/formats.js';
import type { ScanProgress } from '../../scan/scan.js';
import type { PartitionKey } from '../../scan/write-partitioned.js';
import { writeLine, type CliContext } from '../context.js';
import { parseList, parsePositiveInt } from '../options.js';
import { ProgressDisplay, formatBytes, formatDuration } from '../progress.js';
import { renderScanReport, renderUnknownCodes } from '../render-scan-report.js';
import { addRequestOptions, toRequest, type RequestFlags } from '../request-options.js';
import { ExitRequest, EXIT } from '../run.js';
import { addScanOptions, scanOptionsFrom, type ScanFlags } from '../scan-options.js';

interface FetchFlags extends RequestFlags, ScanFlags {
  output: string;
  format?: string;
  columns?: string;
  where?: string;
  partitionBy?: string;
  provenance?: boolean;
  labels?: boolean;
  compression?: string;
  rowGroupRows?: string;
  json?: boolean;
  quiet?: boolean;
}

/**
 * Registers `fetch`.
 *
 * @example
 * ```sh
 * arrow-sus fetch sim --group DO --uf SP --year 2015-2023 -o sp-deaths.parquet
 * ```
 */
export function registerFetch(program: Command, ctx: CliContext): void {
  const command = program
    .command('fetch')
    .description('fetch a request (system, group, UFs, years, months) into Parquet, Arrow, CSV or NDJSON')
    .argument('<system>', 'sih, sia, sim, sinasc, cnes, sinan, … (see `arrow-sus systems`)');
  addRequestOptions(command);
  addScanOptions(command)
    .requiredOption('-o, --output <path>', 'output file, a folder ending in / (partitioned Parquet), or - for stdout')
    .option('-f, --format <format>', `${OUTPUT_FORMATS.join(', ')} (default: from the extension)`)
    .option('--columns <list>', 'only these columns, in this order')
    .option('--where <expr>', "row filter, e.g. \"MUNIC_RES IN ('355030','330455')\"")
    .option('--partition-by <keys>', 'write a folder partitioned by these keys (system, dataset, uf, year, month)')
    .option('--provenance', 'add source_file, uf, year, month columns')
    .option('--labels', 'decode coded columns into labels (SIM, SINASC, SIH, SIA-PA, CNES-ST/PF, SINAN DENG/CHIK/ZIKA/TUBE)')
    .option('--compression <codec>', 'Parquet codec: zstd (default), snappy, gzip, lz4, none')
    .option('--row-group-rows <n>', 'Parquet rows per row group')
    .option('--json', 'print the completeness report as JSON (stdout, or stderr when the data goes to stdout)')
    .option('-q, --quiet', 'no progress and no summary')
    .action(async (system: string, flags: FetchFlags) => {
      const partitionBy = flags.partitionBy === undefined ? undefined : (parseList(flags.partitionBy) as PartitionKey[]);
      const folder = partitionBy !== undefined || flags.output.endsWith('/');
      const format = folder ? 'parquet' : resolveOutputFormat(flags.format, flags.output);
      if (folder && flags.format !== undefined && flags.format !== 'parquet') {
        throw new ArrowSusError('INVALID_ARGUMENT', 'fetch: a partitioned folder output is always Parquet');
      }
      const display = new ProgressDisplay(ctx.stderr, { enabled: flags.quiet !== true && (ctx.stderr as { isTTY?: boolean }).isTTY === true });
      const started = Date.now();
      // Loaded when the command runs, so `--help` and the other commands start without it.
      const { Scan } = await import('../../scan/scan.js');
      const scan = new Scan(
        toRequest(system, flags),
        {
          ...scanOptionsFrom(flags, ctx),
          ...(flags.columns !== undefined ? { columns: parseList(flags.columns) } : {}),
          ...(flags.where !== undefined ? { where: flags.where } : {}),
          ...(flags.provenance === true ? { provenance: true } : {}),
          ...(flags.labels === true ? { labels: true } : {}),
          onProgress: (progress) => display.update(progressLines(progress, started)),
        },
        { env: ctx.env },
      );
      try {
        const parquet = {
          ...(flags.compression !== undefined ? { compression: flags.compression as ParquetCompression } : {}),
          ...(flags.rowGroupRows !== undefined ? { rowGroupRows: parsePositiveInt(flags.rowGroupRows, '--row-group-rows') } : {}),
        };
        if (folder) await scan.toParquet(flags.output.endsWith('/') ? flags.output : `${flags.output}/`, { ...parquet, ...(partitionBy ? { partitionBy } : {}) });
        else if (flags.output === '-') {
          if (format === 'csv') await scan.toCSV(ctx.stdout);
          else if (format === 'ndjson') await scan.toNDJSON(ctx.stdout);
          else if (format === 'arrow' || format === 'arrows') await scan.toArrowIPC(ctx.stdout, { format: 'stream' });
          else throw new ArrowSusError('INVALID_ARGUMENT', 'fetch: Parquet cannot stream to stdout; give a file name');
        } else if (format === 'parquet') await scan.toParquet(flags.output, parquet);
        else if (format === 'arrow') await scan.toArrowIPC(flags.output, { format: 'file' });
        else if (format === 'arrows') await scan.toArrowIPC(flags.output, { format: 'stream' });
        else if (format === 'csv') await scan.toCSV(flags.output);
        else await scan.toNDJSON(flags.output);
        display.done();
        const report = await scan.report();
        if (flags.json === true) await writeLine(flags.output === '-' ? ctx.stderr : ctx.stdout, JSON.stringify(report));
        else if (flags.quiet !== true) ctx.stderr.write(renderScanReport(report));
        if (flags.labels === true && flags.quiet !== true) ctx.stderr.write(renderUnknownCodes(scan.unknownCodes()));
        if (!report.complete) throw new ExitRequest(EXIT.INCOMPLETE);
      } finally {
        display.done();
        await scan.close();
      }
    });
}

function progressLines(progress: ScanProgress, started: number): string[] {
  const elapsed = (Date.now() - started) / 1000;
  const rate = progress.bytesDownloaded / Math.max(elapsed, 0.001);
  const eta = progress.bytesTotal > 0 && rate > 0 ? (progress.bytesTotal - progress.bytesDownloaded) / rate : NaN;
  return [
    `arrow-sus ${progress.phase}: files ${progress.filesDone}/${progress.filesTotal}`,
    `  downloaded ${formatBytes(progress.bytesDownloaded)}${progress.bytesTotal > 0 ? ` of ≤ ${formatBytes(progress.bytesTotal)}` : ''}  rows ${progress.rows.toLocaleString('en-US')}  elapsed ${formatDuration(elapsed)}${Number.isFinite(eta) && progress.phase === 'fetch' ? `  eta ${formatDuration(eta)}` : ''}`,
    progress.file === undefined ? '' : `  ${progress.file}`,
  ];
}
