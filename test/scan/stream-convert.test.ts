// A cache miss converted while its file downloads: a thread that is free when the first bytes
// land reads the part file as it grows; the entry is the same as a conversion of the whole file.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { footerMetadata, readParquetPart } from '../../src/output/parquet-concat.js';
import { decodeWorkerUrl } from '../../src/read/decode-files.js';
import { readTable } from '../../src/read/read-table.js';
import type { ScanReport } from '../../src/scan/report.js';
import { Scan } from '../../src/scan/scan.js';
import { openSource } from '../../src/sources/open-source.js';
import type { Source, SourceDownloadOptions } from '../../src/sources/index.js';
import { WorkerPool } from '../../src/workers/pool.js';
import { ScriptedSource, type Script } from '../download/scripted-source.js';
import { generateDbc } from '../helpers/ftp-server.js';

const SIH = 'dissemin/publicos/SIHSUS/200801_/Dados';
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A scripted source that also notes when each download delivered its last byte. */
class TimedSource extends ScriptedSource {
  readonly ended = new Map<string, number>();
  override async *download(path: string, options: SourceDownloadOptions = {}): AsyncGenerator<Uint8Array> {
    yield* super.download(path, options);
    this.ended.set(path, performance.now());
  }
}

const pools: WorkerPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
});

/** A pool of `size` threads that records each conversion's input and when it was queued. */
function recordingPool(size: number): { pool: WorkerPool; runs: { input: unknown; at: number }[] } {
  const pool = new WorkerPool(decodeWorkerUrl(), { size });
  pools.push(pool);
  const runs: { input: unknown; at: number }[] = [];
  const run = pool.run.bind(pool);
  pool.run = ((task: { kind?: string; input?: unknown }, options?: { signal?: AbortSignal }) => {
    if (task.kind === 'materialize') runs.push({ input: task.input, at: performance.now() });
    return run(task, options);
  }) as WorkerPool['run'];
  return { pool, runs };
}

function tree(files: Record<string, Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'arrow-sus-stream-'));
  mkdirSync(join(root, SIH), { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(root, SIH, name), bytes);
  return root;
}

function cachedParquet(cacheDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.parquet')) found.push(join(dir, entry.name));
    }
  };
  walk(cacheDir);
  return found;
}

async function expectSameRows(table: { numRows: number; getChild(name: string): unknown }, dbc: Uint8Array): Promise<void> {
  const batches = [];
  for await (const batch of readTable(dbc, { fileName: 'RDSP2301.dbc' })) batches.push(batch);
  const rows = batches.reduce((sum, batch) => sum + batch.numRows, 0);
  expect(table.numRows).toBe(rows);
  for (const name of ['MUNIC_RES', 'IDADE', 'DT_INTER', 'DIAG_PRINC']) {
    const expected = batches.flatMap((batch) => Array.from(batch.getChild(name)!));
    expect(Array.from(table.getChild(name) as Iterable<unknown>)).toEqual(expected);
  }
}

const request = { system: 'SIH', group: 'RD', uf: ['SP'], year: 2023, month: 1 } as const;

/** São Paulo's January from `source` into an empty cache, on one recording thread. */
async function fetchSaoPaulo(source: Source): Promise<{ table: Table; report: ScanReport; runs: { input: unknown; at: number }[]; cacheDir: string }> {
  const { pool, runs } = recordingPool(1);
  const cacheDir = mkdtempSync(join(tmpdir(), 'arrow-sus-stream-cache-'));
  const scan = new Scan(request, { source, cacheDir, pool, memoryCache: false });
  const table = await scan.collect();
  const report = await scan.report();
  await scan.close();
  return { table, report, runs, cacheDir };
}

