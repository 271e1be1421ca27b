import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrowSusError } from '../../src/errors.js';
import { parseDosListLine, parseListLine, parseListing, parseMlsdLine, parseUnixListLine, zonedTimeToDate } from '../../src/sources/index.js';
import { SHARED_DIR, describeShared } from '../helpers/shared.js';

describe('parseDosListLine (IIS, the DataSUS server)', () => {
  it('reads a 12-hour, 2-digit-year file line in São Paulo time', () => {
    const entry = parseDosListLine('04-30-26  10:15AM              1325 CRAC0801.dbc');
    expect(entry).toEqual({ name: 'CRAC0801.dbc', size: 1325, isDirectory: false, modifiedAt: new Date('2026-04-30T13:15:00Z') });
  });

  it('reads folders, PM, midnight and noon', () => {
    expect(parseDosListLine('07-09-19  10:52PM       <DIR>          Auxiliar')).toEqual({
      name: 'Auxiliar',
      size: 0,
      isDirectory: true,
      modifiedAt: new Date('2019-07-10T01:52:00Z'),
    });
    expect(parseDosListLine('01-02-24  12:05AM                 7 A.dbc')?.modifiedAt).toEqual(new Date('2024-01-02T03:05:00Z'));
    expect(parseDosListLine('01-02-24  12:05PM                 7 A.dbc')?.modifiedAt).toEqual(new Date('2024-01-02T15:05:00Z'));
  });

  it('reads 24-hour clocks and 4-digit years', () => {
    expect(parseDosListLine('04-30-2026  22:15       123456 RDSP2301.dbc')).toEqual({
      name: 'RDSP2301.dbc',
      size: 123456,
      isDirectory: false,
      modifiedAt: new Date('2026-05-01T01:15:00Z'),
    });
    expect(parseDosListLine('12-18-2013  10:56       <DIR>          Dados')?.isDirectory).toBe(true);
  });

  it('applies daylight saving time for dates before 2019 (UTC−2 in summer)', () => {
    // 2013-12-18 was inside the 2013/14 DST season in America/Sao_Paulo.
    expect(parseDosListLine('12-18-13  10:56AM              1325 CRAC0801.dbc')?.modifiedAt).toEqual(new Date('2013-12-18T12:56:00Z'));
    expect(parseDosListLine('12-18-13  10:56AM              1325 CRAC0801.dbc', { timeZone: 'UTC' })?.modifiedAt).toEqual(new Date('2013-12-18T10:56:00Z'));
  });

  it('expands 2-digit years with the fixed 70 pivot', () => {
    expect(parseDosListLine('03-01-79  09:00AM              10 DORBR79.dbc')?.modifiedAt?.getUTCFullYear()).toBe(1979);
    expect(parseDosListLine('03-01-69  09:00AM              10 X.dbc')?.modifiedAt?.getUTCFullYear()).toBe(2069);
  });

  it('keeps names with spaces and rejects impossible dates and clocks', () => {
    expect(parseDosListLine('04-30-26  10:15AM              100 Leia me.pdf')?.name).toBe('Leia me.pdf');
    expect(parseDosListLine('13-30-26  10:15AM              100 x.dbc')).toBeUndefined();
    expect(parseDosListLine('04-30-26  13:15PM              100 x.dbc')).toBeUndefined();
    expect(parseDosListLine('04-30-26  24:15              100 x.dbc')).toBeUndefined();
    expect(parseDosListLine('-rw-r--r-- 1 ftp ftp 100 Apr 30 10:15 x.dbc')).toBeUndefined();
  });

  it('round-trips every variant (property, fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.nat(4_000_000_000),
        fc.boolean(),
        fc.boolean(),
        fc.stringMatching(/^[A-Z][A-Z0-9_]{2,9}\.(dbc|DBC|DBF|zip)$/),
        (date, size, twelve, fourDigit, name) => {
          const minuteDate = new Date(Math.floor(date.getTime() / 60_000) * 60_000);
          // Print the instant as São Paulo wall-clock time, the way IIS does.
          const parts = Object.fromEntries(
            new Intl.DateTimeFormat('en-US', { timeZone: 'America/Sao_Paulo', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
              .formatToParts(minuteDate)
              .map((part) => [part.type, part.value]),
          );
          const hour = Number(parts['hour']);
          const clock = twelve ? `${String(hour % 12 === 0 ? 12 : hour % 12).padStart(2, '0')}:${parts['minute']}${hour < 12 ? 'AM' : 'PM'}` : `${parts['hour']}:${parts['minute']}`;
          const year = fourDigit ? parts['year'] : (parts['year'] ?? '').slice(2);
          const line = `${parts['month']}-${parts['day']}-${year}  ${clock} ${String(size).padStart(20)} `;
          const entry = parseDosListLine(`${line}${name}`);
          expect(entry?.size).toBe(size);
          expect(entry?.name).toBe(name);
          // Wall times repeated when DST ended resolve to the earlier instant.
          const back = entry?.modifiedAt?.getTime() ?? 0;
          expect([minuteDate.getTime(), minuteDate.getTime() - 3_600_000]).toContain(back);
        },
      ),
      { seed: 20260430, numRuns: 300 },
    );
  });
});

