/**
 * UTC offsets and local ↔ instant conversions for Brazilian zones, through `Intl` (the runtime's ICU
 * tz database), so historical rules — DST every summer until 2018/19, Acre and western Amazonas on
 * UTC−4 from 2008-06-24 to 2013-11-10, western Pará on UTC−4 until 2008-06-24 — come from tzdata and
 * never from hand-written tables.
 *
 * @module
 */
import { ArrowSusError } from '../../errors.js';

/**
 * A wall-clock date and time in some zone.
 *
 * @example
 * ```ts
 * const local: LocalDateTime = { year: 2018, month: 11, day: 4, hour: 0, minute: 30 };
 * ```
 */
export interface LocalDateTime {
  readonly year: number;
  /** 1…12 */
  readonly month: number;
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        timeZoneName: 'longOffset',
      });
    } catch (error) {
      throw new ArrowSusError('DOMAIN_INVALID_CODE', `brazil: unknown time zone "${zone}" (use an IANA name such as America/Sao_Paulo)`, {
        cause: error,
        details: { zone },
      });
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * The zone's offset from UTC, in minutes, at an instant (e.g. −180 for UTC−3).
 *
 * @example
 * ```ts
 * utcOffsetMinutes('America/Sao_Paulo', new Date('2018-12-01T12:00:00Z')); // -120 (DST)
 * utcOffsetMinutes('America/Rio_Branco', new Date('2010-06-01T12:00:00Z')); // -240
 * ```
 */
export function utcOffsetMinutes(zone: string, instant: Date): number {
  const name = formatterFor(zone).formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (match === null) throw new ArrowSusError('INTERNAL', `brazil: unexpected offset "${name}" from Intl for ${zone}`);
  if (match[1] === undefined) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The wall-clock time in a zone at an instant.
 *
 * @example
 * ```ts
 * toLocalDateTime(new Date('2010-06-01T12:00:00Z'), 'America/Rio_Branco'); // { year: 2010, month: 6, day: 1, hour: 8, … }
 * ```
 */
export function toLocalDateTime(instant: Date, zone: string): Required<LocalDateTime> {
  const parts = formatterFor(zone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/**
 * The instant of a wall-clock time in a zone. When the time falls in a DST gap (Brazil moved clocks
 * from 00:00 to 01:00, so midnight of a DST start day does not exist) the instant is taken with the
 * offset in force just before the gap, which lands after it (00:30 → 01:30 DST); when it falls twice
 * (the hour repeated at DST end) the earlier instant is returned.
 *
 * @example
 * ```ts
 * toInstant({ year: 2018, month: 12, day: 1, hour: 12 }, 'America/Sao_Paulo').toISOString(); // '2018-12-01T14:00:00.000Z'
 * ```
 */
export function toInstant(local: LocalDateTime, zone: string): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0, local.second ?? 0);
  // Two candidate offsets: the one in force a day before and a day after the wall time cover every
  // transition (Brazilian transitions are at least months apart).
  const before = utcOffsetMinutes(zone, new Date(wall - 86_400_000));
  const after = utcOffsetMinutes(zone, new Date(wall + 86_400_000));
  const candidates = [wall - before * 60_000, wall - after * 60_000].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (utcOffsetMinutes(zone, new Date(candidate)) * 60_000 + candidate === wall) return new Date(candidate);
  }
  // In a gap: no candidate maps back to the wall time; use the earlier offset (lands after the gap).
  return new Date(wall - before * 60_000);
}
