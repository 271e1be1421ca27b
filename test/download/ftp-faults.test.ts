import { createHash } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { FtpSource, downloadFiles, listFolder, type DownloadReport, type RemoteFile } from '../../src/sources/index.js';
import { startFtpProxy, type FtpProxy } from '../helpers/ftp-proxy.js';
import { buildDatasusTree, describeFtpServer, generateDbc, startFtpServer, tempDir, type FtpServer } from '../helpers/ftp-server.js';

const fast = { backoffMs: 5, maxBackoffMs: 50, random: () => 0.5, stallTimeoutMs: 2000 } as const;

describeFtpServer('fault injection over a real FTP server', () => {
  let root: string;
  let removeRoot: () => void;
  let server: FtpServer;
  let proxy: FtpProxy;
  let dest: string;
  let removeDest: () => void;
  let listing: RemoteFile[];
  const sources: FtpSource[] = [];

  const local = (path: string): string => join(root, ...path.split('/').filter(Boolean));
  const open = (connections = 2): FtpSource => {
    const source = new FtpSource({ host: '127.0.0.1', port: proxy.port, connections, timeoutMs: 5000 });
    sources.push(source);
    return source;
  };
  const expectExact = (report: DownloadReport): void => {
    for (const file of report.fetched) {
      expect(readFileSync(file.file).equals(readFileSync(local(file.path))), file.path).toBe(true);
      // Hashed while written, across resumed transfers: the digest of the whole file.
      expect(file.sha256, file.path).toBe(createHash('sha256').update(readFileSync(local(file.path))).digest('hex'));
    }
  };

  beforeAll(async () => {
    [root, removeRoot] = tempDir('arrow-sus-faults-tree-');
    // Generated DBCs: real files from our writer, big enough to be cut mid-transfer.
    buildDatasusTree(root, { limit: 8, generated: true });
    server = await startFtpServer({ root });
  });
  afterAll(async () => {
    await server?.stop();
    removeRoot?.();
  });
  beforeEach(async () => {
    [dest, removeDest] = tempDir('arrow-sus-faults-dest-');
    proxy = await startFtpProxy({ host: server.host, port: server.port });
    const lister = open(1);
    listing = (await listFolder(lister, '/dissemin', { recursive: true })).filter((entry) => !entry.isDirectory);
    await lister.close(); // give its connection back before faults count connections
    while (proxy.stats.openControl > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    proxy.stats.control = 0;
  });
  afterEach(async () => {
    await Promise.all(sources.splice(0).map((source) => source.close()));
    await proxy.stop();
    removeDest();
  });

  it('resumes transfers whose data connection drops mid-file (REST), byte-exact', async () => {
    proxy.faults.drop = { bytes: 3000, times: 3 };
    const report = await downloadFiles(open(), listing, dest, { ...fast, concurrency: 2 });
    expect(report.fetched).toHaveLength(listing.length);
    expect(report.fetched.every((file) => file.crcOk === true)).toBe(true);
    expect(proxy.stats.dropped).toBe(3);
    // Each drop is followed by a REST at the bytes already on disk (a resumed transfer may be
    // dropped again, hence multiples of 3000).
    const resumes = proxy.stats.rest.filter((offset) => offset > 0);
    expect(resumes).toHaveLength(3);
    expect(resumes.every((offset) => offset % 3000 === 0)).toBe(true);
    expectExact(report);
  });

  it('cuts a stalled transfer after the stall timeout and resumes it', async () => {
    proxy.faults.stall = { bytes: 4000, times: 1 };
    const started = Date.now();
    const report = await downloadFiles(open(), listing.slice(0, 3), dest, { ...fast, stallTimeoutMs: 400, concurrency: 1 });
    expect(report.fetched).toHaveLength(3);
    expect(proxy.stats.stalled).toBe(1);
    expect(proxy.stats.rest).toContain(4000);
    expect(Date.now() - started).toBeLessThan(5000);
    expectExact(report);
  });

  it('retries after 421 "too many users" refusals', async () => {
    proxy.faults.refuse = 2;
    const codes: string[] = [];
    const report = await downloadFiles(open(), listing.slice(0, 2), dest, { ...fast, onRetry: (event) => codes.push(event.code) });
    expect(report.fetched).toHaveLength(2);
    expect(codes).toContain('SOURCE_BUSY');
    expect(proxy.stats.refused).toBe(2);
    expectExact(report);
  });

  it('works within a server connection limit lower than the pool size', async () => {
    proxy.faults.maxControl = 1;
    const source = open(4);
    const report = await downloadFiles(source, listing, dest, { ...fast, concurrency: 4 });
    expect(report.fetched).toHaveLength(listing.length);
    expect(source.connectionLimit).toBe(1);
    expect(proxy.stats.refused).toBeGreaterThan(0);
    expectExact(report);
  });

  it('does not take time queued behind busy connections for a stalled transfer', async () => {
    proxy.faults.throttle = 40_000; // each file takes well over the stall timeout
    const retries: string[] = [];
    const batch = listing.slice(0, 3);
    const report = await downloadFiles(open(1), batch, dest, { ...fast, stallTimeoutMs: 300, concurrency: 3, onRetry: (event) => retries.push(event.code) });
    expect(retries).toEqual([]);
    expect(report.fetched).toHaveLength(3);
    expectExact(report);
  });

  it('reports a file truncated on the server as DOWNLOAD_SIZE_MISMATCH and keeps no short file', async () => {
    const victim = listing[1] as RemoteFile;
    const original = readFileSync(local(victim.path));
    truncateSync(local(victim.path), Math.floor(victim.size / 2));
    try {
      const report = await downloadFiles(open(), listing, dest, { ...fast, retries: 2 });
      expect(report.failed.map((file) => [file.path, file.code])).toEqual([[victim.path, 'DOWNLOAD_SIZE_MISMATCH']]);
      expect(report.fetched).toHaveLength(listing.length - 1);
      expect(existsSync(join(dest, victim.path.slice(victim.path.lastIndexOf('/') + 1)))).toBe(false);
      expect(readdirSync(dest).filter((name) => name.endsWith('.part'))).toEqual([]);
      expectExact(report);
    } finally {
      writeFileSync(local(victim.path), original);
    }
  });

  it('notices a file republished with a new size: typed error with a stale listing, re-fetch with a fresh one', async () => {
    const first = await downloadFiles(open(), listing, dest, fast);
    expect(first.fetched).toHaveLength(listing.length);
    const victim = listing[0] as RemoteFile;
    const original = readFileSync(local(victim.path));
    writeFileSync(local(victim.path), generateDbc(4242, 6000));
    try {
      const [elsewhere, removeElsewhere] = tempDir('arrow-sus-faults-stale-');
      const stale = await downloadFiles(open(), [victim], elsewhere, { ...fast, retries: 1 });
      removeElsewhere();
      expect(stale.failed.map((file) => file.code)).toEqual(['DOWNLOAD_SIZE_MISMATCH']);
      const fresh = (await listFolder(open(1), '/dissemin', { recursive: true })).filter((entry) => !entry.isDirectory);
      const second = await downloadFiles(open(), fresh, dest, fast);
      expect(second.republished).toEqual([victim.path]);
      expect(second.fetched.map((file) => file.path)).toEqual([victim.path]);
      expect(second.present).toHaveLength(listing.length - 1);
      expectExact(second);
    } finally {
      writeFileSync(local(victim.path), original);
    }
  });
});
