import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryBatchCache } from '../../src/cache/memory-cache.js';
import { decodeWorkerUrl } from '../../src/read/decode-files.js';
import { Scan } from '../../src/scan/scan.js';
import { WorkerPool } from '../../src/workers/pool.js';
import { generateDbc } from '../helpers/ftp-server.js';

const SIH = 'dissemin/publicos/SIHSUS/200801_/Dados';

describe('a scan and the in-memory batch cache', () => {
  it('serves a repeated request bigger than the cache from memory for the files that fit', async () => {
    const root = mkdtempSync(join(tmpdir(), 'arrow-sus-memory-'));
    mkdirSync(join(root, SIH), { recursive: true });
    const months = [1, 2, 3, 4, 5, 6];
    for (const month of months) writeFileSync(join(root, SIH, `RDSP230${month}.dbc`), generateDbc(month, 500));
    const request = { system: 'SIH', group: 'RD', uf: ['SP'], year: 2023, month: months } as const;
    const cacheDir = mkdtempSync(join(tmpdir(), 'arrow-sus-memory-cache-'));
    // Count the cached files the workers read back (files in memory must not be read ahead).
    await using pool = new WorkerPool(decodeWorkerUrl(), { size: 2 });
    const run = pool.run.bind(pool);
    let parquetReads = 0;
    pool.run = ((task: { kind?: string }, ...rest: unknown[]) => {
      if (task.kind === 'parquet') parquetReads += 1;
      return (run as (...args: unknown[]) => unknown)(task, ...rest);
    }) as typeof pool.run;
    const read = async (memoryCache: MemoryBatchCache): Promise<unknown[]> => {
      const scan = new Scan(request, { source: `file://${root}`, cacheDir, memoryCache, pool });
      const table = await scan.collect();
      await scan.close();
      return table.toArray().map((row) => row.toJSON());
    };
    // Every file holds the same number of rows and columns: learn one file's bytes in memory.
    const roomy = new MemoryBatchCache(2 ** 30);
    const rows = await read(roomy);
    expect(rows).toHaveLength(3000);
    const perFile = roomy.bytes / months.length;

    // Room for four of the six files. A plain LRU would evict each file before the next read
    // reached it and hit nothing; this cache keeps four and serves them every time.
    const memory = new MemoryBatchCache(4 * perFile);
    expect(await read(memory)).toEqual(rows);
    expect(memory.hits).toBe(0);
    parquetReads = 0;
    expect(await read(memory)).toEqual(rows);
    expect(memory.hits).toBe(4);
    expect(parquetReads).toBe(2);
    expect(await read(memory)).toEqual(rows);
    expect(memory.hits).toBe(8);
    expect(memory.bytes).toBe(4 * perFile);
  });
});
