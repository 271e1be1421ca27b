import { describe, expect, it } from 'vitest';
import { dbfHeaderLength, encodeDbf, encodeDbfHeader, parseDbfHeader } from '../../src/dbf/index.js';
import { expectCode } from './helpers.js';

const FIELDS = [
  { name: 'UF_ZI', type: 'C', length: 6 },
  { name: 'IDADE', type: 'N', length: 3 },
  { name: 'VAL', type: 'N', length: 10, decimals: 2 },
  { name: 'DT', type: 'D' },
  { name: 'OK', type: 'L' },
];

describe('parseDbfHeader', () => {
  it('reads the table and field descriptors', () => {
    const bytes = encodeDbf(FIELDS, [['350000', 42, 1.5, '20200131', true]], { lastUpdate: new Date(Date.UTC(2016, 1, 12)), codePage: 0x58 });
    const header = parseDbfHeader(bytes);
    expect(header).toMatchObject({ version: 3, recordCount: 1, headerLength: 193, recordLength: 29, codePage: 0x58 });
    expect(header.lastUpdate?.toISOString()).toBe('2016-02-12T00:00:00.000Z');
    expect(header.fields).toEqual([
      { name: 'UF_ZI', type: 'C', length: 6, decimals: 0, offset: 1 },
      { name: 'IDADE', type: 'N', length: 3, decimals: 0, offset: 7 },
      { name: 'VAL', type: 'N', length: 10, decimals: 2, offset: 10 },
      { name: 'DT', type: 'D', length: 8, decimals: 0, offset: 20 },
      { name: 'OK', type: 'L', length: 1, decimals: 0, offset: 28 },
    ]);
    expect(dbfHeaderLength(bytes.subarray(0, 32))).toBe(193);
  });

  it('reads both year conventions of the header date', () => {
    const since1900 = parseDbfHeader(encodeDbfHeader(FIELDS, 0, { lastUpdate: new Date(Date.UTC(2016, 1, 12)) }));
    const twoDigit = parseDbfHeader(encodeDbfHeader(FIELDS, 0, { lastUpdate: new Date(Date.UTC(2006, 6, 11)), yearStyle: 'twoDigit' }));
    const nineties = parseDbfHeader(encodeDbfHeader(FIELDS, 0, { lastUpdate: new Date(Date.UTC(1995, 7, 24)), yearStyle: 'twoDigit' }));
    expect(since1900.lastUpdate?.getUTCFullYear()).toBe(2016);
    expect(twoDigit.lastUpdate?.getUTCFullYear()).toBe(2006);
    expect(nineties.lastUpdate?.getUTCFullYear()).toBe(1995);
    const bytes = encodeDbfHeader(FIELDS, 0);
    bytes[2] = 13; // month 13
    expect(parseDbfHeader(bytes).lastUpdate).toBeUndefined();
  });

  it('ends the field list at 0x00 (CNES ST) and trusts a longer H', () => {
    const zero = parseDbfHeader(encodeDbfHeader(FIELDS, 0, { terminator: 0x00 }));
    expect(zero.fields.map((f) => f.name)).toEqual(['UF_ZI', 'IDADE', 'VAL', 'DT', 'OK']);
    const padded = parseDbfHeader(encodeDbfHeader(FIELDS, 0, { headerPadding: 1 }));
    expect(padded.headerLength).toBe(194);
    expect(padded.fields).toHaveLength(5);
  });

  it('ends the field list at H when no terminator is present', () => {
    const bytes = encodeDbfHeader([{ name: 'A', type: 'C', length: 2 }, { name: 'B', type: 'C', length: 1 }], 0);
    bytes[96] = 0x41; // overwrite the 0x0D terminator: only H (97) bounds the list
    expect(parseDbfHeader(bytes).fields.map((f) => f.name)).toEqual(['A', 'B']);
  });

  it('rejects what is not a DBF with DBF_INVALID_HEADER', async () => {
    const text = new TextEncoder().encode('This is an invalid DBF file.\n');
    await expectCode(() => parseDbfHeader(text), 'DBF_INVALID_HEADER');
    await expectCode(() => dbfHeaderLength(text), 'DBF_INVALID_HEADER');
    const long = new TextEncoder().encode('This is an invalid DBF file, but long enough to fill a header.');
    await expectCode(() => parseDbfHeader(long), 'DBF_INVALID_HEADER');
    const small = encodeDbfHeader(FIELDS, 0);
    new DataView(small.buffer).setUint16(10, 1, true);
    await expectCode(() => parseDbfHeader(small), 'DBF_INVALID_HEADER');
  });

  it('rejects a header length far beyond its fields (lying H) without reading past the bytes given', async () => {
    const bytes = encodeDbfHeader(FIELDS, 0);
    new DataView(bytes.buffer).setUint16(8, 0xffff, true);
    // only 193 bytes present: incomplete, not allocated
    await expectCode(() => parseDbfHeader(bytes), 'DBF_TRUNCATED');
    const padded = new Uint8Array(0xffff);
    padded.set(bytes);
    await expectCode(() => parseDbfHeader(padded), 'DBF_INVALID_HEADER');
  });

  it('accepts a header claiming 4 billion records (nothing is sized by it)', () => {
    const header = parseDbfHeader(encodeDbfHeader(FIELDS, 0xffffffff));
    expect(header.recordCount).toBe(4294967295);
  });

  it('rejects inconsistent field lists with DBF_INVALID_FIELD', async () => {
    const wrongLength = encodeDbfHeader(FIELDS, 0);
    new DataView(wrongLength.buffer).setUint16(10, 30, true);
    const error = await expectCode(() => parseDbfHeader(wrongLength), 'DBF_INVALID_FIELD');
    expect(error.details).toMatchObject({ recordLength: 30, expected: 29 });

    const zeroLength = encodeDbfHeader(FIELDS, 0);
    zeroLength[32 + 16] = 0;
    new DataView(zeroLength.buffer).setUint16(10, 23, true);
    await expectCode(() => parseDbfHeader(zeroLength), 'DBF_INVALID_FIELD');

    const duplicate = encodeDbfHeader([{ name: 'A', type: 'C', length: 1 }, { name: 'a', type: 'C', length: 1 }], 0);
    await expectCode(() => parseDbfHeader(duplicate), 'DBF_INVALID_FIELD');

    const nameless = encodeDbfHeader([{ name: 'A', type: 'C', length: 1 }], 0);
    nameless[32] = 0x20;
    await expectCode(() => parseDbfHeader(nameless), 'DBF_INVALID_FIELD');
  });

  it('reads NUL-padded names and keeps unknown type codes', () => {
    const header = parseDbfHeader(encodeDbfHeader([{ name: 'MEMO', type: 'M', length: 10 }], 0));
    expect(header.fields[0]).toMatchObject({ name: 'MEMO', type: 'M', length: 10 });
  });
});
