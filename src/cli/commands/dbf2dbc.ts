/**
 * `arrow-sus dbf2dbc IN.dbf OUT.dbc`: compress a DBF into a DataSUS DBC (uncoded literals, 4 KB
 * dictionary, CRC-32 of the content in the container), readable by every DBC tool.
 *
 * @module
 */
import type { Command } from 'commander';
import { compressDbc } from '../../dbc/index.js';
import { ArrowSusError } from '../../errors.js';
import { readFileChunks } from '../../io/read-file.js';
import { writeFileAtomic } from '../../io/write-file.js';
import type { CliContext } from '../context.js';

/**
 * Registers `dbf2dbc`.
 *
 * @example
 * ```sh
 * arrow-sus dbf2dbc RDSP2301.dbf RDSP2301.dbc
 * ```
 */
export function registerDbf2dbc(program: Command, ctx: CliContext): void {
  program
    .command('dbf2dbc')
    .description('compress a DBF file into a DBC (with its CRC-32)')
    .argument('<input>', 'IN.dbf')
    .argument('<output>', 'OUT.dbc')
    .action(async (input: string, output: string) => {
      // Validate the input as a DBF before writing anything (throws DBF_INVALID_HEADER).
      const { readTableHeader } = await import('../../read/inspect.js');
      const { format } = await readTableHeader(input, { signal: ctx.signal });
      if (format !== 'dbf') {
        throw new ArrowSusError('INVALID_ARGUMENT', `dbf2dbc: ${input} is already a DBC (use dbc2dbf to decompress it)`);
      }
      // Two passes over the file: the CRC-32 sits before the compressed stream.
      await writeFileAtomic(output, compressDbc(() => readFileChunks(input, { signal: ctx.signal }), { signal: ctx.signal }), {
        signal: ctx.signal,
      });
    });
}
