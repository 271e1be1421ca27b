/**
 * Parser for TabWin conversion files (`.CNV`), the official code → label lists shipped in every
 * system's `Auxiliar/` archive (`TAB_SIH.zip#CNV/…`, `OBITOS_CID10_TAB.zip`, `TAB_SINANNET.zip` …).
 *
 * Layout: a header line with the number of categories and the code width (further header tokens are
 * flags and are kept); then one line per category — a sequence number, the label, and, as the last
 * token, the codes: a comma-separated list of codes and `lo-hi` ranges (`01,03-05`). A category may
 * continue on further lines with the same sequence number. Lines starting with `;` are comments.
 * Columns are not fixed in practice (one SINASC file writes its code in column 60), so the parser
 * splits on whitespace instead of reading fixed columns.
 *
 * @module
 */
import { ArrowSusError } from '../../errors.js';
import { decodeText, type TextEncoding } from '../reference/text.js';
import type { ColumnDictionary } from './dictionary.js';

/**
 * One category of a CNV file.
 *
 * @example
 * ```ts
 * parseCnv(text).categories[0]; // { sequence: 1, label: 'Masculino', codes: ['1'], ranges: [] }
 * ```
 */
export interface CnvCategory {
  /** Sequence number as written. */
  readonly sequence: number;
  readonly label: string;
  /** Single codes. */
  readonly codes: readonly string[];
  /** Inclusive `[lo, hi]` ranges, compared as equal-width strings. */
  readonly ranges: readonly (readonly [string, string])[];
}

/**
 * A parsed CNV file.
 *
 * @example
 * ```ts
 * const { declaredCount, width, categories } = parseCnv(bytes);
 * ```
 */
export interface CnvTable {
  /** Number of categories the header announces. */
  readonly declaredCount: number;
  /** Code width (characters) from the header. */
  readonly width: number;
  /** Header tokens after count and width (TabWin flags). */
  readonly flags: readonly string[];
  readonly categories: readonly CnvCategory[];
}

/**
 * Options of {@link parseCnv}.
 *
 * @example
 * ```ts
 * parseCnv(bytes, { encoding: 'latin1', name: 'SEXO.CNV' });
 * ```
 */
export interface ParseCnvOptions {
  /** Text encoding of the file (TabWin files are DOS code page 850). Default `cp850`. */
  readonly encoding?: TextEncoding;
  /** File name, for error messages. */
  readonly name?: string;
}

const CODES = /^[0-9A-Za-z*.]+(?:-[0-9A-Za-z*.]+)?(?:,[0-9A-Za-z*.]+(?:-[0-9A-Za-z*.]+)?)*,?$/;

/**
 * Parses a CNV file (bytes or text). Throws `DOMAIN_TABLE_INVALID` when the header is missing.
 *
 * @example
 * ```ts
 * const cnv = parseCnv(' 3  1\n 1  Masculino   1\n 2  Feminino    2,3\n 3  Ignorado    0,9\n');
 * cnv.categories[1]?.codes; // ['2', '3']
 * ```
 */
export function parseCnv(input: Uint8Array | string, options: ParseCnvOptions = {}): CnvTable {
  const text = typeof input === 'string' ? input : decodeText(input, options.encoding ?? 'cp850');
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.trimStart().startsWith(';') && line.trim() !== '\u001a');
  const header = lines.shift()?.trim().split(/\s+/) ?? [];
  const declaredCount = Number(header[0]);
  const width = Number(header[1]);
  if (!Number.isInteger(declaredCount) || !Number.isInteger(width) || width <= 0) {
    throw new ArrowSusError('DOMAIN_TABLE_INVALID', `brazil: ${options.name ?? 'CNV file'} has no "count width" header line (is it a TabWin .CNV file?)`, {
      details: { name: options.name, header: header.join(' ') },
    });
  }
  const bySequence = new Map<number, { sequence: number; label: string; codes: string[]; ranges: [string, string][] }>();
  for (const line of lines) {
    const match = /^\s*(\d+)\s+(.*?)\s*$/.exec(line);
    if (match === null) continue;
    const sequence = Number(match[1]);
    const rest = match[2] ?? '';
    const split = /^(.*?)\s+(\S+)$/.exec(rest);
    let label = rest;
    let codeText = '';
    if (split !== null && CODES.test(split[2] ?? '')) {
      label = split[1] ?? '';
      codeText = split[2] ?? '';
    }
    let category = bySequence.get(sequence);
    if (category === undefined) {
      category = { sequence, label: label.trim(), codes: [], ranges: [] };
      bySequence.set(sequence, category);
    }
    for (const item of codeText.split(',')) {
      if (item === '') continue;
      const dash = item.indexOf('-');
      if (dash > 0) category.ranges.push([item.slice(0, dash), item.slice(dash + 1)]);
      else category.codes.push(item);
    }
  }
  return { declaredCount, width, flags: header.slice(2), categories: [...bySequence.values()] };
}

/**
 * The label of a code in a parsed CNV file (exact codes first, then ranges), or `undefined`.
 *
 * @example
 * ```ts
 * lookupCnv(cnv, '3'); // 'Feminino'
 * ```
 */
export function lookupCnv(table: CnvTable, code: string): string | undefined {
  for (const category of table.categories) if (category.codes.includes(code)) return category.label;
  for (const category of table.categories) {
    for (const [lo, hi] of category.ranges) {
      if (code.length === lo.length && code >= lo && code <= hi) return category.label;
    }
  }
  return undefined;
}

/**
 * Turns a CNV file into a column dictionary for {@link decodeLabels}. Numeric ranges are expanded up to
 * `maxExpansion` codes per range (larger ranges, like CID chapters, are left out: use `lookupCnv`).
 *
 * @example
 * ```ts
 * const dictionary = { system: 'SIH', version: 'cnv-2026-04', sources: ['TAB_SIH.zip'], columns: { SEXO: cnvToColumnDictionary(cnv) } };
 * decodeLabels(table, { system: 'SIH', dictionary });
 * ```
 */
export function cnvToColumnDictionary(table: CnvTable, maxExpansion = 10_000): ColumnDictionary {
  const labels: Record<string, string> = {};
  for (const category of table.categories) {
    for (const code of category.codes) labels[code] ??= category.label;
    for (const [lo, hi] of category.ranges) {
      if (!/^\d+$/.test(lo) || !/^\d+$/.test(hi) || lo.length !== hi.length) continue;
      const from = Number(lo);
      const to = Number(hi);
      if (to < from || to - from >= maxExpansion) continue;
      for (let n = from; n <= to; n++) labels[String(n).padStart(lo.length, '0')] ??= category.label;
    }
  }
  return { labels, note: `From a TabWin CNV file (${table.categories.length} categories).` };
}