describe('converting a file while it downloads', () => {
  it('starts on a free thread before the download ends, with the rows, SHA-256 and CRC of a whole-file conversion', async () => {
    const dbc = generateDbc(7, 4000);
    const root = tree({ 'RDSP2301.dbc': dbc });
    // Small, slow chunks: the download takes long enough for the conversion to run alongside.
    const source = new TimedSource(openSource(`file://${root}`), { chunkBytes: 4096, chunkDelayMs: 2 });
    const { table, report, runs, cacheDir } = await fetchSaoPaulo(source);

    expect(runs).toHaveLength(1);
    const input = runs[0]!.input as { path: string; growth: SharedArrayBuffer };
    expect(input.path).toMatch(/RDSP2301\.dbc\.\d+-(\d+|x)\.part$/);
    expect(input.growth).toBeInstanceOf(SharedArrayBuffer);
    expect(runs[0]!.at).toBeLessThan(source.ended.get(`/${SIH}/RDSP2301.dbc`)!);

    await expectSameRows(table, dbc);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ sha256: sha256(dbc), crc_ok: true, from_cache: false });
    const [parquet] = cachedParquet(join(cacheDir, 'v1'));
    expect(footerMetadata(await readParquetPart(parquet!), 'arrow-sus.sha256')).toBe(sha256(dbc));
    // Nothing left in the downloads folder: the DBC is removed once converted.
    expect(cachedParquet(join(cacheDir, 'downloads'))).toEqual([]);
    expect(readdirSync(join(cacheDir, 'downloads', SIH))).toEqual([]);
  });

  it('reports the bytes of a file while it downloads, not only once it is done', async () => {
    const dbc = generateDbc(12, 4000);
    const root = tree({ 'RDSP2301.dbc': dbc });
    const source = new TimedSource(openSource(`file://${root}`), { chunkBytes: 4096, chunkDelayMs: 2 });
    const seen: number[] = [];
    const scan = new Scan(request, {
      source,
      cacheDir: mkdtempSync(join(tmpdir(), 'arrow-sus-stream-cache-')),
      memoryCache: false,
      onProgress: (progress) => {
        if (progress.phase === 'fetch') seen.push(progress.bytesDownloaded);
      },
    });
    await scan.collect();
    await scan.close();
    expect(seen.some((bytes) => bytes > 0 && bytes < dbc.length)).toBe(true);
    expect(seen.at(-1)).toBe(dbc.length);
    // Never backwards.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('converts the whole file instead when its download starts over from byte zero', async () => {
    const dbc = generateDbc(8, 4000);
    const root = tree({ 'RDSP2301.dbc': dbc });
    // The connection drops after 40,000 bytes; the resumed transfer is refused (as IIS answers a
    // REST it cannot serve), so the download starts over in a new part file.
    const script: Script = { chunkBytes: 4096, chunkDelayMs: 1, failAfter: { bytes: 40_000, code: 'SOURCE_CONNECTION_FAILED', times: 1 }, notFoundWhenResuming: true };
    const source = new TimedSource(openSource(`file://${root}`), script);
    const { table, report, runs } = await fetchSaoPaulo(source);

    expect(source.offsets.map(([, offset]) => offset)).toEqual([0, 40_000, 0]);
    // The first conversion followed the first transfer and gave up with it; the second read the
    // complete file.
    expect(runs).toHaveLength(2);
    expect(typeof runs[0]!.input).toBe('object');
    expect(runs[1]!.input).toMatch(/RDSP2301\.dbc$/);
    await expectSameRows(table, dbc);
    expect(report.files[0]).toMatchObject({ sha256: sha256(dbc), crc_ok: true });
  });

  it('fetches a file whose CRC-32 does not match once more, and counts both transfers', async () => {
    const dbc = generateDbc(11, 4000);
    const root = tree({ 'RDSP2301.dbc': dbc });
    // The first transfer delivers the file with one byte of its stored CRC-32 flipped.
    const crcAt = new DataView(dbc.buffer, dbc.byteOffset).getUint16(8, true);
    let transfers = 0;
    class CorruptOnce extends TimedSource {
      override async *download(path: string, options: SourceDownloadOptions = {}): AsyncGenerator<Uint8Array> {
        const corrupt = transfers++ === 0;
        let at = options.offset ?? 0;
        for await (const chunk of super.download(path, options)) {
          if (corrupt && crcAt >= at && crcAt < at + chunk.length) {
            const copy = Uint8Array.from(chunk);
            copy[crcAt - at]! ^= 0xff;
            yield copy;
          } else {
            yield chunk;
          }
          at += chunk.length;
        }
      }
    }
    const source = new CorruptOnce(openSource(`file://${root}`), { chunkBytes: 4096, chunkDelayMs: 1 });
    const { table, report } = await fetchSaoPaulo(source);
    expect(transfers).toBe(2);
    await expectSameRows(table, dbc);
    expect(report.files[0]).toMatchObject({ sha256: sha256(dbc), crc_ok: true });
    expect(report.bytes_downloaded).toBe(2 * dbc.length);
  });

  it('stops the download and removes its part file when the conversion fails first', async () => {
    // Not a DBC: the conversion fails on its first bytes while the download goes on slowly (its
    // 1 MB would take 2.5 s, far longer than a thread takes to start, even on a loaded machine).
    const root = tree({ 'RDSP2301.dbc': new Uint8Array(1_000_000).fill(7) });
    const source = new TimedSource(openSource(`file://${root}`), { chunkBytes: 2048, chunkDelayMs: 5 });
    const { pool } = recordingPool(1);
    const cacheDir = mkdtempSync(join(tmpdir(), 'arrow-sus-stream-cache-'));
    const scan = new Scan(request, { source, cacheDir, pool, memoryCache: false });
    const failure = await scan.collect().then(
      () => undefined,
      (error: unknown) => error,
    );
    await scan.close();
    expect((failure as { code?: string }).code).toMatch(/^(DBC|DBF)_/);
    // The transfer was cut short, and nothing of it is left to resume.
    expect(source.ended.size).toBe(0);
    expect(source.active).toBe(0);
    expect(readdirSync(join(cacheDir, 'downloads', SIH))).toEqual([]);
  });

  it('waits for the whole file when every thread is busy', async () => {
    const files = { 'RDSP2301.dbc': generateDbc(9, 4000), 'RDSP2302.dbc': generateDbc(10, 3000) };
    const root = tree(files);
    const source = new TimedSource(openSource(`file://${root}`), { chunkBytes: 4096, chunkDelayMs: 2 });
    const { pool, runs } = recordingPool(1);
    const cacheDir = mkdtempSync(join(tmpdir(), 'arrow-sus-stream-cache-'));
    // Both downloads at once, one thread: the conversion of the file whose bytes land first
    // follows its download and holds the thread, so the other is converted once downloaded.
    const scan = new Scan({ ...request, month: [1, 2] }, { source, cacheDir, pool, memoryCache: false, concurrency: 2 });
    const table = await scan.collect();
    await scan.close();
    expect(runs.map((run) => typeof run.input).sort()).toEqual(['object', 'string']);
    const followed = runs.find((run) => typeof run.input === 'object')!.input as { completePath: string };
    const whole = runs.find((run) => typeof run.input === 'string')!.input as string;
    expect(new Set([followed.completePath.slice(-12), whole.slice(-12)])).toEqual(new Set(['RDSP2301.dbc', 'RDSP2302.dbc']));
    expect(table.numRows).toBe(7000);
  });
});
