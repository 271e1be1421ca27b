import { existsSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArrowSusError } from '../../src/errors.js';
import { LocalSource, MANIFEST_NAME, chainSources, downloadFiles, listFolder, renderReport, type DownloadReport, type RemoteFile } from '../../src/sources/index.js';
import { buildDatasusTree, generateDbc, tempDir, type TreeFile } from '../helpers/ftp-server.js';
import { ScriptedSource } from './scripted-source.js';

const fast = { backoffMs: 1, maxBackoffMs: 5, random: () => 0.5 } as const;

let root: string;
let dest: string;
let cleanups: Array<() => void> = [];
let tree: TreeFile[];
let listing: RemoteFile[];

const local = (path: string): string => join(root, ...path.split('/').filter(Boolean));
const name = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

beforeEach(async () => {
  let cleanup: () => void;
  [root, cleanup] = tempDir('arrow-sus-dl-src-');
  cleanups.push(cleanup);
  [dest, cleanup] = tempDir('arrow-sus-dl-dest-');
  cleanups.push(cleanup);
  tree = buildDatasusTree(root, { limit: 12, generated: true });
  listing = (await listFolder(new LocalSource({ root }), '/', { recursive: true })).filter((entry) => !entry.isDirectory);
});
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function expectExact(report: DownloadReport): void {
  for (const file of [...report.fetched, ...report.present]) {
    expect(readFileSync(file.file).equals(readFileSync(local(file.path))), file.path).toBe(true);
    expect(file.sha256).toBe(tree.find((t) => t.path === file.path)?.sha256);
  }
}

const leftovers = (): string[] => readdirSync(dest).filter((entry) => entry.endsWith('.part'));

