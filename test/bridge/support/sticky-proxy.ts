/**
 * A tiny sticky proxy for the failover test, as docs/haproxy.cfg does it: a request goes to the
 * instance named by its token's or ticket's routing tag (`<instance>.…`); when that instance is
 * down (connection refused), to one chosen by a hash of the tag among the live ones; a sign-in
 * (no tag) to the first live one, or with `spread` to each live one in turn (the bridge bench's
 * two-instance pass). Also imported by scripts/bench-bridge*.ts.
 */
import { createHash } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export interface StickyProxy {
  readonly url: string;
  /** Which instance answered each request, in order (`b1 POST /genesys/ticket`). */
  readonly served: string[];
  /** An instance (re)started at this URL: up again for its routing tag. */
  set(name: string, url: string): void;
  close(): Promise<void>;
}

function tagOf(req: IncomingMessage): string | undefined {
  const bearer = /^Bearer\s+([A-Za-z0-9_-]{1,32})\./i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) return bearer;
  const ticket = new URL(req.url ?? '/', 'http://proxy').searchParams.get('ticket');
  return /^([A-Za-z0-9_-]{1,32})\./.exec(ticket ?? '')?.[1];
}

export async function stickyProxy(given: Readonly<Record<string, string>>, options: { spread?: boolean } = {}): Promise<StickyProxy> {
  const instances: Record<string, string> = { ...given };
  const names = Object.keys(instances);
  const down = new Set<string>();
  const served: string[] = [];
  let turn = 0;

  function choose(tag: string | undefined): string | undefined {
    const live = names.filter((name) => !down.has(name));
    if (tag !== undefined && live.includes(tag)) return tag;
    if (live.length === 0) return undefined;
    if (tag === undefined) return live[options.spread ? turn++ % live.length : 0];
    const hash = createHash('sha256').update(tag).digest().readUInt32BE(0);
    return live[hash % live.length];
  }
  const target = (name: string) => new URL(instances[name] ?? '');

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const tag = tagOf(req);
      const attempt = (): void => {
        const name = choose(tag);
        if (name === undefined) return void res.writeHead(502).end();
        const url = target(name);
        const forward = request({ host: url.hostname, port: url.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
          served.push(`${name} ${req.method} ${new URL(req.url ?? '/', 'http://proxy').pathname}`);
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        // Connection refused: the instance is down; the next live one gets the request (bodies are buffered).
        forward.on('error', () => {
          down.add(name);
          attempt();
        });
        forward.end(Buffer.concat(chunks));
      };
      attempt();
    });
  });

  server.on('upgrade', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    client.on('error', () => client.destroy());
    const tag = tagOf(req);
    const attempt = (): void => {
      const name = choose(tag);
      if (name === undefined) return void client.destroy();
      const url = target(name);
      let connected = false;
      const upstream = connect(Number(url.port), url.hostname, () => {
        connected = true;
        served.push(`${name} GET /genesysWs`);
        const lines = [`${req.method} ${req.url} HTTP/1.1`];
        for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
        upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.once('error', () => {
        if (connected) return void client.destroy();
        down.add(name);
        attempt();
      });
      upstream.on('close', () => {
        if (connected) client.destroy();
      });
    };
    attempt();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    set(name, url) {
      if (!names.includes(name)) names.push(name);
      instances[name] = url;
      down.delete(name);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
