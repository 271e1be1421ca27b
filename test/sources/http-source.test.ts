import { createHash } from 'node:crypto';
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSource, listFolder, openSource, parentPath, parseAutoindexHtml, parseJsonIndex } from '../../src/sources/index.js';
import { buildDatasusTree, tempDir, type TreeFile } from '../helpers/ftp-server.js';
import { startHttpMirror, type HttpMirror } from './http-mirror.js';
import { codeOfAsync, collectBuffer } from '../helpers/streams.js';

describe('autoindex parsers', () => {
  it('reads an nginx page: exact sizes, UTC times, folders, escaped names', () => {
    const html =
      '<html>\r\n<head><title>Index of /dissemin/publicos/SIM/CID10/DORES/</title></head>\r\n<body>\r\n<h1>Index of /dissemin/publicos/SIM/CID10/DORES/</h1><hr><pre><a href="../">../</a>\r\n' +
      '<a href="OLD/">OLD/</a>                                               30-Apr-2026 10:15                   -\r\n' +
      '<a href="DOAC2022.dbc">DOAC2022.dbc</a>                                       30-Apr-2026 10:15              123456\r\n' +
      '<a href="Leia%20me.pdf">Leia me.pdf</a>                                        01-Jan-2024 00:00                  10\r\n</pre><hr></body>\r\n</html>\r\n';
    expect(parseAutoindexHtml(html)).toEqual([
      { name: 'OLD', isDirectory: true, size: 0, exactSize: true, modifiedAt: new Date('2026-04-30T10:15:00Z') },
      { name: 'DOAC2022.dbc', isDirectory: false, size: 123456, exactSize: true, modifiedAt: new Date('2026-04-30T10:15:00Z') },
      { name: 'Leia me.pdf', isDirectory: false, size: 10, exactSize: true, modifiedAt: new Date('2024-01-01T00:00:00Z') },
    ]);
  });

  it('reads an Apache table: rounded sizes flagged inexact, sort and parent links skipped', () => {
    const html =
      '<table><tr><th><a href="?C=N;O=D">Name</a></th></tr><tr><td><a href="/dissemin/">Parent Directory</a></td></tr>\n' +
      '<tr><td valign="top"><img src="/icons/unknown.gif" alt="[   ]"></td><td><a href="RDSP2301.dbc">RDSP2301.dbc</a></td><td align="right">2026-04-30 10:15  </td><td align="right">121K</td><td>&nbsp;</td></tr>\n' +
      '<tr><td valign="top"><img src="/icons/unknown.gif" alt="[   ]"></td><td><a href="A.dbc">A.dbc</a></td><td align="right">2026-04-30 10:15  </td><td align="right">900</td><td>&nbsp;</td></tr>\n</table>';
    const entries = parseAutoindexHtml(html, { timeZone: 'America/Sao_Paulo' });
    expect(entries).toEqual([
      { name: 'RDSP2301.dbc', isDirectory: false, size: 123904, exactSize: false, modifiedAt: new Date('2026-04-30T13:15:00Z') },
      { name: 'A.dbc', isDirectory: false, size: 900, exactSize: true, modifiedAt: new Date('2026-04-30T13:15:00Z') },
    ]);
  });

  it('reads nginx JSON indexes and rejects other JSON', () => {
    expect(parseJsonIndex('[{"name":"DOAC2022.dbc","type":"file","mtime":"Thu, 30 Apr 2026 10:15:00 GMT","size":123456},{"name":"OLD","type":"directory","mtime":"Thu, 30 Apr 2026 10:15:00 GMT"}]')).toEqual([
      { name: 'DOAC2022.dbc', isDirectory: false, size: 123456, exactSize: true, modifiedAt: new Date('2026-04-30T10:15:00Z') },
      { name: 'OLD', isDirectory: true, size: 0, exactSize: true, modifiedAt: new Date('2026-04-30T10:15:00Z') },
    ]);
    expect(parseJsonIndex('{"files":[]}')).toBeNull();
    expect(parseJsonIndex('not json')).toBeNull();
  });
});

