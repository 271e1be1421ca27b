import { describe, expect, it } from 'vitest';
import { DbfDecoder, encodeDbf, readDbf, type DbfFieldSpec } from '../../src/dbf/index.js';
import { batchRows, day, expectCode, readAll, split } from './helpers.js';

const FIELDS: DbfFieldSpec[] = [
  { name: 'CODE', type: 'C', length: 6 },
  { name: 'NAME', type: 'C', length: 12 },
  { name: 'SMALL', type: 'N', length: 4 },
  { name: 'BIG', type: 'N', length: 14 },
  { name: 'HUGE', type: 'N', length: 20 },
  { name: 'VAL', type: 'N', length: 10, decimals: 2 },
  { name: 'FLT', type: 'F', length: 12, decimals: 3 },
  { name: 'DT', type: 'D' },
  { name: 'OK', type: 'L' },
];

const ROWS = [
  ['000123', 'SÃO PAULO', 42, 12345678901234n, 12345678901234567890n, 1234.5, -0.125, new Date(Date.UTC(2020, 0, 31)), true],
  ['  35  ', null, -7, -1, null, 0, 1e-3, null, false],
  [null, 'x', null, null, 1, null, null, '00000000', null],
];

describe('column types', () => {
  it('decodes every DBF type to its Arrow type', async () => {
    const { schema, rows, stats } = await readAll(encodeDbf(FIELDS, ROWS));
    expect(schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'CODE:Utf8',
      'NAME:Utf8',
      'SMALL:Int32',
      'BIG:Int64',
      'HUGE:Float64',
      'VAL:Float64',
      'FLT:Float64',
      'DT:Date32<DAY>',
      'OK:Bool',
    ]);
    expect(schema.fields[3]?.metadata.get('dbf.length')).toBe('14');
    expect(schema.fields[5]?.metadata.get('dbf.decimals')).toBe('2');
    expect(rows[0]).toEqual({
      CODE: '000123', // leading zeros kept: codes are strings
      NAME: 'SÃO PAULO',
      SMALL: 42,
      BIG: 12345678901234n,
      HUGE: 12345678901234567000,
      VAL: 1234.5,
      FLT: -0.125,
      DT: day('2020-01-31'),
      OK: true,
    });
    // leading blanks kept, trailing trimmed; all-blank → null; zeros date → null (not an error)
    expect(rows[1]).toEqual({ CODE: '  35', NAME: null, SMALL: -7, BIG: -1n, HUGE: null, VAL: 0, FLT: 0.001, DT: null, OK: false });
    expect(rows[2]).toEqual({ CODE: null, NAME: 'x', SMALL: null, BIG: null, HUGE: 1, VAL: null, FLT: null, DT: null, OK: null });
    expect(Object.values(stats.unparsable).every((n) => n === 0)).toBe(true);
  });

  it('offers Float64 integers and exact Decimal128', async () => {
    const bytes = encodeDbf(FIELDS, ROWS);
    const floats = await readAll(bytes, { integers: 'float64', columns: ['SMALL', 'BIG'] });
    expect(floats.schema.fields.map((f) => String(f.type))).toEqual(['Float64', 'Float64']);
    expect(floats.rows[0]).toEqual({ SMALL: 42, BIG: 12345678901234 });
    const decimals = await readAll(bytes, { decimals: 'decimal128', columns: ['VAL', 'FLT'] });
    expect(decimals.schema.fields.map((f) => [f.type.precision, f.type.scale])).toEqual([[10, 2], [12, 3]]);
    const values = decimals.batches[0]?.getChild('VAL');
    expect(String(values?.get(0))).toBe('123450');
    expect(values?.get(2)).toBeNull();
    expect(String(decimals.batches[0]?.getChild('FLT')?.get(0))).toBe('-125');
  });

  it('turns unparsable numbers, dates and logicals into counted nulls', async () => {
    const fields: DbfFieldSpec[] = [
      { name: 'N', type: 'N', length: 5 },
      { name: 'F', type: 'N', length: 6, decimals: 1 },
      { name: 'D', type: 'D' },
      { name: 'L', type: 'L' },
    ];
    const rows = [
      ['12a', '1.2.3', '20201301', 'X'],
      ['*****', '-', '20210229', '?'],
      ['1.5', '1,5', '2020ABCD', 'T'],
      [' 12 ', ' 7  ', '20200229', 'n'],
    ];
    const { rows: out, stats } = await readAll(encodeDbf(fields, rows));
    expect(out.map((r) => r['N'])).toEqual([null, null, null, 12]);
    // a decimal comma (seen in Brazilian exports) parses
    expect(out.map((r) => r['F'])).toEqual([null, null, 1.5, 7]);
    expect(out.map((r) => r['D'])).toEqual([null, null, null, day('2020-02-29')]);
    expect(out.map((r) => r['L'])).toEqual([null, null, true, false]);
    expect(stats.unparsable).toEqual({ N: 3, F: 2, D: 3, L: 1 });
  });

  it('keeps unknown field types as raw bytes, and text as Binary on request', async () => {
    const bytes = encodeDbf([{ name: 'M', type: 'M', length: 4 }, { name: 'T', type: 'C', length: 4 }], [['  12', 'ab']]);
    const { schema, rows } = await readAll(bytes);
    expect(schema.fields.map((f) => String(f.type))).toEqual(['Binary', 'Utf8']);
    expect(rows[0]?.['M']).toEqual(new TextEncoder().encode('  12'));
    const raw = await readAll(bytes, { raw: true });
    expect(raw.schema.fields.map((f) => String(f.type))).toEqual(['Binary', 'Binary']);
    expect(raw.rows[0]?.['T']).toEqual(new TextEncoder().encode('ab  '));
    expect(raw.schema.metadata.get('dbf.encoding')).toBe('binary');
  });
});

