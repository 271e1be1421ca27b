/**
 * A real FTP server for tests: Debian's `vsftpd` started from a temporary configuration on a
 * free loopback port, anonymous and read-only, passive mode only, serving a temporary folder.
 *
 * CI installs `vsftpd` from `.ci/apt-packages` and runs as root (vsftpd needs root to chroot
 * anonymous sessions); {@link ftpServerUnavailable} says why tests must skip elsewhere.
 *
 * Also builds DataSUS-shaped trees: from `../shared/fixtures` (each fixture copied to its
 * `ftp_path`), or generated files when the shared folder is absent.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compressDbcSync } from '../../src/dbc/index.js';
import { encodeDbf } from '../../src/dbf/index.js';
import { describe } from 'vitest';
import { SHARED_DIR, fixturePath, readManifest } from './shared.js';

const VSFTPD = ['/usr/sbin/vsftpd', '/usr/local/sbin/vsftpd'].find((path) => existsSync(path));

/** Why a real FTP server cannot run here, or undefined when it can. */
export const ftpServerUnavailable: string | undefined = (() => {
  if (VSFTPD === undefined) return 'vsftpd is not installed (apt-get install vsftpd; listed in .ci/apt-packages)';
  if (process.getuid?.() !== 0) return 'vsftpd needs root to serve anonymous sessions (CI runs as root)';
  if (spawnSync('id', ['ftp']).status !== 0) return 'the "ftp" system user is missing (installing the vsftpd package creates it)';
  return undefined;
})();

/**
 * `describe` when a real FTP server can run here; otherwise a skipped block whose name says why
 * (and a warning), like `describeShared`.
 *
 * @example
 * ```ts
 * describeFtpServer('my FTP tests', () => {
 *   it('lists', async () => { const server = await startFtpServer({ root }); … });
 * });
 * ```
 */
export function describeFtpServer(name: string, body: () => void): void {
  if (ftpServerUnavailable === undefined) {
    describe(name, body);
  } else {
    describe.skip(`${name} [skipped: ${ftpServerUnavailable}]`, body);
    console.warn(`[arrow-sus tests] skipping "${name}": ${ftpServerUnavailable}`);
  }
}

/** Options of {@link startFtpServer}. */
export interface FtpServerOptions {
  /** Folder served as `/`. It (and its content) is made world-readable. */
  readonly root: string;
  /** Refuse (421) connections beyond this many in total. 0 = no limit. */
  readonly maxClients?: number;
  /** Refuse (421) connections beyond this many per client address. 0 = no limit. */
  readonly maxPerIp?: number;
  /** Per-connection transfer rate limit in bytes/s (vsftpd `anon_max_rate`). 0 = none. */
  readonly maxRate?: number;
  /** Offer the `LIST` times in the server's local time instead of UTC. Default false. */
  readonly localTime?: boolean;
}

