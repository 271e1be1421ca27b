/**
 * Matching a file name against one {@link NameRule}, and writing the canonical name back.
 *
 * Rules compile to one anchored, case-insensitive regular expression each (DataSUS mixes `.dbc` and
 * `.DBC`, and the old SIA/SIH folders hold lower-case stems such as `pato9912.dbc`). Everything the
 * expression cannot check — month range, UF list — is checked after the match.
 *
 * @module
 */
import type { NameCaptures, NameRule, NameValues } from './types.js';
import { UFS, isUf } from './ufs.js';
import { expandYear, formatYear, monthFromPortuguese } from './years.js';

/**
 * What a name yields before the folder adds system, dataset and status.
 *
 * @example
 * ```ts
 * matchName(monthlyUf('RD'), 'RDAC0801.dbc'); // { uf: 'AC', year: 2008, month: 1, part: null, extension: 'dbc' }
 * ```
 */
export interface NameMatch {
  readonly uf: string | null;
  readonly year: number | null;
  readonly month: number | null;
  readonly part: string | null;
  readonly extension: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const compiled = new WeakMap<NameRule, RegExp>();

/**
 * The expression of a rule (cached per rule object).
 *
 * @example
 * ```ts
 * ruleExpression(monthlyUf('RD')).test('rdac0801.DBC'); // true
 * ```
 */
export function ruleExpression(rule: NameRule): RegExp {
  const cached = compiled.get(rule);
  if (cached !== undefined) return cached;
  let expression: RegExp;
  if (rule.pattern !== undefined) {
    expression = rule.pattern;
  } else {
    const prefixes = [rule.prefix, ...(rule.aliases ?? [])].map(escape).join('|');
    const places: string[] = [];
    if (rule.place.includes('uf')) places.push(...UFS);
    if (rule.place.includes('br')) places.push('BR');
    if (rule.place.includes('ig')) places.push('IG');
    const place = places.length > 0 ? `(?<place>${places.join('|')})` : '';
    const widths = [...rule.year].sort((a, b) => b - a);
    const year = widths.length > 0 ? `(?<year>${widths.map((w) => `\\d{${w}}`).join('|')})` : '';
    const month = rule.month ? '(?<month>\\d{2})' : '';
    const split = rule.split === 'letter' ? '(?<letter>[a-d])?' : rule.split === 'underscore' ? '(?:_(?<num>\\d{1,2}))?' : '';
    const extensions = rule.extensions.map(escape).join('|');
    expression = new RegExp(`^(?:${prefixes})${place}${year}${month}${split}\\.(?<ext>${extensions})$`, 'i');
  }
  compiled.set(rule, expression);
  return expression;
}

/**
 * Matches a bare file name against a rule. `folderYear` is the year of a year-named folder
 * (`/territorio/tabelas/2024`), used when an irregular name omits its year.
 *
 * @example
 * ```ts
 * matchName(monthlyUf('PA', { split: 'letter' }), 'PASP1112a.dbc');
 * // { uf: 'SP', year: 2011, month: 12, part: 'a', extension: 'dbc' }
 * ```
 */
export function matchName(rule: NameRule, fileName: string, folderYear: number | null = null): NameMatch | null {
  const match = ruleExpression(rule).exec(fileName);
  if (match === null) return null;
  const groups = (match.groups ?? {}) as NameCaptures & { ext?: string };
  const place = groups.place?.toUpperCase() ?? null;
  if (place !== null && place !== 'BR' && place !== 'IG' && !isUf(place)) return null;
  let year: number | null = groups.year === undefined ? null : expandYear(groups.year, rule.century);
  if (year === null && rule.pattern !== undefined) year = folderYear;
  let month: number | null = groups.month === undefined ? null : Number(groups.month);
  if (month === null && groups.monthName !== undefined) month = monthFromPortuguese(groups.monthName);
  if (month !== null && (month < 1 || month > 12)) return null;
  const part = groups.letter !== undefined ? groups.letter.toLowerCase() : groups.num !== undefined ? String(Number(groups.num)) : null;
  const extension = groups.ext?.toLowerCase() ?? extensionOf(fileName) ?? '';
  return { uf: place, year, month, part, extension };
}

/**
 * The lower-case extension: everything after the first dot (`csv.zip`), or null.
 *
 * @example
 * ```ts
 * extensionOf('DENGBR24.csv.zip'); // 'csv.zip'
 * ```
 */
export function extensionOf(fileName: string): string | null {
  const dot = fileName.indexOf('.');
  return dot < 0 || dot === fileName.length - 1 ? null : fileName.slice(dot + 1).toLowerCase();
}

/**
 * The canonical name for values under a rule — upper-case stem, lower-case part letter and extension — or
 * null when the rule's names cannot be predicted (irregular territorial-base releases).
 *
 * @example
 * ```ts
 * formatName(monthlyUf('RD'), { group: 'RD', uf: 'AC', year: 2008, month: 1, part: null }); // 'RDAC0801.dbc'
 * ```
 */
export function formatName(rule: NameRule, values: NameValues): string | null {
  if (rule.pattern !== undefined) return rule.format === undefined ? null : rule.format(values);
  let name = rule.prefix;
  if (rule.place.length > 0) name += values.uf ?? '';
  const width = rule.year[0];
  if (width !== undefined && values.year !== null) name += formatYear(values.year, width);
  if (rule.month && values.month !== null) name += String(values.month).padStart(2, '0');
  if (values.part !== null) name += rule.split === 'underscore' ? `_${values.part}` : values.part.toLowerCase();
  return `${name}.${rule.extensions[0] ?? 'dbc'}`;
}

/**
 * A readable template of a rule for documentation: `RD<UF><YY><MM>.dbc`, `PA<UF><YY><MM>[a-d].dbc`,
 * `DO<UF|BR><YYYY>.dbc`; irregular rules show their pattern.
 *
 * @example
 * ```ts
 * ruleTemplate(monthlyUf('BI', { split: 'underscore' })); // 'BI<UF><YY><MM>[_N].dbc'
 * ```
 */
export function ruleTemplate(rule: NameRule): string {
  if (rule.pattern !== undefined) return rule.pattern.source.replace(/^\^/, '').replace(/\$$/, '');
  const places = rule.place.map((p) => (p === 'uf' ? 'UF' : p.toUpperCase()));
  const place = places.length > 0 ? `<${places.join('|')}>` : '';
  const year = rule.year.length > 0 ? `<${rule.year.map((w) => 'Y'.repeat(w)).join('|')}>` : '';
  const split = rule.split === 'letter' ? '[a-d]' : rule.split === 'underscore' ? '[_N]' : '';
  const aliases = rule.aliases === undefined ? '' : ` (also ${rule.aliases.join(', ')})`;
  return `${rule.prefix}${place}${year}${rule.month ? '<MM>' : ''}${split}.${rule.extensions.join('|')}${aliases}`;
}
