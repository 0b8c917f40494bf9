/**
 * Valibot schemas for WebSocket frames from the Genesys microservice, one per event, reading only
 * the fields meaningful for that event (the public mock leaks stale fields into later frames).
 *
 * Field spellings accepted (protocol.md 3.2-4.4):
 * - event key: `eventName` (seed, mock v1) or `eventType` (mock v2);
 * - call id: `connectionId` (seed, mock) or `ConnID` (PSDK attribute name);
 * - caller: `ANI`; dialled number: `toNumber` (mock) or `OtherDN`, then `ANI`, then `DNIS`;
 * - queue: `queueName` (mock v2) or `ThisQueue` (PSDK);
 * - direction: `direction` ('inbound'|'outbound', any case) or derived from `CallType` (Inbound/Outbound);
 * - release cause: `CallState` or `callState` (string or PSDK enum number);
 * - party change: `PreviousConnID` or `previousConnectionId`;
 * - error: `ErrorCode`/`errorCode` (string or number), `ErrorMessage`/`errorMessage`;
 * - not-ready reason: `reason` or `Reason`; work mode: `workMode` or `AgentWorkMode`;
 * - consult leg: `CallType` plus `previousConnectionId`, `PreviousConnID` or `TransferConnID`;
 * - party added/deleted: `party`, `OtherDN` or `ThirdPartyDN`; DTMF: `digits` or `DTMFDigits`;
 * - attached data of a ringing call (a transfer's): `UserData` (or `userData`), string values only.
 */
import * as v from 'valibot';
import type { CallDirection, GenesysEvent, SnapshotCall } from '../../machines/genesys.types';

const OptText = v.optional(v.string());
/** PSDK enums (CallState, ErrorCode) may arrive as numbers; the toolbar handles them as strings. */
const OptCode = v.optional(v.pipe(v.union([v.string(), v.number()]), v.transform(String)));

const ConnFields = { connectionId: OptText, ConnID: OptText };
const ConnSchema = v.object(ConnFields);

/** UserData keys Fusion may receive as inData tokens: identifier-like, never a prototype name. */
const ATTACHED_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MAX_ATTACHED = 32;
const AttachedSchema = v.optional(v.record(v.string(), v.unknown()));

/** The string entries of UserData a call may hand to Fusion (bounded; other values dropped). */
function attachedDataOf(...records: (Record<string, unknown> | undefined)[]): Record<string, string> | undefined {
  const record = records.find((item) => item !== undefined);
  if (!record) return undefined;
  const entries = Object.entries(record)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length <= 1024 && ATTACHED_KEY.test(entry[0]) && entry[0] !== '__proto__')
    .slice(0, MAX_ATTACHED);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

const RingingSchema = v.object({
  ...ConnFields,
  UserData: AttachedSchema,
  userData: AttachedSchema,
  eventId: OptText,
  ANI: OptText,
  OtherDN: OptText,
  DNIS: OptText,
  queueName: OptText,
  ThisQueue: OptText,
  CallType: OptText,
});
const DialingSchema = v.object({
  ...ConnFields,
  eventId: OptText,
  toNumber: OptText,
  OtherDN: OptText,
  ANI: OptText,
  DNIS: OptText,
  CallType: OptText,
  previousConnectionId: OptText,
  PreviousConnID: OptText,
  TransferConnID: OptText,
});
const PartySchema = v.object({ ...ConnFields, party: OptText, OtherDN: OptText, ThirdPartyDN: OptText });
const DtmfSchema = v.object({ ...ConnFields, digits: OptText, DTMFDigits: OptText });
const EstablishedSchema = v.object({ ...ConnFields, eventId: OptText, ANI: OptText, direction: OptText, CallType: OptText });
const ReleasedSchema = v.object({ ...ConnFields, CallState: OptCode, callState: OptCode });
const PartyChangedSchema = v.object({ ...ConnFields, PreviousConnID: OptText, previousConnectionId: OptText });
const ErrorSchema = v.object({
  ...ConnFields,
  ErrorCode: OptCode,
  errorCode: OptCode,
  ErrorMessage: OptText,
  errorMessage: OptText,
});
const NotReadySchema = v.object({ reason: OptText, Reason: OptText, workMode: OptCode, AgentWorkMode: OptCode });
/** [INFER] our contract extension (protocol notes): the agent's truth in one frame. */
const SnapshotCallSchema = v.object({
  ...ConnFields,
  state: v.picklist(['Ringing', 'Dialing', 'Established', 'Held']),
  direction: v.picklist(['inbound', 'outbound']),
  ANI: OptText,
  eventId: OptText,
  queueName: OptText,
});
const SnapshotSchema = v.object({
  agentState: v.picklist(['Ready', 'NotReady', 'LoggedOut']),
  reason: OptText,
  calls: v.pipe(v.array(SnapshotCallSchema), v.maxLength(50)),
});
const EmptySchema = v.object({});