/** A running server. */
export interface FtpServer {
  /** `ftp://127.0.0.1:PORT` */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly root: string;
  /** Stops the daemon and removes its configuration folder (not `root`). */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when the server greets with 220. */
async function waitForGreeting(port: number, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.setTimeout(1000);
      socket.once('data', (data) => {
        socket.end('QUIT\r\n');
        resolve(data.toString('latin1').startsWith('220'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

function makeReadable(path: string): void {
  const info = statSync(path);
  chmodSync(path, info.isDirectory() ? 0o755 : 0o644);
  if (info.isDirectory()) for (const name of readdirSync(path)) makeReadable(join(path, name));
}

/**
 * Starts vsftpd on a free loopback port serving `root` read-only to anonymous users.
 *
 * @example
 * ```ts
 * const server = await startFtpServer({ root: tree });
 * const source = openSource(server.url);
 * // …
 * await server.stop();
 * ```
 */
export async function startFtpServer(options: FtpServerOptions): Promise<FtpServer> {
  if (ftpServerUnavailable !== undefined || VSFTPD === undefined) throw new Error(`cannot start an FTP server: ${ftpServerUnavailable}`);
  makeReadable(options.root);
  const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-vsftpd-'));
  const empty = join(dir, 'empty');
  mkdirSync(empty);
  chmodSync(empty, 0o755);
  for (let tries = 0; tries < 5; tries += 1) {
    const port = await freePort();
    const config = [
      'listen=YES',
      'listen_ipv6=NO',
      'listen_address=127.0.0.1',
      `listen_port=${port}`,
      'background=NO',
      'anonymous_enable=YES',
      'local_enable=NO',
      'write_enable=NO',
      'anon_upload_enable=NO',
      'anon_mkdir_write_enable=NO',
      'anon_other_write_enable=NO',
      'no_anon_password=YES',
      `anon_root=${options.root}`,
      `secure_chroot_dir=${empty}`,
      'nopriv_user=nobody',
      'ftp_username=ftp',
      'pasv_enable=YES',
      'pasv_address=127.0.0.1',
      'port_enable=NO',
      // No seccomp/namespaces: they fail in containers and add nothing on loopback.
      'seccomp_sandbox=NO',
      'isolate_network=NO',
      'isolate=NO',
      'xferlog_enable=NO',
      'syslog_enable=NO',
      `vsftpd_log_file=${join(dir, 'vsftpd.log')}`,
      'hide_ids=YES',
      `use_localtime=${options.localTime === true ? 'YES' : 'NO'}`,
      `max_clients=${options.maxClients ?? 0}`,
      `max_per_ip=${options.maxPerIp ?? 0}`,
      `anon_max_rate=${options.maxRate ?? 0}`,
      'idle_session_timeout=60',
      'data_connection_timeout=30',
      'connect_from_port_20=NO',
    ];
    const configPath = join(dir, 'vsftpd.conf');
    writeFileSync(configPath, `${config.join('\n')}\n`);
    // vsftpd has no "exit with parent" option: a shell holds it and kills it when our end of its
    // stdin closes — on stop(), and also when this process dies (a killed test run leaks nothing).
    const child: ChildProcess = spawn('/bin/sh', ['-c', `"$0" "$1" & pid=$!; read -r _; kill $pid 2>/dev/null; wait $pid 2>/dev/null`, VSFTPD, configPath], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (data: Buffer) => {
      stderr += data.toString();
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (await waitForGreeting(port, Date.now() + 5000)) {
      return {
        url: `ftp://127.0.0.1:${port}`,
        host: '127.0.0.1',
        port,
        root: options.root,
        stop: async () => {
          child.stdin?.end();
          await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    child.stdin?.end();
    await exited;
    if (!/could not bind|address already in use/i.test(stderr)) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`vsftpd did not start: ${stderr.trim()}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error('vsftpd did not start on any free port');
}

/** One file placed in a test tree. */
export interface TreeFile {
  /** Path on the server, e.g. `/dissemin/publicos/SIM/CID10/DORES/DOAC2022.dbc`. */
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/** Options of {@link buildDatasusTree}. */
export interface BuildTreeOptions {
  /** Use at most this many fixtures (smallest first), or generated files. Default: all fixtures / 24 generated. */
  readonly limit?: number;
  /** Largest fixture to include, bytes. Default: no bound. */
  readonly maxBytes?: number;
  /** Force generated files even when `../shared` is present. */
  readonly generated?: boolean;
}

/**
 * A real DBC file (a DBF from our DBF writer, imploded by our DBC writer, CRC-32 in place) with
 * `records` rows of DataSUS-like values drawn deterministically from `seed`.
 *
 * @example
 * ```ts
 * const bytes = generateDbc(7, 500);
 * ```
 */
export function generateDbc(seed: number, records: number): Uint8Array {
  let state = seed >>> 0 || 1;
  const random = (n: number): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
  const rows = Array.from({ length: records }, () => [
    String(110001 + random(60) * 1000),
    random(100),
    new Date(Date.UTC(2010 + random(14), random(12), 1 + random(28))),
    `${'AIJKC'[random(5)]}${String(random(100)).padStart(2, '0')}${random(10)}`,
  ]);
  const fields = [
    { name: 'MUNIC_RES', type: 'C', length: 6 },
    { name: 'IDADE', type: 'N', length: 3 },
    { name: 'DT_INTER', type: 'D' },
    { name: 'DIAG_PRINC', type: 'C', length: 4 },
  ] as const;
  return compressDbcSync(encodeDbf(fields, rows));
}

/**
 * Fills `root` with a DataSUS-shaped tree and returns what it placed. With `../shared`, each
 * fixture that has an `ftp_path` in `MANIFEST.tsv` is copied (not linked: vsftpd chroots, and
 * tests that damage a served file must not touch the shared copy) to that path; otherwise
 * generated DBC files (real ones, from our writer) are placed under real DataSUS folders.
 *
 * @example
 * ```ts
 * const files = buildDatasusTree(mkdtempSync(join(tmpdir(), 'tree-')), { limit: 20 });
 * ```
 */
export function buildDatasusTree(root: string, options: BuildTreeOptions = {}): TreeFile[] {
  const placed: TreeFile[] = [];
  const rows = options.generated === true ? [] : readManifest().filter((row) => row.ftpPath !== undefined && row.bytes <= (options.maxBytes ?? Infinity));
  if (SHARED_DIR !== undefined && rows.length > 0) {
    rows.sort((a, b) => a.bytes - b.bytes || a.path.localeCompare(b.path));
    for (const row of rows.slice(0, options.limit ?? rows.length)) {
      const target = join(root, ...(row.ftpPath ?? '').split('/').filter(Boolean));
      if (existsSync(target)) continue; // two fixtures with one ftp_path: keep the first
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(fixturePath(row.path), target);
      placed.push({ path: row.ftpPath ?? '', size: row.bytes, sha256: row.sha256 });
    }
    return placed;
  }
  const folders = [
    '/dissemin/publicos/SIM/CID10/DORES',
    '/dissemin/publicos/SIHSUS/200801_/Dados',
    '/dissemin/publicos/CNES/200508_/Dados/ST',
    '/dissemin/publicos/SINAN/DADOS/FINAIS',
  ];
  const names = [
    ['DOAC2022.dbc', 'DOAL2022.DBC', 'DOAM2022.dbc', 'DOBR2022.dbc', 'DOSP2021.dbc', 'DOSP2022.dbc'],
    ['RDAC2301.dbc', 'RDAL2301.dbc', 'RDSP2301.dbc', 'RDSP2302.dbc', 'SPSP2301.dbc', 'RJRJ2301.dbc'],
    ['STAC2301.dbc', 'STAL2301.dbc', 'STSP2301.dbc', 'STSP2302.DBC', 'STRJ2301.dbc', 'STMG2301.dbc'],
    ['DENGBR22.dbc', 'DENGBR23.dbc', 'ZIKABR22.dbc', 'CHIKBR22.dbc', 'HANSBR22.dbc', 'TUBEBR22.dbc'],
  ];
  const limit = options.limit ?? 24;
  let seed = 1;
  for (let f = 0; f < folders.length; f += 1) {
    for (const name of names[f] ?? []) {
      if (placed.length >= limit) return placed;
      const bytes = generateDbc(seed, 200 + ((seed * 7919) % 3_000));
      seed += 1;
      const path = `${folders[f]}/${name}`;
      const target = join(root, ...path.split('/').filter(Boolean));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
      placed.push({ path, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
  }
  return placed;
}

/**
 * A temporary folder removed by the returned function.
 *
 * @example
 * ```ts
 * const [dir, remove] = tempDir('arrow-sus-test-');
 * ```
 */
export function tempDir(prefix: string): [string, () => void] {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return [dir, () => rmSync(dir, { recursive: true, force: true })];
}