describe('text codecs', () => {
  // Bytes 0x80..0xFF, in fields of 16
  const high = Array.from({ length: 8 }, (_, k) => Uint8Array.from({ length: 16 }, (_, i) => 0x80 + 16 * k + i));
  const bytes = encodeDbf([{ name: 'T', type: 'C', length: 16 }], high.map((h) => [h]));

  for (const encoding of ['latin1', 'cp850', 'cp1252'] as const) {
    it(`transcodes every high byte like TextDecoder/Python for ${encoding}`, async () => {
      const { rows } = await readAll(bytes, { encoding });
      const expected = high.map((h) => {
        const from = (h[0] ?? 0) - 0x80;
        if (encoding === 'cp850') return CP850_REFERENCE.slice(from, from + 16);
        if (encoding === 'cp1252') return CP1252_REFERENCE.slice(from, from + 16);
        return String.fromCharCode(...h);
      });
      expect(rows.map((r) => r['T'])).toEqual(expected);
    });
  }

  it('reads RECÉM from CP850 bytes (the DataSUS SIH free-text case)', async () => {
    const data = encodeDbf([{ name: 'AUD_JUST', type: 'C', length: 20 }], [[new Uint8Array([0x52, 0x45, 0x43, 0x90, 0x4d])]]);
    expect((await readAll(data, { encoding: 'cp850' })).rows[0]?.['AUD_JUST']).toBe('RECÉM');
    expect((await readAll(data, { encoding: 'latin1' })).rows[0]?.['AUD_JUST']).toBe('REC\u0090M');
  });

  it('validates UTF-8 and replaces broken sequences with U+FFFD', async () => {
    const data = encodeDbf(
      [{ name: 'T', type: 'C', length: 12 }],
      [[new TextEncoder().encode('ação €')], [new Uint8Array([0x61, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x62])]],
    );
    const { rows } = await readAll(data, { encoding: 'utf8' });
    expect(rows.map((r) => r['T'])).toEqual(['ação €', new TextDecoder().decode(new Uint8Array([0x61, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x62]))]);
  });

  it('rejects an unknown encoding with DBF_UNSUPPORTED_ENCODING', async () => {
    await expectCode(() => readAll(encodeDbf([{ name: 'T', type: 'C', length: 1 }], [['a']]), { encoding: 'ebcdic' as 'utf8' }), 'DBF_UNSUPPORTED_ENCODING');
  });
});

// Python: bytes(range(0x80, 0x100)).decode('cp1252'), with the 5 undefined bytes as C1 controls (WHATWG)
const CP1252_REFERENCE =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178' +
  Array.from({ length: 0x60 }, (_, i) => String.fromCharCode(0xa0 + i)).join('');

// Python: bytes(range(0x80, 0x100)).decode('cp850')
const CP850_REFERENCE =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

