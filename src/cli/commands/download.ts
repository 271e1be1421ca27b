/**
 * `arrow-sus download SYSTEM [request options] -d DIR [--json]`: fetch a request's raw DBC/DBF
 * files into a folder, verified (size, CRC-32), resumable, and print the completeness report.
 * Exit codes: 0 complete, 3 something missing on the server, 1 a file failed.
 *
 * @module
 */
import type { Command } from 'commander';
import { renderReport } from '../../download/report.js';
import { writeLine, type CliContext } from '../context.js';
import { parsePositiveInt } from '../options.js';
import { ProgressDisplay, formatBytes } from '../progress.js';
import { addRequestOptions, toRequest, type RequestFlags } from '../request-options.js';
import { ExitRequest, EXIT } from '../run.js';
import { addScanOptions, scanOptionsFrom, type ScanFlags } from '../scan-options.js';

interface DownloadFlags extends RequestFlags, ScanFlags {
  dir: string;
  json?: boolean;
  concurrency?: string;
  tree?: boolean;
  quiet?: boolean;
}

/**
 * Registers `download`.
 *
 * @example
 * ```sh
 * arrow-sus download sim --group DO --uf SP --year 2020-2023 -d raw/
 * ```
 */
export function registerDownload(program: Command, ctx: CliContext): void {
  const command = program.command('download').description('download the raw files of a request into a folder, verified and resumable').argument('<system>', 'system');
  addRequestOptions(command);
  addScanOptions(command)
    .requiredOption('-d, --dir <dir>', 'destination folder')
    .option('--tree', 'keep the server folders under DIR (default: flat)')
    .option('--concurrency <n>', 'files transferred at once (default 4)')
    .option('--json', 'print the completeness report as JSON')
    .option('-q, --quiet', 'no progress')
    .action(async (system: string, flags: DownloadFlags) => {
      const request = toRequest(system, flags);
      const [{ Scan }, { openSource }, { downloadFiles }] = await Promise.all([
        import('../../scan/scan.js'),
        import('../../sources/open-source.js'),
        import('../../download/download-files.js'),
      ]);
      const scan = new Scan(request, { ...scanOptionsFrom(flags, ctx), refresh: flags.offline !== true }, { env: ctx.env });
      const source = openSource(flags.source, {}, ctx.env);
      const display = new ProgressDisplay(ctx.stderr, { enabled: flags.quiet !== true && (ctx.stderr as { isTTY?: boolean }).isTTY === true });
      try {
        const plan = await scan.plan();
        const report = await downloadFiles(
          source,
          plan.files.map((f) => ({ path: f.path, size: f.size, ...(f.modifiedAt ? { modifiedAt: f.modifiedAt } : {}) })),
          flags.dir,
          {
            signal: ctx.signal,
            layout: flags.tree === true ? 'tree' : 'flat',
            ...(flags.concurrency !== undefined ? { concurrency: parsePositiveInt(flags.concurrency, '--concurrency') } : {}),
            onProgress: (p) => display.update([`arrow-sus download: files ${p.filesDone}/${p.filesTotal}  ${formatBytes(p.receivedBytes)} of ${formatBytes(p.totalBytes)}`, `  ${p.file}`]),
          },
        );
        display.done();
        const missing = plan.missing.map((m) => ({ path: m.path, reason: m.reason }));
        if (flags.json === true) await writeLine(ctx.stdout, JSON.stringify({ ...report, missing: [...report.missing.map((path) => ({ path, reason: 'vanished' })), ...missing] }));
        else {
          ctx.stdout.write(renderReport(report));
          for (const m of missing) await writeLine(ctx.stdout, `missing  ${m.path} (${m.reason})`);
        }
        if (report.failed.length > 0) {
          for (const failed of report.failed) ctx.stderr.write(`arrow-sus: ${failed.code}: ${failed.path}: ${failed.message}\n`);
          throw new ExitRequest(EXIT.FAILURE);
        }
        if (missing.length > 0 || report.missing.length > 0) throw new ExitRequest(EXIT.INCOMPLETE);
      } finally {
        display.done();
        await source.close();
        await scan.close();
      }
    });
}
