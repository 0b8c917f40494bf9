/**
 * A scriptable GWS behind the GwsPorts seam, for driving the session machine without sockets:
 * the test pushes CometD notifications and decides how each REST request is answered.
 */
import type { GwsCall, GwsDn, GwsNotification } from '../../../src/bridge/gws/gws.schema';
import type { GwsPorts, NotificationEvent } from '../../../src/bridge/session/ports.types';
import type { GwsResult } from '../../../src/bridge/session/session.types';
import type { GwsRequest } from '../../../src/bridge/translate';

export const AGENT = { userName: 'JohnSmith', agentLogin: '+33298025003', defaultPlace: 'Place_JohnSmith' };

type Answer = GwsResult | 'hang';

export class FakeGws implements GwsPorts {
  readonly requests: GwsRequest[] = [];
  signIns = 0;
  connects = 0;
  disconnects = 0;
  signInError: { code: string; message: string } | undefined;
  /** signIn never settles (a GWS that does not answer). */
  signInHangs = false;
  /** Sent on every connect after the handshake (default: initialization Complete). */
  onConnect: NotificationEvent[] = [
    { type: 'cometd.connected' },
    { type: 'gws.notification', notification: { messageType: 'WorkspaceInitializationComplete', state: 'Complete', data: { user: AGENT } } },
  ];
  /** current-session's calls and DN. */
  sessionCalls: GwsCall[] = [];
  sessionDn: GwsDn | undefined = { number: AGENT.agentLogin, agentState: 'Ready' };
  private sink: ((event: NotificationEvent) => void) | undefined;
  private readonly answers: { match: (r: GwsRequest) => boolean; answer: Answer }[] = [];
  private readonly hanging: (() => void)[] = [];

  async signIn(): Promise<void> {
    this.signIns++;
    if (this.signInHangs) return new Promise(() => undefined);
    if (this.signInError) throw this.signInError;
  }

  connect(sink: (event: NotificationEvent) => void): void {
    this.connects++;
    this.sink = sink;
    const events = [...this.onConnect];
    queueMicrotask(() => events.forEach((e) => sink(e)));
  }

  disconnect(): void {
    this.disconnects++;
  }

  /** The next request whose path ends with `suffix` gets this answer (once). */
  answerNext(suffix: string, answer: Answer): void {
    this.answers.push({ match: (r) => r.path.endsWith(suffix), answer });
  }

  async request(request: GwsRequest): Promise<GwsResult> {
    this.requests.push(request);
    const index = this.answers.findIndex((a) => a.match(request));
    const answer = index >= 0 ? this.answers.splice(index, 1)[0]!.answer : undefined;
    if (answer === 'hang') return new Promise((resolve) => this.hanging.push(() => resolve({ ok: false, status: undefined, code: 'GWS_TIMEOUT', message: 'closed' })));
    if (answer) return answer;
    if (request.path === '/current-session') {
      return { ok: true, status: 200, data: { user: { activeSession: { dn: this.sessionDn, calls: this.sessionCalls } } }, operationId: undefined };
    }
    return { ok: true, status: 200, data: undefined, operationId: undefined };
  }

  paths(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path}`);
  }

  emit(event: NotificationEvent): void {
    this.sink?.(event);
  }

  notify(notification: GwsNotification): void {
    this.emit({ type: 'gws.notification', notification });
  }

  call(call: Partial<GwsCall> & Pick<GwsCall, 'id' | 'state'>): void {
    this.notify({ messageType: 'CallStateChanged', notificationType: 'StateChange', call: { callType: 'Inbound', participants: [{ number: '+15551230000', role: 'RoleOrigination' }], capabilities: ['answer', 'release'], ...call } });
  }

  dn(agentState: GwsDn['agentState'], extra: Partial<GwsDn> = {}): void {
    this.notify({ messageType: 'DnStateChanged', dn: { number: AGENT.agentLogin, agentState, ...extra } });
  }

  release(): void {
    this.hanging.splice(0).forEach((f) => f());
  }
}
