/**
 * `arrow-sus dbc2dbf IN.dbc... -d OUTDIR` and `arrow-sus dbc2dbf IN.dbc [OUT.dbf]`: decompress DBC
 * files to plain DBF, verifying each CRC-32. A damaged file leaves no output behind.
 *
 * @module
 */
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import { decompressDbc } from '../../dbc/index.js';
import { ArrowSusError } from '../../errors.js';
import { readFileChunks } from '../../io/read-file.js';
import { writeFileAtomic } from '../../io/write-file.js';
import type { CliContext } from '../context.js';
import { asTyped, formatError } from '../options.js';
import { ExitRequest, EXIT } from '../run.js';

/**
 * The DBF name for a DBC name, keeping the case style (`X.DBC` → `X.DBF`).
 *
 * @example
 * ```ts
 * dbfNameFor('RDSP2301.dbc'); // 'RDSP2301.dbf'
 * ```
 */
export function dbfNameFor(path: string): string {
  const name = basename(path);
  const stem = name.replace(/\.dbc$/i, '');
  return `${stem}${name.endsWith('.DBC') ? '.DBF' : '.dbf'}`;
}

/**
 * Registers `dbc2dbf`.
 *
 * @example
 * ```sh
 * arrow-sus dbc2dbf RDSP2301.dbc RDSP2302.dbc -d out/
 * ```
 */
export function registerDbc2dbf(program: Command, ctx: CliContext): void {
  program
    .command('dbc2dbf')
    .description('decompress DBC files to DBF, verifying their CRC-32')
    .argument('<files...>', 'IN.dbc... (with -d), or IN.dbc [OUT.dbf]')
    .option('-d, --dir <dir>', 'write each IN.dbc as DIR/IN.dbf')
    .option('--no-verify', 'write the output even when the CRC-32 does not match')
    .action(async (files: string[], options: { dir?: string; verify: boolean }) => {
      const jobs = planJobs(files, options.dir);
      let failed = 0;
      for (const { input, output } of jobs) {
        try {
          await writeFileAtomic(
            output,
            decompressDbc(readFileChunks(input, { signal: ctx.signal }), { verifyCrc: options.verify, fileName: input, signal: ctx.signal }),
            { signal: ctx.signal },
          );
        } catch (error) {
          const typed = asTyped(error);
          if (typed.code === 'ABORTED') throw typed;
          failed += 1;
          ctx.stderr.write(formatError(typed));
        }
      }
      if (failed > 0) throw new ExitRequest(EXIT.FAILURE);
    });
}

function planJobs(files: string[], dir: string | undefined): { input: string; output: string }[] {
  if (dir !== undefined) return files.map((input) => ({ input, output: join(dir, dbfNameFor(input)) }));
  if (files.length === 2 && /\.dbf$/i.test(files[1]!)) return [{ input: files[0]!, output: files[1]! }];
  if (files.length === 1) return [{ input: files[0]!, output: join(dirname(files[0]!), dbfNameFor(files[0]!)) }];
  throw new ArrowSusError('INVALID_ARGUMENT', 'dbc2dbf: give IN.dbc OUT.dbf, or several inputs with -d OUTDIR');
}