/** Result of mapping a schema-valid frame: the event, or why the frame still cannot be used. */
type Mapped = GenesysEvent | { invalid: string };

export interface EventRule {
  schema: v.GenericSchema<unknown, object>;
  map(frame: Record<string, unknown>, newId: () => string): Mapped;
}

/** Ties a schema to its mapper so the mapper sees the schema's output type. */
function rule<S extends v.GenericSchema<unknown, object>>(
  schema: S,
  map: (frame: v.InferOutput<S>, newId: () => string) => Mapped,
): EventRule {
  return { schema, map: (frame, newId) => map(frame as v.InferOutput<S>, newId) };
}

/** The first of up to three spellings that is set (no rest array: this runs for every frame). */
function nonEmpty(a: string | undefined, b?: string, c?: string): string | undefined {
  if (a !== undefined && a !== '') return a;
  if (b !== undefined && b !== '') return b;
  return c !== undefined && c !== '' ? c : undefined;
}

/** Builds a call event once the frame has a usable connection id. */
function withConn(frame: { connectionId?: string; ConnID?: string }, build: (connectionId: string) => Mapped): Mapped {
  const connectionId = nonEmpty(frame.connectionId, frame.ConnID);
  return connectionId === undefined ? { invalid: 'missing connectionId' } : build(connectionId);
}

function directionOf(direction: string | undefined, callType: string | undefined): CallDirection | undefined {
  const value = (direction ?? callType ?? '').toLowerCase();
  return value === 'inbound' || value === 'outbound' ? value : undefined;
}

