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
import { toInstant } from '../brazil/time/offsets.js';

/**
 * Time zone of the DataSUS FTP server's listings.
 *
 * @example
 * ```ts
 * parseDosListLine(line, { timeZone: DATASUS_TIME_ZONE });
 * ```
 */
export const DATASUS_TIME_ZONE = 'America/Sao_Paulo';

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
  if (timeZone === 'UTC') return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // The same rules as the domain's wall-clock conversion (one implementation for the project).
  return toInstant({ year, month, day, hour, minute, second }, timeZone);
}
