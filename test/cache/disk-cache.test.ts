import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskCache } from '../../src/cache/disk-cache.js';
import { cacheKey } from '../../src/cache/key.js';
import { resolveCacheDir } from '../../src/cache/location.js';
import { acquireLock } from '../../src/cache/lock.js';
import { ArrowSusError } from '../../src/errors.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'arrow-sus-cache-'));
const remote = (path: string, size = 100, modifiedAt = '2024-01-01T00:00:00.000Z') => ({ path, size, modifiedAt });
const produced = (rows: number, system = 'sim') => ({ rows, sourceSha256: 'ab'.repeat(32), crcOk: true, labels: { system }, source: 'file:///x' });

describe('resolveCacheDir', () => {
  it('prefers --cache-dir, then ARROW_SUS_CACHE_DIR, then XDG, then ~/.cache', () => {
    expect(resolveCacheDir({ cacheDir: '/a', env: { ARROW_SUS_CACHE_DIR: '/b' } })).toBe('/a');
    expect(resolveCacheDir({ env: { ARROW_SUS_CACHE_DIR: '/b', XDG_CACHE_HOME: '/c' } })).toBe('/b');
    expect(resolveCacheDir({ env: { XDG_CACHE_HOME: '/c' }, platform: 'linux', home: '/h' })).toBe('/c/arrow-sus');
    expect(resolveCacheDir({ env: { XDG_CACHE_HOME: 'relative' }, platform: 'linux', home: '/h' })).toBe('/h/.cache/arrow-sus');
    expect(resolveCacheDir({ env: {}, platform: 'darwin', home: '/h' })).toBe('/h/Library/Caches/arrow-sus');
  });
});

describe('cacheKey', () => {
  it('changes with size, time and decoder version, not with the case of the path', () => {
    const base = cacheKey(remote('/d/DOAC2022.dbc'));
    expect(cacheKey(remote('/d/doac2022.DBC'))).toBe(base);
    expect(cacheKey(remote('/d/DOAC2022.dbc', 101))).not.toBe(base);
    expect(cacheKey(remote('/d/DOAC2022.dbc', 100, '2025-01-01T00:00:00.000Z'))).not.toBe(base);
    expect(cacheKey(remote('/d/DOAC2022.dbc'), 999)).not.toBe(base);
  });
});

