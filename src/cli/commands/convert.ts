/**
 * `arrow-sus convert IN... -o OUT [-f FORMAT] [--columns A,B] [--where EXPR]`: DBC/DBF files to
 * Parquet, Arrow IPC, CSV or NDJSON, decoded in parallel, with projection and row filters applied
 * on the raw records.
 *
 * @module
 */
import type { Command } from 'commander';
import type { ParquetCompression } from '../../output/parquet.js';
import { OUTPUT_FORMATS, resolveOutputFormat } from '../../output/formats.js';
import { expandInputs } from '../../read/expand-inputs.js';
import { ArrowSusError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { parseEncoding, parseList, parsePositiveInt } from '../options.js';
import { renderUnknownCodes } from '../render-scan-report.js';

interface ConvertFlags {
  output: string;
  format?: string;
  columns?: string;
  where?: string;
  encoding?: string;
  includeDeleted?: boolean;
  verify: boolean;
  batchRows?: string;
  compression?: string;
  rowGroupRows?: string;
  unordered?: boolean;
  labels?: boolean;
  quiet?: boolean;
}

const COMPRESSIONS: readonly ParquetCompression[] = ['zstd', 'snappy', 'gzip', 'lz4', 'none'];

/**
 * Registers `convert`.
 *
 * @example
 * ```sh
 * arrow-sus convert RDRJ1602.dbc -o rj.parquet --columns MUNIC_RES,VAL_TOT --where "SEXO = '3'"
 * ```
 */
export function registerConvert(program: Command, ctx: CliContext): void {
  program
    .command('convert')
    .description('convert DBC/DBF files (or globs) into one Parquet, Arrow, CSV or NDJSON output')
    .argument('<inputs...>', 'DBC/DBF files or patterns such as "data/DO*.dbc"')
    .requiredOption('-o, --output <path>', 'output file, or - for standard output')
    .option('-f, --format <format>', `output format: ${OUTPUT_FORMATS.join(', ')} (default: from the extension)`)
    .option('--columns <list>', 'only these columns, in this order (comma-separated)')
    .option('--where <expr>', "row filter on raw records, e.g. \"UF_ZI IN ('350000','330000') AND IDADE >= '4'\"")
    .option('--encoding <name>', 'text encoding of the files: latin1 (default), cp850, cp1252, utf8, or auto (guess per file)')
    .option('--include-deleted', 'keep rows flagged deleted, with a _deleted column')
    .option('--no-verify', 'do not fail on a DBC CRC-32 mismatch')
    .option('--batch-rows <n>', 'rows per record batch (default 65536)')
    .option('--compression <codec>', `Parquet codec: ${COMPRESSIONS.join(', ')} (default zstd)`)
    .option('--row-group-rows <n>', 'Parquet rows per row group (default 131072)')
    .option('--unordered', 'write batches as they are decoded instead of in input order')
    .option('--labels', 'decode coded columns into labels (dictionary chosen from each file name)')
    .option('-q, --quiet', 'no summary on stderr')
    .action(async (patterns: string[], flags: ConvertFlags) => {
      const format = resolveOutputFormat(flags.format, flags.output);
      if (flags.compression !== undefined && !(COMPRESSIONS as readonly string[]).includes(flags.compression)) {
        throw new ArrowSusError('INVALID_ARGUMENT', `--compression must be one of ${COMPRESSIONS.join(', ')}`);
      }
      const inputs = await expandInputs(patterns);
      const started = Date.now();
      const { convertFiles } = await import('../../read/convert-files.js');
      const report = await convertFiles(inputs, flags.output === '-' ? { stream: ctx.stdout } : { path: flags.output }, {
        outputFormat: format,
        signal: ctx.signal,
        verifyCrc: flags.verify,
        ordered: flags.unordered !== true,
        ...(flags.columns !== undefined ? { columns: parseList(flags.columns) } : {}),
        ...(flags.where !== undefined ? { where: flags.where } : {}),
        ...(flags.encoding !== undefined ? { encoding: parseEncoding(flags.encoding) } : {}),
        ...(flags.includeDeleted === true ? { includeDeleted: true } : {}),
        ...(flags.labels === true ? { labels: true } : {}),
        ...(flags.batchRows !== undefined ? { batchRows: parsePositiveInt(flags.batchRows, '--batch-rows') } : {}),
        ...(flags.compression !== undefined ? { compression: flags.compression as ParquetCompression } : {}),
        ...(flags.rowGroupRows !== undefined ? { rowGroupRows: parsePositiveInt(flags.rowGroupRows, '--row-group-rows') } : {}),
      });
      if (flags.quiet !== true) {
        const seconds = (Date.now() - started) / 1000;
        const where = flags.output === '-' ? 'stdout' : flags.output;
        ctx.stderr.write(`arrow-sus: ${report.rows} rows from ${report.files.length} file(s) → ${where} (${format}, ${report.bytes} bytes) in ${seconds.toFixed(2)} s\n`);
        ctx.stderr.write(renderUnknownCodes(report.unknownCodes));
        for (const file of report.files) {
          const bad = Object.entries(file.unparsable).filter(([, count]) => count > 0);
          if (bad.length > 0) {
            ctx.stderr.write(`arrow-sus: note: ${file.file}: unparsable values became null: ${bad.map(([c, n]) => `${c}=${n}`).join(', ')}\n`);
          }
        }
      }
    });
}