describe('file quirks', () => {
  const fields: DbfFieldSpec[] = [
    { name: 'UF', type: 'C', length: 2 },
    { name: 'N', type: 'N', length: 3 },
  ];
  const rows = [['SP', 1], ['RJ', 2], ['MG', 3]];

  it('reads 0x00 terminators, extra header bytes and files without 0x1A alike', async () => {
    const expected = (await readAll(encodeDbf(fields, rows))).rows;
    for (const options of [{ terminator: 0x00 as const }, { headerPadding: 1 }, { endOfFile: false }, { headerPadding: 3, terminator: 0x00 as const, endOfFile: false }]) {
      const { rows: out, stats } = await readAll(encodeDbf(fields, rows, options));
      expect(out).toEqual(expected);
      expect(stats.trailingBytes).toBe(options.endOfFile === false ? 0 : 1);
    }
  });

  it('gives a zero-record table its schema in one empty batch', async () => {
    const { batches, schema, stats } = await readAll(encodeDbf(fields, []));
    expect(batches).toHaveLength(1);
    expect(batches[0]?.numRows).toBe(0);
    expect(batches[0]?.schema.fields.map((f) => f.name)).toEqual(['UF', 'N']);
    expect(schema.fields.map((f) => String(f.type))).toEqual(['Utf8', 'Int32']);
    expect(stats).toMatchObject({ rowsRead: 0, rowsEmitted: 0, batches: 1 });
  });

  it('drops deleted rows by default and flags them with includeDeleted', async () => {
    const bytes = encodeDbf(fields, rows, { deleted: [1] });
    const dropped = await readAll(bytes);
    expect(dropped.rows.map((r) => r['UF'])).toEqual(['SP', 'MG']);
    expect(dropped.stats).toMatchObject({ rowsRead: 3, rowsDeleted: 1, rowsEmitted: 2 });
    const kept = await readAll(bytes, { includeDeleted: true });
    expect(kept.rows.map((r) => [r['UF'], r['_deleted']])).toEqual([['SP', false], ['RJ', true], ['MG', false]]);
    expect(kept.stats).toMatchObject({ rowsRead: 3, rowsDeleted: 1, rowsEmitted: 3 });
    // the same through the copying path (records split across chunks)
    const chunked = await readAll(split(bytes, 70, 75), { includeDeleted: true });
    expect(chunked.rows).toEqual(kept.rows);
    expect(chunked.stats).toMatchObject({ rowsRead: 3, rowsDeleted: 1, rowsEmitted: 3 });
    expect(kept.schema.fields.at(-1)?.nullable).toBe(false);
  });

  it('fails with DBF_TRUNCATED when records are missing, or a record is cut', async () => {
    const bytes = encodeDbf(fields, rows, { endOfFile: false });
    const error = await expectCode(() => readAll(bytes.subarray(0, bytes.length - 6)), 'DBF_TRUNCATED');
    expect(error.details).toMatchObject({ recordCount: 3, rowsRead: 2 });
    await expectCode(() => readAll(bytes.subarray(0, bytes.length - 2)), 'DBF_TRUNCATED');
    await expectCode(() => readAll(bytes.subarray(0, 50)), 'DBF_TRUNCATED');
    await expectCode(() => readAll(bytes.subarray(0, 20)), 'DBF_INVALID_HEADER');
    await expectCode(() => readAll(new Uint8Array(0)), 'DBF_INVALID_HEADER');
  });

  it('rejects a lying header length: DBF_TRUNCATED when the data is short, DBF_INVALID_HEADER when it is not', async () => {
    const bytes = encodeDbf(fields, rows);
    new DataView(bytes.buffer).setUint16(8, 0xffff, true);
    await expectCode(() => readAll(split(bytes, 40)), 'DBF_TRUNCATED');
    const long = new Uint8Array(0x10000 + 30);
    long.set(bytes);
    await expectCode(() => readAll(split(long, 33, 1000)), 'DBF_INVALID_HEADER');
  });

  it('survives a header announcing 4 billion records: DBF_TRUNCATED, memory bounded by the data', async () => {
    const bytes = encodeDbf(fields, rows, { recordCount: 0xffffffff });
    const before = process.memoryUsage().arrayBuffers;
    const error = await expectCode(() => readAll(bytes), 'DBF_TRUNCATED');
    expect(error.details).toMatchObject({ recordCount: 4294967295, rowsRead: 3 });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });
});

