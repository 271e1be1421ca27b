import { afterAll, beforeAll, expect, it } from 'vitest';
import { FtpSource, downloadFiles, listFolder, type RemoteFile } from '../../src/sources/index.js';
import { describeShared, readManifest } from '../helpers/shared.js';
import { buildDatasusTree, ftpServerUnavailable, startFtpServer, tempDir, type FtpServer, type TreeFile } from '../helpers/ftp-server.js';

// Every real fixture at its DataSUS path, served by vsftpd, downloaded and checked end to end.
describeShared('downloading the real DataSUS fixture tree over FTP', () => {
  let root: string;
  let removeRoot: () => void;
  let placed: TreeFile[];
  let server: FtpServer | undefined;

  beforeAll(async () => {
    [root, removeRoot] = tempDir('arrow-sus-shared-tree-');
    placed = buildDatasusTree(root, { maxBytes: 1_500_000 });
    if (ftpServerUnavailable === undefined) server = await startFtpServer({ root });
  });
  afterAll(async () => {
    await server?.stop();
    removeRoot?.();
  });

  it.skipIf(ftpServerUnavailable !== undefined)('fetches each file with its manifest SHA-256 and a matching DBC CRC-32', async () => {
    if (server === undefined) return;
    const [dest, removeDest] = tempDir('arrow-sus-shared-dest-');
    try {
      await using source = new FtpSource({ host: server.host, port: server.port, connections: 4, timeZone: 'UTC' });
      const listing: RemoteFile[] = (await listFolder(source, '/dissemin/publicos', { recursive: true })).filter((entry) => !entry.isDirectory);
      expect(listing.map((file) => file.path).sort()).toEqual(placed.map((file) => file.path).sort());
      const report = await downloadFiles(source, listing, dest, { concurrency: 4, layout: 'tree' });
      expect(report.failed).toEqual([]);
      expect(report.fetched).toHaveLength(placed.length);
      const manifest = new Map(readManifest().map((row) => [row.ftpPath, row]));
      for (const file of report.fetched) {
        const row = manifest.get(file.path);
        expect(file.sha256, file.path).toBe(row?.sha256);
        // Only DBC files carry a CRC; the manifest says each real one matches.
        expect(file.crcOk, file.path).toBe(/\.dbc$/i.test(file.path) ? row?.crcOk ?? null : null);
      }
      const again = await downloadFiles(source, listing, dest, { layout: 'tree' });
      expect(again.present).toHaveLength(placed.length);
    } finally {
      removeDest();
    }
  });
});
