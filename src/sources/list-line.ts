/**
 * Pure parsers for FTP directory listings: DOS/IIS `LIST`, Unix `ls -l` style `LIST`, and
 * RFC 3659 `MLSD` facts. Bytes never reach these functions; text lines do.
 *
 * We keep our own parsers instead of basic-ftp's because the DataSUS server (IIS) prints
 * DOS-style lines whose dates must be read in its local time zone (America/Sao_Paulo, with the
 * daylight-saving history until 2019), in both 12-hour (`10:15AM`) and 24-hour (`22:15`)
 * clocks and with 2-digit (`04-30-26`) or 4-digit (`04-30-2026`) years, depending on the
 * server's regional settings.
 *
 * @module
 */
import { expandYear } from '../catalog/years.js';
import { DATASUS_TIME_ZONE, zonedTimeToDate } from './server-time.js';

/**
 * One parsed listing line: a name relative to the listed folder.
 *
 * @example
 * ```ts
 * const line: ListLine | undefined = parseDosListLine('04-30-26  10:15AM       123456 RDSP2301.dbc');
 * ```
 */
export interface ListLine {
  /** File or folder name (may contain spaces). */
  readonly name: string;
  /** Size in bytes; 0 for folders without a size. */
  readonly size: number;
  /** Modification instant, when the line carries one. */
  readonly modifiedAt?: Date;
  /** Whether the entry is a folder. */
  readonly isDirectory: boolean;
}

/**
 * Options of the listing parsers.
 *
 * @example
 * ```ts
 * parseUnixListLine(line, { timeZone: 'UTC', now: new Date('2026-04-30T00:00:00Z') });
 * ```
 */
export interface ParseListOptions {
  /**
   * IANA time zone of wall-clock times in `LIST` lines. Default `America/Sao_Paulo` (the
   * DataSUS server). `MLSD` times are UTC by definition and ignore this.
   */
  readonly timeZone?: string;
  /**
   * "Now", for Unix lines that omit the year (`Apr 30 10:15` means within the last
   * six months). Default: the current time.
   */
  readonly now?: Date;
}

// MM-DD-YY or MM-DD-YYYY, time in 12 h (with AM/PM) or 24 h, then <DIR> or a size, then the name.
const DOS_LINE =
  /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?\s+(<DIR>|\d+)\s+(\S.*)$/;

/**
 * Parses one DOS/IIS-style `LIST` line; `undefined` when the line is not in that style.
 *
 * @example
 * ```ts
 * parseDosListLine('04-30-26  10:15AM       123456 RDSP2301.dbc');
 * // { name: 'RDSP2301.dbc', size: 123456, isDirectory: false, modifiedAt: 2026-04-30T13:15:00Z }
 * parseDosListLine('04-30-2026  22:15       <DIR>          Dados')?.isDirectory; // true
 * ```
 */
export function parseDosListLine(line: string, options: ParseListOptions = {}): ListLine | undefined {
  const match = DOS_LINE.exec(line.trimEnd());
  if (match === null) return undefined;
  const [, mm, dd, yy, hh, mi, ss, ampm, sizeOrDir, name] = match;
  const month = Number(mm);
  const day = Number(dd);
  let hour = Number(hh);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = ampm.toUpperCase() === 'PM';
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) {
    return undefined;
  }
  const isDirectory = sizeOrDir === '<DIR>';
  const modifiedAt = zonedTimeToDate(
    // The catalog's fixed pivot (70–99 → 19xx): the same rule as for years in file names.
    expandYear(yy ?? ''),
    month,
    day,
    hour,
    Number(mi),
    options.timeZone ?? DATASUS_TIME_ZONE,
    Number(ss ?? 0),
  );
  return { name: name ?? '', size: isDirectory ? 0 : Number(sizeOrDir), modifiedAt, isDirectory };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// type+permissions, then anything (links, owner, group — some servers omit the group), then
// size, month, day, time-or-year, name. Anchoring on "size month day" copes with owners
// that contain spaces or digits.
const UNIX_LINE =
  /^([-dlbcps])[-rwxsStTlL+.@]{9}\S*\s+.*?\s(\d+)\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}:\d{2}|\d{4})\s(.+)$/;

/**
 * Parses one Unix `ls -l` style `LIST` line (vsftpd, ProFTPD, pure-ftpd…); `undefined` when
 * the line is not in that style. Symbolic links keep their name (the `-> target` part is cut)
 * and count as files. Lines without a year are placed within the six months before `now`.
 *
 * @example
 * ```ts
 * parseUnixListLine('-rw-r--r--    1 ftp      ftp        100000 Apr 30  2025 DOAC2022.dbc');
 * // { name: 'DOAC2022.dbc', size: 100000, isDirectory: false, modifiedAt: 2025-04-30T03:00:00Z }
 * ```
 */