describe('streaming', () => {
  const fields: DbfFieldSpec[] = [
    { name: 'A', type: 'C', length: 3 },
    { name: 'B', type: 'N', length: 5, decimals: 1 },
    { name: 'C', type: 'D' },
  ];
  const rows = Array.from({ length: 7 }, (_, i) => [`a${i}`, i * 1.5, new Date(Date.UTC(2000 + i, i, i + 1))]);
  const bytes = encodeDbf(fields, rows, { deleted: [3], headerPadding: 1 });

  it('gives the same rows for a split at every offset, and one byte at a time', async () => {
    const expected = (await readAll(bytes)).rows;
    expect(expected).toHaveLength(6);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect((await readAll(split(bytes, cut))).rows, `split at ${cut}`).toEqual(expected);
    }
    for (let cut = 0; cut + 13 <= bytes.length; cut += 5) {
      expect((await readAll(split(bytes, cut, cut + 13))).rows, `split at ${cut}, ${cut + 13}`).toEqual(expected);
    }
    const single = Array.from(bytes, (b) => Uint8Array.of(b));
    expect((await readAll(single, { batchRows: 2 })).rows).toEqual(expected);
  });

  it('accepts every input kind: buffer, ArrayBuffer, iterable, async iterable, web stream', async () => {
    const expected = (await readAll(bytes)).rows;
    const asyncChunks = async function* (): AsyncGenerator<Uint8Array> {
      yield* split(bytes, 10, 100);
    };
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of split(bytes, 97, 130)) controller.enqueue(chunk);
        controller.close();
      },
    });
    for (const input of [bytes, bytes.slice().buffer, split(bytes, 64), asyncChunks(), web]) {
      expect((await readAll(input)).rows).toEqual(expected);
    }
  });

  it('sizes batches by rows and by bytes', async () => {
    const byRows = await readAll(bytes, { batchRows: 4 });
    expect(byRows.batches.map((b) => b.numRows)).toEqual([4, 2]);
    // records are 17 bytes: 40 bytes hold 2 of them
    const byBytes = await readAll(bytes, { batchBytes: 40 });
    expect(byBytes.batches.map((b) => b.numRows)).toEqual([2, 2, 2]);
    const tiny = await readAll(bytes, { batchBytes: 1 });
    expect(tiny.batches.map((b) => b.numRows)).toEqual([1, 1, 1, 1, 1, 1]);
    await expectCode(() => readAll(bytes, { batchRows: 0 }), 'INVALID_ARGUMENT');
  });

  it('projects columns in the requested order, case-insensitively', async () => {
    const { schema, rows } = await readAll(bytes, { columns: ['c', 'A'] });
    expect(schema.fields.map((f) => f.name)).toEqual(['C', 'A']);
    expect(rows[0]).toEqual({ C: day('2000-01-01'), A: 'a0' });
    await expectCode(() => readAll(bytes, { columns: ['NOPE'] }), 'DBF_UNKNOWN_COLUMN');
    await expectCode(() => readAll(bytes, { columns: ['A', 'a'] }), 'INVALID_ARGUMENT');
  });

  it('pushes synchronously through DbfDecoder', () => {
    const decoder = new DbfDecoder({ batchRows: 5 });
    const first = decoder.push(bytes.subarray(0, 150));
    expect(decoder.header?.recordCount).toBe(7);
    expect(decoder.schema?.fields.map((f) => f.name)).toEqual(['A', 'B', 'C']);
    const batches = [...first, ...decoder.push(bytes.subarray(150)), ...decoder.finish()];
    expect(decoder.done).toBe(true);
    expect(batches.map((b) => b.numRows)).toEqual([5, 1]);
    expect(() => decoder.push(bytes)).toThrow();
  });

  it('stops with ABORTED when the signal fires', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    await expectCode(async () => {
      for await (const batch of readDbf(split(bytes, 120, 140, 160), { batchRows: 1, signal: controller.signal })) {
        seen.push(batch.numRows);
        controller.abort();
      }
    }, 'ABORTED');
    expect(seen).toEqual([1]);
  });

  it('reports statistics through onStats', async () => {
    let reported: unknown;
    for await (const _ of readDbf(bytes, { where: "A <> 'a1'", onStats: (s) => (reported = s) })) void _;
    expect(reported).toMatchObject({ recordCount: 7, rowsRead: 7, rowsDeleted: 1, rowsFiltered: 1, rowsEmitted: 5, batches: 1 });
  });
});

