/**
 * Pure parsers for HTTP mirror folder indexes: nginx/Apache "autoindex" HTML pages and the
 * nginx `autoindex_format json` answer.
 *
 * nginx prints exact byte sizes and UTC times by default; Apache prints rounded sizes
 * (`121K`) and server-local times. A rounded size cannot be verified against, so such entries
 * come back with `exactSize: false` and the HTTP source asks for the size with `HEAD`.
 *
 * @module
 */
import { zonedTimeToDate } from './server-time.js';

/** One entry of an index page. */
export interface IndexEntry {
  /** Decoded name, without a trailing `/`. */
  readonly name: string;
  /** Whether the entry is a folder (its link ends with `/`). */
  readonly isDirectory: boolean;
  /** Size in bytes (exact or rounded; 0 when unknown). */
  readonly size: number;
  /** Whether `size` is exact bytes (false for `121K`-style or missing sizes). */
  readonly exactSize: boolean;
  /** Modification instant, when the page shows one. */
  readonly modifiedAt?: Date;
}

/** Options of {@link parseAutoindexHtml}. */
export interface ParseIndexOptions {
  /** Time zone of the page's wall-clock times. Default `UTC` (nginx's default). */
  readonly timeZone?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const UNITS: Record<string, number> = { K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

function decodeEntities(text: string): string {
  return text
    .replaceAll('&amp;', '&')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&nbsp;', ' ');
}

function parseDate(text: string, timeZone: string): Date | undefined {
  // nginx: 30-Apr-2026 10:15 ; Apache: 2026-04-30 10:15 (optionally :ss)
  const nginx = /(\d{1,2})-([A-Za-z]{3})-(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (nginx !== null) {
    const month = MONTHS.indexOf((nginx[2] ?? '').toLowerCase()) + 1;
    if (month === 0) return undefined;
    return zonedTimeToDate(Number(nginx[3]), month, Number(nginx[1]), Number(nginx[4]), Number(nginx[5]), timeZone, Number(nginx[6] ?? 0));
  }
  const iso = /(\d{4})-(\d{2})-(\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (iso !== null) {
    return zonedTimeToDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4]), Number(iso[5]), timeZone, Number(iso[6] ?? 0));
  }
  return undefined;
}

function parseSize(text: string): { size: number; exact: boolean } {
  // The size is the last token after the date: digits (exact), 1.2K/121M (rounded) or '-'.
  const tokens = text.replace(/\d{1,2}-[A-Za-z]{3}-\d{4}\s+\d{1,2}:\d{2}(:\d{2})?|\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}(:\d{2})?/, ' ').trim().split(/\s+/);
  for (const token of tokens) {
    if (/^\d+$/.test(token)) return { size: Number(token), exact: true };
    const rounded = /^(\d+(?:\.\d+)?)([KMGT])i?B?$/i.exec(token);
    if (rounded !== null) return { size: Math.round(Number(rounded[1]) * (UNITS[(rounded[2] ?? 'K').toUpperCase()] ?? 1)), exact: false };
  }
  return { size: 0, exact: false };
}

/**
 * Parses an nginx or Apache autoindex page. Links that leave the folder (parent, absolute,
 * other hosts, sort links `?C=N;O=D`) are skipped.
 *
 * @example
 * ```ts
 * parseAutoindexHtml('<a href="DOAC2022.dbc">DOAC2022.dbc</a>   30-Apr-2026 10:15   123456\n');
 * // [{ name: 'DOAC2022.dbc', isDirectory: false, size: 123456, exactSize: true, modifiedAt: 2026-04-30T10:15:00Z }]
 * ```
 */
export function parseAutoindexHtml(html: string, options: ParseIndexOptions = {}): IndexEntry[] {
  const timeZone = options.timeZone ?? 'UTC';
  const entries: IndexEntry[] = [];
  const seen = new Set<string>();
  const anchors = [...html.matchAll(/<a\s[^>]*?href\s*=\s*["']([^"']*)["'][^>]*>[\s\S]*?<\/a>/gi)];
  for (let i = 0; i < anchors.length; i += 1) {
    const anchor = anchors[i];
    if (anchor === undefined) continue;
    const href = decodeEntities(anchor[1] ?? '');
    if (href === '' || href.startsWith('?') || href.startsWith('#') || href.startsWith('/') || href.startsWith('../') || href === '..' || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
    const isDirectory = href.endsWith('/');
    let name: string;
    try {
      name = decodeURIComponent(isDirectory ? href.slice(0, -1) : href);
    } catch {
      continue;
    }
    if (name === '' || name === '.' || name.includes('/') || seen.has(name)) continue;
    seen.add(name);
    // The facts sit between this anchor's end and the next anchor (or the end of the row/line).
    const start = (anchor.index ?? 0) + anchor[0].length;
    const next = anchors[i + 1]?.index ?? html.length;
    const tail = html.slice(start, next);
    const rowEnd = tail.search(/<\/tr>|\r?\n/i);
    const facts = decodeEntities((rowEnd >= 0 ? tail.slice(0, rowEnd) : tail).replace(/<[^>]*>/g, ' '));
    const modifiedAt = parseDate(facts, timeZone);
    const { size, exact } = isDirectory ? { size: 0, exact: true } : parseSize(facts);
    const entry: IndexEntry = { name, isDirectory, size, exactSize: exact };
    entries.push(modifiedAt === undefined ? entry : { ...entry, modifiedAt });
  }
  return entries;
}

/**
 * Parses nginx's JSON folder index (`autoindex_format json`): `[{ "name", "type", "mtime",
 * "size" }]`, with `mtime` in RFC 1123 form. Returns `null` when the value is not such an index.
 *
 * @example
 * ```ts
 * parseJsonIndex('[{"name":"DOAC2022.dbc","type":"file","mtime":"Thu, 30 Apr 2026 10:15:00 GMT","size":123456}]');
 * ```
 */
export function parseJsonIndex(text: string): IndexEntry[] | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(value)) return null;
  const entries: IndexEntry[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const record = item as Record<string, unknown>;
    if (typeof record['name'] !== 'string') return null;
    const isDirectory = record['type'] === 'directory';
    const size = typeof record['size'] === 'number' ? record['size'] : 0;
    const mtime = typeof record['mtime'] === 'string' ? new Date(record['mtime']) : undefined;
    const entry: IndexEntry = { name: record['name'], isDirectory, size, exactSize: isDirectory || typeof record['size'] === 'number' };
    entries.push(mtime === undefined || Number.isNaN(mtime.getTime()) ? entry : { ...entry, modifiedAt: mtime });
  }
  return entries;
}