describe('parseUnixListLine', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  it('reads vsftpd lines with years and with times (year inferred from "now")', () => {
    expect(parseUnixListLine('-rw-r--r--    1 ftp      ftp        100000 Apr 30  2025 DOAC2022.dbc', { timeZone: 'UTC', now })).toEqual({
      name: 'DOAC2022.dbc',
      size: 100000,
      isDirectory: false,
      modifiedAt: new Date('2025-04-30T00:00:00Z'),
    });
    expect(parseUnixListLine('drwxr-xr-x    2 ftp      ftp          4096 Dec 25 23:32 Dados', { timeZone: 'UTC', now })).toMatchObject({ name: 'Dados', isDirectory: true, modifiedAt: new Date('2025-12-25T23:32:00Z') });
    // Within a day ahead of now (clock and zone slack) stays in the current year.
    expect(parseUnixListLine('drwxr-xr-x    2 ftp      ftp          4096 Nov 21 23:32 Dados', { timeZone: 'UTC', now })?.modifiedAt).toEqual(new Date('2026-11-21T23:32:00Z'));
    expect(parseUnixListLine('-rw-r--r--    1 ftp      ftp        100 Nov 20 10:00 A.dbc', { timeZone: 'UTC', now })?.modifiedAt).toEqual(new Date('2026-11-20T10:00:00Z'));
  });

  it('reads ProFTPD/pure-ftpd variants: no group, numeric owners, symlinks, spaces', () => {
    expect(parseUnixListLine('-rw-r--r--   1 1000 1000   2234 Jan  5  2021 ACFAP2009.dbc', { now })?.size).toBe(2234);
    expect(parseUnixListLine('-rw-r--r--   1 owner   2234 Jan  5  2021 no group.dbc', { now })?.name).toBe('no group.dbc');
    expect(parseUnixListLine('lrwxrwxrwx   1 ftp ftp   12 Jan  5  2021 latest -> DOAC2022.dbc', { now })).toMatchObject({ name: 'latest', isDirectory: false });
    expect(parseUnixListLine('04-30-26  10:15AM  100 x.dbc')).toBeUndefined();
  });
});

describe('parseMlsdLine', () => {
  it('reads facts in any case and order, UTC times with fractions', () => {
    expect(parseMlsdLine('type=file;size=123456;modify=20260430131500; RDSP2301.dbc')).toEqual({
      name: 'RDSP2301.dbc',
      size: 123456,
      isDirectory: false,
      modifiedAt: new Date('2026-04-30T13:15:00Z'),
    });
    expect(parseMlsdLine('Modify=20190709105200.123;Perm=el;Type=dir;Unique=801U2F; Auxiliar')).toMatchObject({ name: 'Auxiliar', isDirectory: true, modifiedAt: new Date('2019-07-09T10:52:00.123Z') });
    expect(parseMlsdLine('type=file;size=10; name with spaces.dbc')?.name).toBe('name with spaces.dbc');
  });

  it('skips the current and parent folder entries', () => {
    expect(parseMlsdLine('type=cdir;modify=20260430131500; .')).toBeUndefined();
    expect(parseMlsdLine('type=pdir;modify=20260430131500; ..')).toBeUndefined();
    expect(parseListLine('type=cdir;modify=20260430131500; /dissemin')).toBeUndefined();
  });
});

describe('parseListLine and parseListing', () => {
  it('detects the style of each line and skips non-entries', () => {
    expect(parseListLine('total 12')).toBeUndefined();
    expect(parseListLine('')).toBeUndefined();
    expect(parseListLine('drwxr-xr-x 2 ftp ftp 4096 Nov 21 23:32 .')).toBeUndefined();
    expect(parseListLine('04-30-26  10:15AM       <DIR>          Dados')?.isDirectory).toBe(true);
    expect(parseListLine('type=file;size=1; A.dbc')?.size).toBe(1);
    expect(parseListLine('something else entirely')).toBeNull();
  });

  it('joins names to the folder and refuses a listing with an unknown line', () => {
    const text = '04-30-26  10:15AM              1325 CRAC0801.dbc\r\n04-30-26  10:15AM       <DIR>          Old\r\n';
    expect(parseListing(text, '/dissemin/publicos/CIH/200801_201012/Dados/').map((entry) => entry.path)).toEqual([
      '/dissemin/publicos/CIH/200801_201012/Dados/CRAC0801.dbc',
      '/dissemin/publicos/CIH/200801_201012/Dados/Old',
    ]);
    let error: unknown;
    try {
      parseListing(`${text}???\r\n`, '/x');
    } catch (caught) {
      error = caught;
    }
    expect(ArrowSusError.is(error, 'SOURCE_PROTOCOL_ERROR')).toBe(true);
  });
});

describeShared('listing parsers on the real 2026-04-30 DataSUS listing', () => {
  it('parses every CIH and SIM entry printed as IIS lines back to its size and time', async () => {
    if (SHARED_DIR === undefined) return;
    const lines = createInterface({ input: createReadStream(join(SHARED_DIR, 'listings', 'ftp-files-2026-04-30.tsv.gz')).pipe(createGunzip()) });
    let checked = 0;
    for await (const line of lines) {
      const [path, size, datetime] = line.split('\t');
      if (path === undefined || size === undefined || datetime === undefined || !/^\/dissemin\/publicos\/(CIH|SIM)\//.test(path)) continue;
      const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(datetime);
      if (match === null) continue;
      const [, y, mo, d, h, mi] = match;
      const hour = Number(h);
      const name = path.slice(path.lastIndexOf('/') + 1);
      const dosLine = `${mo}-${d}-${(y ?? '').slice(2)}  ${String(hour % 12 === 0 ? 12 : hour % 12).padStart(2, '0')}:${mi}${hour < 12 ? 'AM' : 'PM'} ${size.padStart(20)} ${name}`;
      const entry = parseListLine(dosLine);
      expect(entry).toEqual({
        name,
        size: Number(size),
        isDirectory: false,
        modifiedAt: zonedTimeToDate(Number(y), Number(mo), Number(d), hour, Number(mi), 'America/Sao_Paulo'),
      });
      checked += 1;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
