import type { WebSocket } from 'ws';
import type { FrameSink } from './state';

const OPEN = 1;

/** Which WebSockets belong to which agent; an agent may have several (e.g. two tabs). */
export class SocketHub implements FrameSink {
  private readonly byAgent = new Map<string, Set<WebSocket>>();

  add(agentId: string, socket: WebSocket): void {
    let set = this.byAgent.get(agentId);
    if (set === undefined) {
      set = new Set();
      this.byAgent.set(agentId, set);
    }
    set.add(socket);
  }

  remove(agentId: string, socket: WebSocket): void {
    const set = this.byAgent.get(agentId);
    if (set === undefined) return;
    set.delete(socket);
    if (set.size === 0) this.byAgent.delete(agentId);
  }

  sockets(agentId: string): number {
    let count = 0;
    for (const socket of this.byAgent.get(agentId) ?? []) if (socket.readyState === OPEN) count += 1;
    return count;
  }

  /** Sockets held for the agent, open or closing (what the caps count). */
  count(agentId: string): number {
    return this.byAgent.get(agentId)?.size ?? 0;
  }

  total(): number {
    let count = 0;
    for (const set of this.byAgent.values()) count += set.size;
    return count;
  }

  agentIds(): string[] {
    return [...this.byAgent.keys()];
  }

  /** Sends text or binary data to every open socket of the agent; returns how many got it. */
  send(agentId: string, data: string | Buffer): number {
    let sent = 0;
    for (const socket of this.byAgent.get(agentId) ?? []) {
      if (socket.readyState !== OPEN) continue;
      socket.send(data);
      sent += 1;
    }
    return sent;
  }

  /** The agent's most recently connected open socket only (the public mock's single client). */
  sendToLatest(agentId: string, data: string): number {
    const open = [...(this.byAgent.get(agentId) ?? [])].filter((socket) => socket.readyState === OPEN);
    const latest = open.at(-1);
    if (latest === undefined) return 0;
    latest.send(data);
    return 1;
  }

  /** Abrupt loss (no close handshake), like a dropped network. */
  terminate(agentId: string): number {
    const set = this.byAgent.get(agentId) ?? new Set<WebSocket>();
    const count = set.size;
    for (const socket of set) socket.terminate();
    this.byAgent.delete(agentId);
    return count;
  }

  /** Every socket of every agent; `close` sends a close frame, otherwise terminate. */
  closeAll(graceful: { code: number; reason: string } | null): void {
    for (const set of this.byAgent.values()) {
      for (const socket of set) {
        if (graceful) socket.close(graceful.code, graceful.reason);
        else socket.terminate();
      }
    }
    this.byAgent.clear();
  }
}
