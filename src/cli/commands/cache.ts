/**
 * `arrow-sus cache stats|ls|clear|verify|warm`: look after the disk cache of decoded files.
 *
 * @module
 */
import type { Command } from 'commander';
import { DiskCache } from '../../cache/disk-cache.js';
import { resolveCacheDir } from '../../cache/location.js';
import { writeLine, type CliContext } from '../context.js';
import { parseDuration } from '../duration.js';
import { formatBytes } from '../progress.js';
import { renderScanReport } from '../render-scan-report.js';
import { addRequestOptions, toRequest, type RequestFlags } from '../request-options.js';
import { ExitRequest, EXIT } from '../run.js';
import { addScanOptions, scanOptionsFrom, type ScanFlags } from '../scan-options.js';

interface CacheFlags {
  cacheDir?: string;
  json?: boolean;
}

const cacheFor = (flags: CacheFlags, ctx: CliContext): DiskCache => new DiskCache({ dir: resolveCacheDir({ cacheDir: flags.cacheDir, env: ctx.env }) });

/**
 * Registers `cache` and its subcommands.
 *
 * @example
 * ```sh
 * arrow-sus cache stats
 * arrow-sus cache clear --older-than 30d --system sih
 * ```
 */
export function registerCache(program: Command, ctx: CliContext): void {
  const cache = program.command('cache').description('inspect and maintain the cache of decoded files');

  cache
    .command('stats')
    .description('size of the cache, per system')
    .option('--cache-dir <dir>', 'cache folder')
    .option('--json', 'JSON output')
    .action(async (flags: CacheFlags) => {
      const stats = await cacheFor(flags, ctx).stats();
      if (flags.json === true) return writeLine(ctx.stdout, JSON.stringify(stats));
      const lines = [`${stats.dir}: ${stats.entries} file(s), ${formatBytes(stats.bytes)}, ${stats.rows.toLocaleString('en-US')} rows`];
      for (const [system, slot] of Object.entries(stats.bySystem).sort()) lines.push(`  ${system.padEnd(12)} ${String(slot.entries).padStart(6)} file(s)  ${formatBytes(slot.bytes).padStart(10)}`);
      return writeLine(ctx.stdout, lines.join('\n'));
    });

  cache
    .command('ls')
    .description('cached files, most recently used first')
    .option('--cache-dir <dir>', 'cache folder')
    .option('--system <system>', 'only this system')
    .option('--json', 'one JSON object per line')
    .action(async (flags: CacheFlags & { system?: string }) => {
      for (const entry of await cacheFor(flags, ctx).list()) {
        if (flags.system !== undefined && (entry.labels.system ?? '').toLowerCase() !== flags.system.toLowerCase()) continue;
        await writeLine(
          ctx.stdout,
          flags.json === true
            ? JSON.stringify(entry)
            : `${entry.remote.path}  ${entry.rows} rows  ${formatBytes(entry.parquetBytes)}  crc ${entry.crcOk === null ? 'n/a' : entry.crcOk ? 'ok' : 'BAD'}  used ${entry.lastUsedAt}`,
        );
      }
    });

  cache
    .command('clear')
    .description('remove cached files (all, or by age and system)')
    .option('--cache-dir <dir>', 'cache folder')
    .option('--older-than <duration>', 'only files not used for this long, e.g. 7d, 12h')
    .option('--system <system>', 'only this system')
    .option('--json', 'JSON output')
    .action(async (flags: CacheFlags & { olderThan?: string; system?: string }) => {
      const removed = await cacheFor(flags, ctx).clear({
        ...(flags.olderThan !== undefined ? { olderThanMs: parseDuration(flags.olderThan, '--older-than') } : {}),
        ...(flags.system !== undefined ? { system: flags.system } : {}),
      });
      await writeLine(ctx.stdout, flags.json === true ? JSON.stringify(removed) : `removed ${removed.entries} file(s), ${formatBytes(removed.bytes)}`);
    });

  cache
    .command('verify')
    .description('check every cached file against its recorded size and SHA-256 (exit 1 if any is damaged)')
    .option('--cache-dir <dir>', 'cache folder')
    .option('--repair', 'remove damaged files (they are fetched again when next needed)')
    .option('--json', 'JSON output')
    .action(async (flags: CacheFlags & { repair?: boolean }) => {
      const result = await cacheFor(flags, ctx).verify({ repair: flags.repair === true });
      if (flags.json === true) await writeLine(ctx.stdout, JSON.stringify(result));
      else {
        await writeLine(ctx.stdout, `checked ${result.checked} file(s): ${result.problems.length === 0 ? 'all sound' : `${result.problems.length} damaged${flags.repair === true ? ' (removed)' : ''}`}`);
        for (const problem of result.problems) await writeLine(ctx.stdout, `  ${problem.path}: ${problem.problem}`);
      }
      if (result.problems.length > 0) {
        ctx.stderr.write(`arrow-sus: CACHE_CORRUPT: ${result.problems.length} cached file(s) failed verification${flags.repair === true ? ' and were removed' : '; run with --repair'}\n`);
        throw new ExitRequest(EXIT.FAILURE);
      }
    });

  const warm = cache.command('warm').description('fetch and cache a request without writing an output').argument('<system>', 'system');
  addRequestOptions(warm);
  addScanOptions(warm)
    .option('--json', 'print the completeness report as JSON')
    .action(async (system: string, flags: RequestFlags & ScanFlags & { json?: boolean }) => {
      const { Scan } = await import('../../scan/scan.js');
      const scan = new Scan(toRequest(system, flags), scanOptionsFrom(flags, ctx), { env: ctx.env });
      try {
        await scan.warm().catch(() => undefined);
        const report = await scan.report();
        if (flags.json === true) await writeLine(ctx.stdout, JSON.stringify(report));
        else ctx.stderr.write(renderScanReport(report));
        if (report.failed.length > 0 && flags.allowPartial !== true) {
          const first = report.failed[0]!;
          ctx.stderr.write(`arrow-sus: ${first.code}: ${first.message}\n`);
          throw new ExitRequest(EXIT.FAILURE);
        }
        if (!report.complete) throw new ExitRequest(EXIT.INCOMPLETE);
      } finally {
        await scan.close();
      }
    });
}
