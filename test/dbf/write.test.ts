import { describe, expect, it } from 'vitest';
import { encodeDbf, encodeDbfHeader, parseDbfHeader } from '../../src/dbf/index.js';
import { day, expectCode, readAll } from './helpers.js';

describe('encodeDbf', () => {
  it('writes records that read back to the same values, by array or by name', async () => {
    const fields = [
      { name: 'CODE', type: 'C', length: 6 },
      { name: 'N', type: 'N', length: 5, decimals: 1 },
      { name: 'D', type: 'D' },
      { name: 'L', type: 'L' },
    ];
    const bytes = encodeDbf(fields, [
      ['0012', 3.25, new Date(Date.UTC(1999, 11, 31)), true],
      { CODE: 'ÁÉ', N: -1, D: '20000101', L: false },
      { CODE: null },
    ]);
    const { rows } = await readAll(bytes);
    expect(rows).toEqual([
      { CODE: '0012', N: 3.3, D: day('1999-12-31'), L: true }, // toFixed(1) rounds like the DataSUS writers
      { CODE: 'ÁÉ', N: -1, D: day('2000-01-01'), L: false },
      { CODE: null, N: null, D: null, L: null },
    ]);
    // numbers are right-aligned, text left-aligned and blank-padded
    const header = parseDbfHeader(bytes);
    const record = new TextDecoder('latin1').decode(bytes.subarray(header.headerLength, header.headerLength + header.recordLength));
    expect(record).toBe(' 0012    3.319991231T');
    expect(bytes.at(-1)).toBe(0x1a);
  });

  it('reproduces the real-file quirks on demand', () => {
    const fields = [{ name: 'A', type: 'C', length: 1 }];
    const plain = encodeDbf(fields, [['x']]);
    const quirky = encodeDbf(fields, [['x'], ['y']], { terminator: 0x00, headerPadding: 1, endOfFile: false, deleted: [0], recordCount: 9, codePage: 0x58 });
    expect(plain.length).toBe(65 + 2 + 1);
    expect(quirky.length).toBe(66 + 4);
    expect(quirky[64]).toBe(0x00); // terminator
    expect(quirky[65]).toBe(0x00); // the extra header byte
    expect(quirky[66]).toBe(0x2a); // deleted flag
    expect(parseDbfHeader(quirky)).toMatchObject({ recordCount: 9, headerLength: 66, codePage: 0x58 });
  });

  it('rejects what it cannot write with INVALID_ARGUMENT', async () => {
    const fields = [{ name: 'A', type: 'C', length: 2 }];
    await expectCode(() => encodeDbf(fields, [['abc']]), 'INVALID_ARGUMENT');
    await expectCode(() => encodeDbf(fields, [['€']]), 'INVALID_ARGUMENT');
    await expectCode(() => encodeDbf([], []), 'INVALID_ARGUMENT');
    await expectCode(() => encodeDbf([{ name: 'TOO_LONG_NAME', type: 'C', length: 1 }], []), 'INVALID_ARGUMENT');
    await expectCode(() => encodeDbf([{ name: 'N', type: 'N' }], []), 'INVALID_ARGUMENT');
    await expectCode(() => encodeDbf([{ name: 'N', type: 'N', length: 3 }], [[1234]]), 'INVALID_ARGUMENT');
    await expectCode(() => encodeDbfHeader(fields, 0, { headerPadding: 70000 }), 'INVALID_ARGUMENT');
  });

  it('encodes text in the chosen code page', async () => {
    const bytes = encodeDbf([{ name: 'T', type: 'C', length: 5 }], [['RECÉM']], { encoding: 'cp850' });
    expect(bytes[parseDbfHeader(bytes).headerLength + 4]).toBe(0x90);
    expect((await readAll(bytes, { encoding: 'cp850' })).rows[0]?.['T']).toBe('RECÉM');
  });
});
