/**
 * The request options shared by `fetch`, `ls`, `download` and `cache warm`:
 * `SYSTEM [--group G] [--uf SP,RJ] [--year 2015-2023] [--month 1-3]`.
 *
 * @module
 */
import type { Command } from 'commander';
import type { CatalogRequest } from '../catalog/index.js';
import { ArrowSusError } from '../errors.js';
import { parseList } from './options.js';

/** Raw flag values as commander gives them. */
export interface RequestFlags {
  group?: string;
  uf?: string;
  year?: string;
  month?: string;
  noPrelim?: boolean;
  prelim?: boolean;
}

/**
 * Adds the request options to a command.
 *
 * @example
 * ```ts
 * addRequestOptions(program.command('fetch').argument('<system>'));
 * ```
 */
export function addRequestOptions(command: Command): Command {
  return command
    .option('-g, --group <group>', 'group, e.g. DENG (SINAN), RJ (SIH); default DO for SIM, DN for SINASC, RD for SIH, PA for SIA, ST for CNES')
    .option('--uf <list>', 'UFs, e.g. SP or SP,RJ (BR for national files); default: all')
    .option('--year <years>', 'year, list or range: 2023, 2019,2021, 2015-2023')
    .option('--month <months>', 'month, list or range (monthly systems): 1, 1,7, 1-6')
    .option('--no-prelim', 'ignore preliminary (PRELIM) files');
}

/**
 * Parses `2015-2023`, `2019,2021` or `2020` into a selection.
 *
 * @example
 * ```ts
 * parseRange('2015-2023', '--year'); // { from: 2015, to: 2023 }
 * ```
 */
export function parseRange(text: string, name: string): number | number[] | { from: number; to: number } {
  const range = /^\s*(\d+)\s*[-:]\s*(\d+)\s*$/.exec(text);
  if (range !== null) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (from > to) throw new ArrowSusError('INVALID_ARGUMENT', `${name} range ${text} runs backwards`);
    return { from, to };
  }
  const items = parseList(text).map((item) => {
    if (!/^\d+$/.test(item)) throw new ArrowSusError('INVALID_ARGUMENT', `${name} must be a number, a list or a range (got "${text}")`);
    return Number(item);
  });
  if (items.length === 0) throw new ArrowSusError('INVALID_ARGUMENT', `${name} is empty`);
  return items.length === 1 ? items[0]! : items;
}

/**
 * The group used when `--group` is not given, for systems with several datasets: the one people
 * mean by the system's name (deaths for SIM, births for SINASC, admissions for SIH …).
 */
export const DEFAULT_GROUPS: Readonly<Record<string, string>> = { SIM: 'DO', SINASC: 'DN', SIH: 'RD', SIA: 'PA', CNES: 'ST' };

/**
 * Builds the catalog request from the system argument and the flags.
 *
 * @example
 * ```ts
 * toRequest('sim', { group: 'DO', uf: 'SP', year: '2015-2023' });
 * ```
 */
export function toRequest(system: string, flags: RequestFlags): CatalogRequest {
  const group = flags.group ?? DEFAULT_GROUPS[system.toUpperCase()];
  return {
    system: system.toUpperCase(),
    ...(group !== undefined ? { group } : {}),
    ...(flags.uf !== undefined ? { uf: parseList(flags.uf).map((uf) => uf.toUpperCase()) } : {}),
    ...(flags.year !== undefined ? { year: parseRange(flags.year, '--year') } : {}),
    ...(flags.month !== undefined ? { month: parseRange(flags.month, '--month') } : {}),
    ...(flags.prelim === false ? { preliminary: false } : {}),
  };
}
