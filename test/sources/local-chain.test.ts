import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArrowSusError } from '../../src/errors.js';
import { ChainSource, DEFAULT_SOURCE_URL, FtpSource, HttpSource, LocalSource, chainSources, listFolder, openSource, parentPath, sourceCandidates } from '../../src/sources/index.js';
import { buildDatasusTree, tempDir, type TreeFile } from '../helpers/ftp-server.js';
import { startHttpMirror, type HttpMirror } from './http-mirror.js';
import { codeOfAsync, collectBuffer } from '../helpers/streams.js';

describe('LocalSource', () => {
  let root: string;
  let remove: () => void;
  let files: TreeFile[];
  beforeAll(() => {
    [root, remove] = tempDir('arrow-sus-local-');
    files = buildDatasusTree(root, { limit: 10, maxBytes: 200_000 });
  });
  afterAll(() => remove?.());

  it('lists, stats and reads from offsets', async () => {
    await using source = openSource(pathToFileURL(root).href);
    expect(source).toBeInstanceOf(LocalSource);
    const all = (await listFolder(source, '/', { recursive: true })).filter((entry) => !entry.isDirectory);
    expect(all.map((entry) => [entry.path, entry.size]).sort()).toEqual(files.map((file) => [file.path, file.size]).sort());
    const file = files[0] as TreeFile;
    expect(await source.stat(file.path)).toMatchObject({ size: file.size, isDirectory: false });
    expect((await source.stat(parentPath(file.path))).isDirectory).toBe(true);
    const whole = await collectBuffer(source.download(file.path));
    expect(createHash('sha256').update(whole).digest('hex')).toBe(file.sha256);
    expect((await collectBuffer(source.download(file.path, { offset: 7 }))).equals(whole.subarray(7))).toBe(true);
  });

  it('says SOURCE_NOT_FOUND for missing paths and refuses to leave its root', async () => {
    const source = new LocalSource({ root });
    expect(await codeOfAsync(() => source.list('/dissemin/nope'))).toBe('SOURCE_NOT_FOUND');
    expect(await codeOfAsync(() => source.stat('/nope.dbc'))).toBe('SOURCE_NOT_FOUND');
    expect(await codeOfAsync(() => collectBuffer(source.download('/nope.dbc')))).toBe('SOURCE_NOT_FOUND');
    // '..' segments are resolved inside the root, never above it.
    expect((await source.list('/../../..')).map((entry) => entry.path)).toContain('/dissemin');
  });
});

describe('openSource', () => {
  it('builds each kind from its URL, chains lists, and reads ARROW_SUS_SOURCE', () => {
    expect(openSource(undefined, {}, {}).url).toBe(DEFAULT_SOURCE_URL);
    expect(openSource('ftp://user:pw@127.0.0.1:2121/pub')).toBeInstanceOf(FtpSource);
    expect(openSource('ftp://user:pw@127.0.0.1:2121/pub').url).toBe('ftp://127.0.0.1:2121/pub');
    expect(openSource('https://mirror.example.org/datasus/')).toBeInstanceOf(HttpSource);
    expect(openSource(undefined, {}, { ARROW_SUS_SOURCE: 'file:///data/datasus' })).toBeInstanceOf(LocalSource);
    const chain = openSource('ftp://ftp.datasus.gov.br, https://mirror.example.org/datasus');
    expect(chain).toBeInstanceOf(ChainSource);
    expect(sourceCandidates(chain).map((source) => source.url)).toEqual(['ftp://ftp.datasus.gov.br', 'https://mirror.example.org/datasus']);
  });

  it('rejects bad URLs with SOURCE_INVALID_URL', () => {
    for (const url of ['', 'nope', 'gopher://x', 'ftp://', 'file://otherhost/x']) {
      let code = 'no error';
      try {
        openSource(url, {}, {});
      } catch (error) {
        code = ArrowSusError.is(error) ? error.code : 'untyped';
      }
      expect(code, url).toBe('SOURCE_INVALID_URL');
    }
  });
});

