/**
 * `arrow-sus catalog parse [--json] < paths.txt`: classifies FTP paths or file names read from stdin,
 * one per line, streaming (memory does not grow with the input).
 *
 * @module
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { parsePath } from '../../catalog/index.js';
import type { ParsedPath } from '../../catalog/index.js';
import { throwIfAborted } from '../../errors.js';
import type { CliContext } from '../context.js';

/**
 * The JSON line printed per path: fixed keys, null where unknown.
 *
 * @example
 * ```ts
 * parsedJson(parsePath('RDAC0801.dbc')); // '{"path":"RDAC0801.dbc","dataset":"sih-rd",…}'
 * ```
 */
export function parsedJson(parsed: ParsedPath): string {
  return JSON.stringify({
    path: parsed.path,
    dataset: parsed.dataset,
    system: parsed.system,
    group: parsed.group,
    uf: parsed.uf,
    year: parsed.year,
    month: parsed.month,
    part: parsed.part,
    kind: parsed.kind,
  });
}

function parsedRow(parsed: ParsedPath): string {
  const period = parsed.year === null ? '-' : parsed.month === null ? String(parsed.year) : `${parsed.year}-${String(parsed.month).padStart(2, '0')}`;
  const cells = [parsed.dataset ?? '?', parsed.uf ?? '-', period, parsed.part ?? '-', parsed.kind];
  const widths = [22, 3, 8, 4, 14];
  return `${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' ')} ${parsed.path}`;
}

/** Output is written in blocks of this many lines: one write per line costs more than the parsing. */
const BLOCK = 512;

/**
 * Registers `catalog` and its `parse` subcommand.
 *
 * @example
 * ```sh
 * printf 'RDAC0801.dbc\nDORAC79.DBC\n' | arrow-sus catalog parse --json
 * ```
 */
export function registerCatalog(program: Command, ctx: CliContext): void {
  const catalog = program.command('catalog').description('work with DataSUS file names and the catalog');
  catalog
    .command('parse')
    .description('classify paths read from stdin (one per line): dataset, system, group, UF, year, month, part, kind')
    .option('--json', 'one JSON object per line: {"path","dataset","system","group","uf","year","month","part","kind"}')
    .action(async (options: { json?: boolean }) => {
      const json = options.json === true;
      const lines = createInterface({ input: ctx.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      let block: string[] = json ? [] : [`${'DATASET'.padEnd(22)} ${'UF'.padEnd(3)} ${'PERIOD'.padEnd(8)} ${'PART'.padEnd(4)} ${'KIND'.padEnd(14)} PATH`];
      const flush = async (): Promise<void> => {
        if (block.length === 0) return;
        const text = `${block.join('\n')}\n`;
        block = [];
        if (!ctx.stdout.write(text)) await new Promise<void>((resolve) => ctx.stdout.once('drain', resolve));
      };
      try {
        for await (const raw of lines) {
          const line = raw.trim();
          if (line.length === 0) continue;
          const parsed = parsePath(line);
          block.push(json ? parsedJson(parsed) : parsedRow(parsed));
          if (block.length >= BLOCK) {
            throwIfAborted(ctx.signal);
            await flush();
          }
        }
        await flush();
      } finally {
        lines.close();
      }
    });
}
