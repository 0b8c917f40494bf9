/**
 * What the simulated Fusion knows and shows: the toolbar's registration, the agent's state and
 * the engagements, changed by the toolbar's publishes. Pure data; the view renders it.
 */
import type { JsonObject, JsonValue } from '../protocol';
import { contactTokens, reverseLookup } from './contacts';

export type Phase = 'offered' | 'dialing' | 'active' | 'wrapup' | 'closed';

export interface CommandNote {
  command: string;
  result: string;
  message: string | null;
}

export interface EngagementView {
  /** The toolbar's eventId. */
  eventId: string;
  /** The id Fusion answered with (differs only with rewriteEventId). */
  fusionEventId: string;
  direction: 'inbound' | 'outbound';
  number: string;
  /** From the reverse lookup at newCommEvent. */
  lookupName: string | null;
  /** Screen pop: the contact name startCommEvent carried in its inData (the echoed outData). */
  screenPopName: string | null;
  phase: Phase;
  queue: string | null;
  closeReason: string | null;
  wrapupId: string | null;
  lastCommand: CommandNote | null;
  error: string | null;
}

export interface AgentView {
  state: string;
  stateDisplayString: string;
  reasonDisplayString: string;
  isAvailable: boolean;
  isLoggedIn: boolean;
}

export interface HostState {
  toolbar: { connected: boolean; appName: string | null; ready: boolean; configured: boolean; subscriptions: string[] };
  agent: AgentView | null;
  engagements: EngagementView[];
  lastAgentCommand: CommandNote | null;
}

export type PublishAnswer = { ok: true; data: JsonObject } | { ok: false; status: string; message: string };

const CLOSE_REASONS = new Set(['ABANDONED', 'CANCELED', 'ENDCOMMUNICATION', 'MISSED', 'REJECT', 'TIMEOUT', 'WRAPUP']);
const CLOSED_KEPT = 10;

const str = (value: JsonValue | undefined): string | null => (typeof value === 'string' && value !== '' ? value : null);
const fail = (message: string): PublishAnswer => ({ ok: false, status: 'error', message });

export class FusionModel {
  readonly state: HostState = {
    toolbar: { connected: false, appName: null, ready: false, configured: false, subscriptions: [] },
    agent: null,
    engagements: [],
    lastAgentCommand: null,
  };
  private counter = 0;

