/** A scriptable WebSocket for timing tests: the test opens, fails and feeds each instance. */
import type { WebSocketLike } from '../../src/adapters/genesys';

type Handler<E> = ((event: E) => void) | null;

export class FakeWebSocket implements WebSocketLike {
  static instances: FakeWebSocket[] = [];
  static get last(): FakeWebSocket {
    const socket = FakeWebSocket.instances.at(-1);
    if (socket === undefined) throw new Error('no FakeWebSocket created yet');
    return socket;
  }

  readyState = 0;
  binaryType = 'blob';
  closedWith: { code?: number; reason?: string } | null = null;
  onopen: Handler<unknown> = null;
  onmessage: Handler<{ data: unknown }> = null;
  onclose: Handler<{ code: number; reason: string }> = null;
  onerror: Handler<unknown> = null;

  constructor(readonly url: string) {
    FakeWebSocket.instances.push(this);
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  /** Connection refused or lost: error then close, as browsers report it. */
  fail(code = 1006): void {
    this.readyState = 3;
    this.onerror?.({ message: 'connect ECONNREFUSED' });
    this.onclose?.({ code, reason: '' });
  }

  receive(data: unknown): void {
    this.onmessage?.({ data });
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.readyState = 3;
  }
}
