/**
 * `arrow-sus inspect FILE... [--json] [--header-only]`: rows, deleted rows, columns and the CRC-32
 * verdict of DBC/DBF files.
 *
 * @module
 */
import type { Command } from 'commander';
import type { InspectResult } from '../../read/inspect.js';
import { writeLine, type CliContext } from '../context.js';
import { asTyped, formatError } from '../options.js';
import { ExitRequest, EXIT } from '../run.js';

/**
 * Registers `inspect`.
 *
 * @example
 * ```sh
 * arrow-sus inspect DOAC2022.dbc --json
 * ```
 */
export function registerInspect(program: Command, ctx: CliContext): void {
  program
    .command('inspect')
    .description('show rows, deleted rows, columns and CRC-32 check of DBC/DBF files')
    .argument('<files...>', 'DBC or DBF files')
    .option('--json', 'one JSON object per line: {"file","rows","deleted","columns","crc_ok"}')
    .option('--header-only', 'read only the header: no decompression, deleted and crc_ok are null')
    .action(async (files: string[], options: { json?: boolean; headerOnly?: boolean }) => {
      let failed = 0;
      const { inspectTable } = await import('../../read/inspect.js');
      for (const file of files) {
        try {
          const result = await inspectTable(file, { headerOnly: options.headerOnly === true, signal: ctx.signal });
          await writeLine(ctx.stdout, options.json === true ? JSON.stringify(result) : describe(result));
        } catch (error) {
          const typed = asTyped(error);
          if (typed.code === 'ABORTED') throw typed;
          failed += 1;
          ctx.stderr.write(formatError(typed));
          if (options.json === true) {
            await writeLine(ctx.stdout, JSON.stringify({ file, error: { code: typed.code, message: typed.message } }));
          }
        }
      }
      if (failed > 0) throw new ExitRequest(EXIT.FAILURE);
    });
}

function describe(result: InspectResult): string {
  const crc = result.crc_ok === null ? (result.format === 'dbc' ? 'not checked' : 'n/a (DBF)') : result.crc_ok ? 'ok' : 'MISMATCH';
  const lines = [
    `${result.file} (${result.format.toUpperCase()})`,
    `  rows: ${result.rows}${result.deleted === null ? '' : `  deleted: ${result.deleted}`}  crc-32: ${crc}`,
    `  columns (${result.columns.length}):`,
    ...result.columns.map((c) => `    ${c.name.padEnd(11)} ${c.type}(${c.length}${c.decimals > 0 ? `,${c.decimals}` : ''})`),
  ];
  return lines.join('\n');
}