describe('downloadFiles', () => {
  it('fetches everything byte-exact, verifies DBC CRCs, and never exceeds the concurrency bound', async () => {
    const source = new ScriptedSource(new LocalSource({ root }), { chunkDelayMs: 2, chunkBytes: 4096 });
    const report = await downloadFiles(source, listing, dest, { concurrency: 3 });
    expect(report.fetched).toHaveLength(listing.length);
    expect(report.fetched.every((file) => file.crcOk === true && file.source === source.url)).toBe(true);
    expect(source.maxActive).toBe(3);
    expectExact(report);
    expect(leftovers()).toEqual([]);
    expect(readdirSync(dest)).toContain(MANIFEST_NAME);
  });

  it('reports files already there as present, and re-fetches a damaged local copy', async () => {
    const source = new LocalSource({ root });
    await downloadFiles(source, listing, dest);
    const first = listing[0] as RemoteFile;
    writeFileSync(join(dest, name(first.path)), Buffer.alloc(first.size, 0x20)); // same size, wrong bytes
    const report = await downloadFiles(source, listing, dest);
    expect(report.fetched.map((file) => file.path)).toEqual([first.path]);
    expect(report.present).toHaveLength(listing.length - 1);
    expectExact(report);
  });

  it('retries retryable failures with backoff, and does not retry the others', async () => {
    const busy = new ScriptedSource(new LocalSource({ root }), { fail: { code: 'SOURCE_BUSY', times: 3 } });
    const retries: string[] = [];
    const report = await downloadFiles(busy, listing.slice(0, 1), dest, { ...fast, onRetry: (event) => retries.push(event.code) });
    expect(report.fetched).toHaveLength(1);
    expect(retries).toEqual(['SOURCE_BUSY', 'SOURCE_BUSY', 'SOURCE_BUSY']);

    const refused = new ScriptedSource(new LocalSource({ root }), { fail: { code: 'SOURCE_AUTH_FAILED', times: 1 } });
    const second = await downloadFiles(refused, listing.slice(1, 2), dest, { ...fast, onRetry: () => retries.push('unexpected') });
    expect(second.failed.map((file) => file.code)).toEqual(['SOURCE_AUTH_FAILED']);
    expect(refused.downloads).toBe(1);

    const flaky = new ScriptedSource(new LocalSource({ root }), { fail: { code: 'SOURCE_TIMEOUT', times: 100 } });
    const third = await downloadFiles(flaky, listing.slice(2, 3), dest, { ...fast, retries: 2 });
    expect(third.failed.map((file) => file.code)).toEqual(['SOURCE_TIMEOUT']);
    expect(flaky.downloads).toBe(3);
    expect(existsSync(join(dest, name(listing[2]?.path ?? '')))).toBe(false);
  });

  it('cuts a stalled transfer and resumes from the bytes on disk', async () => {
    const file = listing.reduce((a, b) => (b.size > a.size ? b : a));
    const source = new ScriptedSource(new LocalSource({ root }), { stall: { bytes: 5000, times: 1 }, chunkBytes: 1000 });
    const report = await downloadFiles(source, [file], dest, { ...fast, stallTimeoutMs: 100 });
    expect(report.fetched).toHaveLength(1);
    expect(source.offsets).toEqual([
      [file.path, 0],
      [file.path, 5000],
    ]);
    expectExact(report);
  });

  it('refuses files whose size differs from the listing, leaving nothing under the final name', async () => {
    const [shorter, longer] = listing;
    const wrong: RemoteFile[] = [
      { path: shorter?.path ?? '', size: (shorter?.size ?? 0) + 10 },
      { path: longer?.path ?? '', size: (longer?.size ?? 0) - 10 },
    ];
    const report = await downloadFiles(new LocalSource({ root }), wrong, dest, { ...fast, retries: 1 });
    expect(report.failed.map((file) => file.code)).toEqual(['DOWNLOAD_SIZE_MISMATCH', 'DOWNLOAD_SIZE_MISMATCH']);
    for (const file of wrong) expect(existsSync(join(dest, name(file.path)))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('does not call a file missing when only a resumed request is refused (550 after REST)', async () => {
    const file = listing.reduce((a, b) => (b.size > a.size ? b : a));
    writeFileSync(local(file.path), readFileSync(local(file.path)).subarray(0, Math.floor(file.size / 2)));
    const source = new ScriptedSource(new LocalSource({ root }), { notFoundWhenResuming: true });
    const report = await downloadFiles(source, [file], dest, { ...fast, retries: 3 });
    expect(report.missing).toEqual([]);
    expect(report.failed.map((failed) => failed.code)).toEqual(['DOWNLOAD_SIZE_MISMATCH']);
    expect(leftovers()).toEqual([]);
  });

  it('writes to a .part file and renames only when complete and verified', async () => {
    const file = listing.reduce((a, b) => (b.size > a.size ? b : a));
    const final = join(dest, name(file.path));
    const seen: boolean[] = [];
    const source = new ScriptedSource(new LocalSource({ root }), { chunkBytes: 2048 });
    await downloadFiles(source, [file], dest, { onProgress: (progress) => seen.push(existsSync(final) || progress.bytes > progress.total) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((exists) => !exists)).toBe(true);
    expect(statSync(final).size).toBe(file.size);
  });

  it('aborts without a final file, then resumes from the partial file', async () => {
    const file = listing.reduce((a, b) => (b.size > a.size ? b : a));
    const controller = new AbortController();
    const source = new ScriptedSource(new LocalSource({ root }), { chunkBytes: 1024 });
    let code = 'no error';
    try {
      await downloadFiles(source, [file], dest, { signal: controller.signal, onProgress: (p) => p.bytes >= 3072 && controller.abort() });
    } catch (error) {
      code = ArrowSusError.is(error) ? error.code : String(error);
    }
    expect(code).toBe('ABORTED');
    expect(existsSync(join(dest, name(file.path)))).toBe(false);
    expect(leftovers()).toHaveLength(1);
    const report = await downloadFiles(source, [file], dest);
    expect(report.fetched).toHaveLength(1);
    expect(source.offsets.at(-1)?.[1]).toBeGreaterThanOrEqual(3072);
    expectExact(report);
    expect(leftovers()).toEqual([]);
  });

  it('detects republished files from the manifest and fetches them again', async () => {
    const source = new LocalSource({ root });
    await downloadFiles(source, listing, dest);
    const target = listing[0] as RemoteFile;
    const replacement = generateDbc(999, 2000);
    writeFileSync(local(target.path), replacement);
    const fresh = (await listFolder(source, '/', { recursive: true })).filter((entry) => !entry.isDirectory);
    const report = await downloadFiles(source, fresh, dest);
    expect(report.republished).toEqual([target.path]);
    expect(report.fetched.map((file) => file.path)).toEqual([target.path]);
    expect(readFileSync(join(dest, name(target.path))).equals(Buffer.from(replacement))).toBe(true);
    const again = await downloadFiles(source, fresh, dest);
    expect(again.present).toHaveLength(listing.length);
    expect(again.republished).toEqual([]);
    // Same size, time moved by seconds (LIST minutes vs MDTM seconds): still the same file.
    const nudged = fresh.map((file) => ({ ...file, modifiedAt: new Date((file.modifiedAt?.getTime() ?? 0) + 30_000) }));
    expect((await downloadFiles(source, nudged, dest)).present).toHaveLength(listing.length);
    // Same size, a new day: republished.
    const redated = fresh.map((file, i) => (i === 1 ? { ...file, modifiedAt: new Date((file.modifiedAt?.getTime() ?? 0) + 86_400_000) } : file));
    expect((await downloadFiles(source, redated, dest)).republished).toEqual([fresh[1]?.path]);
  });

  it('can run without a manifest: present files are checked by size and content', async () => {
    const source = new LocalSource({ root });
    const first = await downloadFiles(source, listing, dest, { manifest: false });
    expect(first.fetched).toHaveLength(listing.length);
    expect(readdirSync(dest)).not.toContain(MANIFEST_NAME);
    const second = await downloadFiles(source, listing, dest, { manifest: false });
    expect(second.present.map((file) => file.crcOk)).toEqual(listing.map(() => true));
  });

  it('flushes each file to the disk unless told the file is transient (durable: false)', async () => {
    // Every FileHandle shares one prototype: count fdatasync calls on it.
    const probe = await open(join(dest, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> };
    await probe.close();
    const original = proto.datasync;
    let flushes = 0;
    proto.datasync = function (this: unknown) {
      flushes += 1;
      return original.call(this);
    };
    try {
      const files = listing.slice(0, 3);
      const durable = await downloadFiles(new LocalSource({ root }), files, join(dest, 'durable'));
      expect(durable.fetched).toHaveLength(3);
      expect(flushes).toBeGreaterThanOrEqual(3);
      flushes = 0;
      const transient = await downloadFiles(new LocalSource({ root }), files, join(dest, 'transient'), { durable: false, manifest: false });
      expect(transient.fetched).toHaveLength(3);
      expect(flushes).toBe(0);
      expectExact(transient);
    } finally {
      proto.datasync = original;
    }
  });

  it('rejects a damaged DBC (CRC) and takes the good copy from the next source in a chain', async () => {
    const target = listing[0] as RemoteFile;
    const [badRoot, removeBad] = tempDir('arrow-sus-dl-bad-');
    cleanups.push(removeBad);
    buildDatasusTree(badRoot, { limit: 12, generated: true });
    const damaged = readFileSync(local(target.path));
    // One flipped byte inside the implode stream: same size, so only the CRC-32 check can tell.
    damaged[damaged.length - 20] = (damaged[damaged.length - 20] ?? 0) ^ 0x10;
    writeFileSync(join(badRoot, ...target.path.split('/').filter(Boolean)), damaged);
    const bad = new LocalSource({ root: badRoot });
    const alone = await downloadFiles(bad, [target], dest, { ...fast, retries: 1 });
    expect(alone.failed.map((file) => file.code)).toEqual(['DOWNLOAD_INTEGRITY_FAILED']);
    expect(existsSync(join(dest, name(target.path)))).toBe(false);
    expect(leftovers()).toEqual([]);
    const chained = await downloadFiles(chainSources([bad, new LocalSource({ root })]), [target], dest, fast);
    expect(chained.fetched.map((file) => [file.source, file.crcOk])).toEqual([[`file://${root}`, true]]);
    expectExact(chained);
  });

  it('reports files no source has as missing', async () => {
    const report = await downloadFiles(new LocalSource({ root }), [...listing.slice(0, 2), { path: '/dissemin/publicos/SIM/CID10/DORES/DOXX2099.dbc', size: 10 }], dest);
    expect(report.missing).toEqual(['/dissemin/publicos/SIM/CID10/DORES/DOXX2099.dbc']);
    expect(report.fetched).toHaveLength(2);
    expect(report.expected).toBe(3);
  });

  it('turns ENOSPC into DISK_FULL and leaves nothing partial', async () => {
    const file = listing[0] as RemoteFile;
    const part = join(dest, `${name(file.path)}.${file.size}-${file.modifiedAt?.getTime() ?? 'x'}.part`);
    symlinkSync('/dev/full', part); // every write to /dev/full fails with ENOSPC
    const report = await downloadFiles(new LocalSource({ root }), listing.slice(0, 1), dest, { concurrency: 1 });
    expect(report.failed.map((failed) => failed.code)).toEqual(['DISK_FULL']);
    expect(existsSync(part)).toBe(false);
    expect(existsSync(join(dest, name(file.path)))).toBe(false);
  });

  it('refuses two remote files that would land on one local name, unless laid out as a tree', async () => {
    const twins: RemoteFile[] = [
      { path: '/dissemin/publicos/SINASC/NOV/DNRES/DNAC2020.dbc', size: 1 },
      { path: '/dissemin/publicos/SINASC/1996_/Dados/DNRES/DNAC2020.dbc', size: 1 },
    ];
    let code = 'no error';
    try {
      await downloadFiles(new LocalSource({ root }), twins, dest);
    } catch (error) {
      code = ArrowSusError.is(error) ? error.code : String(error);
    }
    expect(code).toBe('INVALID_ARGUMENT');
    let folderCode = 'no error';
    try {
      await downloadFiles(new LocalSource({ root }), [{ path: '/dissemin/publicos', size: 0, isDirectory: true } as RemoteFile], dest);
    } catch (error) {
      folderCode = ArrowSusError.is(error) ? error.code : String(error);
    }
    expect(folderCode).toBe('INVALID_ARGUMENT');
    const report = await downloadFiles(new LocalSource({ root }), listing, dest, { layout: 'tree' });
    expect(report.fetched.map((file) => file.file)).toEqual(listing.map((file) => join(dest, ...file.path.split('/').filter(Boolean))));
  });

  it('renders the report as a table and as JSON', async () => {
    const report = await downloadFiles(new LocalSource({ root }), [...listing.slice(0, 2), { path: '/x/MISSING.dbc', size: 1 }], dest);
    const table = renderReport(report);
    expect(table.split('\n')[0]).toMatch(/^status\s+file\s+bytes\s+crc\s+source\s+time\s+note$/);
    expect(table).toContain(`fetched  ${name(listing[0]?.path ?? '')}`);
    expect(table).toMatch(/missing\s+MISSING\.dbc/);
    expect(table.trimEnd().split('\n').at(-1)).toBe('3 files: 2 fetched, 0 present, 1 missing, 0 failed');
    expect(JSON.parse(renderReport(report, { format: 'json' }))).toEqual(JSON.parse(JSON.stringify(report)));
  });
});

describe('verifyDbfFile', () => {
  it('accepts whole DBF files (with or without the end byte) and rejects short ones', async () => {
    const { encodeDbf } = await import('../../src/dbf/index.js');
    const { verifyDbfFile, defaultVerify } = await import('../../src/sources/index.js');
    const [dir, remove] = tempDir('arrow-sus-dbf-verify-');
    cleanups.push(remove);
    const dbf = encodeDbf([{ name: 'UF', type: 'C', length: 2 }, { name: 'DOSES', type: 'N', length: 6 }], [['AC', 10], ['AL', 20], ['AM', 30]]);
    const cases: Array<[string, Uint8Array, string]> = [
      ['whole.DBF', dbf, 'ok'],
      ['no-eof.dbf', dbf.subarray(0, dbf.length - 1), 'ok'],
      ['short.dbf', dbf.subarray(0, dbf.length - 5), 'DBF_TRUNCATED'],
    ];
    for (const [name, bytes, expected] of cases) {
      writeFileSync(join(dir, name), bytes);
      let outcome = 'ok';
      try {
        expect(await defaultVerify(`/dissemin/publicos/PNI/DADOS/${name}`, join(dir, name), {})).toEqual({ crcOk: null });
      } catch (error) {
        outcome = ArrowSusError.is(error) ? error.code : String(error);
      }
      expect(outcome, name).toBe(expected);
    }
    expect(await verifyDbfFile('/x/README.txt', join(dir, 'short.dbf'), {})).toEqual({ crcOk: null });
  });
});
