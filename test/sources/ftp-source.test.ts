import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FtpSource, listFolder, openSource, parentPath } from '../../src/sources/index.js';
import { buildDatasusTree, describeFtpServer, startFtpServer, tempDir, type FtpServer, type TreeFile } from '../helpers/ftp-server.js';
import { startFtpProxy } from '../helpers/ftp-proxy.js';
import { codeOfAsync, collectBuffer } from '../helpers/streams.js';


describeFtpServer('FtpSource against vsftpd', () => {
  let server: FtpServer;
  let files: TreeFile[];
  let removeTree: () => void;
  let root: string;

  beforeAll(async () => {
    [root, removeTree] = tempDir('arrow-sus-ftp-tree-');
    files = buildDatasusTree(root, { limit: 40, maxBytes: 400_000 });
    server = await startFtpServer({ root });
  });
  afterAll(async () => {
    await server?.stop();
    removeTree?.();
  });

  it('lists a DataSUS folder with exact sizes, times and sub-folders', async () => {
    await using source = new FtpSource({ host: server.host, port: server.port, timeZone: 'UTC' });
    const folder = parentPath(files[0]?.path ?? '/');
    const entries = await source.list(folder);
    const expected = files.filter((file) => parentPath(file.path) === folder);
    expect(entries.filter((entry) => !entry.isDirectory).map((entry) => [entry.path, entry.size]).sort()).toEqual(expected.map((file) => [file.path, file.size]).sort());
    for (const entry of entries) {
      // Files were copied moments ago; vsftpd prints UTC minutes.
      expect(Math.abs((entry.modifiedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(10 * 60_000);
    }
    const top = await source.list('/dissemin/publicos');
    expect(top.length).toBeGreaterThan(0);
    expect(top.every((entry) => entry.isDirectory)).toBe(true);
  });

  it('walks a tree recursively and finds every file placed', async () => {
    await using source = openSource(server.url, { timeZone: 'UTC' });
    const entries = await listFolder(source, '/dissemin', { recursive: true });
    const found = entries.filter((entry) => !entry.isDirectory).map((entry) => entry.path).sort();
    expect(found).toEqual(files.map((file) => file.path).sort());
  });

  it('stats files and folders, and says SOURCE_NOT_FOUND for missing ones', async () => {
    await using source = openSource(server.url);
    const file = files[0] as TreeFile;
    const stat = await source.stat(file.path);
    expect(stat).toMatchObject({ path: file.path, size: file.size, isDirectory: false });
    expect(Math.abs((stat.modifiedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(10 * 60_000); // MDTM is UTC
    expect((await source.stat(parentPath(file.path))).isDirectory).toBe(true);
    expect(await codeOfAsync(() => source.stat('/dissemin/publicos/NOPE/X.dbc'))).toBe('SOURCE_NOT_FOUND');
    expect(await codeOfAsync(() => source.list('/dissemin/publicos/NOPE'))).toBe('SOURCE_NOT_FOUND');
    expect(await codeOfAsync(() => collectBuffer(source.download('/dissemin/publicos/NOPE.dbc')))).toBe('SOURCE_NOT_FOUND');
  });

  it('downloads byte-exact, and from an offset with REST', async () => {
    await using source = openSource(server.url);
    const file = files.reduce((a, b) => (b.size > a.size ? b : a));
    const whole = await collectBuffer(source.download(file.path));
    expect(createHash('sha256').update(whole).digest('hex')).toBe(file.sha256);
    const offset = Math.floor(file.size / 3);
    const tail = await collectBuffer(source.download(file.path, { offset }));
    expect(tail.equals(whole.subarray(offset))).toBe(true);
    const local = readFileSync(join(root, ...file.path.split('/').filter(Boolean)));
    expect(whole.equals(local)).toBe(true);
  });

  for (const style of [
    { timeZone: 'America/Sao_Paulo', clock: '12h', year: 2 },
    { timeZone: 'America/Sao_Paulo', clock: '24h', year: 4 },
  ] as const) {
    it(`reads IIS-style (DOS) listings end to end: ${style.clock} clock, ${style.year}-digit years`, async () => {
      const proxy = await startFtpProxy({ host: server.host, port: server.port }, { dosListing: style });
      try {
        await using direct = new FtpSource({ host: server.host, port: server.port, timeZone: 'UTC' });
        await using iis = new FtpSource({ host: '127.0.0.1', port: proxy.port }); // default zone: America/Sao_Paulo
        const folder = parentPath(files[0]?.path ?? '/');
        const expected = await direct.list(folder);
        const got = await iis.list(folder);
        expect(got.map((entry) => [entry.path, entry.size, entry.isDirectory, entry.modifiedAt?.toISOString()])).toEqual(
          expected.map((entry) => [entry.path, entry.size, entry.isDirectory, entry.modifiedAt?.toISOString()]),
        );
      } finally {
        await proxy.stop();
      }
    });
  }

  it('uses MLSD when the server offers it (UTC facts), with the same entries as LIST', async () => {
    const proxy = await startFtpProxy({ host: server.host, port: server.port }, { mlsd: true });
    try {
      await using direct = new FtpSource({ host: server.host, port: server.port, timeZone: 'UTC' });
      await using viaMlsd = new FtpSource({ host: '127.0.0.1', port: proxy.port, timeZone: 'Asia/Tokyo' }); // MLSD ignores the zone
      const folder = parentPath(files[0]?.path ?? '/');
      const expected = await direct.list(folder);
      const got = await viaMlsd.list(folder);
      expect(proxy.stats.mlsd).toBeGreaterThan(0);
      expect(got.map((entry) => [entry.path, entry.size, entry.isDirectory, entry.modifiedAt?.toISOString()])).toEqual(
        expected.map((entry) => [entry.path, entry.size, entry.isDirectory, entry.modifiedAt?.toISOString()]),
      );
    } finally {
      await proxy.stop();
    }
  });

  it('replaces pooled connections the server closed while they were idle', async () => {
    const proxy = await startFtpProxy({ host: server.host, port: server.port });
    try {
      await using source = new FtpSource({ host: '127.0.0.1', port: proxy.port, connections: 1, idleCheckMs: 0 });
      const file = files[0] as TreeFile;
      expect((await collectBuffer(source.download(file.path))).byteLength).toBe(file.size);
      proxy.killControl(); // like vsftpd's idle_session_timeout or a server restart
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await collectBuffer(source.download(file.path))).byteLength).toBe(file.size);
      expect((await source.stat(file.path)).size).toBe(file.size);
      expect(proxy.stats.control).toBe(2);
    } finally {
      await proxy.stop();
    }
  });

  it('reuses pooled connections and never opens more than the pool size', async () => {
    const proxy = await startFtpProxy({ host: server.host, port: server.port });
    try {
      await using source = new FtpSource({ host: '127.0.0.1', port: proxy.port, connections: 2 });
      for (const file of files.slice(0, 4)) await collectBuffer(source.download(file.path));
      expect(proxy.stats.control).toBe(1); // sequential work shares one connection
      const results = await Promise.all(files.slice(0, 12).map((file) => collectBuffer(source.download(file.path))));
      expect(results.map((bytes) => createHash('sha256').update(bytes).digest('hex'))).toEqual(files.slice(0, 12).map((file) => file.sha256));
      expect(proxy.stats.control).toBe(2);
      expect(proxy.stats.maxConcurrentData).toBeLessThanOrEqual(2);
    } finally {
      await proxy.stop();
    }
  });

  it('closes a transfer the consumer abandons, and keeps working', async () => {
    await using source = new FtpSource({ host: server.host, port: server.port, connections: 1 });
    const file = files.reduce((a, b) => (b.size > a.size ? b : a));
    for await (const chunk of source.download(file.path)) {
      expect(chunk.byteLength).toBeGreaterThan(0);
      break;
    }
    const again = await collectBuffer(source.download(file.path));
    expect(again.byteLength).toBe(file.size);
  });

  it('aborts through an AbortSignal with ABORTED', async () => {
    await using source = new FtpSource({ host: server.host, port: server.port, connections: 1 });
    const controller = new AbortController();
    const file = files.reduce((a, b) => (b.size > a.size ? b : a));
    const code = await codeOfAsync(async () => {
      for await (const _ of source.download(file.path, { signal: controller.signal })) controller.abort();
    });
    expect(code).toBe('ABORTED');
    expect((await collectBuffer(source.download(file.path))).byteLength).toBe(file.size);
  });

  it('maps refused logins, closed ports and bad URLs to stable codes', async () => {
    expect(await codeOfAsync(() => openSource(`ftp://someone:secret@127.0.0.1:${server.port}`).list('/'))).toBe('SOURCE_AUTH_FAILED');
    // A port where a server ran a moment ago and nothing listens now.
    const [emptyRoot, removeEmpty] = tempDir('arrow-sus-empty-');
    const closed = await startFtpServer({ root: emptyRoot });
    await closed.stop();
    removeEmpty();
    expect(await codeOfAsync(() => openSource(closed.url).list('/'))).toBe('SOURCE_CONNECTION_FAILED');
    expect(await codeOfAsync(async () => openSource('gopher://x'))).toBe('SOURCE_INVALID_URL');
    expect(await codeOfAsync(async () => openSource('not a url at all'))).toBe('SOURCE_INVALID_URL');
  });

  it('keeps serving on idle connections when a late 421 arrives after the work is done', async () => {
    const proxy = await startFtpProxy({ host: server.host, port: server.port }, { maxControl: 2, refuseDelayMs: 400 });
    try {
      await using source = new FtpSource({ host: '127.0.0.1', port: proxy.port, connections: 4 });
      const batch = files.slice(0, 6);
      const sizes = await Promise.all(batch.map(async (file) => (await collectBuffer(source.download(file.path))).byteLength));
      expect(sizes).toEqual(batch.map((file) => file.size));
      expect(proxy.stats.refused).toBe(2);
      expect(source.connectionLimit).toBe(2);
    } finally {
      await proxy.stop();
    }
  });

  it('adapts to a server connection limit (421) by queueing on the connections it has', async () => {
    const limited = await startFtpServer({ root, maxPerIp: 2 });
    try {
      await using source = new FtpSource({ host: limited.host, port: limited.port, connections: 4 });
      const batch = files.slice(0, 10);
      const results = await Promise.all(batch.map((file) => collectBuffer(source.download(file.path))));
      expect(results.map((bytes) => bytes.byteLength)).toEqual(batch.map((file) => file.size));
      expect(source.connectionLimit).toBeLessThanOrEqual(2);
    } finally {
      await limited.stop();
    }
  });
});
