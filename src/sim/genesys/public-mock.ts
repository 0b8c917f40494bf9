/**
 * `mode: 'mock'`: the simulator behaves like the public mock of the microservice (protocol.md 3.2),
 * so the toolbar's `profile=tutorial` can be tried against what integrators really meet:
 * `type` matched case-sensitively, always `{"status":"Success"}`, four events only, one mutable
 * message object whose stale fields leak into later frames, pushed to the last-connected socket.
 */
import type { SocketHub } from './sockets';
import type { Reply } from './types';

type Body = Record<string, unknown>;

export class PublicMock {
  /** The mock reuses one object for every message; so do we, leaks included. */
  private message: Record<string, unknown> = {};

  constructor(
    private readonly hub: SocketHub,
    private readonly lastAgent: () => string,
  ) {}

  handle(body: Body): Reply {
    const type = body['type'];
    if (type === 'initialize') {
      this.message['eventName'] = 'EventRegistered';
      this.push();
    } else if (type === 'ring') {
      Object.assign(this.message, {
        eventName: 'EventRinging',
        ANI: body['ANI'],
        eventId: body['eventId'],
        connectionId: body['connectionId'],
        queueName: body['queueName'],
        direction: 'inbound',
      });
      this.push();
    } else if (type === 'makeCall') {
      // Echoes only the connectionId it is given, as its eventId too.
      Object.assign(this.message, {
        eventName: 'EventEstablished',
        ANI: body['toNumber'],
        connectionId: body['connectionId'],
        eventId: body['connectionId'],
        direction: 'outbound',
      });
      this.push();
    } else if (type === 'Reject') {
      Object.assign(this.message, { eventName: 'EventReleased', connectionId: body['connectionId'] });
      this.push();
    }
    // Accept, Hangup, MakeCall, Hold, NotReady, … : answered Success, nothing pushed.
    return { status: 200, body: { status: 'Success' } };
  }

  reset(): void {
    this.message = {};
  }

  private push(): void {
    this.hub.sendToLatest(this.lastAgent(), JSON.stringify(this.message));
  }
}
