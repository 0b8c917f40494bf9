/**
 * The scenario panel's client of our GWS simulator's scenario API (`<gws>/sim/…`,
 * src/sim/gws/README.md), for the demo through the bridge (`npm start -- --backend gws`): the
 * same buttons as with the Genesys simulator, mapped to the GWS simulator's routes.
 */
import { ScenarioClient, type ScenarioResult, type Scenarios } from './scenario';

interface GwsCall {
  id: string;
  state: string;
}

function isGwsCall(value: unknown): value is GwsCall {
  return typeof value === 'object' && value !== null && typeof (value as GwsCall).id === 'string' && typeof (value as GwsCall).state === 'string';
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class GwsScenarioClient implements Scenarios {
  private readonly poster: ScenarioClient;

  /** @param userName the GWS user whose calls the buttons act on (e.g. JohnSmith) */
  constructor(
    private readonly base: string,
    private readonly userName: string,
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
  ) {
    this.poster = new ScenarioClient(base, '', fetchImpl);
  }

  ring(ani: string): Promise<ScenarioResult> {
    return this.poster.postTo('ring', { agent: this.userName, ani });
  }

  callerHangup(): Promise<ScenarioResult> {
    return this.onLatest('remoteHangup', ['Ringing', 'Dialing', 'Established', 'Held']);
  }

  remoteAnswer(): Promise<ScenarioResult> {
    return this.onLatest('remoteAnswer', ['Dialing']);
  }

  async softphoneAnswer(): Promise<ScenarioResult> {
    return { ok: false, text: 'softphoneAnswer: the GWS simulator has no softphone; answer from the toolbar or Fusion', body: null };
  }

  dropSocket(): Promise<ScenarioResult> {
    return this.poster.postTo('dropCometd', { agent: this.userName });
  }

  failNext(status = 500): Promise<ScenarioResult> {
    return this.poster.postTo('failNext', { path: '/voice/calls/*/*', status });
  }

  private async onLatest(name: string, states: readonly string[]): Promise<ScenarioResult> {
    let call: GwsCall | undefined;
    try {
      const response = await this.fetchImpl(`${this.base}/sim/state`);
      const body: unknown = await response.json();
      const agents = typeof body === 'object' && body !== null ? (body as { agents?: unknown }).agents : undefined;
      const agent = Array.isArray(agents) ? (agents as { userName?: unknown; calls?: unknown }[]).find((a) => a.userName === this.userName) : undefined;
      const calls = Array.isArray(agent?.calls) ? (agent.calls as unknown[]).filter(isGwsCall) : [];
      call = calls.filter((c) => states.includes(c.state)).at(-1);
    } catch (error) {
      return { ok: false, text: `${name}: state unavailable (${error instanceof Error ? error.message : String(error)})`, body: null };
    }
    if (!call) return { ok: false, text: `${name}: no call that is ${states.join(' or ')}`, body: null };
    return this.poster.postTo(name, { callId: call.id });
  }
}