export function parseUnixListLine(line: string, options: ParseListOptions = {}): ListLine | undefined {
  const match = UNIX_LINE.exec(line.trimEnd());
  if (match === null) return undefined;
  const [, type, size, monthName, dd, timeOrYear, rawName] = match;
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase()) + 1;
  if (month === 0) return undefined;
  const day = Number(dd);
  const timeZone = options.timeZone ?? DATASUS_TIME_ZONE;
  let modifiedAt: Date;
  if ((timeOrYear ?? '').includes(':')) {
    const [hh, mi] = (timeOrYear ?? '').split(':').map(Number);
    const now = options.now ?? new Date();
    let year = now.getUTCFullYear();
    modifiedAt = zonedTimeToDate(year, month, day, hh ?? 0, mi ?? 0, timeZone);
    // ls prints HH:MM for files younger than six months: a date ahead of now (one day of
    // slack for clock and zone differences) belongs to the previous year.
    if (modifiedAt.getTime() > now.getTime() + 86_400_000) {
      year -= 1;
      modifiedAt = zonedTimeToDate(year, month, day, hh ?? 0, mi ?? 0, timeZone);
    }
  } else {
    modifiedAt = zonedTimeToDate(Number(timeOrYear), month, day, 0, 0, timeZone);
  }
  let name = rawName ?? '';
  if (type === 'l') {
    const arrow = name.indexOf(' -> ');
    if (arrow >= 0) name = name.slice(0, arrow);
  }
  const isDirectory = type === 'd';
  return { name, size: Number(size), modifiedAt, isDirectory };
}

/**
 * Parses one RFC 3659 `MLSD` line (`fact=value;…; name`); `undefined` for the current and
 * parent folder entries (`type=cdir`/`pdir`) and for lines that are not MLSD. `modify` is UTC
 * by definition.
 *
 * @example
 * ```ts
 * parseMlsdLine('type=file;size=123456;modify=20260430131500; RDSP2301.dbc');
 * // { name: 'RDSP2301.dbc', size: 123456, isDirectory: false, modifiedAt: 2026-04-30T13:15:00Z }
 * ```
 */
export function parseMlsdLine(line: string): ListLine | undefined {
  const text = line.replace(/[\r\n]+$/, '');
  const space = text.indexOf(' ');
  if (space <= 0 || !text.slice(0, space).includes('=')) return undefined;
  const facts = new Map<string, string>();
  for (const fact of text.slice(0, space).split(';')) {
    if (fact === '') continue;
    const eq = fact.indexOf('=');
    if (eq <= 0) return undefined;
    facts.set(fact.slice(0, eq).toLowerCase(), fact.slice(eq + 1));
  }
  const name = text.slice(space + 1);
  const type = (facts.get('type') ?? '').toLowerCase();
  if (type === 'cdir' || type === 'pdir' || name === '.' || name === '..') return undefined;
  const isDirectory = type === 'dir';
  const size = Number(facts.get('size') ?? facts.get('sizd') ?? 0);
  const modify = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,3}))?$/.exec(facts.get('modify') ?? '');
  const entry: ListLine = { name, size: Number.isFinite(size) ? size : 0, isDirectory };
  if (modify === null) return entry;
  const [, y, mo, d, h, mi, s, ms] = modify;
  const millis = Number((ms ?? '0').padEnd(3, '0'));
  const modifiedAt = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), millis));
  return { ...entry, modifiedAt };
}

const MLSD_FACTS = /^(?:[A-Za-z0-9.-]+=[^;= ]*;)+ /;

/**
 * Parses a listing line of any supported style (MLSD facts, DOS/IIS, Unix). Returns
 * `undefined` for lines that carry no entry (blank, `total N`, `.`/`..`) and `null` for a line
 * no parser understands, so callers can refuse a listing they would only half read.
 *
 * @example
 * ```ts
 * parseListLine('04-30-26  10:15AM       <DIR>          Dados')?.isDirectory; // true
 * parseListLine('total 12'); // undefined
 * parseListLine('garbage'); // null
 * ```
 */
export function parseListLine(line: string, options: ParseListOptions = {}): ListLine | undefined | null {
  const text = line.replace(/[\r\n]+$/, '');
  if (text.trim() === '' || /^total\s+\d+$/i.test(text.trim())) return undefined;
  // MLSD facts first: a cdir/pdir line is a valid line that carries no entry.
  if (MLSD_FACTS.test(text)) return parseMlsdLine(text);
  const entry = parseDosListLine(text, options) ?? parseUnixListLine(text, options);
  if (entry === undefined) return null;
  if (entry.name === '.' || entry.name === '..') return undefined;
  return entry;
}
