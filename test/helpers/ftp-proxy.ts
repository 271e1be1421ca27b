/**
 * A fault-injecting TCP proxy for FTP: forwards the control connection to a real server and
 * rewrites its passive-mode replies (`227` PASV, `229` EPSV) so data connections go through
 * the proxy too. Faults act on the real protocol: dropped or stalled data connections after N
 * bytes of a file transfer, `421` refusals, a control-connection limit, per-connection
 * throttling.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/** Faults to inject; each counter is consumed as file transfers (RETR) happen. */
export interface ProxyFaults {
  /** Answer the next N control connections with `421` and close them. */
  refuse?: number;
  /** Refuse (`421`) control connections beyond this many open at once. */
  maxControl?: number;
  /** Send refusals this late (ms), as a loaded server does. */
  refuseDelayMs?: number;
  /** Close the data connection after `bytes` bytes, on the next `times` RETRs. */
  drop?: { bytes: number; times: number };
  /** Stop forwarding (connection left open, silent) after `bytes` bytes, on the next `times` RETRs. */
  stall?: { bytes: number; times: number };
  /** Limit each data connection to this many bytes per second. */
  throttle?: number;
  /**
   * Rewrite `LIST` answers from Unix style (vsftpd, times in UTC) into the DOS/IIS style the
   * DataSUS server prints, with wall-clock times in this IANA zone (e.g. `America/Sao_Paulo`).
   */
  dosListing?: { timeZone: string; clock: '12h' | '24h'; year: 2 | 4 };
  /**
   * Offer `MLST` in `FEAT` (vsftpd does not) and serve `MLSD`: the proxy sends `LIST` upstream and
   * answers with RFC 3659 facts lines, so clients that prefer MLSD take that path.
   */
  mlsd?: boolean;
}

/** Counters the tests assert on. */
export interface ProxyStats {
  control: number;
  /** Control connections open right now. */
  openControl: number;
  refused: number;
  retr: number;
  /** MLSD commands the client sent. */
  mlsd: number;
  rest: number[];
  dropped: number;
  stalled: number;
  /** Highest number of data transfers in flight at once. */
  maxConcurrentData: number;
}

/** A running proxy. */
export interface FtpProxy {
  /** `ftp://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  readonly faults: ProxyFaults;
  readonly stats: ProxyStats;
  /** Closes every open control connection at once, as a server restart or idle timeout does. */
  killControl(): void;
  stop(): Promise<void>;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The facts of one vsftpd `ls -l` line (times in UTC), or undefined for other lines. */
function readVsftpdLine(line: string, now: Date): { type: string; size: string; instant: Date; name: string } | undefined {
  const match = /^([-dl])\S{9}\s+\d+\s+\S+\s+\S+\s+(\d+)\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}:\d{2}|\d{4})\s(.+)$/.exec(line);
  if (match === null) return undefined;
  const [, type, size, mon, day, timeOrYear, name] = match;
  const month = MONTHS.indexOf(mon ?? '');
  let instant: Date;
  if ((timeOrYear ?? '').includes(':')) {
    const [h, m] = (timeOrYear ?? '0:0').split(':').map(Number);
    instant = new Date(Date.UTC(now.getUTCFullYear(), month, Number(day), h, m));
    if (instant.getTime() > now.getTime() + 86_400_000) instant = new Date(Date.UTC(now.getUTCFullYear() - 1, month, Number(day), h, m));
  } else {
    instant = new Date(Date.UTC(Number(timeOrYear), month, Number(day)));
  }
  return { type: type ?? '-', size: size ?? '0', instant, name: name ?? '' };
}

/** One vsftpd `ls -l` line (UTC) as IIS would print it, or the line unchanged. */
function toDosLine(line: string, style: NonNullable<ProxyFaults['dosListing']>, now: Date): string {
  const facts = readVsftpdLine(line, now);
  if (facts === undefined) return line;
  const { type, size, instant, name } = facts;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: style.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const hour = Number(parts['hour']);
  const clock = style.clock === '12h' ? `${String(hour % 12 === 0 ? 12 : hour % 12).padStart(2, '0')}:${parts['minute']}${hour < 12 ? 'AM' : 'PM'}` : `${parts['hour']}:${parts['minute']}`;
  const year = style.year === 4 ? parts['year'] : (parts['year'] ?? '').slice(2);
  const sizeColumn = type === 'd' ? '<DIR>         ' : size.padStart(14);
  return `${parts['month']}-${parts['day']}-${year}  ${clock}       ${sizeColumn} ${name}`;
}

