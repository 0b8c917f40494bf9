/**
 * The bridge's Prometheus metrics (`GET /metrics`): one prom-client Registry per bridge, so several
 * bridges in one process (tests) never share counters. Names and labels: docs/bridge.md.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AgentSessionState } from '../session/agent-session.types';
import type { GwsObserver } from '../session/observed';

/** The toolbar's REST types; any other `type` is counted as `other`, so a client cannot grow the label set. */
const COMMAND_TYPES = new Set(
  ['initialize', 'register', 'accept', 'reject', 'hangup', 'makecall', 'hold', 'retrieve', 'ready', 'notready', 'logout', 'singlesteptransfer', 'initiatetransfer', 'completetransfer', 'initiateconference', 'completeconference', 'reconnectcall', 'alternatecall', 'senddtmf', 'snapshot'],
);
const STATES: readonly AgentSessionState[] = ['signingIn', 'initializing', 'activating', 'online', 'recovering', 'signedOut'];

export class BridgeMetrics implements GwsObserver {
  readonly registry = new Registry();
  private readonly notifications = new Counter({ name: 'bridge_notifications_total', help: 'GWS notifications received, by messageType', labelNames: ['type'], registers: [this.registry] });
  private readonly commands = new Counter({ name: 'bridge_commands_total', help: 'Toolbar commands, by type (lower case) and outcome (accepted or the refusal code)', labelNames: ['type', 'outcome'], registers: [this.registry] });
  private readonly refusals = new Counter({ name: 'bridge_refusals_total', help: 'Refused requests and socket upgrades, by code', labelNames: ['code'], registers: [this.registry] });
  private readonly gwsErrors = new Counter({ name: 'bridge_gws_errors_total', help: 'Failed GWS REST requests, by code', labelNames: ['code'], registers: [this.registry] });
  private readonly recoveries = new Counter({ name: 'bridge_recoveries_total', help: 'GWS session recoveries started, by cause', labelNames: ['cause'], registers: [this.registry] });
  private readonly latency = new Histogram({
    name: 'bridge_notification_to_frame_seconds',
    help: 'From a GWS notification reaching the bridge to its frames written to the toolbar socket',
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'bridge_' });
  }

  /** The gauges read the server's live state when scraped; called once by the server that owns this. */
  watch(sessionStates: () => Iterable<AgentSessionState>, socketsOpen: () => number): void {
    new Gauge({
      name: 'bridge_sessions',
      help: 'Bridge sessions, by the state of their GWS session',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const counts = new Map<AgentSessionState, number>(STATES.map((state) => [state, 0]));
        for (const state of sessionStates()) counts.set(state, (counts.get(state) ?? 0) + 1);
        for (const [state, n] of counts) this.set({ state }, n);
      },
    });
    new Gauge({ name: 'bridge_sockets', help: 'Open toolbar sockets', registers: [this.registry], collect() { this.set(socketsOpen()); } });
  }

  command(type: string, outcome: string): void {
    const name = type.toLowerCase();
    this.commands.inc({ type: COMMAND_TYPES.has(name) ? name : 'other', outcome });
  }

  refusal(code: string): void {
    this.refusals.inc({ code });
  }

  notification(messageType: string, ms: number): void {
    this.notifications.inc({ type: messageType });
    this.latency.observe(ms / 1000);
  }

  gwsError(code: string): void {
    this.gwsErrors.inc({ code: code.slice(0, 64) });
  }

  recovery(cause: 'lost' | 'unknownSession' | 'unauthorized'): void {
    this.recoveries.inc({ cause });
  }
}
