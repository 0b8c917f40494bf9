import type { WebSocket } from 'ws';
import type { ToolbarFrame } from '../session/agent-session.types';
import type { BridgeLog } from './types';

const OPEN = 1;
/** Frames kept for a session without a socket (between sign-in and the socket, or across a reconnect). */
const MAX_BACKLOG_BYTES = 64 * 1024;
/** A socket this far behind is not reading: it is closed and later frames wait in the backlog. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** Close codes the toolbar side sends (4xxx: the bridge's own). */
export const CLOSE = {
  replaced: { code: 4000, reason: 'replaced by a newer socket' },
  signedOut: { code: 4001, reason: 'signed out' },
  expired: { code: 4002, reason: 'session expired' },
  superseded: { code: 4003, reason: 'signed in again elsewhere' },
  takenOver: { code: 4004, reason: 'another toolbar of this agent took the socket' },
  slow: { code: 1013, reason: 'socket not reading' },
  restart: { code: 1012, reason: 'bridge restarting' },
} as const;

/**
 * One session's way to its toolbar: at most one socket (a newer one replaces it), and a bounded
 * backlog while there is none, delivered in order when the next socket opens.
 */
export class FrameOutlet {
  private socket: WebSocket | null = null;
  private backlog: string[] = [];
  private backlogBytes = 0;
  private dropped = 0;

  constructor(
    private readonly agentId: string,
    private readonly log: BridgeLog,
  ) {}

  attach(socket: WebSocket): void {
    const previous = this.socket;
    this.socket = socket;
    if (previous !== null) previous.close(CLOSE.replaced.code, CLOSE.replaced.reason);
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
    });
    if (this.dropped > 0) this.log('warn', 'frames dropped while the toolbar had no socket', { agentId: this.agentId, code: 'BACKLOG_OVERFLOW', dropped: this.dropped });
    this.dropped = 0;
    const waiting = this.backlog;
    this.backlog = [];
    this.backlogBytes = 0;
    for (const text of waiting) this.sendText(text);
  }

  push(frame: ToolbarFrame): void {
    let text: string;
    try {
      text = JSON.stringify(frame);
    } catch {
      this.log('error', 'a frame could not be serialised', { agentId: this.agentId, code: 'FRAME_UNSERIALISABLE', eventName: String(frame.eventName).slice(0, 64) });
      return;
    }
    this.sendText(text);
  }

  /** Closes the socket, if any, with a code the toolbar understands. */
  close(close: { readonly code: number; readonly reason: string }): void {
    const socket = this.socket;
    this.socket = null;
    if (socket !== null && socket.readyState === OPEN) socket.close(close.code, close.reason);
  }

  connected(): boolean {
    return this.socket !== null && this.socket.readyState === OPEN;
  }

  private sendText(text: string): void {
    const socket = this.socket;
    if (socket !== null && socket.readyState === OPEN) {
      if (socket.bufferedAmount <= MAX_BUFFERED_BYTES) {
        socket.send(text);
        return;
      }
      this.log('warn', 'toolbar socket not reading: closed, frames kept for the next one', { agentId: this.agentId, code: 'SOCKET_SLOW' });
      this.close(CLOSE.slow);
    }
    this.keep(text);
  }

  private keep(text: string): void {
    this.backlog.push(text);
    this.backlogBytes += text.length;
    while (this.backlogBytes > MAX_BACKLOG_BYTES && this.backlog.length > 1) {
      this.backlogBytes -= this.backlog.shift()?.length ?? 0;
      this.dropped += 1;
    }
  }
}
