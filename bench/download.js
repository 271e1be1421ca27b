#!/usr/bin/env node
// Download throughput: 50 real DataSUS fixtures served by a local vsftpd that throttles every
// connection (anon_max_rate, like the real server's per-connection speed), fetched with
// `downloadFiles` (size check + DBC CRC-32 verification + atomic rename) using 1 connection and
// then 4 connections. The goal: 4 connections ≥ 2.5× faster than 1.
//
//   npm run build && node bench/download.js [runs=3] [rateKiBps=1024]
//
// Needs vsftpd (apt-get install vsftpd), root (vsftpd chroots anonymous sessions) and ../shared.
// Prints the median wall time per setting over `runs` runs (fresh destination each run), the
// ratio, throughput, and this process's peak RSS.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FtpSource, downloadFiles } from '../dist/sources/index.js';
import { fmt, median, peakRssMiB, printTable, requireShared, timeRuns } from './lib.js';

const runs = Number(process.argv[2] ?? 3);
const rateKiB = Number(process.argv[3] ?? 1024);
const shared = requireShared();
const VSFTPD = '/usr/sbin/vsftpd';
if (!existsSync(VSFTPD) || process.getuid?.() !== 0) {
  console.error('bench/download: needs vsftpd (apt-get install vsftpd) and root');
  process.exit(2);
}

// The 50 smallest fixtures of at least 60 KB that live on the FTP (ftp_path), at that path.
const rows = readFileSync(join(shared, 'fixtures', 'MANIFEST.tsv'), 'utf8').trim().split('\n');
const header = rows.shift().split('\t');
const col = (name) => header.indexOf(name);
const chosen = rows
  .map((line) => line.split('\t'))
  .filter((cells) => cells[col('ftp_path')] !== '' && Number(cells[col('bytes')]) >= 60_000)
  .sort((a, b) => Number(a[col('bytes')]) - Number(b[col('bytes')]))
  .slice(0, 50);
const work = mkdtempSync(join(tmpdir(), 'arrow-sus-bench-dl-'));
const root = join(work, 'root');
const files = [];
for (const cells of chosen) {
  const ftpPath = cells[col('ftp_path')];
  const target = join(root, ...ftpPath.split('/').filter(Boolean));
  if (existsSync(target)) continue;
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(shared, 'fixtures', cells[col('path')]), target);
  files.push({ path: ftpPath, size: Number(cells[col('bytes')]) });
}
spawnSync('chmod', ['-R', 'a+rX', root]);
const totalBytes = files.reduce((sum, file) => sum + file.size, 0);

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const empty = join(work, 'empty');
mkdirSync(empty);
chmodSync(empty, 0o755);
writeFileSync(
  join(work, 'vsftpd.conf'),
  [
    'listen=YES', 'listen_ipv6=NO', 'listen_address=127.0.0.1', `listen_port=${port}`, 'background=NO',
    'anonymous_enable=YES', 'local_enable=NO', 'write_enable=NO', 'no_anon_password=YES', `anon_root=${root}`,
    `secure_chroot_dir=${empty}`, 'nopriv_user=nobody', 'ftp_username=ftp', 'pasv_enable=YES', 'pasv_address=127.0.0.1',
    'port_enable=NO', 'seccomp_sandbox=NO', 'isolate_network=NO', 'isolate=NO', 'xferlog_enable=NO', 'syslog_enable=NO',
    `vsftpd_log_file=${join(work, 'vsftpd.log')}`, `anon_max_rate=${rateKiB * 1024}`, 'max_per_ip=0', 'max_clients=0',
  ].join('\n') + '\n',
);
const daemon = spawn(VSFTPD, [join(work, 'vsftpd.conf')], { stdio: 'ignore' });
for (let tries = 0; ; tries += 1) {
  const ok = await new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('data', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
  if (ok) break;
  if (tries > 100) throw new Error('vsftpd did not start');
  await new Promise((resolve) => setTimeout(resolve, 50));
}

async function fetchAll(connections) {
  const dest = mkdtempSync(join(work, 'dest-'));
  const source = new FtpSource({ host: '127.0.0.1', port, connections });
  try {
    const report = await downloadFiles(source, files, dest, { concurrency: connections });
    if (report.fetched.length !== files.length || report.fetched.some((file) => file.crcOk !== true && /\.dbc$/i.test(file.path))) {
      throw new Error(`bench/download: incomplete run ${JSON.stringify(report.failed)}`);
    }
  } finally {
    await source.close();
    rmSync(dest, { recursive: true, force: true });
  }
}

try {
  const results = [];
  for (const connections of [1, 4]) {
    const seconds = await timeRuns(() => fetchAll(connections), { runs, warmup: 0 });
    results.push({ connections, seconds: median(seconds), all: seconds });
  }
  const [one, four] = results;
  console.log(`bench/download: ${files.length} fixtures, ${fmt(totalBytes / 1e6, 2)} MB, vsftpd throttled to ${rateKiB} KiB/s per connection, median of ${runs}`);
  printTable(
    ['connections', 'median s', 'MB/s', 'runs (s)'],
    results.map((r) => [r.connections, fmt(r.seconds, 2), fmt(totalBytes / 1e6 / r.seconds, 2), r.all.map((s) => fmt(s, 2)).join(' ')]),
  );
  const ratio = one.seconds / four.seconds;
  console.log(`speed-up 4 vs 1 connections: ${fmt(ratio, 2)}× (goal ≥ 2.5×) ${ratio >= 2.5 ? 'PASS' : 'FAIL'}`);
  console.log(`peak RSS: ${fmt(peakRssMiB(), 0)} MiB`);
  if (ratio < 2.5) process.exitCode = 1;
} finally {
  daemon.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