/** Only defined keys, so events compare cleanly and carry no `undefined` noise. */
function compact<T extends object>(event: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(event)) {
    const value = (event as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

const connEvent = <T extends 'genesys.networkReached' | 'genesys.held' | 'genesys.retrieved' | 'genesys.abandoned' | 'genesys.destinationBusy'>(
  type: T,
): EventRule => rule(ConnSchema, (frame) => withConn(frame, (connectionId) => ({ type, connectionId }) as Mapped));

export const EVENT_RULES: Readonly<Record<string, EventRule>> = {
  EventRegistered: rule(EmptySchema, () => ({ type: 'genesys.registered' })),
  EventUnregistered: rule(EmptySchema, () => ({ type: 'genesys.unregistered' })),
  EventAgentReady: rule(EmptySchema, () => ({ type: 'genesys.agentReady' })),
  EventAgentNotReady: rule(NotReadySchema, (f) =>
    compact({ type: 'genesys.agentNotReady', reason: nonEmpty(f.reason, f.Reason), workMode: nonEmpty(f.workMode, f.AgentWorkMode) }),
  ),
  EventAgentLogout: rule(EmptySchema, () => ({ type: 'genesys.agentLogout' })),
  EventLinkDisconnected: rule(EmptySchema, () => ({ type: 'genesys.linkDisconnected' })),
  EventLinkConnected: rule(EmptySchema, () => ({ type: 'genesys.linkConnected' })),
  EventRinging: rule(RingingSchema, (f, newId) =>
    withConn(f, (connectionId) =>
      compact({
        type: 'genesys.ringing',
        connectionId,
        // protocol.md 3.3: eventId is optional on the wire; the call needs one for Fusion.
        eventId: nonEmpty(f.eventId) ?? newId(),
        ani: nonEmpty(f.ANI, f.OtherDN) ?? '',
        dnis: nonEmpty(f.DNIS),
        queue: nonEmpty(f.queueName, f.ThisQueue),
        callType: nonEmpty(f.CallType),
        attachedData: attachedDataOf(f.UserData, f.userData),
      }),
    ),
  ),
  EventDialing: rule(DialingSchema, (f) =>
    withConn(f, (connectionId) =>
      compact({
        type: 'genesys.dialing',
        connectionId,
        eventId: nonEmpty(f.eventId),
        number: nonEmpty(f.toNumber, f.OtherDN, f.ANI) ?? nonEmpty(f.DNIS) ?? '',
        callType: nonEmpty(f.CallType),
        previousConnectionId: nonEmpty(f.previousConnectionId, f.PreviousConnID, f.TransferConnID),
      }),
    ),
  ),
  EventNetworkReached: connEvent('genesys.networkReached'),
  EventEstablished: rule(EstablishedSchema, (f) =>
    withConn(f, (connectionId) =>
      compact({
        type: 'genesys.established',
        connectionId,
        eventId: nonEmpty(f.eventId),
        ani: nonEmpty(f.ANI),
        direction: directionOf(f.direction, f.CallType),
      }),
    ),
  ),
  EventHeld: connEvent('genesys.held'),
  EventRetrieved: connEvent('genesys.retrieved'),
  EventReleased: rule(ReleasedSchema, (f) =>
    withConn(f, (connectionId) =>
      compact({ type: 'genesys.released', connectionId, callState: nonEmpty(f.CallState, f.callState) }),
    ),
  ),
  EventAbandoned: connEvent('genesys.abandoned'),
  EventDestinationBusy: connEvent('genesys.destinationBusy'),
  EventPartyChanged: rule(PartyChangedSchema, (f) =>
    withConn(f, (connectionId) => {
      const previousConnectionId = nonEmpty(f.PreviousConnID, f.previousConnectionId);
      return previousConnectionId === undefined
        ? { invalid: 'missing PreviousConnID' }
        : { type: 'genesys.partyChanged', connectionId, previousConnectionId };
    }),
  ),
  EventPartyAdded: rule(PartySchema, (f) =>
    withConn(f, (connectionId) => compact({ type: 'genesys.partyAdded', connectionId, party: nonEmpty(f.party, f.ThirdPartyDN, f.OtherDN) })),
  ),
  EventPartyDeleted: rule(PartySchema, (f) =>
    withConn(f, (connectionId) => compact({ type: 'genesys.partyDeleted', connectionId, party: nonEmpty(f.party, f.ThirdPartyDN, f.OtherDN) })),
  ),
  EventDtmfSent: rule(DtmfSchema, (f) =>
    withConn(f, (connectionId) => compact({ type: 'genesys.dtmfSent', connectionId, digits: nonEmpty(f.digits, f.DTMFDigits) })),
  ),
  EventSnapshot: rule(SnapshotSchema, (f) => {
    const calls: SnapshotCall[] = [];
    for (const call of f.calls) {
      const connectionId = nonEmpty(call.connectionId, call.ConnID);
      if (connectionId === undefined) return { invalid: 'a call has no connectionId' };
      if (calls.some((known) => known.connectionId === connectionId)) return { invalid: `connectionId ${connectionId.slice(0, 40)} twice` };
      calls.push(compact({ connectionId, state: call.state, direction: call.direction, ani: nonEmpty(call.ANI), eventId: nonEmpty(call.eventId), queue: nonEmpty(call.queueName) }));
    }
    return compact({ type: 'genesys.snapshot', agentState: f.agentState, reason: nonEmpty(f.reason), calls });
  }),
  EventError: rule(ErrorSchema, (f) =>
    compact({
      type: 'genesys.error',
      code: nonEmpty(f.ErrorCode, f.errorCode) ?? 'UNKNOWN',
      message: nonEmpty(f.ErrorMessage, f.errorMessage) ?? '',
      connectionId: nonEmpty(f.connectionId, f.ConnID),
    }),
  ),
};

/** Events a real T-Server/microservice sends that carry nothing the toolbar acts on. */
export const HARMLESS_EVENTS: ReadonlySet<string> = new Set([
  'EventAttachedDataChanged',
  'EventQueued',
  'EventDiverted',
  'EventAgentLogin',
  'EventUserEvent',
  'EventACK',
  'EventDNDOn',
  'EventDNDOff',
  'EventAddressInfo',
  'EventServerInfo',
  'EventRouteUsed',
  'EventMonitoringNextCall',
]);
