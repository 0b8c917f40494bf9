/**
 * Serves a built folder over node:http. Each call of `listen()` adds a listener on a free port of
 * 127.0.0.1, so one folder can be two origins: the Fusion host page and the toolbar frame.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticSite {
  /** Adds a listener on 127.0.0.1:0; resolves to its origin, e.g. `http://127.0.0.1:41234`. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/**
 * `isolated`: serve every file cross-origin isolated (COOP, COEP, CORP), so pages and frames get
 * `crossOriginIsolated` and µs-resolution timers (the bench's latency figures need them).
 */
export function staticSite(root: string, options: { isolated?: boolean } = {}): StaticSite {
  const isolation: Record<string, string> = options.isolated
    ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'cross-origin' }
    : {};
  const servers: Server[] = [];

  async function handle(method: string, rawUrl: string): Promise<{ status: number; headers: Record<string, string>; file?: string }> {
    if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: { Allow: 'GET, HEAD' } };
    let path: string;
    try {
      path = decodeURIComponent(new URL(rawUrl, 'http://static').pathname);
    } catch {
      return { status: 400, headers: {} };
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return { status: 403, headers: {} };
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return { status: 404, headers: {} };
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    return { status: 200, headers: { 'Content-Type': type, 'Content-Length': String(info.size), 'Cache-Control': 'no-store', ...isolation }, file };
  }

  return {
    async listen() {
      const server = createServer((req, res) => {
        handle(req.method ?? 'GET', req.url ?? '/').then(
          ({ status, headers, file }) => {
            res.writeHead(status, headers);
            if (!file || req.method === 'HEAD') return void res.end();
            createReadStream(file).on('error', () => res.destroy()).pipe(res);
          },
          () => {
            res.writeHead(500);
            res.end();
          },
        );
      });
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async close() {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
      servers.length = 0;
    },
  };
}
