/**
 * `arrow-sus query "SQL" [-f FORMAT] [-o OUT] [--explain] [--allow-large]`: SQL over the catalog
 * tables (`sih_rd`, `sim_do`, `cnes_st` …). The files the query needs are found from its `uf`,
 * `year` and `month` conditions, fetched and cached, then queried.
 *
 * @module
 */
import type { Command } from 'commander';
import { ArrowSusError } from '../../errors.js';
import type { EngineOptions, QueryResult } from '../../engine/types.js';
import type { OutputFormat } from '../../output/formats.js';
import { writeLine, type CliContext } from '../context.js';
import { parsePositiveInt } from '../options.js';

/**
 * Flags shared by `query` and `sql`.
 *
 * @example
 * ```ts
 * const flags: EngineFlags = { source: 'ftp://ftp.datasus.gov.br', offline: true };
 * ```
 */
export interface EngineFlags {
  source?: string;
  cacheDir?: string;
  offline?: boolean;
  refresh?: boolean;
  engine?: string;
  maxFetchMb?: string;
}

interface QueryFlags extends EngineFlags {
  format: string;
  output?: string;
  explain?: boolean;
  allowLarge?: boolean;
  maxRows?: string;
}

const FORMATS = ['table', 'csv', 'json', 'ndjson', 'parquet', 'arrow'] as const;

/**
 * Adds the engine options (source, cache, limits) to a command.
 *
 * @example
 * ```ts
 * withEngineOptions(program.command('query'));
 * ```
 */
export function withEngineOptions(command: Command): Command {
  return command
    .option('--source <url>', 'where files come from: ftp://, http(s):// or file:// (default ARROW_SUS_SOURCE, else the DataSUS FTP)')
    .option('--cache-dir <dir>', 'cache folder (default ARROW_SUS_CACHE_DIR, else the user cache folder)')
    .option('--offline', 'use only cached listings and files')
    .option('--refresh', 'list folders again even when a fresh listing is cached')
    .option('--engine <name>', 'duckdb (default) or polars')
    .option('--max-fetch-mb <n>', 'refuse queries that would download more than this (default 1024)');
}

/**
 * Engine options from the command's flags and environment.
 *
 * @example
 * ```ts
 * const options = engineOptions(flags, ctx);
 * ```
 */
export function engineOptions(flags: EngineFlags, ctx: CliContext, allowLarge = false): EngineOptions {
  return {
    env: ctx.env,
    ...(flags.source !== undefined ? { source: flags.source } : {}),
    ...(flags.cacheDir !== undefined ? { cacheDir: flags.cacheDir } : {}),
    ...(flags.offline === true ? { offline: true } : {}),
    ...(flags.refresh === true ? { refresh: true } : {}),
    ...(flags.maxFetchMb !== undefined ? { maxFetchBytes: parseMegabytes(flags.maxFetchMb) } : {}),
    ...(allowLarge ? { allowLarge: true } : {}),
    // One query per process: the result cache would never be hit.
    resultCache: false,
  };
}

function parseMegabytes(value: string): number {
  const megabytes = Number(value);
  if (!Number.isFinite(megabytes) || megabytes <= 0) throw new ArrowSusError('INVALID_ARGUMENT', `--max-fetch-mb must be a positive number (got "${value}")`);
  return Math.round(megabytes * 1024 * 1024);
}

/**
 * Registers `query`.
 *
 * @example
 * ```sh
 * arrow-sus query "SELECT uf, count(*) FROM sih_rd WHERE year = 2016 AND month = 2 AND uf = 'RJ' GROUP BY 1" -f json
 * ```
 */
export function registerQuery(program: Command, ctx: CliContext): void {
  withEngineOptions(
    program
      .command('query')
      .description('run SQL over the DataSUS tables (sih_rd, sim_do, cnes_st …), fetching only the files the query needs')
      .argument('<sql>', 'one SELECT statement; partition columns uf, year, month choose the files')
      .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'table')
      .option('-o, --output <path>', 'write to this file instead of standard output')
      .option('--explain', 'print the files the query would read, one per line, without fetching')
      .option('--allow-large', 'fetch whatever the query needs, beyond the size limit')
      .option('--max-rows <n>', 'rows shown by the table format (default 100)'),
  ).action(async (sql: string, flags: QueryFlags) => {
    if (!(FORMATS as readonly string[]).includes(flags.format)) {
      throw new ArrowSusError('INVALID_ARGUMENT', `--format must be one of ${FORMATS.join(', ')} (got "${flags.format}")`);
    }
    const { openEngine } = await import('../../engine/open-engine.js');
    const engine = await openEngine(flags.engine, engineOptions(flags, ctx, flags.allowLarge === true));
    try {
      if (flags.explain === true) {
        const explained = await engine.explain(sql);
        for (const file of explained.files) await writeLine(ctx.stdout, file.path);
        const mb = (explained.bytesToFetch / 1024 / 1024).toFixed(1);
        await writeLine(ctx.stderr, `${explained.files.length} files, ${explained.filesToFetch} not cached (${mb} MB to download)`);
        return;
      }
      const result = await engine.query(sql, { signal: ctx.signal, ...(flags.allowLarge === true ? { allowLarge: true } : {}) });
      await writeResult(result, flags, ctx);
    } finally {
      await engine.close();
    }
  });
}

async function writeResult(
  result: QueryResult,
  flags: QueryFlags,
  ctx: CliContext,
): Promise<void> {
  const { batchesToJsonArray, renderTable } = await import('../../engine/render.js');
  const target = flags.output !== undefined && flags.output !== '-' ? { path: flags.output } : { stream: ctx.stdout };
  if (flags.format === 'table') {
    const lines = await renderTable(result, result.schema, flags.maxRows !== undefined ? { maxRows: parsePositiveInt(flags.maxRows, '--max-rows') } : {});
    if ('path' in target) await writeBatchesText(lines.join('\n') + '\n', target.path);
    else for (const line of lines) await writeLine(ctx.stdout, line);
    return;
  }
  if (flags.format === 'json') {
    if ('path' in target) {
      const { writeFileAtomic } = await import('../../io/write-file.js');
      await writeFileAtomic(target.path, batchesToJsonArray(result));
    } else {
      for await (const chunk of batchesToJsonArray(result)) {
        if (!ctx.stdout.write(chunk)) await new Promise<void>((resolve) => ctx.stdout.once('drain', resolve));
      }
    }
    return;
  }
  const format: OutputFormat = flags.format === 'arrow' ? ('path' in target ? 'arrow' : 'arrows') : (flags.format as OutputFormat);
  const { writeBatches } = await import('../../output/write-output.js');
  await writeBatches(result, result.schema, target, format, { signal: ctx.signal });
}

async function writeBatchesText(text: string, path: string): Promise<void> {
  const { writeFileAtomic } = await import('../../io/write-file.js');
  await writeFileAtomic(path, [Buffer.from(text)]);
}
