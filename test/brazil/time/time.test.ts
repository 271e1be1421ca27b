/**
 * Zones per UF/municipality, historical offsets checked against the runtime's ICU tz data and against
 * the documented transitions, DataSUS date parsers and age decoders.
 */
import { DateDay, Int32, Utf8, vectorFromArray } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MUNICIPALITY_TIME_ZONES,
  decodeSihAge,
  decodeSimAge,
  decodeSinanAge,
  parseDataSusDate,
  parseDateColumn,
  timeZoneForMunicipality,
  timeZoneForUf,
  toInstant,
  toLocalDateTime,
  utcOffsetMinutes,
} from '../../../src/brazil/time/index.js';
import { UFS } from '../../../src/brazil/geo/ufs.js';

const at = (iso: string): Date => new Date(iso);

describe('time zones', () => {
  it('every UF has a zone the runtime knows', () => {
    for (const uf of UFS) expect(() => new Intl.DateTimeFormat('en', { timeZone: uf.timeZone })).not.toThrow();
    expect(timeZoneForUf('AC')).toBe('America/Rio_Branco');
    expect(timeZoneForUf(35)).toBe('America/Sao_Paulo');
  });
  it('the three exception areas', () => {
    expect(timeZoneForMunicipality('1301407')).toBe('America/Eirunepe'); // Eirunepé
    expect(timeZoneForMunicipality('130260')).toBe('America/Manaus'); // Manaus
    expect(timeZoneForMunicipality('1304062')).toBe('America/Manaus'); // Tabatinga: on the 1913 line, kept in UTC−4
    expect(timeZoneForMunicipality('2605459')).toBe('America/Noronha'); // Fernando de Noronha
    expect(timeZoneForMunicipality('261160')).toBe('America/Recife'); // Recife
    expect(timeZoneForMunicipality('150680')).toBe('America/Santarem'); // Santarém
    expect(timeZoneForMunicipality('150140')).toBe('America/Belem'); // Belém
    expect([...MUNICIPALITY_TIME_ZONES.values()].filter((z) => z === 'America/Eirunepe')).toHaveLength(11);
    expect(timeZoneForMunicipality('990000')).toBeUndefined();
  });
});

describe('historical offsets (tzdata through Intl)', () => {
  it('São Paulo: DST 2018/19 started on 2018-11-04 and ended on 2019-02-17; none since', () => {
    expect(utcOffsetMinutes('America/Sao_Paulo', at('2018-11-03T12:00:00Z'))).toBe(-180);
    expect(utcOffsetMinutes('America/Sao_Paulo', at('2018-12-01T12:00:00Z'))).toBe(-120);
    expect(utcOffsetMinutes('America/Sao_Paulo', at('2019-02-18T12:00:00Z'))).toBe(-180);
    expect(utcOffsetMinutes('America/Sao_Paulo', at('2019-12-01T12:00:00Z'))).toBe(-180);
    // Midnight of 2018-11-04 did not exist in São Paulo: clocks jumped from 00:00 to 01:00.
    const gap = toInstant({ year: 2018, month: 11, day: 4, hour: 0, minute: 30 }, 'America/Sao_Paulo');
    expect(toLocalDateTime(gap, 'America/Sao_Paulo')).toMatchObject({ day: 4, hour: 1, minute: 30 });
  });
  it('Acre: UTC−5, UTC−4 from 2008-06-24 to 2013-11-10, UTC−5 again', () => {
    expect(utcOffsetMinutes('America/Rio_Branco', at('2008-01-15T12:00:00Z'))).toBe(-300);
    expect(utcOffsetMinutes('America/Rio_Branco', at('2010-06-01T12:00:00Z'))).toBe(-240);
    expect(utcOffsetMinutes('America/Rio_Branco', at('2014-01-15T12:00:00Z'))).toBe(-300);
    expect(utcOffsetMinutes('America/Eirunepe', at('2010-06-01T12:00:00Z'))).toBe(-240);
  });
  it('western Pará was one hour behind Belém until 2008-06-24', () => {
    expect(utcOffsetMinutes('America/Santarem', at('2008-01-15T12:00:00Z'))).toBe(-240);
    expect(utcOffsetMinutes('America/Belem', at('2008-01-15T12:00:00Z'))).toBe(-180);
    expect(utcOffsetMinutes('America/Santarem', at('2009-01-15T12:00:00Z'))).toBe(-180);
    expect(utcOffsetMinutes('America/Noronha', at('2020-01-15T12:00:00Z'))).toBe(-120);
  });
  it('local ↔ instant conversions agree with ICU formatting on 20,000 seeded instants 1985–2030', () => {
    const zones = [...new Set([...UFS.map((uf) => uf.timeZone), ...MUNICIPALITY_TIME_ZONES.values()])];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1985, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const instant = new Date(Math.floor(ms / 60_000) * 60_000);
        const local = toLocalDateTime(instant, zone);
        // Independent reading of the same ICU data: the offset equals wall clock minus UTC.
        const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
        expect((wall - instant.getTime()) / 60_000).toBe(utcOffsetMinutes(zone, instant));
        // Round trip: ambiguous wall times (DST end) map to the earlier instant.
        const back = toInstant(local, zone).getTime();
        expect(back === instant.getTime() || back === instant.getTime() - 3_600_000).toBe(true);
      }),
      { seed: 20180204, numRuns: 20_000 },
    );
  });
});

