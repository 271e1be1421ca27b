/**
 * `arrow-sus sql`: an interactive SQL shell over the DataSUS tables. Statements end with `;` and
 * may span lines; dot commands: `.tables`, `.describe TABLE`, `.explain SQL`, `.help`, `.quit`.
 * History is kept in `<cache dir>/sql_history`. Works with piped input too (no prompt is shown
 * then), which is how it is tested.
 *
 * @module
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { ArrowSusError } from '../../errors.js';
import { writeLine, type CliContext } from '../context.js';
import { formatError } from '../options.js';
import { engineOptions, withEngineOptions, type EngineFlags } from './query.js';

const HELP = [
  'SQL statements end with ";" (they may span lines). Tables have uf, year, month columns: use them to',
  'choose the files, e.g.  SELECT count(*) FROM sih_rd WHERE year = 2016 AND month = 2 AND uf = \'RJ\';',
  '.tables               list the tables',
  '.describe TABLE       columns of a table',
  '.explain SQL          the files a query would read',
  '.help                 this text',
  '.quit                 leave',
];

const HISTORY_SIZE = 500;

/**
 * Registers `sql`.
 *
 * @example
 * ```sh
 * echo ".tables" | arrow-sus sql
 * ```
 */
export function registerSql(program: Command, ctx: CliContext): void {
  withEngineOptions(
    program
      .command('sql')
      .description('interactive SQL shell over the DataSUS tables (.tables, .describe TABLE, .quit)')
      .option('--allow-large', 'let queries fetch beyond the size limit'),
  ).action(async (flags: EngineFlags & { allowLarge?: boolean }) => {
    const { openEngine } = await import('../../engine/open-engine.js');
    const { renderTable } = await import('../../engine/render.js');
    const { sqlTable, sqlTableNames } = await import('../../engine/tables.js');
    const { knownColumns } = await import('../../engine/views.js');
    const options = { ...engineOptions(flags, ctx, flags.allowLarge === true), resultCache: { ttlMs: 10 * 60_000 } };
    const engine = await openEngine(flags.engine, options);
    const { resolveCacheDir } = await import('../../cache/location.js');
    const historyPath = join(resolveCacheDir({ cacheDir: flags.cacheDir, env: ctx.env }), 'sql_history');
    const history = (await readFile(historyPath, 'utf8').catch(() => '')).split('\n').filter(Boolean).slice(-HISTORY_SIZE);
    const interactive = (ctx.stdin as { isTTY?: boolean }).isTTY === true;
    const rl = createInterface({
      input: ctx.stdin,
      output: ctx.stdout,
      terminal: interactive,
      history: [...history].reverse(),
      historySize: HISTORY_SIZE,
    });
    const prompt = (continued: boolean): void => {
      if (!interactive) return;
      rl.setPrompt(continued ? '   ...> ' : 'arrow-sus> ');
      rl.prompt();
    };
    const out = (line: string): Promise<void> => writeLine(ctx.stdout, line);
    const run = async (text: string): Promise<boolean> => {
      const [command = '', ...rest] = text.trim().split(/\s+/);
      const argument = text.trim().slice(command.length).trim();
      if (command === '.quit' || command === '.exit') return false;
      if (command === '.help') for (const line of HELP) await out(line);
      else if (command === '.tables') {
        for (const name of sqlTableNames()) {
          const table = sqlTable(name)!;
          await out(`${name.padEnd(32)} ${table.aliasOf !== undefined ? `= ${table.aliasOf}` : (table.datasets[0]?.description ?? '')}`);
        }
      } else if (command === '.describe') {
        const name = rest[0] ?? '';
        if (sqlTable(name) === undefined) throw new ArrowSusError('QUERY_INVALID', `sql: no table "${name}" (.tables lists them)`);
        const table = sqlTable(name)!;
        const dataset = table.datasets[0]!;
        const from = table.datasets.map((d) => d.coverage.from ?? '?').sort()[0];
        const also = table.aliasOf !== undefined ? `; reads ${table.aliasOf}` : '';
        await out(`${name}: ${dataset.description} (${dataset.granularity}, ${from} to ${dataset.coverage.to ?? 'now'}${also})`);
        await out(`  uf        VARCHAR   partition: UF of the file (BR for national files)`);
        await out(`  year      SMALLINT  partition`);
        await out(`  month     SMALLINT  partition${dataset.granularity === 'monthly' ? '' : ' (null: not a monthly dataset)'}`);
        const columns = knownColumns(name);
        if (columns === undefined) await out('  (columns are those of the files: run a query to see them)');
        else for (const [column, type] of Object.entries(columns)) await out(`  ${column.padEnd(9)} ${type}`);
      } else if (command === '.explain') {
        const explained = await engine.explain(argument.replace(/;\s*$/, ''));
        for (const file of explained.files) await out(`${file.cached ? 'cached ' : 'fetch  '} ${file.path}`);
        await out(`(${explained.files.length} files, ${(explained.bytesToFetch / 1024 / 1024).toFixed(1)} MB to download)`);
      } else if (command.startsWith('.')) {
        throw new ArrowSusError('INVALID_ARGUMENT', `sql: unknown command ${command} (.help lists them)`);
      } else {
        const started = Date.now();
        const result = await engine.query(text.replace(/;\s*$/, ''), { signal: ctx.signal });
        for (const line of await renderTable(result, result.schema)) await out(line);
        await writeLine(ctx.stderr, `${((Date.now() - started) / 1000).toFixed(2)} s${result.fromResultCache ? ' (cached result)' : ''}`);
      }
      return true;
    };

    let buffer = '';
    let quit = false;
    const entered: string[] = [];
    const runSafely = async (text: string): Promise<boolean> => {
      entered.push(text.replaceAll('\n', ' '));
      try {
        return await run(text);
      } catch (error) {
        if (ArrowSusError.is(error, 'ABORTED')) throw error;
        ctx.stderr.write(formatError(error));
        return true;
      }
    };
    try {
      prompt(false);
      for await (const line of rl) {
        const trimmed = line.trim();
        if (buffer === '' && trimmed === '') {
          prompt(false);
          continue;
        }
        const complete = buffer === '' && trimmed.startsWith('.') ? trimmed : trimmed.endsWith(';') ? `${buffer}${line}` : undefined;
        if (complete === undefined) {
          buffer += `${line}\n`;
          prompt(true);
          continue;
        }
        buffer = '';
        if (!(await runSafely(complete))) {
          quit = true;
          break;
        }
        prompt(false);
      }
      // Piped input may end without a final ";": run what is left.
      if (!quit && buffer.trim() !== '') await runSafely(buffer);
    } finally {
      rl.close();
      await engine.close();
      if (entered.length > 0) {
        await mkdir(dirname(historyPath), { recursive: true }).catch(() => undefined);
        await writeFile(historyPath, [...history, ...entered].slice(-HISTORY_SIZE).join('\n') + '\n').catch(() => undefined);
      }
    }
  });
}
