/**
 * The scenario panel's client of the Genesys simulator control API (`<genesys>/sim/…`,
 * src/sim/genesys/README.md). Calls that act on "the latest call" find it in `GET /sim/state`.
 */

export interface ScenarioResult {
  ok: boolean;
  /** One line for the page's status area. */
  text: string;
  body: unknown;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

interface SimCall {
  connectionId: string;
  status: string;
  agent?: string;
}

function isSimCall(value: unknown): value is SimCall {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SimCall).connectionId === 'string' &&
    typeof (value as SimCall).status === 'string'
  );
}

/** What the scenario buttons call: the Genesys simulator's client, or the GWS simulator's. */
export interface Scenarios {
  ring(ani: string, queue?: string): Promise<ScenarioResult>;
  callerHangup(): Promise<ScenarioResult>;
  remoteAnswer(): Promise<ScenarioResult>;
  softphoneAnswer(): Promise<ScenarioResult>;
  dropSocket(): Promise<ScenarioResult>;
  failNext(status?: number): Promise<ScenarioResult>;
}

export class ScenarioClient implements Scenarios {
  constructor(
    private readonly base: string,
    private readonly agentId: string,
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
  ) {}

  ring(ani: string, queue?: string): Promise<ScenarioResult> {
    return this.post('ring', { ani, ...(queue ? { queue } : {}) });
  }

  callerHangup(): Promise<ScenarioResult> {
    return this.onLatest('callerHangup', ['ringing', 'dialing', 'established', 'held']);
  }

  remoteAnswer(): Promise<ScenarioResult> {
    return this.onLatest('remoteAnswer', ['dialing']);
  }

  softphoneAnswer(): Promise<ScenarioResult> {
    return this.onLatest('softphoneAnswer', ['ringing']);
  }

  dropSocket(): Promise<ScenarioResult> {
    return this.post('dropSocket', {});
  }

  failNext(status = 500): Promise<ScenarioResult> {
    return this.post('failNext', { status });
  }

  /** The newest call of this agent in one of `statuses`, from GET /sim/state. */
  async latestCall(statuses: readonly string[]): Promise<SimCall | undefined> {
    const response = await this.fetchImpl(`${this.base}/sim/state`);
    const body: unknown = await response.json();
    const calls = typeof body === 'object' && body !== null ? (body as { calls?: unknown }).calls : undefined;
    if (!Array.isArray(calls)) return undefined;
    return calls
      .filter(isSimCall)
      .filter((c) => statuses.includes(c.status) && (!this.agentId || c.agent === undefined || c.agent === this.agentId))
      .at(-1);
  }

  private async onLatest(name: string, statuses: readonly string[]): Promise<ScenarioResult> {
    let call: SimCall | undefined;
    try {
      call = await this.latestCall(statuses);
    } catch (error) {
      return { ok: false, text: `${name}: state unavailable (${describe(error)})`, body: null };
    }
    if (!call) return { ok: false, text: `${name}: no call that is ${statuses.join(' or ')}`, body: null };
    return this.post(name, { connectionId: call.connectionId });
  }

  /** POST `<base>/sim/<name>` with `body` as is. */
  postTo(name: string, body: Record<string, unknown>): Promise<ScenarioResult> {
    return this.post(name, body);
  }

  private async post(name: string, body: Record<string, unknown>): Promise<ScenarioResult> {
    const payload = this.agentId ? { agent: this.agentId, ...body } : body;
    try {
      const response = await this.fetchImpl(`${this.base}/sim/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // keep the text
      }
      const message = typeof parsed === 'object' && parsed !== null && 'message' in parsed ? String(parsed.message) : '';
      return {
        ok: response.ok,
        text: `${name}: ${response.status}${message ? ` ${message}` : response.ok ? ' OK' : ''}`,
        body: parsed,
      };
    } catch (error) {
      return { ok: false, text: `${name}: ${describe(error)} (is the Genesys simulator running at ${this.base}?)`, body: null };
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
