/**
 * `arrow-sus systems [--json]`: the DataSUS systems the catalog knows, with their datasets and periods.
 *
 * @module
 */
import type { Command } from 'commander';
import { CATALOG, datasetsOf } from '../../catalog/index.js';
import type { Dataset, SystemInfo } from '../../catalog/index.js';
import { writeLine, type CliContext } from '../context.js';

/**
 * Aligns rows into columns separated by two spaces (the last column is not padded).
 *
 * @example
 * ```ts
 * formatTable([['A', 'B'], ['long', 'x']]); // ['A     B', 'long  x']
 * ```
 */
export function formatTable(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}

/**
 * First and last period over datasets, `…` when a series is still published.
 *
 * @example
 * ```ts
 * periodSpan(datasetsOf('SIH')); // { from: '1992-01', to: '2026-06', ongoing: true }
 * ```
 */
export function periodSpan(datasets: readonly Dataset[]): { from: string | null; to: string | null; ongoing: boolean } {
  const froms = datasets.map((d) => d.coverage.from).filter((p): p is string => p !== null).sort();
  const tos = datasets.map((d) => d.coverage.to).filter((p): p is string => p !== null).sort();
  return { from: froms[0] ?? null, to: tos[tos.length - 1] ?? null, ongoing: datasets.some((d) => !d.coverage.ended && d.coverage.to !== null) };
}

function summary(system: SystemInfo): Record<string, unknown> {
  const datasets = datasetsOf(system.code);
  const span = periodSpan(datasets);
  return {
    system: system.code,
    description: system.description,
    name_pt: system.namePt,
    groups: new Set(datasets.map((d) => d.group)).size,
    datasets: datasets.length,
    from: span.from,
    to: span.to,
    ongoing: span.ongoing,
  };
}

/**
 * Registers `systems`.
 *
 * @example
 * ```sh
 * arrow-sus systems
 * arrow-sus systems --json
 * ```
 */
export function registerSystems(program: Command, ctx: CliContext): void {
  program
    .command('systems')
    .description('list the DataSUS systems in the catalog: groups, datasets and periods')
    .option('--json', 'one JSON object per line: {"system","description","name_pt","groups","datasets","from","to","ongoing"}')
    .action(async (options: { json?: boolean }) => {
      const rows = CATALOG.systems.map(summary);
      if (options.json === true) {
        for (const row of rows) await writeLine(ctx.stdout, JSON.stringify(row));
        return;
      }
      const table = [
        ['SYSTEM', 'GROUPS', 'PERIODS', 'DESCRIPTION'],
        ...rows.map((r) => [
          String(r['system']),
          String(r['groups']),
          r['from'] === null ? '-' : `${String(r['from'])} – ${r['ongoing'] === true ? `${String(r['to'])}…` : String(r['to'])}`,
          String(r['description']),
        ]),
      ];
      for (const line of formatTable(table)) await writeLine(ctx.stdout, line);
    });
}