describe("encoding: 'auto'", () => {
  const fields: DbfFieldSpec[] = [
    { name: 'CODE', type: 'C', length: 2 },
    { name: 'NAME', type: 'C', length: 24 },
    { name: 'N', type: 'N', length: 3 },
  ];
  const names = ['SÃO PAULO', 'CONCEIÇÃO DO ARAGUAIA', 'ITAPAGÉ', 'GOIÂNIA', 'SÃO JOSÉ'];
  const rows = names.map((name, i) => [String(i), name, i]);

  for (const encoding of ['latin1', 'cp850'] as const) {
    it(`recognises ${encoding} text, at any chunking, and filters with non-ASCII literals`, async () => {
      const bytes = encodeDbf(fields, rows, { encoding });
      for (const input of [bytes, split(bytes, 100, 130, 131), Array.from(bytes, (b) => Uint8Array.of(b))]) {
        const { rows: out, stats, schema, batches } = await readAll(input, { encoding: 'auto', batchRows: 2 });
        expect(out.map((r) => r['NAME'])).toEqual(names);
        expect(stats.encoding).toBe(encoding);
        expect(schema.metadata.get('dbf.encoding')).toBe(encoding);
        expect(batches.map((b) => b.numRows)).toEqual([2, 2, 1]);
      }
      // a sample smaller than the data (batchBytes bounds it): filled mid-chunk, or by the first chunk alone
      for (const input of [split(bytes, 150, 200), split(bytes, 260), bytes]) {
        const small = await readAll(input, { encoding: 'auto', batchBytes: 60 });
        expect(small.rows.map((r) => r['NAME'])).toEqual(names);
        expect(small.stats.encoding).toBe(encoding);
      }
      const filtered = await readAll(bytes, { encoding: 'auto', where: "NAME LIKE 'SÃO%'", columns: ['CODE'] });
      expect(filtered.rows).toEqual([{ CODE: '0' }, { CODE: '4' }]);
    });
  }

  it('falls back on the code page byte without accented text, and handles zero records', async () => {
    const ascii = [['1', 'PARANA', 1]];
    expect((await readAll(encodeDbf(fields, ascii), { encoding: 'auto' })).stats.encoding).toBe('latin1');
    expect((await readAll(encodeDbf(fields, ascii, { codePage: 0x02 }), { encoding: 'auto' })).stats.encoding).toBe('cp850');
    const empty = await readAll(encodeDbf(fields, [], { codePage: 0x02, endOfFile: false }), { encoding: 'auto' });
    expect(empty.stats.encoding).toBe('cp850');
    expect(empty.batches.map((b) => b.numRows)).toEqual([0]);
    await expectCode(() => readAll(encodeDbf(fields, rows, { encoding: 'cp850' }).subarray(0, 150), { encoding: 'auto' }), 'DBF_TRUNCATED');
  });
});

describe('long and short runs of accepted records', () => {
  // Runs of 16+ accepted records are decoded where they lie, shorter ones gathered in a tile: mix
  // both (deleted rows and a filter cut runs of 1, 3, 15, 16, 40 … records), across chunkings.
  const fields: DbfFieldSpec[] = [
    { name: 'A', type: 'C', length: 4 },
    { name: 'N', type: 'N', length: 4 },
    { name: 'D', type: 'D' },
  ];
  const count = 300;
  const deleted = new Set([0, 2, 4, 20, 21, 37, 53, 54, 55, 100, 116, 117, 200, 201, 202, 203, 299]);
  const rows = Array.from({ length: count }, (_, i) => [`a${i}`, i, new Date(Date.UTC(2001, 0, 1 + i))]);
  const bytes = encodeDbf(fields, rows, { deleted });
  const where = 'N < 70 OR N BETWEEN 90 AND 95 OR N >= 130 AND N <> 150 AND N <> 160';
  const kept = (i: number): boolean => i < 70 || (i >= 90 && i <= 95) || (i >= 130 && i !== 150 && i !== 160);

  for (const chunk of [1, 7, 40, 100, 1000, 5000, bytes.length]) {
    it(`gives every row in order and full batches, in chunks of ${chunk} bytes`, async () => {
      const chunks = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk));
      const plain = await readAll(chunks, { batchRows: 37 });
      const expected = rows.map((_, i) => i).filter((i) => !deleted.has(i));
      expect(plain.rows.map((r) => r['N'])).toEqual(expected);
      expect(plain.rows.map((r) => r['A'])).toEqual(expected.map((i) => `a${i}`));
      expect(plain.batches.map((b) => b.numRows)).toEqual([...Array(Math.floor(expected.length / 37)).fill(37), expected.length % 37]);

      const filtered = await readAll(chunks, { batchRows: 37, where, columns: ['D', 'N'] });
      const expectedFiltered = expected.filter(kept);
      expect(filtered.rows.map((r) => r['N'])).toEqual(expectedFiltered);
      expect(filtered.rows.map((r) => r['D'])).toEqual(expectedFiltered.map((i) => Date.UTC(2001, 0, 1 + i)));
      expect(filtered.stats).toMatchObject({ rowsRead: count, rowsDeleted: deleted.size, rowsFiltered: expected.length - expectedFiltered.length });
      expect(filtered.batches.slice(0, -1).every((b) => b.numRows === 37)).toBe(true);

      const all = await readAll(chunks, { batchRows: 64, includeDeleted: true, where });
      expect(all.rows.map((r) => [r['N'], r['_deleted']])).toEqual(
        rows.map((_, i) => i).filter(kept).map((i) => [i, deleted.has(i)]),
      );
    });
  }
});

