/**
 * Every real DataSUS file in ../shared/fixtures through the whole read path (sniff → DBC → DBF):
 * rows delivered = header record count less the records whose deletion flag is `*`, counted here
 * independently on the decompressed bytes; the DBC CRC-32 verified.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { decompressDbcSync } from '../../src/dbc/index.js';
import { readTable } from '../../src/read/read-table.js';
import { describeShared, fixturePath, readManifest } from '../helpers/shared.js';

function countDeleted(dbf: Uint8Array, headerLength: number, recordLength: number, records: number): number {
  let deleted = 0;
  for (let i = 0; i < records; i++) if (dbf[headerLength + i * recordLength] === 0x2a) deleted += 1;
  return deleted;
}

const manifest = readManifest().filter((row) => row.kind === 'DBC' || row.kind === 'DBF');

describeShared('readTable over every real fixture', () => {
  for (const row of manifest) {
    it(`${row.path}: ${row.nrec} records`, async () => {
      const path = fixturePath(row.path);
      const bytes = new Uint8Array(readFileSync(path));
      const dbf = row.kind === 'DBC' ? decompressDbcSync(bytes).dbf : bytes;
      const deleted = countDeleted(dbf, row.hdrlen!, row.reclen!, row.nrec!);
      const table = readTable(path, { columns: [] });
      let rows = 0;
      for await (const batch of table) rows += batch.numRows;
      const summary = await table.summary;
      expect(summary.format).toBe(row.kind === 'DBC' ? 'dbc' : 'dbf');
      expect(summary.recordCount).toBe(row.nrec);
      expect(summary.deleted).toBe(deleted);
      expect(rows).toBe(row.nrec! - deleted);
      expect(summary.rows).toBe(rows);
      expect(summary.crcOk).toBe(row.kind === 'DBC' ? true : null);
    });
  }
});
