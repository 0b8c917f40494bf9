/** Raw clients for the simulator: a WebSocket that collects frames, and JSON POST helpers. */
import WebSocket from 'ws';
import type { SimulatorHandle } from '../../src/sim/genesys';

export type Frame = Record<string, unknown> & { eventName: string };

export interface FrameClient {
  readonly frames: Frame[];
  socket: WebSocket;
  /** Resolves with the next unread frame named `eventName` (matching `where`). */
  next(eventName: string, where?: (frame: Frame) => boolean, timeoutMs?: number): Promise<Frame>;
  /** All frames not yet read by `next`, in order; marks them read. */
  drain(): Frame[];
  close(): Promise<void>;
}

export async function connectAgent(sim: SimulatorHandle, agent?: string): Promise<FrameClient> {
  const url = agent === undefined ? sim.wsUrl : `${sim.wsUrl}?agent=${encodeURIComponent(agent)}`;
  const socket = new WebSocket(url);
  const frames: Frame[] = [];
  const read = new Set<number>();
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    frames.push(JSON.parse(String(data)) as Frame);
    for (const wake of [...waiters]) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const find = (eventName: string, where?: (frame: Frame) => boolean): number =>
    frames.findIndex((frame, index) => !read.has(index) && frame.eventName === eventName && (where === undefined || where(frame)));
  return {
    frames,
    socket,
    next(eventName, where, timeoutMs = 2000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const index = find(eventName, where);
          if (index < 0) return false;
          read.add(index);
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(frames[index]!);
          return true;
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no ${eventName} within ${timeoutMs} ms; got ${JSON.stringify(frames.map((frame) => frame.eventName))}`));
        }, timeoutMs);
        if (!check()) waiters.add(wake);
      });
    },
    drain() {
      const unread = frames.filter((_, index) => !read.has(index));
      frames.forEach((_, index) => read.add(index));
      return unread;
    },
    close() {
      if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
      return new Promise((resolve) => {
        socket.once('close', () => resolve());
        socket.terminate();
      });
    },
  };
}

export interface JsonAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
}

/** `POST /sim/<name>` */
export const scenario = (sim: SimulatorHandle, name: string, body: Record<string, unknown> = {}): Promise<JsonAnswer> =>
  postJson(`${sim.url}/sim/${name}`, body);

/** `POST /genesys/events` */
export const command = (sim: SimulatorHandle, body: unknown): Promise<JsonAnswer> => postJson(sim.restUrl, body);

/** Resolves after `ms`; for "nothing else arrives" checks. */
export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
