import { Schema, tableFromIPC, tableToIPC, Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ScratchIpcWriter } from '../../src/output/ipc-scratch.js';
import { SAMPLE_FIELDS, sampleBatch } from '../helpers/arrow.js';

const rows = (from: number, count: number): unknown[][] =>
  Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return [i % 4 === 0 ? null : `C${i}`, i, BigInt(i) * 3n, i / 8, new Date(Date.UTC(2021, 0, 1 + i)), i % 3 === 0];
  });

describe('ScratchIpcWriter', () => {
  it('gives each batch as a complete IPC stream, byte-identical to tableToIPC, reusing one buffer', () => {
    const schema = new Schema(SAMPLE_FIELDS, new Map([['k', 'v']]));
    const writer = new ScratchIpcWriter();
    const buffers = new Set<ArrayBufferLike>();
    for (const [from, count] of [[0, 10], [10, 1000], [1010, 3], [1013, 0]] as const) {
      const batch = sampleBatch(rows(from, count), schema);
      const bytes = writer.stream(batch);
      buffers.add(bytes.buffer);
      expect(Buffer.from(bytes).equals(Buffer.from(tableToIPC(new Table(schema, [batch]), 'stream')))).toBe(true);
      const back = tableFromIPC(bytes);
      expect(back.numRows).toBe(count);
      expect(back.schema.metadata.get('k')).toBe('v');
      expect(back.toArray().map((r) => JSON.stringify(r.toJSON(), (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)))).toEqual(
        batch.toArray().map((r) => JSON.stringify(r.toJSON(), (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))),
      );
    }
    // The buffer grew once for the 1,000-row batch, then served the rest.
    expect(buffers.size).toBeLessThanOrEqual(2);
  });

  it('starts a new stream when the schema changes', () => {
    const writer = new ScratchIpcWriter();
    writer.stream(sampleBatch(rows(0, 5)));
    const narrow = new Schema(SAMPLE_FIELDS.slice(0, 2));
    const batch = sampleBatch(rows(0, 5).map((r) => r.slice(0, 2)), narrow);
    const back = tableFromIPC(writer.stream(batch));
    expect(back.schema.fields.map((f) => f.name)).toEqual(['CODE', 'N']);
    expect(back.numRows).toBe(5);
  });
});
