import { makeVector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { dbfCodec, encodeDbf, parseDbfHeader, planColumns, type DbfEncoding } from '../../src/dbf/index.js';
import { decodeColumn, decodeColumns } from '../../src/dbf/columns.js';

// Decoding in tiles (all columns over a few rows, then the next rows) must carry every column's
// state across tiles: text positions and buffer growth, null bitmaps, unparsable counts.
describe('tiled column decoding', () => {
  const fields = [
    { name: 'T', type: 'C', length: 24 },
    { name: 'I', type: 'N', length: 4 },
    { name: 'B', type: 'N', length: 14 },
    { name: 'F', type: 'N', length: 8, decimals: 2 },
    { name: 'D', type: 'D' },
    { name: 'L', type: 'L' },
    { name: 'M', type: 'M', length: 3 },
  ];
  // Every row full of high bytes forces the text buffer to grow several times mid-tile.
  const rows = Array.from({ length: 57 }, (_, i) => [
    i % 5 === 0 ? null : 'ÇÃÉÕÚÀÂÊÔ'.slice(0, 1 + (i % 9)) + 'ção'.slice(0, i % 3),
    i % 7 === 0 ? 'x' : i - 20,
    i % 11 === 0 ? null : 1234567890123n * BigInt(i),
    i % 6 === 0 ? '1.2.3' : i / 4,
    i % 4 === 0 ? '20201301' : new Date(Date.UTC(2000, 0, i + 1)),
    i % 3 === 0 ? null : i % 2 === 0,
    String(i),
  ]);

  for (const encoding of ['latin1', 'cp850', 'utf8'] as DbfEncoding[]) {
    it(`gives the same columns for one row per tile as for one tile (${encoding})`, () => {
      const bytes = encodeDbf(fields, rows, { encoding });
      const header = parseDbfHeader(bytes);
      const plans = planColumns(header, { encoding });
      const codec = dbfCodec(encoding);
      const block = { bytes, base: header.headerLength, stride: header.recordLength, rows: header.recordCount };
      for (const tileBytes of [1, header.recordLength * 5, 1 << 20]) {
        const tiled = decodeColumns(plans, codec, block, tileBytes);
        plans.forEach((plan, i) => {
          const whole = decodeColumn(plan, codec, block);
          const column = tiled[i];
          expect(column?.unparsable, plan.field.name).toBe(whole.unparsable);
          expect([...makeVector(column!.data)], `${plan.field.name} tiles of ${tileBytes} bytes`).toEqual([...makeVector(whole.data)]);
        });
      }
      const unparsable = decodeColumns(plans, codec, block, 1).map((c) => c.unparsable);
      expect(unparsable).toEqual([0, 9, 0, 10, 15, 0, 0]);
    });
  }
});
