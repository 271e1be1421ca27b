import { describe, expect, it } from 'vitest';
import {
  compressDbc,
  compressDbcSync,
  crc32,
  dbcHeaderNeeds,
  decompressDbc,
  decompressDbcSync,
  readDbcHeader,
  type CompressDbcResult,
  type DbcResult,
} from '../../src/dbc/index.js';
import { codeOf, codeOfAsync, collect, concatBytes, makeDbf, sha256, splitBytes } from './generate.js';

const dbf = makeDbf(2500, 21);
const dbc = compressDbcSync(dbf);
const headerLength = 32 + 32 * 5 + 1;

describe('DBC container', () => {
  it('writes the DataSUS layout: DBF header, CRC-32 LE, DCL stream (raw literals, 4 KB)', () => {
    expect(dbc.subarray(0, headerLength)).toEqual(dbf.subarray(0, headerLength));
    expect(new DataView(dbc.buffer).getUint32(headerLength, true)).toBe(crc32(dbf));
    expect([dbc[headerLength + 4], dbc[headerLength + 5]]).toEqual([0, 6]);
  });

  it('reads the prefix', () => {
    expect(dbcHeaderNeeds(dbc.subarray(0, 10))).toBe(headerLength + 4);
    const header = readDbcHeader(dbc);
    expect(header).toMatchObject({ headerLength, crc: crc32(dbf), recordCount: 2500, recordLength: 48, streamOffset: headerLength + 4 });
    expect(header.expectedDbfBytes).toBe(dbf.length - 1);
    expect(header.dbfHeader).toEqual(dbf.subarray(0, headerLength));
  });

  it('rejects short and absurd prefixes', () => {
    expect(codeOf(() => dbcHeaderNeeds(dbc.subarray(0, 9)))).toBe('DBC_TRUNCATED');
    expect(codeOf(() => readDbcHeader(dbc.subarray(0, headerLength + 3)))).toBe('DBC_TRUNCATED');
    const absurd = dbc.slice(0, 400);
    absurd[8] = 20;
    absurd[9] = 0;
    expect(codeOf(() => readDbcHeader(absurd))).toBe('DBC_INVALID_HEADER');
  });

  it('round-trips in every implode variant, sync and streaming, with the CRC verified', async () => {
    for (const literals of ['uncoded', 'coded'] as const) {
      for (const dictionarySize of [1024, 2048, 4096] as const) {
        const packed = compressDbcSync(dbf, { literals, dictionarySize });
        const result = decompressDbcSync(packed);
        expect(result.crcOk).toBe(true);
        expect(sha256(result.dbf)).toBe(sha256(dbf));
        let complete: DbcResult | undefined;
        const streamed = await collect(decompressDbc(splitBytes(packed, 777), { chunkSize: 4096, onComplete: (r) => (complete = r) }));
        expect(sha256(streamed)).toBe(sha256(dbf));
        expect(complete).toMatchObject({ crcOk: true, dbfBytes: dbf.length, trailingBytes: 0, expectedDbfBytes: dbf.length - 1 });
      }
    }
  });

  it('yields the DBF header as the first chunk', async () => {
    const iterator = decompressDbc(splitBytes(dbc, 5));
    const first = await iterator.next();
    expect(first.value).toEqual(dbf.subarray(0, headerLength));
    await iterator.return();
  });

  it('fails with DBC_CRC_MISMATCH on a wrong CRC, and reports it without throwing when verifyCrc is false', async () => {
    const bad = dbc.slice();
    bad[headerLength]! ^= 1;
    expect(codeOf(() => decompressDbcSync(bad))).toBe('DBC_CRC_MISMATCH');
    expect(await codeOfAsync(() => collect(decompressDbc(bad, { fileName: 'X.dbc' })))).toBe('DBC_CRC_MISMATCH');
    const loose = decompressDbcSync(bad, { verifyCrc: false });
    expect(loose.crcOk).toBe(false);
    expect(loose.crcActual).toBe(crc32(dbf));
    let seen: DbcResult | undefined;
    await collect(decompressDbc(bad, { verifyCrc: false, onComplete: (r) => (seen = r) }));
    expect(seen?.crcOk).toBe(false);
  });

  it('fails with DBC_TRUNCATED when the stream is cut, or when it ends before the records the header announces', async () => {
    expect(codeOf(() => decompressDbcSync(dbc.subarray(0, dbc.length - 10)))).toBe('DBC_TRUNCATED');
    expect(await codeOfAsync(() => collect(decompressDbc(dbc.subarray(0, dbc.length - 10))))).toBe('DBC_TRUNCATED');
    expect(await codeOfAsync(() => collect(decompressDbc(dbc.subarray(0, 7))))).toBe('DBC_TRUNCATED');
    // A DBF with fewer records than its header says, stored with a matching CRC.
    const short = makeDbf(10, 2);
    new DataView(short.buffer).setUint32(4, 11, true);
    const shortDbc = compressDbcSync(short);
    expect(codeOf(() => decompressDbcSync(shortDbc))).toBe('DBC_TRUNCATED');
    expect(await codeOfAsync(() => collect(decompressDbc(shortDbc)))).toBe('DBC_TRUNCATED');
  });

  it('reports DBC_TRUNCATED for every strict prefix of a small DBC, sync and streaming', async () => {
    const small = compressDbcSync(makeDbf(15, 4));
    for (let n = 0; n < small.length; n++) {
      expect(codeOf(() => decompressDbcSync(small.subarray(0, n)))).toBe('DBC_TRUNCATED');
      if (n % 7 === 0) expect(await codeOfAsync(() => collect(decompressDbc(splitBytes(small.subarray(0, n), 3))))).toBe('DBC_TRUNCATED');
    }
  });

  it('turns a corrupted byte anywhere in the stream into a typed error, never garbage', () => {
    const small = compressDbcSync(makeDbf(60, 6));
    for (let at = headerLength + 6; at < small.length; at += 3) {
      const bad = small.slice();
      bad[at]! ^= 0x5a;
      expect(codeOf(() => decompressDbcSync(bad))).toMatch(/^(DBC_CRC_MISMATCH|DBC_TRUNCATED|DCL_DISTANCE_TOO_FAR)$/);
    }
  });

  it('ignores trailing bytes by default (real files carry a stray 0x0A) and rejects them on request', async () => {
    const trailing = concatBytes([dbc, Uint8Array.of(0x0a)]);
    expect(decompressDbcSync(trailing).trailingBytes).toBe(1);
    expect(codeOf(() => decompressDbcSync(trailing, { trailingData: 'error' }))).toBe('DBC_TRAILING_DATA');
    expect(await codeOfAsync(() => collect(decompressDbc(trailing, { trailingData: 'error' })))).toBe('DBC_TRAILING_DATA');
    expect(sha256(await collect(decompressDbc(splitBytes(trailing, 1000))))).toBe(sha256(dbf));
  });

  it('names the file in errors and stops with ABORTED', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await codeOfAsync(() => collect(decompressDbc(dbc, { signal: controller.signal })))).toBe('ABORTED');
    let caught: unknown;
    try {
      decompressDbcSync(dbc.subarray(0, 500), { fileName: 'RDAC2301.dbc' });
    } catch (error) {
      caught = error;
    }
    expect((caught as { code: string }).code).toBe('DBC_TRUNCATED');
    expect((caught as { details: Record<string, unknown> }).details['fileName']).toBe('RDAC2301.dbc');
  });
});

