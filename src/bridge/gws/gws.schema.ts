/**
 * Valibot schemas for what GWS Workspace API v3 sends (gws-protocol.md §1.1 envelope, §2.3 CometD
 * message shapes, §4 current-session). Only the fields the bridge reads are checked; the rest pass
 * through untouched and unread. Ids and strings are bounded so a hostile GWS cannot hand us a
 * megabyte ConnID.
 */
import * as v from 'valibot';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(128));
const Text = v.pipe(v.string(), v.maxLength(1024));
const OptText = v.optional(v.nullable(Text));

export const CALL_STATES = ['Ringing', 'Dialing', 'Established', 'Held', 'Released', 'Completed'] as const;
export type GwsCallState = (typeof CALL_STATES)[number];

const KvSchema = v.object({ key: v.pipe(v.string(), v.maxLength(256)), type: v.optional(v.string()), value: v.unknown() });
export type GwsKv = v.InferOutput<typeof KvSchema>;
const KvList = v.optional(v.pipe(v.array(KvSchema), v.maxLength(200)));

const ParticipantSchema = v.object({ number: v.optional(v.nullable(Text)), role: OptText });

export const CallSchema = v.object({
  id: Id,
  connId: OptText,
  callUuid: OptText,
  previousConnId: v.optional(v.nullable(Id)),
  parentConnId: v.optional(v.nullable(Id)),
  callType: OptText,
  state: v.picklist(CALL_STATES),
  phoneNumber: OptText,
  ani: OptText,
  dnis: OptText,
  participants: v.optional(v.pipe(v.array(ParticipantSchema), v.maxLength(64))),
  capabilities: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(64))),
  userData: KvList,
  extensions: KvList,
  reasons: KvList,
});
export type GwsCall = v.InferOutput<typeof CallSchema>;

export const DnSchema = v.object({
  number: OptText,
  agentId: OptText,
  agentState: v.picklist(['LoggedOut', 'LoggedIn', 'Ready', 'NotReady', 'OutOfService']),
  agentWorkMode: OptText,
  reasons: KvList,
});
export type GwsDn = v.InferOutput<typeof DnSchema>;

const UserSchema = v.object({
  userName: OptText,
  agentLogin: OptText,
  employeeId: OptText,
  defaultPlace: OptText,
});
export type GwsUser = v.InferOutput<typeof UserSchema>;

/** The `data` of a Bayeux message on a /workspace/v3 channel, by `messageType`. */
export const NotificationSchema = v.variant('messageType', [
  v.object({
    messageType: v.picklist(['WorkspaceInitializationProgress', 'WorkspaceInitializationComplete']),
    state: v.optional(v.picklist(['Executing', 'Complete', 'Failed'])),
    data: v.optional(v.object({ user: v.optional(UserSchema) })),
  }),
  v.object({ messageType: v.literal('DnStateChanged'), dn: DnSchema }),
  v.object({
    messageType: v.literal('CallStateChanged'),
    notificationType: OptText,
    operationId: OptText,
    call: CallSchema,
  }),
  v.object({
    messageType: v.literal('EventError'),
    operationId: OptText,
    error: v.object({ errorCode: v.optional(v.union([v.string(), v.number()])), errorMessage: OptText }),
    call: v.optional(v.object({ id: v.optional(Id) })),
  }),
  v.object({ messageType: v.literal('ServiceStateChanged'), serviceName: Text, serviceState: Text }),
]);
export type GwsNotification = v.InferOutput<typeof NotificationSchema>;

/** Notifications GWS sends that the bridge does not act on (logged at debug, never an error). */
export const IGNORED_MESSAGE_TYPES: ReadonlySet<string> = new Set([
  'ChannelStateChanged',
  'EventUserEvent',
  'MonitoringStateChanged',
  'EventMediaStateChanged',
]);

/** `{status:{code, message?}, data?, operationId?}`: code 0 done, 1 accepted, 2 partial; else an error. */
export const EnvelopeSchema = v.object({
  status: v.object({ code: v.number(), message: v.optional(v.unknown()) }),
  operationId: v.optional(v.unknown()),
  data: v.optional(v.unknown()),
});
export type GwsEnvelope = v.InferOutput<typeof EnvelopeSchema>;

/** `GET /workspace/v3/current-session` → `data.user.activeSession.{dn, calls}` (gws-protocol.md §4). */
export const CurrentSessionSchema = v.object({
  user: v.optional(
    v.object({
      ...UserSchema.entries,
      activeSession: v.optional(
        v.object({
          dn: v.optional(DnSchema),
          calls: v.optional(v.pipe(v.array(CallSchema), v.maxLength(100)), []),
        }),
      ),
    }),
  ),
});
export type GwsCurrentSession = v.InferOutput<typeof CurrentSessionSchema>;

/** What the bridge keeps of a current-session answer. */
export interface GwsSessionView {
  readonly dn: GwsDn | undefined;
  readonly calls: readonly GwsCall[];
  readonly user: GwsUser | undefined;
}

export function sessionView(data: GwsCurrentSession): GwsSessionView {
  const user = data.user;
  return { dn: user?.activeSession?.dn, calls: user?.activeSession?.calls ?? [], user };
}
