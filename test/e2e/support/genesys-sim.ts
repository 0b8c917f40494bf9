/** The Genesys simulator's scenario API, as a test drives it: plain fetch POSTs for one agent. */
import type { AgentSnapshot, CallSnapshot, SimSnapshot } from '../../../src/sim/genesys';

export interface Ringing {
  connectionId: string;
  eventId: string;
}

export class GenesysSim {
  /** @param base the simulator's `http://host:port`; @param agent the agent every scenario targets */
  constructor(
    readonly base: string,
    readonly agent: string,
  ) {}

  private async post<T extends object>(name: string, body: Record<string, unknown> = {}): Promise<T & { status: string }> {
    const response = await fetch(`${this.base}/sim/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as T & { status: string; message?: string };
    if (!response.ok) throw new Error(`/sim/${name} answered ${response.status}: ${answer.message ?? JSON.stringify(answer)}`);
    return answer;
  }

  /** Forgets agents, calls and config changes (sockets stay open). */
  async reset(): Promise<void> {
    await this.post('reset');
  }

  ring(options: { ani?: string; queue?: string; eventId?: string } = {}): Promise<Ringing> {
    return this.post<Ringing>('ring', { agent: this.agent, ...options });
  }

  async callerHangup(connectionId: string): Promise<void> {
    await this.post('callerHangup', { connectionId });
  }

  async remoteAnswer(connectionId: string): Promise<void> {
    await this.post('remoteAnswer', { connectionId });
  }

  async softphoneAnswer(connectionId: string): Promise<void> {
    await this.post('softphoneAnswer', { connectionId });
  }

  /** Closes every socket and refuses new ones for `downMs`; `dropState`: the service comes back knowing nothing. */
  async restart(downMs: number, dropState = false): Promise<void> {
    await this.post('restart', { downMs, dropState });
  }

  async softphoneHangup(connectionId: string): Promise<void> {
    await this.post('softphoneHangup', { connectionId });
  }

  /** Terminates the agent's sockets without a close frame; answers how many. */
  async dropSocket(): Promise<number> {
    const answer = await this.post<{ dropped: number }>('dropSocket', { agent: this.agent });
    return answer.dropped;
  }

  async failNext(rule: { command?: string; status?: number; message?: string; delayMs?: number; noAnswer?: boolean }): Promise<void> {
    await this.post('failNext', { agent: this.agent, ...rule });
  }

  async config(config: { dialDelayMs?: number; busyNumbers?: string[]; mode?: 'full' | 'mock'; consultDelayMs?: number }): Promise<void> {
    await this.post('config', config);
  }

  async state(): Promise<SimSnapshot> {
    const response = await fetch(`${this.base}/sim/state`);
    if (!response.ok) throw new Error(`/sim/state answered ${response.status}`);
    return (await response.json()) as SimSnapshot;
  }

  async agentState(): Promise<AgentSnapshot | undefined> {
    return (await this.state()).agents.find((agent) => agent.id === this.agent);
  }

  async calls(): Promise<CallSnapshot[]> {
    return (await this.state()).calls.filter((call) => call.agent === this.agent);
  }

  async call(connectionId: string): Promise<CallSnapshot | undefined> {
    return (await this.state()).calls.find((call) => call.connectionId === connectionId);
  }
}