/** One vsftpd `ls -l` line as an MLSD facts line (`cdir`/`pdir` for `.`/`..`). */
function toMlsdLine(line: string, now: Date): string {
  const facts = readVsftpdLine(line, now);
  if (facts === undefined) return line;
  const modify = facts.instant.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const type = facts.name === '.' ? 'cdir' : facts.name === '..' ? 'pdir' : facts.type === 'd' ? 'dir' : 'file';
  return `type=${type};size=${facts.size};modify=${modify};UNIX.mode=0644; ${facts.name}`;
}

interface DataPair {
  kind: 'unknown' | 'retr' | 'list' | 'mlsd';
  forwarded: number;
  fault: 'none' | 'drop' | 'stall' | undefined;
  /** Settles when throttled bytes already received have all been passed on. */
  flushed: Promise<void>;
}

/**
 * Starts a proxy on a free loopback port in front of `target`.
 *
 * @example
 * ```ts
 * const proxy = await startFtpProxy({ host: '127.0.0.1', port: server.port }, { drop: { bytes: 10_000, times: 1 } });
 * const source = openSource(proxy.url);
 * ```
 */
export async function startFtpProxy(target: { host: string; port: number }, faults: ProxyFaults = {}): Promise<FtpProxy> {
  const stats: ProxyStats = { control: 0, openControl: 0, refused: 0, retr: 0, mlsd: 0, rest: [], dropped: 0, stalled: 0, maxConcurrentData: 0 };
  const sockets = new Set<Socket>();
  const controlSockets = new Set<Socket>();
  const servers = new Set<Server>();
  let openControl = 0;
  let activeData = 0;
  const track = (socket: Socket): Socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    return socket;
  };

  const openDataListener = (serverPort: number, pending: DataPair[], kinds: DataPair['kind'][]): Promise<number> =>
    new Promise((resolve) => {
      const listener = createServer((client) => {
        track(client);
        listener.close();
        servers.delete(listener);
        // The command may have been read before this accept ran: take its label if so.
        const pair: DataPair = { kind: kinds.shift() ?? 'unknown', forwarded: 0, fault: undefined, flushed: Promise.resolve() };
        if (pair.kind === 'unknown') pending.push(pair);
        const upstream = track(connect(serverPort, target.host));
        let counted = false;
        const finish = (): void => {
          if (counted) {
            counted = false;
            activeData -= 1;
          }
        };
        let listing = '';
        upstream.on('close', () => {
          finish();
          if (pair.kind === 'list' && faults.dosListing !== undefined) {
            const style = faults.dosListing;
            const now = new Date();
            client.end(listing.split('\r\n').map((line) => (line === '' ? line : toDosLine(line, style, now))).join('\r\n'));
            return;
          }
          if (pair.kind === 'mlsd') {
            const now = new Date();
            client.end(listing.split('\r\n').map((line) => (line === '' ? line : toMlsdLine(line, now))).join('\r\n'));
            return;
          }
          if (pair.fault !== 'stall') void pair.flushed.then(() => client.end());
        });
        client.on('close', () => {
          finish();
          upstream.destroy();
        });
        upstream.on('data', (chunk: Buffer) => {
          if ((pair.kind === 'list' && faults.dosListing !== undefined) || pair.kind === 'mlsd') {
            listing += chunk.toString('latin1');
            return;
          }
          if (pair.fault === undefined && pair.kind === 'retr') {
            if (!counted) {
              counted = true;
              activeData += 1;
              stats.maxConcurrentData = Math.max(stats.maxConcurrentData, activeData);
            }
            if (faults.drop !== undefined && faults.drop.times > 0) {
              faults.drop.times -= 1;
              pair.fault = 'drop';
            } else if (faults.stall !== undefined && faults.stall.times > 0) {
              faults.stall.times -= 1;
              pair.fault = 'stall';
            } else {
              pair.fault = 'none';
            }
          }
          const limit = pair.fault === 'drop' ? faults.drop?.bytes ?? 0 : pair.fault === 'stall' ? faults.stall?.bytes ?? 0 : Infinity;
          const room = limit - pair.forwarded;
          if (room <= 0) return;
          const part = chunk.byteLength > room ? chunk.subarray(0, room) : chunk;
          pair.forwarded += part.byteLength;
          const rate = faults.throttle ?? 0;
          if (rate > 0) {
            // Trickle: slices of a tenth of a second's worth, so data keeps flowing steadily.
            upstream.pause();
            const slice = Math.max(1, Math.floor(rate / 10));
            pair.flushed = new Promise((done) => {
              let at = 0;
              const step = (): void => {
                if (client.destroyed) return done();
                client.write(part.subarray(at, at + slice));
                at += slice;
                if (at < part.byteLength) setTimeout(step, 100);
                else {
                  done();
                  upstream.resume();
                }
              };
              step();
            });
          } else {
            client.write(part);
          }
          if (part.byteLength < chunk.byteLength || pair.forwarded >= limit) {
            if (pair.fault === 'drop') {
              stats.dropped += 1;
              client.end();
              upstream.destroy();
            } else if (pair.fault === 'stall') {
              stats.stalled += 1;
              upstream.pause(); // silent but open: only a stall timeout gets out of this
            }
          }
        });
      });
      servers.add(listener);
      listener.listen(0, '127.0.0.1', () => resolve((listener.address() as AddressInfo).port));
    });

  const proxy = createServer((client) => {
    track(client);
    controlSockets.add(client);
    client.on('close', () => controlSockets.delete(client));
    stats.control += 1;
    const refuse = (faults.refuse ?? 0) > 0 || (faults.maxControl !== undefined && openControl >= faults.maxControl);
    if (refuse) {
      if ((faults.refuse ?? 0) > 0) faults.refuse = (faults.refuse ?? 0) - 1;
      stats.refused += 1;
      setTimeout(() => client.end('421 Too many users, try again later (proxy)\r\n'), faults.refuseDelayMs ?? 0);
      return;
    }
    openControl += 1;
    stats.openControl = openControl;
    client.on('close', () => {
      openControl -= 1;
      stats.openControl = openControl;
    });
    const upstream = track(connect(target.port, target.host));
    const pending: DataPair[] = [];
    const kinds: DataPair['kind'][] = [];
    let fromServer = '';
    let fromClient = '';
    // Replies are rewritten line by line; everything else is forwarded untouched, in order.
    let chain = Promise.resolve();
    upstream.on('data', (chunk: Buffer) => {
      fromServer += chunk.toString('latin1');
      const lines = fromServer.split('\r\n');
      fromServer = lines.pop() ?? '';
      for (const line of lines) {
        chain = chain.then(async () => {
          const pasv = /^227 .*?\((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)/.exec(line);
          const epsv = /^229 .*?\(\|\|\|(\d+)\|\)/.exec(line);
          if (pasv !== null) {
            const port = await openDataListener(Number(pasv[5]) * 256 + Number(pasv[6]), pending, kinds);
            client.write(`227 Entering Passive Mode (127,0,0,1,${port >> 8},${port & 255}).\r\n`);
          } else if (epsv !== null) {
            const port = await openDataListener(Number(epsv[1]), pending, kinds);
            client.write(`229 Entering Extended Passive Mode (|||${port}|)\r\n`);
          } else {
            if (faults.mlsd === true && line === '211 End') client.write(' MLST type*;size*;modify*;\r\n'); // RFC 3659: MLST implies MLSD
            client.write(`${line}\r\n`);
          }
        });
      }
    });
    client.on('data', (chunk: Buffer) => {
      fromClient += chunk.toString('latin1');
      const lines = fromClient.split('\r\n');
      fromClient = lines.pop() ?? '';
      for (const line of lines) {
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'RETR' || command === 'LIST' || command === 'MLSD' || command === 'NLST') {
          // The data connection opened after the last PASV belongs to this command.
          const kind = command === 'RETR' ? 'retr' : command === 'MLSD' && faults.mlsd === true ? 'mlsd' : 'list';
          const pair = pending.shift();
          if (pair !== undefined) pair.kind = kind;
          else kinds.push(kind);
          if (command === 'RETR') stats.retr += 1;
        }
        if (command === 'REST') stats.rest.push(Number(line.slice(5)));
        if (command === 'MLSD') stats.mlsd += 1;
        // vsftpd has no MLSD: ask it for LIST ("-a" keeps "." for the cdir fact line).
        upstream.write(command === 'MLSD' && faults.mlsd === true ? `LIST -a${line.slice(4)}\r\n` : `${line}\r\n`);
      }
    });
    upstream.on('close', () => client.end());
    client.on('close', () => upstream.destroy());
  });
  servers.add(proxy);
  const port = await new Promise<number>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve((proxy.address() as AddressInfo).port)));
  return {
    url: `ftp://127.0.0.1:${port}`,
    port,
    faults,
    stats,
    killControl: () => {
      for (const socket of controlSockets) socket.destroy();
    },
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all([...servers].map((server) => new Promise((resolve) => server.close(() => resolve(undefined)))));
    },
  };
}