describe('chainSources', () => {
  let primary: string;
  let secondary: string;
  let removes: Array<() => void> = [];
  let mirror: HttpMirror;
  beforeAll(async () => {
    let remove: () => void;
    [primary, remove] = tempDir('arrow-sus-chain-a-');
    removes.push(remove);
    [secondary, remove] = tempDir('arrow-sus-chain-b-');
    removes.push(remove);
    mkdirSync(join(primary, 'dissemin', 'publicos', 'SIM'), { recursive: true });
    mkdirSync(join(secondary, 'dissemin', 'publicos', 'SIM'), { recursive: true });
    writeFileSync(join(primary, 'dissemin', 'publicos', 'SIM', 'A.dbc'), 'primary A');
    writeFileSync(join(secondary, 'dissemin', 'publicos', 'SIM', 'A.dbc'), 'secondary A');
    writeFileSync(join(secondary, 'dissemin', 'publicos', 'SIM', 'B.dbc'), 'secondary B');
    mirror = await startHttpMirror({ root: secondary });
  });
  afterAll(async () => {
    await mirror?.stop();
    for (const remove of removes) remove();
    removes = [];
  });

  it('uses the first source that has the path', async () => {
    const chain = chainSources([new LocalSource({ root: primary }), new HttpSource({ url: mirror.url })]);
    expect((await collectBuffer(chain.download('/dissemin/publicos/SIM/A.dbc'))).toString()).toBe('primary A');
    expect((await collectBuffer(chain.download('/dissemin/publicos/SIM/B.dbc'))).toString()).toBe('secondary B');
    expect((await chain.stat('/dissemin/publicos/SIM/B.dbc')).size).toBe(11);
    expect(await codeOfAsync(() => collectBuffer(chain.download('/dissemin/publicos/SIM/C.dbc')))).toBe('SOURCE_NOT_FOUND');
  });

  it('falls back past an unreachable or busy source, and reports the real failure when all fail', async () => {
    const dead = new HttpSource({ url: 'http://127.0.0.1:9' });
    const chain = chainSources([dead, new HttpSource({ url: mirror.url })]);
    expect((await chain.list('/dissemin/publicos/SIM')).map((entry) => entry.path).sort()).toEqual(['/dissemin/publicos/SIM/A.dbc', '/dissemin/publicos/SIM/B.dbc']);
    mirror.failNext(1, 503);
    expect((await collectBuffer(chainSources([new HttpSource({ url: mirror.url }), new LocalSource({ root: primary })]).download('/dissemin/publicos/SIM/A.dbc'))).toString()).toBe('primary A');
    const allDown = chainSources([dead, new LocalSource({ root: primary })]);
    expect(await codeOfAsync(() => allDown.stat('/dissemin/publicos/SIM/B.dbc'))).toBe('SOURCE_CONNECTION_FAILED');
    expect(chainSources([dead])).toBe(dead);
  });
});

describe('error mapping', () => {
  it('maps FTP replies and socket errors to stable codes', async () => {
    const { ftpReplyToCode, toSourceError } = await import('../../src/sources/index.js');
    expect([421, 530, 550, 553, 425, 426, 450, 451, 500, 502].map(ftpReplyToCode)).toEqual([
      'SOURCE_BUSY',
      'SOURCE_AUTH_FAILED',
      'SOURCE_NOT_FOUND',
      'SOURCE_NOT_FOUND',
      'SOURCE_CONNECTION_FAILED',
      'SOURCE_CONNECTION_FAILED',
      'SOURCE_CONNECTION_FAILED',
      'SOURCE_CONNECTION_FAILED',
      'SOURCE_PROTOCOL_ERROR',
      'SOURCE_PROTOCOL_ERROR',
    ]);
    const socket = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(toSourceError(socket, 'ftp: RETR x').code).toBe('SOURCE_CONNECTION_FAILED');
    expect(toSourceError(new Error('Timeout (control socket)'), 'ftp: LIST x').code).toBe('SOURCE_TIMEOUT');
    expect(toSourceError(new Error('Server sent FIN packet unexpectedly, closing connection.'), 'ftp: LIST x').code).toBe('SOURCE_CONNECTION_FAILED');
    const aborted = new AbortController();
    aborted.abort();
    expect(toSourceError(socket, 'ftp: RETR x', aborted.signal).code).toBe('ABORTED');
    const typed = new ArrowSusError('SOURCE_BUSY', 'kept');
    expect(toSourceError(typed, 'x')).toBe(typed);
  });
});
