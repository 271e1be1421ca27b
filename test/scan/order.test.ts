import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readParquet } from '../../src/cache/read-parquet.js';
import { footerMetadata, readParquetPart } from '../../src/output/parquet-concat.js';
import { Scan, largestFirst } from '../../src/scan/scan.js';
import { generateDbc } from '../helpers/ftp-server.js';

const SIH = 'dissemin/publicos/SIHSUS/200801_/Dados';

describe('the order a scan converts files in', () => {
  it('puts the largest files first, ties in plan order', () => {
    expect(largestFirst([{ size: 10 }, { size: 30 }, { size: 10 }, { size: 40 }, { size: 30 }])).toEqual([3, 1, 4, 0, 2]);
    expect(largestFirst([])).toEqual([]);
  });

  it('fetches and converts the largest file first, and still yields rows in plan order', async () => {
    const root = mkdtempSync(join(tmpdir(), 'arrow-sus-order-'));
    mkdirSync(join(root, SIH), { recursive: true });
    // January small, February large, March medium.
    const rows = { 1: 40, 2: 900, 3: 300 } as const;
    for (const [month, count] of Object.entries(rows)) writeFileSync(join(root, SIH, `RDSP230${month}.dbc`), generateDbc(Number(month), count));
    const started: string[] = [];
    const scan = new Scan(
      { system: 'SIH', group: 'RD', uf: ['SP'], year: 2023, month: [1, 2, 3] },
      {
        source: `file://${root}`,
        cacheDir: mkdtempSync(join(tmpdir(), 'arrow-sus-order-cache-')),
        memoryCache: false,
        provenance: true,
        concurrency: 1,
        onProgress: (progress) => {
          const name = progress.file?.split('/').pop();
          if (progress.phase === 'fetch' && name !== undefined && !started.includes(name)) started.push(name);
        },
      },
    );
    const table = await scan.collect();
    await scan.close();
    expect(started).toEqual(['RDSP2302.dbc', 'RDSP2303.dbc', 'RDSP2301.dbc']);
    const months = table.getChild('month')!.toArray() as ArrayLike<number>;
    const expected = [...Array<number>(40).fill(1), ...Array<number>(900).fill(2), ...Array<number>(300).fill(3)];
    expect(Array.from(months, Number)).toEqual(expected);
  });

  it('joins a whole request into one Parquet file with rows and sources in plan order', async () => {
    const root = mkdtempSync(join(tmpdir(), 'arrow-sus-order-'));
    mkdirSync(join(root, SIH), { recursive: true });
    // Largest first converts March, then February, then January; the joined file still starts
    // with January.
    const rows = { 1: 40, 2: 300, 3: 900 } as const;
    for (const [month, count] of Object.entries(rows)) writeFileSync(join(root, SIH, `RDSP230${month}.dbc`), generateDbc(Number(month), count));
    const options = { source: `file://${root}`, cacheDir: mkdtempSync(join(tmpdir(), 'arrow-sus-order-cache-')), memoryCache: false as const, concurrency: 1 };
    const request = { system: 'SIH', group: 'RD', uf: ['SP'], year: 2023, month: [1, 2, 3] } as const;
    const out = join(mkdtempSync(join(tmpdir(), 'arrow-sus-order-out-')), 'sp.parquet');
    const scan = new Scan(request, options);
    expect((await scan.toParquet(out)).rows).toBe(1240);
    await scan.close();
    const part = await readParquetPart(out);
    expect(JSON.parse(footerMetadata(part, 'arrow-sus.sources')!)).toEqual([1, 2, 3].map((month) => `/${SIH}/RDSP230${month}.dbc`));
    // The same rows, in the same order, as the request decoded in plan order.
    const expected = await new Scan(request, options).collect();
    const batches = [];
    for await (const batch of readParquet(out)) batches.push(batch);
    const joined = new Table(batches);
    expect(joined.numRows).toBe(1240);
    for (const name of ['MUNIC_RES', 'IDADE', 'DT_INTER', 'DIAG_PRINC']) {
      expect(Array.from(joined.getChild(name)!)).toEqual(Array.from(expected.getChild(name)!));
    }
  });
});
