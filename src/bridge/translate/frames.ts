/**
 * Toolbar frames as the toolbar reads them (src/adapters/genesys/frame.schema.ts) and the
 * microservice simulator sends them (src/sim/genesys/README.md): `eventName` plus T-Server names.
 */
import type { ToolbarFrame } from '../session/agent-session.types';
import type { GwsKv } from '../gws/gws.schema';

/** The bridge's view of one GWS call, keyed by its GWS call id (the toolbar's connectionId). */
export interface CallRecord {
  readonly id: string;
  /** The toolbar's eventId, generated once per call id (a dial's is the MakeCall's own id). */
  readonly eventId: string;
  readonly state: 'Ringing' | 'Dialing' | 'Established' | 'Held' | 'Released';
  readonly direction: 'inbound' | 'outbound';
  readonly callType: string | undefined;
  readonly parentConnId: string | undefined;
  readonly ani: string | undefined;
  readonly dnis: string | undefined;
  /** Other parties' numbers (not the agent's own DN), for EventPartyAdded/Deleted. */
  readonly parties: readonly string[];
  readonly capabilities: readonly string[];
}

/** Only defined keys, so frames carry no `undefined` noise. */
export function frame(eventName: string, fields: Record<string, unknown>): ToolbarFrame {
  const out: Record<string, unknown> = { eventName };
  for (const key of Object.keys(fields)) if (fields[key] !== undefined) out[key] = fields[key];
  return out as ToolbarFrame;
}

const ATTACHED_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** GWS KV list → the toolbar's UserData record: string and number values, identifier-like keys, at most 32. */
export function userDataOf(list: readonly GwsKv[] | undefined): Record<string, string> | undefined {
  if (!list || list.length === 0) return undefined;
  const out = new Map<string, string>();
  for (const kv of list) {
    if (out.size >= 32) break;
    if (!ATTACHED_KEY.test(kv.key)) continue;
    if (typeof kv.value === 'string' && kv.value.length <= 1024) out.set(kv.key, kv.value);
    else if (typeof kv.value === 'number' && Number.isFinite(kv.value)) out.set(kv.key, String(kv.value));
  }
  return out.size > 0 ? Object.fromEntries(out) : undefined;
}

const call = (record: CallRecord) => ({ connectionId: record.id, eventId: record.eventId });

export const frames = {
  ringing: (record: CallRecord, userData: Record<string, string> | undefined) =>
    frame('EventRinging', {
      ...call(record),
      ANI: record.ani ?? '',
      DNIS: record.dnis,
      CallType: record.callType,
      direction: 'inbound',
      UserData: userData,
      previousConnectionId: record.parentConnId,
    }),
  dialing: (record: CallRecord) =>
    frame('EventDialing', {
      ...call(record),
      toNumber: record.dnis,
      OtherDN: record.dnis,
      CallType: record.callType,
      direction: 'outbound',
      previousConnectionId: record.parentConnId,
      TransferConnID: record.parentConnId,
    }),
  established: (record: CallRecord) =>
    frame('EventEstablished', { ...call(record), ANI: record.direction === 'inbound' ? record.ani : record.dnis, direction: record.direction, CallType: record.callType }),
  held: (record: CallRecord) => frame('EventHeld', call(record)),
  retrieved: (record: CallRecord) => frame('EventRetrieved', call(record)),
  released: (record: CallRecord, callState: string | undefined) => frame('EventReleased', { ...call(record), CallState: callState }),
  partyAdded: (record: CallRecord, party: string) => frame('EventPartyAdded', { ...call(record), party }),
  partyDeleted: (record: CallRecord, party: string) => frame('EventPartyDeleted', { ...call(record), party }),
  partyChanged: (record: CallRecord, previous: string) =>
    frame('EventPartyChanged', { ...call(record), PreviousConnID: previous, previousConnectionId: previous }),
  dtmfSent: (record: CallRecord, digits: string) => frame('EventDtmfSent', { ...call(record), digits }),
  error: (code: string, message: string, connectionId?: string, eventId?: string) =>
    frame('EventError', { connectionId, eventId, ErrorCode: code, ErrorMessage: message.slice(0, 300) }),
  registered: (agentId: string, dn: string) => frame('EventRegistered', { ThisDN: dn, AgentID: agentId }),
  agentReady: (agentId: string, dn: string, workMode: string | undefined) =>
    frame('EventAgentReady', { ThisDN: dn, AgentID: agentId, workMode }),
  agentNotReady: (agentId: string, dn: string, reason: string | undefined, workMode: string | undefined) =>
    frame('EventAgentNotReady', { ThisDN: dn, AgentID: agentId, reason, workMode }),
  agentLogout: (agentId: string, dn: string) => frame('EventAgentLogout', { ThisDN: dn, AgentID: agentId }),
  linkDisconnected: (dn: string) => frame('EventLinkDisconnected', { ThisDN: dn }),
  linkConnected: (dn: string) => frame('EventLinkConnected', { ThisDN: dn }),
};