describe('acquireLock', () => {
  it('serialises holders and hands over on release', async () => {
    const path = join(tempDir(), 'x.lock');
    const order: string[] = [];
    const first = await acquireLock(path);
    let waited = false;
    const second = acquireLock(path, { onWait: () => (waited = true) }).then((lock) => {
      order.push('second');
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    order.push('first-release');
    await first.release();
    await (await second).release();
    expect(order).toEqual(['first-release', 'second']);
    expect(waited).toBe(true);
    expect(existsSync(path)).toBe(false);
  });

  it('takes over a lock whose holder process died', async () => {
    const path = join(tempDir(), 'x.lock');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 1000)']);
    const pid = child.pid!;
    writeFileSync(path, JSON.stringify({ pid, host: (await import('node:os')).hostname() }));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const lock = await acquireLock(path, { timeoutMs: 5000 });
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('times out with CACHE_LOCKED while a live holder keeps its heartbeat', async () => {
    const path = join(tempDir(), 'x.lock');
    const held = await acquireLock(path, { staleMs: 300 });
    const error = await acquireLock(path, { staleMs: 300, timeoutMs: 700 }).catch((e: unknown) => e);
    expect(ArrowSusError.is(error, 'CACHE_LOCKED')).toBe(true);
    await held.release();
  });

  it('stops waiting on abort', async () => {
    const path = join(tempDir(), 'x.lock');
    const held = await acquireLock(path);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await acquireLock(path, { signal: controller.signal }).catch((e: unknown) => e);
    expect(ArrowSusError.is(error, 'ABORTED')).toBe(true);
    await held.release();
  });
});

describe('DiskCache', () => {
  it('produces an entry once for concurrent requests and serves hits afterwards', async () => {
    const cache = new DiskCache({ dir: tempDir() });
    let calls = 0;
    const produce = async (path: string) => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      await writeFile(path, 'parquet-bytes');
      return produced(7);
    };
    const results = await Promise.all([1, 2, 3].map(() => cache.getOrCreate(remote('/d/A.dbc'), produce)));
    expect(calls).toBe(1);
    expect(results.map((r) => r.created).sort()).toEqual([false, false, true]);
    const hit = await cache.get(remote('/d/A.dbc'));
    expect(hit).toMatchObject({ rows: 7, parquetBytes: 13, crcOk: true, labels: { system: 'sim' } });
    expect(await readFile(hit!.parquetPath, 'utf8')).toBe('parquet-bytes');
  });

  it('caches nothing when the producer fails, and leaves no temporary files', async () => {
    const dir = tempDir();
    const cache = new DiskCache({ dir });
    const error = await cache
      .getOrCreate(remote('/d/B.dbc'), async (path) => {
        await writeFile(path, 'half');
        throw new ArrowSusError('DBC_CRC_MISMATCH', 'bad');
      })
      .catch((e: unknown) => e);
    expect(ArrowSusError.is(error, 'DBC_CRC_MISMATCH')).toBe(true);
    expect(await cache.get(remote('/d/B.dbc'))).toBeUndefined();
    const folder = cache.pathsFor(cacheKey(remote('/d/B.dbc'))).folder;
    expect(readdirSync(folder)).toEqual([]);
  });

  it('replaces the entry of a republished file (new size) and removes the old one', async () => {
    const cache = new DiskCache({ dir: tempDir() });
    const make = (text: string) => async (path: string) => {
      await writeFile(path, text);
      return produced(text.length);
    };
    const old = (await cache.getOrCreate(remote('/d/C.dbc', 100), make('old'))).entry;
    const fresh = await cache.getOrCreate(remote('/d/C.dbc', 120), make('newer'));
    expect(fresh.created).toBe(true);
    expect(existsSync(old.parquetPath)).toBe(false);
    expect((await cache.list()).map((e) => e.rows)).toEqual([5]);
  });

  it('detects a tampered or missing Parquet file with verify, and repairs on request', async () => {
    const cache = new DiskCache({ dir: tempDir() });
    const write = (text: string) => async (path: string) => {
      await writeFile(path, text);
      return produced(1);
    };
    const a = (await cache.getOrCreate(remote('/d/D1.dbc'), write('aaaa'))).entry;
    const b = (await cache.getOrCreate(remote('/d/D2.dbc'), write('bbbb'))).entry;
    await cache.getOrCreate(remote('/d/D3.dbc'), write('cccc'));
    writeFileSync(a.parquetPath, 'aaab'); // same size, other bytes
    writeFileSync(b.parquetPath, 'b'); // other size
    const report = await cache.verify();
    expect(report.checked).toBe(3);
    expect(report.problems.map((p) => p.problem).sort()).toEqual(['checksum', 'size']);
    await cache.verify({ repair: true });
    expect((await cache.verify()).problems).toEqual([]);
    expect((await cache.list()).length).toBe(1);
  });

  it('evicts least recently used entries beyond maxBytes', async () => {
    const cache = new DiskCache({ dir: tempDir(), maxBytes: 25 });
    const write = (path: string) => writeFile(path, '0123456789').then(() => produced(1));
    await cache.getOrCreate(remote('/d/E1.dbc'), write);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await cache.getOrCreate(remote('/d/E2.dbc'), write);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await cache.get(remote('/d/E1.dbc')); // E1 becomes the most recently used
    await new Promise((resolve) => setTimeout(resolve, 20));
    await cache.getOrCreate(remote('/d/E3.dbc'), write);
    const left = (await cache.list()).map((e) => e.remote.path).sort();
    expect(left).toEqual(['/d/E1.dbc', '/d/E3.dbc']);
  });

  it('clears by system and by age, and reports stats', async () => {
    const cache = new DiskCache({ dir: tempDir() });
    const write = (system: string) => async (path: string) => {
      await writeFile(path, 'xx');
      return produced(3, system);
    };
    await cache.getOrCreate(remote('/d/F1.dbc'), write('sih'));
    await cache.getOrCreate(remote('/d/F2.dbc'), write('sim'));
    expect(await cache.stats()).toMatchObject({ entries: 2, bytes: 4, rows: 6, bySystem: { sih: { entries: 1 }, sim: { entries: 1 } } });
    expect(await cache.clear({ olderThanMs: 60_000 })).toEqual({ entries: 0, bytes: 0 });
    expect(await cache.clear({ system: 'SIH' })).toEqual({ entries: 1, bytes: 2 });
    expect((await cache.list()).map((e) => e.labels.system)).toEqual(['sim']);
  });
});
