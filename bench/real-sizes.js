// A month of SIH RD for all 27 UFs at the sizes DataSUS publishes, for benchmarks whose work must be
// spread the way a real request's is (São Paulo alone is a fifth of it): each UF's file holds the
// records of the real `RDRJ1602.dbc`, cycled to the row count its real size implies, compressed with
// arrow-sus's own DBC writer. The sizes come from the FTP crawl in `../shared/listings`.
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { compressDbcSync, decompressDbcSync } from '../dist/dbc/index.js';
import { fixture, requireShared } from './lib.js';

const CRAWL = 'listings/ftp-tree-2026-08-19.csv.gz';

/**
 * The published sizes (bytes) of `SIHSUS/200801_/Dados/RD{UF}{yymm}.dbc` by UF, from the crawl.
 */
export async function publishedSizes(yymm = '2301') {
  const pattern = new RegExp(`^"/dissemin/publicos/SIHSUS/200801_/Dados/RD([A-Z]{2})${yymm}\\.dbc",.*?,(\\d+),"data"`);
  const sizes = {};
  const lines = createInterface({ input: createReadStream(join(requireShared(), CRAWL)).pipe(createGunzip()) });
  for await (const line of lines) {
    const match = pattern.exec(line);
    if (match !== null) sizes[match[1]] = Number(match[2]);
  }
  return sizes;
}

/**
 * Writes `RD{UF}{yymm}.dbc` into `folder` for each UF of `sizes`, each about its published size.
 */
export function writeRealSizeMonth(folder, sizes, yymm = '2302') {
  const dbc = new Uint8Array(readFileSync(fixture('RDRJ1602.dbc')));
  const { dbf } = decompressDbcSync(dbc);
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  // The fixture's own compressed bytes per record: cycled records compress about as well.
  const bytesPerRecord = dbc.length / records;
  for (const [uf, size] of Object.entries(sizes)) {
    const count = Math.max(1, Math.round(size / bytesPerRecord));
    const out = new Uint8Array(headerLength + count * recordLength + 1);
    out.set(dbf.subarray(0, headerLength));
    new DataView(out.buffer).setUint32(4, count, true);
    for (let r = 0; r < count; r++) {
      const from = headerLength + (r % records) * recordLength;
      out.set(dbf.subarray(from, from + recordLength), headerLength + r * recordLength);
    }
    out[out.length - 1] = 0x1a;
    writeFileSync(join(folder, `RD${uf}${yymm}.dbc`), compressDbcSync(out));
  }
}
