/**
 * A real `node:http` mirror of a folder for tests: files with `Range` support (206/416),
 * folders as nginx- or Apache-style autoindex pages or nginx's JSON index, and a few faults.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** Options of {@link startHttpMirror}. */
export interface HttpMirrorOptions {
  readonly root: string;
  /** Index style. `json` answers JSON only when the request accepts it. Default `nginx`. */
  readonly index?: 'nginx' | 'apache' | 'json';
  /** Ignore `Range` headers (answer 200 with the whole file). */
  readonly ignoreRange?: boolean;
  /** URL prefix the tree is served under, e.g. `/mirror`. Default none. */
  readonly prefix?: string;
}

/** A running mirror. */
export interface HttpMirror {
  readonly url: string;
  /** Requests seen: `METHOD path range`. */
  readonly requests: string[];
  /** Answer the next N requests with this status (e.g. 503). */
  failNext(count: number, status: number): void;
  stop(): Promise<void>;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');
const rounded = (n: number): string => (n < 1024 ? String(n) : n < 1024 ** 2 ? `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)}K` : `${(n / 1024 ** 2).toFixed(1)}M`);

function indexPage(style: 'nginx' | 'apache', urlPath: string, dir: string): string {
  const names = readdirSync(dir).sort();
  if (style === 'nginx') {
    const rows = names.map((name) => {
      const info = statSync(join(dir, name));
      const d = info.mtime;
      const label = info.isDirectory() ? `${name}/` : name;
      const date = `${two(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
      return `<a href="${encodeURIComponent(name)}${info.isDirectory() ? '/' : ''}">${label}</a>${' '.repeat(Math.max(1, 51 - label.length))}${date}${(info.isDirectory() ? '-' : String(info.size)).padStart(20)}`;
    });
    return `<html>\r\n<head><title>Index of ${urlPath}</title></head>\r\n<body>\r\n<h1>Index of ${urlPath}</h1><hr><pre><a href="../">../</a>\r\n${rows.join('\r\n')}\r\n</pre><hr></body>\r\n</html>\r\n`;
  }
  const rows = names.map((name) => {
    const info = statSync(join(dir, name));
    const d = info.mtime;
    const date = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
    const href = `${encodeURIComponent(name)}${info.isDirectory() ? '/' : ''}`;
    return `<tr><td valign="top"><img src="/icons/${info.isDirectory() ? 'folder' : 'unknown'}.gif" alt="[${info.isDirectory() ? 'DIR' : '   '}]"></td><td><a href="${href}">${name}${info.isDirectory() ? '/' : ''}</a></td><td align="right">${date}  </td><td align="right">${info.isDirectory() ? '  - ' : rounded(info.size)}</td><td>&nbsp;</td></tr>`;
  });
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<html>\n <head>\n  <title>Index of ${urlPath}</title>\n </head>\n <body>\n<h1>Index of ${urlPath}</h1>\n  <table>\n   <tr><th valign="top"><img src="/icons/blank.gif" alt="[ICO]"></th><th><a href="?C=N;O=D">Name</a></th><th><a href="?C=M;O=A">Last modified</a></th><th><a href="?C=S;O=A">Size</a></th><th><a href="?C=D;O=A">Description</a></th></tr>\n   <tr><th colspan="5"><hr></th></tr>\n<tr><td valign="top"><img src="/icons/back.gif" alt="[PARENTDIR]"></td><td><a href="/dissemin/">Parent Directory</a></td><td>&nbsp;</td><td align="right">  - </td><td>&nbsp;</td></tr>\n${rows.join('\n')}\n   <tr><th colspan="5"><hr></th></tr>\n</table>\n</body></html>\n`;
}

function jsonIndex(dir: string): string {
  return JSON.stringify(
    readdirSync(dir)
      .sort()
      .map((name) => {
        const info = statSync(join(dir, name));
        return info.isDirectory() ? { name, type: 'directory', mtime: info.mtime.toUTCString() } : { name, type: 'file', mtime: info.mtime.toUTCString(), size: info.size };
      }),
  );
}

/**
 * Starts the mirror on a free loopback port.
 *
 * @example
 * ```ts
 * const mirror = await startHttpMirror({ root: tree });
 * const source = openSource(mirror.url);
 * ```
 */
export async function startHttpMirror(options: HttpMirrorOptions): Promise<HttpMirror> {
  const requests: string[] = [];
  const prefix = options.prefix ?? '';
  let failures = { count: 0, status: 503 };
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(`${request.method} ${url.pathname} ${request.headers.range ?? ''}`.trim());
    if (failures.count > 0) {
      failures = { ...failures, count: failures.count - 1 };
      response.writeHead(failures.status).end();
      return;
    }
    if (!url.pathname.startsWith(`${prefix}/`)) {
      response.writeHead(404).end();
      return;
    }
    const relative = decodeURIComponent(url.pathname.slice(prefix.length));
    if (relative.split('/').includes('..')) {
      response.writeHead(400).end();
      return;
    }
    const local = join(options.root, ...relative.split('/').filter(Boolean));
    let info;
    try {
      info = statSync(local);
    } catch {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>404 Not Found</body></html>');
      return;
    }
    if (info.isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/` }).end();
        return;
      }
      const wantsJson = options.index === 'json' && (request.headers.accept ?? '').includes('json');
      const body = wantsJson ? jsonIndex(local) : indexPage(options.index === 'apache' ? 'apache' : 'nginx', url.pathname, local);
      response.writeHead(200, { 'content-type': wantsJson ? 'application/json' : 'text/html' });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    const headers: Record<string, string | number> = { 'last-modified': info.mtime.toUTCString(), 'accept-ranges': 'bytes', 'content-type': 'application/octet-stream' };
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    if (range !== null && options.ignoreRange !== true) {
      const start = Number(range[1]);
      const end = range[2] === '' ? info.size - 1 : Math.min(Number(range[2]), info.size - 1);
      if (start >= info.size) {
        response.writeHead(416, { 'content-range': `bytes */${info.size}` }).end();
        return;
      }
      response.writeHead(206, { ...headers, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${info.size}` });
      if (request.method === 'HEAD') response.end();
      else createReadStream(local, { start, end }).pipe(response);
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': info.size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(local).pipe(response);
  };
  const server = createServer(handle);
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    failNext: (count, status) => {
      failures = { count, status };
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
