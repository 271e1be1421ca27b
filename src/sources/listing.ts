/**
 * Whole listings: text of a `LIST`/`MLSD` answer → {@link ListingEntry} rows.
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';
import { parseListLine, type ParseListOptions } from './list-line.js';
import { joinPath, type ListingEntry } from './source.js';

/**
 * Parses a full listing of `folder`. A line no parser understands makes the whole listing
 * fail with `SOURCE_PROTOCOL_ERROR`: skipping it would silently drop a file from downloads.
 *
 * @example
 * ```ts
 * parseListing('04-30-26  10:15AM       123456 RDSP2301.dbc\r\n', '/dissemin/publicos/SIHSUS/200801_/Dados');
 * // [{ path: '/dissemin/publicos/SIHSUS/200801_/Dados/RDSP2301.dbc', size: 123456, isDirectory: false, modifiedAt: … }]
 * ```
 */
export function parseListing(text: string, folder: string, options: ParseListOptions = {}): ListingEntry[] {
  const entries: ListingEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const parsed = parseListLine(line, options);
    if (parsed === undefined) continue;
    if (parsed === null) {
      throw new ArrowSusError('SOURCE_PROTOCOL_ERROR', `sources: cannot parse listing line of ${folder}: ${JSON.stringify(line.slice(0, 200))} (report the server's listing format)`, {
        details: { folder, line: line.slice(0, 200) },
      });
    }
    const entry: ListingEntry = { path: joinPath(folder, parsed.name), size: parsed.size, isDirectory: parsed.isDirectory };
    entries.push(parsed.modifiedAt === undefined ? entry : { ...entry, modifiedAt: parsed.modifiedAt });
  }
  return entries;
}
