/**
 * Wall-clock times in a server's time zone → instants.
 *
 * FTP `LIST` answers (DOS/IIS and Unix styles) and autoindex pages print local wall-clock
 * times with no offset. The DataSUS FTP server runs in `America/Sao_Paulo`, which observed
 * daylight saving time every summer until February 2019, so a fixed −03:00 would be an hour off
 * for many older files; we resolve the offset with the IANA database through `Intl`.
 *
 * @module
 */

/**
 * Time zone of the DataSUS FTP server's listings.
 *
 * @example
 * ```ts
 * parseDosListLine(line, { timeZone: DATASUS_TIME_ZONE });
 * ```
 */
export const DATASUS_TIME_ZONE = 'America/Sao_Paulo';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of `timeZone` from UTC at instant `epochMs`, in milliseconds (e.g. −3 h for São Paulo). */
function zoneOffsetMs(timeZone: string, epochMs: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    fields['year'] ?? 1970,
    (fields['month'] ?? 1) - 1,
    fields['day'] ?? 1,
    fields['hour'] ?? 0,
    fields['minute'] ?? 0,
    fields['second'] ?? 0,
  );
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * Converts a wall-clock time in `timeZone` to a `Date`. In the hour repeated when daylight
 * saving ends, the earlier instant wins; in the hour skipped when it starts, the time is read
 * with the offset in force before the jump.
 *
 * @example
 * ```ts
 * zonedTimeToDate(2026, 4, 30, 10, 15, 'America/Sao_Paulo').toISOString(); // '2026-04-30T13:15:00.000Z'
 * ```
 */
export function zonedTimeToDate(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
  second = 0,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (timeZone === 'UTC') return new Date(wall);
  // Try the offsets in force a day before and a day after: a wall time is valid with an offset
  // when converting back gives that same offset (no zone moves twice within two days).
  const day_ = 86_400_000;
  const before = zoneOffsetMs(timeZone, wall - day_);
  const after = zoneOffsetMs(timeZone, wall + day_);
  const valid = [wall - before, wall - after].filter((t, i) => zoneOffsetMs(timeZone, t) === (i === 0 ? before : after));
  if (valid.length === 0) return new Date(wall - before);
  return new Date(Math.min(...valid));
}
