/** An HTTP proxy in front of the GWS simulator that records every secret GWS hands out (tokens, cookie values). */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingProxy {
  readonly url: string;
  /** Access and refresh tokens, OAuth codes and cookie values seen in GWS answers. */
  readonly secrets: Set<string>;
  /** `METHOD path` of every request that went through, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

const TOKEN_FIELDS = /"(access_token|refresh_token|code)"\s*:\s*"([^"]+)"/g;

export async function recordingProxy(target: string): Promise<RecordingProxy> {
  const secrets = new Set<string>();
  const requests: string[] = [];
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      for (const cookie of answer.headers['set-cookie'] ?? []) {
        const value = /^[^=]+=([^;]*)/.exec(cookie)?.[1];
        if (value) secrets.add(value);
      }
      const location = answer.headers.location;
      if (location) for (const [, value] of location.matchAll(/[?&]code=([^&]+)/g)) if (value) secrets.add(value);
      let text = '';
      answer.on('data', (chunk: Buffer) => {
        if (text.length < 65_536) text += chunk.toString('utf8');
      });
      answer.on('end', () => {
        for (const [, , value] of text.matchAll(TOKEN_FIELDS)) if (value) secrets.add(value);
      });
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    secrets,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
