// A real FTP server for the benchmarks: Debian's vsftpd on a loopback port, anonymous and
// read-only, serving a folder (the tests have a fuller TypeScript twin in test/helpers).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VSFTPD = ['/usr/sbin/vsftpd', '/usr/local/sbin/vsftpd'].find((path) => existsSync(path));

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const greets = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('data', (data) => {
      socket.end('QUIT\r\n');
      resolve(data.toString('latin1').startsWith('220'));
    });
    socket.once('error', () => resolve(false));
  });

function makeReadable(path) {
  const info = statSync(path);
  chmodSync(path, info.isDirectory() ? 0o755 : 0o644);
  if (info.isDirectory()) for (const name of readdirSync(path)) makeReadable(join(path, name));
}

/** Starts vsftpd serving `root`; `maxRate` limits each connection (bytes/s). */
export async function startFtp(root, { maxRate = 0 } = {}) {
  if (VSFTPD === undefined) throw new Error('bench: vsftpd is not installed (apt-get install vsftpd)');
  makeReadable(root);
  const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-bench-ftp-'));
  const empty = join(dir, 'empty');
  mkdirSync(empty);
  const port = await freePort();
  const config = [
    'listen=YES', 'listen_ipv6=NO', 'listen_address=127.0.0.1', `listen_port=${port}`, 'background=NO',
    'anonymous_enable=YES', 'local_enable=NO', 'write_enable=NO', 'no_anon_password=YES', `anon_root=${root}`,
    `secure_chroot_dir=${empty}`, 'nopriv_user=nobody', 'ftp_username=ftp', 'pasv_enable=YES', 'pasv_address=127.0.0.1',
    'port_enable=NO', 'seccomp_sandbox=NO', 'isolate_network=NO', 'isolate=NO', 'xferlog_enable=NO', 'syslog_enable=NO',
    'use_localtime=NO', 'max_clients=0', 'max_per_ip=0', `anon_max_rate=${maxRate}`, 'idle_session_timeout=120',
  ];
  writeFileSync(join(dir, 'vsftpd.conf'), `${config.join('\n')}\n`);
  const child = spawn('/bin/sh', ['-c', '"$0" "$1" & pid=$!; read -r _; kill $pid 2>/dev/null; wait $pid 2>/dev/null', VSFTPD, join(dir, 'vsftpd.conf')], { stdio: ['pipe', 'ignore', 'inherit'] });
  for (let i = 0; i < 100 && !(await greets(port)); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    url: `ftp://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => {
      child.once('close', () => {
        rmSync(dir, { recursive: true, force: true });
        resolve();
      });
      child.stdin.end('\n');
    }),
  };
}
