/**
 * Options every command that runs the pipeline shares: where data comes from, where the cache
 * is, how fresh listings must be, and what to do when a file fails.
 *
 * @module
 */
import type { Command } from 'commander';
import type { ScanOptions } from '../scan/scan.js';
import type { CliContext } from './context.js';
import { parseDuration } from './duration.js';

/** Raw flag values as commander gives them. */
export interface ScanFlags {
  source?: string;
  cacheDir?: string;
  refresh?: boolean;
  offline?: boolean;
  allowPartial?: boolean;
  listingTtl?: string;
}

/**
 * Adds the pipeline options to a command.
 *
 * @example
 * ```ts
 * addScanOptions(program.command('fetch'));
 * ```
 */
export function addScanOptions(command: Command): Command {
  return command
    .option('--source <url>', 'root of the /dissemin/publicos tree: ftp://…, https://…, file:///… (default: ARROW_SUS_SOURCE or the DataSUS FTP)')
    .option('--cache-dir <dir>', 'cache folder (default: ARROW_SUS_CACHE_DIR or the user cache folder)')
    .option('--refresh', 'list the server folders again even if a recent listing is cached')
    .option('--offline', 'use only the cache; never touch the network')
    .option('--listing-ttl <duration>', 'reuse folder listings this long, e.g. 30m, 6h (default 1h)')
    .option('--allow-partial', 'go on past files that fail (they are reported; exit code 3)');
}

/**
 * Scan options from the flags.
 *
 * @example
 * ```ts
 * new Scan(request, { ...scanOptionsFrom(flags, ctx) }, { env: ctx.env });
 * ```
 */
export function scanOptionsFrom(flags: ScanFlags, ctx: CliContext): ScanOptions {
  return {
    signal: ctx.signal,
    ...(flags.source !== undefined ? { source: flags.source } : {}),
    ...(flags.cacheDir !== undefined ? { cacheDir: flags.cacheDir } : {}),
    ...(flags.refresh === true ? { refresh: true } : {}),
    ...(flags.offline === true ? { offline: true } : {}),
    ...(flags.allowPartial === true ? { allowPartial: true } : {}),
    ...(flags.listingTtl !== undefined ? { listingTtlMs: parseDuration(flags.listingTtl, '--listing-ttl') } : {}),
  };
}