describe('HttpSource against a node:http mirror', () => {
  let root: string;
  let remove: () => void;
  let files: TreeFile[];
  const mirrors: HttpMirror[] = [];
  const mtime = new Date('2025-02-13T14:07:00Z');

  beforeAll(() => {
    [root, remove] = tempDir('arrow-sus-http-tree-');
    files = buildDatasusTree(root, { limit: 12, maxBytes: 300_000 });
    for (const file of files) utimesSync(join(root, ...file.path.split('/').filter(Boolean)), mtime, mtime);
  });
  afterAll(async () => {
    await Promise.all(mirrors.map((mirror) => mirror.stop()));
    remove?.();
  });
  const start = async (options: Omit<Parameters<typeof startHttpMirror>[0], 'root'> = {}): Promise<HttpMirror> => {
    const mirror = await startHttpMirror({ root, ...options });
    mirrors.push(mirror);
    return mirror;
  };

  for (const index of ['nginx', 'apache', 'json'] as const) {
    it(`lists folders from ${index} indexes with exact sizes and times`, async () => {
      const mirror = await start({ index, prefix: '/datasus' });
      const source = openSource(mirror.url);
      const entries = await listFolder(source, '/dissemin', { recursive: true });
      const found = entries.filter((entry) => !entry.isDirectory);
      expect(found.map((entry) => [entry.path, entry.size]).sort()).toEqual(files.map((file) => [file.path, file.size]).sort());
      expect(found.every((entry) => entry.modifiedAt?.getTime() === mtime.getTime())).toBe(true);
      if (index === 'apache') expect(mirror.requests.some((request) => request.startsWith('HEAD'))).toBe(true);
    });
  }

  it('downloads byte-exact, resumes with Range, and copes with a server ignoring Range', async () => {
    const file = files.reduce((a, b) => (b.size > a.size ? b : a));
    for (const ignoreRange of [false, true]) {
      const mirror = await start({ ignoreRange });
      const source = new HttpSource({ url: mirror.url });
      const whole = await collectBuffer(source.download(file.path));
      expect(createHash('sha256').update(whole).digest('hex')).toBe(file.sha256);
      const offset = Math.floor(file.size / 2) + 1;
      expect((await collectBuffer(source.download(file.path, { offset }))).equals(whole.subarray(offset))).toBe(true);
      expect(mirror.requests).toContain(`GET ${file.path} bytes=${offset}-`);
      expect((await collectBuffer(source.download(file.path, { offset: file.size }))).byteLength).toBe(0);
    }
  });

  it('stats files and folders; maps 404, 503 and refused connections', async () => {
    const mirror = await start();
    const source = new HttpSource({ url: mirror.url });
    const file = files[0] as TreeFile;
    expect(await source.stat(file.path)).toEqual({ path: file.path, size: file.size, isDirectory: false, modifiedAt: mtime });
    expect((await source.stat(parentPath(file.path))).isDirectory).toBe(true);
    expect(await codeOfAsync(() => source.stat('/dissemin/nope.dbc'))).toBe('SOURCE_NOT_FOUND');
    expect(await codeOfAsync(() => source.list('/dissemin/nope'))).toBe('SOURCE_NOT_FOUND');
    expect(await codeOfAsync(() => collectBuffer(source.download('/dissemin/nope.dbc')))).toBe('SOURCE_NOT_FOUND');
    mirror.failNext(1, 503);
    expect(await codeOfAsync(() => collectBuffer(source.download(file.path)))).toBe('SOURCE_BUSY');
    const gone = await startHttpMirror({ root });
    await gone.stop();
    expect(await codeOfAsync(() => new HttpSource({ url: gone.url }).list('/'))).toBe('SOURCE_CONNECTION_FAILED');
  });

  it('aborts a body mid-stream with ABORTED', async () => {
    const mirror = await start();
    const source = new HttpSource({ url: mirror.url });
    // The largest file arrives in many chunks; the smallest in one, already buffered in full.
    for (const file of [files.reduce((a, b) => (b.size > a.size ? b : a)), files.reduce((a, b) => (b.size < a.size ? b : a))]) {
      const controller = new AbortController();
      const code = await codeOfAsync(async () => {
        for await (const _ of source.download(file.path, { signal: controller.signal })) controller.abort();
      });
      expect(code, file.path).toBe('ABORTED');
    }
  });
});
