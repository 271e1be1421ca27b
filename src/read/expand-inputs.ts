/**
 * Expands input patterns (`data/RD*.dbc`) for shells that do not, and for lists too long for a
 * command line. Wildcards (`*`, `?`, `[abc]`) apply to the file-name part; matching is
 * case-insensitive because DataSUS mixes `.dbc` and `.DBC`.
 *
 * @module
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ArrowSusError } from '../errors.js';

const WILDCARD = /[*?[]/;

/**
 * Turns a file-name pattern into a regular expression.
 *
 * @example
 * ```ts
 * patternToRegExp('RD??23*.dbc').test('rdsp2301.DBC'); // true
 * ```
 */
export function patternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, end).replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

/**
 * Expands patterns into sorted, de-duplicated paths. A plain path is kept as is (missing files
 * fail later with `FILE_NOT_FOUND`); a pattern that matches nothing fails with `FILE_NOT_FOUND`.
 *
 * @example
 * ```ts
 * await expandInputs(['data/DO*.dbc']); // ['data/DOAC2022.dbc', 'data/DOAL2022.dbc', …]
 * ```
 */
export async function expandInputs(patterns: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const pattern of patterns) {
    const name = basename(pattern);
    if (!WILDCARD.test(name)) {
      out.push(pattern);
      continue;
    }
    const dir = dirname(pattern);
    const regexp = patternToRegExp(name);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const matches = entries.filter((entry) => entry.isFile() && regexp.test(entry.name)).map((entry) => join(dir, entry.name));
    if (matches.length === 0) {
      throw new ArrowSusError('FILE_NOT_FOUND', `read: no file matches ${pattern}`, { details: { pattern } });
    }
    out.push(...matches.sort());
  }
  return [...new Set(out)];
}