describe('DataSUS dates', () => {
  it('parses the three layouts and rejects non-dates', () => {
    expect(parseDataSusDate('29022020', 'DDMMYYYY')).toBe(Date.UTC(2020, 1, 29) / 86_400_000);
    expect(parseDataSusDate('20200229', 'YYYYMMDD')).toBe(Date.UTC(2020, 1, 29) / 86_400_000);
    expect(parseDataSusDate('202301', 'YYYYMM')).toBe(Date.UTC(2023, 0, 1) / 86_400_000);
    expect(parseDataSusDate('29022019', 'DDMMYYYY')).toBeUndefined();
    expect(parseDataSusDate('00000000', 'YYYYMMDD')).toBeUndefined();
    expect(parseDataSusDate('202313', 'YYYYMM')).toBeUndefined();
    expect(parseDataSusDate('        ', 'DDMMYYYY')).toBeNull();
  });
  it('builds a Date32 column with nulls for blanks and invalid values, counted apart', () => {
    const column = vectorFromArray(['01012020', '', null, '31022019', '3112199', '15111889'], new Utf8());
    const { dates, counts } = parseDateColumn(column, 'DDMMYYYY');
    expect(counts).toEqual({ valid: 2, invalid: 2, nulls: 2 });
    expect(String(dates.type)).toBe('Date32<DAY>');
    expect(dates.get(0)).toBe(Date.UTC(2020, 0, 1));
    expect(dates.get(3)).toBeNull();
    expect(dates.get(5)).toBe(Date.UTC(1889, 10, 15));
  });
  it('passes Date32 columns (SINAN DBF D fields) through unchanged', () => {
    const column = vectorFromArray([new Date(Date.UTC(2020, 0, 1)), null], new DateDay());
    const { dates, counts } = parseDateColumn(column, 'YYYYMMDD');
    expect(dates).toBe(column);
    expect(counts).toEqual({ valid: 1, invalid: 0, nulls: 1 });
  });
  it('agrees with Date.UTC on 50,000 seeded calendar dates in every layout', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), (date) => {
        const y = String(date.getUTCFullYear()).padStart(4, '0');
        const m = String(date.getUTCMonth() + 1).padStart(2, '0');
        const d = String(date.getUTCDate()).padStart(2, '0');
        const day = Math.floor(date.getTime() / 86_400_000);
        expect(parseDataSusDate(`${d}${m}${y}`, 'DDMMYYYY')).toBe(day);
        expect(parseDataSusDate(`${y}${m}${d}`, 'YYYYMMDD')).toBe(day);
        expect(parseDataSusDate(`${y}${m}`, 'YYYYMM')).toBe(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 86_400_000);
      }),
      { seed: 1996, numRuns: 50_000 },
    );
  });
});

describe('age decoders', () => {
  it('SIM IDADE: unit digit + 2-digit value, 5xx = 100 + value, 000/999 missing', () => {
    const { years, days, counts } = decodeSimAge(vectorFromArray(['435', '203', '311', '110', '030', '501', '999', '000', '7AB', '612', null], new Utf8()));
    expect(years.toArray().slice(0, 6)).toEqual(Int32Array.from([35, 0, 0, 0, 0, 101]));
    expect([...Array(11).keys()].map((i) => years.get(i))).toEqual([35, 0, 0, 0, 0, 101, null, null, null, null, null]);
    expect(days.get(1)).toBe(3);
    expect(days.get(2)).toBe(334); // 11 months · 30.4375
    expect(counts).toEqual({ valid: 6, invalid: 2, nulls: 3 });
  });
  it('SIH COD_IDADE + IDADE, with numeric IDADE as the DBF reader gives it', () => {
    const units = vectorFromArray(['4', '3', '2', '5', '0', '9'], new Utf8());
    const values = vectorFromArray([35, 6, 20, 2, 0, 1], new Int32());
    const { years, days, counts } = decodeSihAge(units, values);
    expect([0, 1, 2, 3, 4, 5].map((i) => years.get(i))).toEqual([35, 0, 0, 102, null, null]);
    expect(days.get(2)).toBe(20);
    expect(counts).toEqual({ valid: 4, invalid: 1, nulls: 1 });
  });
  it('SINAN NU_IDADE_N: the value is the last three digits (4029 = 29 years, not 2)', () => {
    const { years, days, counts } = decodeSinanAge(vectorFromArray([4029, 4010, 3006, 2015, 1012, 4100, 5001, null]));
    expect([0, 1, 2, 3, 4, 5].map((i) => years.get(i))).toEqual([29, 10, 0, 0, 0, 100]);
    expect(days.get(3)).toBe(15);
    expect(counts).toEqual({ valid: 6, invalid: 1, nulls: 1 });
    expect(decodeSinanAge(vectorFromArray(['4029'], new Utf8())).years.get(0)).toBe(29);
  });
});