  constructor(
    private readonly agentId: string,
    private readonly toolbarName: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** A (re)loaded toolbar: its subscriptions start over; engagements outlive it, as in Fusion. */
  connect(appName: string): void {
    this.state.toolbar = { connected: true, appName, ready: false, configured: false, subscriptions: [] };
  }

  subscribe(event: string): void {
    if (!this.state.toolbar.subscriptions.includes(event)) this.state.toolbar.subscriptions.push(event);
  }

  unsubscribe(event: string): void {
    this.state.toolbar.subscriptions = this.state.toolbar.subscriptions.filter((e) => e !== event);
  }

  find(eventId: string): EngagementView | undefined {
    return this.state.engagements.find((e) => e.eventId === eventId || e.fusionEventId === eventId);
  }

  /** The newest engagement in one of the phases. */
  latest(...phases: Phase[]): EngagementView | undefined {
    return [...this.state.engagements].reverse().find((e) => phases.includes(e.phase));
  }

  publish(operation: string, fields: JsonObject, inData: JsonObject, rewriteEventId: boolean): PublishAnswer {
    const base = { result: 'success', method: operation, toolbarName: this.toolbarName, uuid: `sim-${++this.counter}` };
    switch (operation) {
      case 'newCommEvent':
        return this.newComm(fields, inData, rewriteEventId, base);
      case 'startCommEvent':
        return this.startComm(fields, inData, base);
      case 'closeCommEvent':
        return this.closeComm(fields, inData, base);
      case 'outboundCommError': {
        const uuid = str(fields.commUuid);
        if (!uuid) return fail('commUuid missing');
        const engagement = this.find(uuid);
        if (engagement) engagement.error = `${str(fields.errorCode) ?? 'ERROR'}: ${str(fields.errorMsg) ?? ''}`;
        return { ok: true, data: { ...base, outData: {} } };
      }
      case 'agentStateEventOperation':
        this.state.agent = {
          state: str(fields.state) ?? '',
          stateDisplayString: str(fields.stateDisplayString) ?? '',
          reasonDisplayString: str(fields.reasonDisplayString) ?? '',
          isAvailable: fields.isAvailable === true,
          isLoggedIn: fields.isLoggedIn === true,
        };
        return { ok: true, data: { ...base, outData: {} } };
      case 'getConfigurationOperation': {
        if (fields.configType !== 'TOOLBAR') return fail(`SVCMCA_ERR_INVALID_CONFIGTYPE: ${String(fields.configType)}`);
        this.state.toolbar.configured = true;
        const configuration = { agentId: this.agentId, agentPartyId: '300100999', features: ['INBOUND', 'OUTBOUND'] };
        return { ok: true, data: { ...base, configuration, outData: {} } };
      }
      case 'readyForOperationOperation':
        this.state.toolbar.ready = fields.readiness === true;
        return { ok: true, data: { ...base, outData: {} } };
      case 'disableFeatureOperation':
        return { ok: true, data: { ...base, outData: {} } };
      default:
        return fail(`SVCMCA_ERR_UNKNOWN_METHOD: ${operation}`);
    }
  }

  private newComm(fields: JsonObject, inData: JsonObject, rewrite: boolean, base: JsonObject): PublishAnswer {
    const eventId = str(fields.eventId);
    if (!eventId) return fail('eventId missing');
    if (!str(fields.appClassification)) return fail('App Classification missing in payload');
    const number = str(inData.SVCMCA_ANI);
    if (!number) return fail('SVCMCA_ANI missing');
    const direction = inData.SVCMCA_COMMUNICATION_DIRECTION === 'ORA_SVC_OUTBOUND' ? 'outbound' : 'inbound';
    const contact = reverseLookup(number);
    const fusionEventId = rewrite ? `F-${eventId}` : eventId;
    const engagement: EngagementView = {
      eventId,
      fusionEventId,
      direction,
      number,
      lookupName: contact ? `${contact.firstName} ${contact.lastName}` : null,
      screenPopName: null,
      phase: direction === 'inbound' ? 'offered' : 'dialing',
      queue: str(inData.comPanelQName1),
      closeReason: null,
      wrapupId: null,
      lastCommand: null,
      error: null,
    };
    this.state.engagements = [...this.state.engagements.filter((e) => e.eventId !== eventId), engagement];
    const interactionId = `IX-${this.counter}`;
    const outData: JsonObject = {
      ...inData,
      ...(contact ? contactTokens(contact) : {}),
      callStatus: 'INCOMING', // Fusion echoes this for both directions (protocol.md 2.3)
      eventId: fusionEventId,
      channel: 'PHONE',
      channelType: 'ORA_SVC_PHONE',
      SVCMCA_INTERACTION_ID: interactionId,
    };
    return { ok: true, data: { ...base, eventId: fusionEventId, interactionId, channelType: 'ORA_SVC_PHONE', outData } };
  }

  private startComm(fields: JsonObject, inData: JsonObject, base: JsonObject): PublishAnswer {
    const eventId = str(fields.eventId);
    if (!eventId) return fail('eventId missing');
    let engagement = this.find(eventId);
    if (!engagement) {
      // Forgiving, like Fusion's outbound path: an engagement may start without a known offer.
      engagement = { ...this.blank(eventId), number: str(inData.SVCMCA_ANI) ?? '' };
      this.state.engagements.push(engagement);
    }
    engagement.phase = 'active';
    engagement.screenPopName = str(inData.SVCMCA_CONTACT_NAME) ?? str(inData.SVCMCA_DISPLAY_NAME);
    return {
      ok: true,
      data: { ...base, eventId: engagement.fusionEventId, engagementId: `ENG-${this.counter}`, screenPopMode: 'CONTACT', outData: { ...inData } },
    };
  }

  private closeComm(fields: JsonObject, inData: JsonObject, base: JsonObject): PublishAnswer {
    const eventId = str(fields.eventId);
    const reason = str(fields.reason);
    if (!eventId) return fail('eventId missing');
    if (!reason || !CLOSE_REASONS.has(reason)) return fail(`invalid close reason ${String(fields.reason)}`);
    const engagement = this.find(eventId);
    const wrapupId = reason === 'WRAPUP' ? `WU-${this.counter}` : null;
    if (engagement) {
      engagement.phase = reason === 'WRAPUP' ? 'wrapup' : 'closed';
      engagement.closeReason = reason;
      engagement.wrapupId = wrapupId;
      this.pruneClosed();
    }
    const outData: JsonObject = { ...inData, ...(wrapupId ? { SVCMCA_WRAPUP_ID: wrapupId } : {}), WrapupStartTime: new Date(this.now()).toISOString() };
    return { ok: true, data: { ...base, eventId: engagement?.fusionEventId ?? eventId, wrapupId, outData } };
  }

  /** The agent saved the Wrap Up window. */
  closeWrapup(eventId: string): EngagementView | undefined {
    const engagement = this.find(eventId);
    if (engagement) {
      engagement.phase = 'closed';
      this.pruneClosed();
    }
    return engagement;
  }

  private blank(eventId: string): EngagementView {
    return {
      eventId,
      fusionEventId: eventId,
      direction: 'inbound',
      number: '',
      lookupName: null,
      screenPopName: null,
      phase: 'active',
      queue: null,
      closeReason: null,
      wrapupId: null,
      lastCommand: null,
      error: null,
    };
  }

  private pruneClosed(): void {
    const closed = this.state.engagements.filter((e) => e.phase === 'closed');
    if (closed.length <= CLOSED_KEPT) return;
    const drop = new Set(closed.slice(0, closed.length - CLOSED_KEPT));
    this.state.engagements = this.state.engagements.filter((e) => !drop.has(e));
  }
}
