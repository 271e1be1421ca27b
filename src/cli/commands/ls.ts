/**
 * `arrow-sus ls SYSTEM [request options] [--json]`: the files a request resolves to on the server
 * right now (listing-driven, never guessed), and what it expects but the server lacks.
 *
 * @module
 */
import type { Command } from 'commander';
import { writeLine, type CliContext } from '../context.js';
import { formatBytes } from '../progress.js';
import { addRequestOptions, toRequest, type RequestFlags } from '../request-options.js';
import { addScanOptions, scanOptionsFrom, type ScanFlags } from '../scan-options.js';

/**
 * Registers `ls`.
 *
 * @example
 * ```sh
 * arrow-sus ls sia --group PA --uf SP --year 2023 --month 1
 * ```
 */
export function registerLs(program: Command, ctx: CliContext): void {
  const command = program.command('ls').description('list the files a request resolves to on the server, and what is missing').argument('<system>', 'system');
  addRequestOptions(command);
  addScanOptions(command)
    .option('--json', 'one JSON object per line: files, then missing ones ({"missing": true})')
    .action(async (system: string, flags: RequestFlags & ScanFlags & { json?: boolean }) => {
      // `ls` is about the server now: list live unless told to work offline.
      const { Scan } = await import('../../scan/scan.js');
      const scan = new Scan(toRequest(system, flags), { ...scanOptionsFrom(flags, ctx), refresh: flags.offline !== true }, { env: ctx.env });
      try {
        const plan = await scan.plan();
        for (const file of plan.files) {
          const p = file.parsed;
          const record = { path: file.path, size: file.size, modified_at: file.modifiedAt?.toISOString() ?? null, dataset: p.dataset, uf: p.uf, year: p.year, month: p.month, part: p.part, preliminary: p.preliminary };
          await writeLine(ctx.stdout, flags.json === true ? JSON.stringify(record) : `${file.path}  ${formatBytes(file.size).padStart(9)}  ${record.modified_at ?? ''}${p.preliminary ? '  PRELIM' : ''}`);
        }
        for (const missing of plan.missing) {
          await writeLine(ctx.stdout, flags.json === true ? JSON.stringify({ path: missing.path, missing: true, reason: missing.reason }) : `${missing.path}  MISSING (${missing.reason})`);
        }
        if (flags.json !== true) {
          const total = plan.files.reduce((sum, f) => sum + f.size, 0);
          ctx.stderr.write(`${plan.files.length} file(s), ${formatBytes(total)}; ${plan.missing.length} expected but missing\n`);
        }
      } finally {
        await scan.close();
      }
    });
}