describe('compressDbc (streaming writer)', () => {
  it('writes the CRC in place from a buffer, a re-readable source, or a known CRC', async () => {
    const fromBuffer = await collect(compressDbc(dbf));
    const fromFactory = await collect(compressDbc(() => splitBytes(dbf, 1000)));
    const fromKnown = await collect(compressDbc(splitBytes(dbf, 5), { crc: crc32(dbf) }));
    for (const out of [fromBuffer, fromFactory, fromKnown]) expect(sha256(decompressDbcSync(out).dbf)).toBe(sha256(dbf));
  });

  it('leaves a zero CRC slot to patch for a one-shot source, and reports where', async () => {
    let report: CompressDbcResult | undefined;
    async function* once(): AsyncGenerator<Uint8Array> {
      yield* splitBytes(dbf, 4096);
    }
    const out = await collect(compressDbc(once(), { literals: 'coded', onComplete: (r) => (report = r) }));
    expect(report).toMatchObject({ crc: crc32(dbf), crcOffset: headerLength, crcWritten: false, dbfBytes: dbf.length });
    expect(codeOf(() => decompressDbcSync(out))).toBe('DBC_CRC_MISMATCH');
    new DataView(out.buffer).setUint32(report?.crcOffset ?? 0, report?.crc ?? 0, true);
    expect(decompressDbcSync(out).crcOk).toBe(true);
  });

  it('rejects input that is not a DBF, and a source that changed between passes', async () => {
    expect(codeOf(() => compressDbcSync(new TextEncoder().encode('not a dbf at all')))).toBe('DBF_INVALID_HEADER');
    expect(await codeOfAsync(() => collect(compressDbc(Uint8Array.of(1, 2, 3))))).toBe('DBF_INVALID_HEADER');
    expect(await codeOfAsync(() => collect(compressDbc(dbf, { crc: 1 })))).toBe('INVALID_ARGUMENT');
  });
});