describe('text buffers reused from batch to batch', () => {
  // Each text column fills one buffer that the next batch reuses; a finished batch keeps its own
  // copy. Batches of plain ASCII, then of values whose every byte expands to two UTF-8 bytes (the
  // buffer grows in the middle of a batch), then ASCII again: every batch must keep its values.
  const fields: DbfFieldSpec[] = [
    { name: 'T', type: 'C', length: 12 },
    { name: 'N', type: 'N', length: 4 },
  ];
  // A full field of accented letters: 12 bytes in a code page, 24 in UTF-8 (6 letters, 12 bytes, when
  // the file itself is UTF-8).
  const accented = 'ÇÃÕÉÍÚçãõéíú';
  for (const encoding of ['cp850', 'latin1', 'utf8'] as const) {
    const letters = encoding === 'utf8' ? 6 : 12;
    const value = (i: number): string => (i >= 40 && i < 80 ? accented.slice(0, letters - (i % 3)) : `v${i}`);
    const rows = Array.from({ length: 120 }, (_, i) => [value(i), i]);
    const expected = rows.map(([t, n]) => ({ T: t, N: n }));
    for (const batchRows of [1, 7, 16, 40, 1000]) {
      it(`${encoding}, batches of ${batchRows} rows`, async () => {
        const bytes = encodeDbf(fields, rows, { encoding });
        const { rows: out, batches } = await readAll(split(bytes, 33, 500), { encoding, batchRows });
        expect(out).toEqual(expected);
        expect(batches.length).toBe(Math.ceil(rows.length / batchRows));
      });
    }
  }
});

describe('transient batches', () => {
  // With transientBatches the decoder lends its buffers: a batch is valid until the next is
  // requested. Read batch by batch (taking the rows before asking for the next), every value
  // matches the owned read, across batch sizes, chunkings, nulls, deleted rows and every type.
  const fields: DbfFieldSpec[] = [
    { name: 'T', type: 'C', length: 8 },
    { name: 'I', type: 'N', length: 5 },
    { name: 'B', type: 'N', length: 12 },
    { name: 'F', type: 'N', length: 9, decimals: 2 },
    { name: 'D', type: 'D' },
    { name: 'L', type: 'L' },
  ];
  const rows = Array.from({ length: 200 }, (_, i) => [
    i % 7 === 0 ? null : `t${i}é`,
    i % 5 === 0 ? null : i,
    i % 11 === 0 ? null : 10_000_000_000 + i,
    i % 3 === 0 ? null : i / 4,
    i % 13 === 0 ? null : new Date(Date.UTC(2020, 0, 1 + i)),
    i % 9 === 0 ? null : i % 2 === 0,
  ]);
  const bytes = encodeDbf(fields, rows, { deleted: [4, 50, 51, 199] });

  for (const size of [1, 3, 16, 64]) {
    for (const chunk of [37, 4096]) {
      it(`match owned batches: batches of ${size}, chunks of ${chunk} bytes`, async () => {
        const chunks = (): Uint8Array[] => Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, k) => bytes.subarray(k * chunk, (k + 1) * chunk));
        const owned = (await readAll(chunks(), { batchRows: size, includeDeleted: true })).rows;
        const seen: unknown[] = [];
        const buffers = new Set<ArrayBufferLike>();
        for await (const batch of readDbf(chunks(), { batchRows: size, includeDeleted: true, transientBatches: true })) {
          seen.push(...batchRows(batch));
          const values = batch.getChild('I')?.data[0]?.values as Int32Array | undefined;
          if (values !== undefined) buffers.add(values.buffer);
        }
        expect(seen).toEqual(owned);
        // Pushes of less than a record complete at most one batch each: then two sets of buffers
        // (the batch handed out, the one being filled) serve every batch.
        if (chunk < 45) expect(buffers.size).toBeLessThanOrEqual(2);
      });
    }
  }
});
