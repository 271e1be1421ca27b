/**
 * `arrow-sus describe SYSTEM [--json]`: the datasets of one system — groups, periods, UF coverage,
 * folders and file-name rules.
 *
 * @module
 */
import type { Command } from 'commander';
import { UFS, datasetsOf, getSystem, ruleTemplate } from '../../catalog/index.js';
import type { Dataset } from '../../catalog/index.js';
import { writeLine, type CliContext } from '../context.js';
import { formatTable } from './systems.js';

function datasetJson(d: Dataset): Record<string, unknown> {
  return {
    id: d.id,
    table: d.table,
    group: d.group,
    aliases: d.aliases,
    description: d.description,
    name_pt: d.namePt,
    granularity: d.granularity,
    from: d.coverage.from,
    to: d.coverage.to,
    ended: d.coverage.ended,
    ufs: d.coverage.ufs,
    missing_ufs: d.coverage.ufs.length === 0 ? [] : UFS.filter((u) => !d.coverage.ufs.includes(u)),
    national: d.coverage.national,
    ...(d.coverage.years === undefined ? {} : { years: d.coverage.years }),
    folders: d.folders.map((f) => ({
      path: f.path,
      role: f.role,
      preliminary: f.preliminary,
      from: f.from,
      to: f.to,
      names: ruleTemplate(f.name),
    })),
    ...(d.notes === undefined ? {} : { notes: d.notes }),
  };
}

function ufText(d: Dataset): string {
  const national = d.coverage.national ? ' + BR' : '';
  if (d.coverage.ufs.length === 0) return d.coverage.national ? 'BR only' : 'national, no UF';
  if (d.coverage.ufs.length === UFS.length) return `27 UFs${national}`;
  return `${d.coverage.ufs.length} UFs${national} (missing ${UFS.filter((u) => !d.coverage.ufs.includes(u)).join(', ')})`;
}

/**
 * Registers `describe`.
 *
 * @example
 * ```sh
 * arrow-sus describe SIH
 * arrow-sus describe sinan --json
 * ```
 */
export function registerDescribe(program: Command, ctx: CliContext): void {
  program
    .command('describe')
    .description('show the datasets of a system: periods, UF coverage, folders and file-name rules')
    .argument('<system>', 'system code, e.g. SIH, SIA, SIM, SINASC, CNES, SINAN')
    .option('--json', 'one JSON object: {"system","description","name_pt","auxiliary","documentation","datasets":[…]}')
    .action(async (code: string, options: { json?: boolean }) => {
      const system = getSystem(code);
      const datasets = datasetsOf(system.code);
      if (options.json === true) {
        await writeLine(
          ctx.stdout,
          JSON.stringify({
            system: system.code,
            description: system.description,
            name_pt: system.namePt,
            auxiliary: system.auxiliary,
            documentation: system.documentation,
            datasets: datasets.map(datasetJson),
          }),
        );
        return;
      }
      await writeLine(ctx.stdout, `${system.code} — ${system.description} (${system.namePt})`);
      for (const d of datasets) {
        const period = d.coverage.from === null ? 'undated' : `${d.coverage.from} – ${d.coverage.to ?? ''}${d.coverage.ended ? ' (ended)' : ''}`;
        await writeLine(ctx.stdout, '');
        await writeLine(ctx.stdout, `${d.id}  [${d.group}]  ${d.description} — ${d.namePt}`);
        await writeLine(ctx.stdout, `  ${d.granularity}, ${period}, ${ufText(d)}; table ${d.table}`);
        const rows = d.folders.map((f) => [
          `  ${f.path}`,
          `${f.role}${f.preliminary ? ' (prelim)' : ''}`,
          f.from === null && f.to === null ? '' : `${f.from ?? ''}–${f.to ?? ''}`,
          ruleTemplate(f.name),
        ]);
        for (const line of formatTable(rows)) await writeLine(ctx.stdout, line);
        if (d.notes !== undefined) await writeLine(ctx.stdout, `  note: ${d.notes}`);
      }
      if (system.auxiliary.length + system.documentation.length > 0) {
        await writeLine(ctx.stdout, '');
        for (const path of system.auxiliary) await writeLine(ctx.stdout, `auxiliary:      ${path}`);
        for (const path of system.documentation) await writeLine(ctx.stdout, `documentation:  ${path}`);
      }
    });
}
