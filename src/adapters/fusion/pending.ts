/**
 * Fusion commands waiting for the machine's `fusion.cmd.respond`. Each has a deadline so a
 * command Fusion sent is always answered, even if the machine never responds.
 */

export interface CommandReply {
  ok: boolean;
  message?: string;
}

export const COMMAND_TIMEOUT_MS = 15_000;

interface Waiter {
  settle: (reply: CommandReply) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class PendingCommands {
  private readonly waiters = new Map<string, Waiter>();

  constructor(private readonly timeoutMs: number) {}

  /** Resolves with the machine's reply, or a failure once the deadline passes. */
  wait(requestId: string, label: string): Promise<CommandReply> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(requestId);
        resolve({ ok: false, message: `${label}: no outcome within ${Math.round(this.timeoutMs / 1000)} s` });
      }, this.timeoutMs);
      this.waiters.set(requestId, { settle: resolve, timer });
    });
  }

  /** False when the requestId is unknown (already answered or timed out). */
  settle(requestId: string, reply: CommandReply): boolean {
    const waiter = this.waiters.get(requestId);
    if (!waiter) return false;
    clearTimeout(waiter.timer);
    this.waiters.delete(requestId);
    waiter.settle(reply);
    return true;
  }

  get size(): number {
    return this.waiters.size;
  }
}
