/**
 * Every [INFER] choice of the translation, with its default (src/bridge/README.md lists them).
 * None of these is settled by a source we read; each is an option so a deployment can change it.
 */
export interface TranslateOptions {
  /** [INFER] Reject releases the ringing call when its capabilities offer `release` (`capability`), or always. */
  readonly rejectRelease: 'capability' | 'always';
  /** [INFER] Reject on a ringing call without `release` in its capabilities: redirect here (none: NOT_SUPPORTED). */
  readonly rejectRedirectDestination: string | undefined;
  /** [INFER] Work mode sent with NotReady when the toolbar gives none (GWS `agentWorkMode`). */
  readonly notReadyWorkMode: string | undefined;
  /** [INFER] Complete a Released call that offers `complete` (Genesys' simulator never auto-completes). */
  readonly completeReleasedCalls: boolean;
  /** [INFER] Keys of call.extensions / call.reasons read as the T-Server CallState of a release. */
  readonly callStateKeys: readonly string[];
  /** [INFER] CallState of a dial released before answer that the agent did not end (GWS names no cause). */
  readonly unansweredDialCallState: string | undefined;
  /** [INFER] CallState of a ringing call released that the agent did not reject (caller left). */
  readonly unansweredRingCallState: string | undefined;
  /** [INFER] Toolbar CallType for a GWS call type (`Consult` legs keep `Consult`). */
  readonly callTypeNames: Readonly<Record<string, string>>;
  /** [INFER] Participant roles whose number is the caller when `ani` is absent, in order. */
  readonly originationRoles: readonly string[];
  /** [INFER] Participant roles whose number is the dialled party when `dnis` is absent. */
  readonly destinationRoles: readonly string[];
  /** [INFER] Use GWS `operationId` on requests and match it on events (GWS echoes it on some). */
  readonly sendOperationIds: boolean;
  /** [INFER] VOICE UNAVAILABLE / AVAILABLE (GWS lost T-Server) as EventLinkDisconnected / EventLinkConnected. */
  readonly voiceLinkEvents: boolean;
  /** Most calls one EventSnapshot lists (the toolbar refuses more than 50). */
  readonly maxSnapshotCalls: number;
}

export const DEFAULT_TRANSLATE_OPTIONS: TranslateOptions = {
  rejectRelease: 'capability',
  rejectRedirectDestination: undefined,
  notReadyWorkMode: undefined,
  completeReleasedCalls: true,
  callStateKeys: ['CallState', 'callState', 'ReleaseCause'],
  unansweredDialCallState: 'NoAnswer',
  unansweredRingCallState: 'Abandoned',
  callTypeNames: { Inbound: 'Inbound', Outbound: 'Outbound', Internal: 'Internal', Consult: 'Consult' },
  originationRoles: ['RoleOrigination'],
  destinationRoles: ['RoleDestination'],
  sendOperationIds: true,
  voiceLinkEvents: true,
  maxSnapshotCalls: 50,
};

export function translateOptions(overrides: Partial<TranslateOptions> = {}): TranslateOptions {
  return { ...DEFAULT_TRANSLATE_OPTIONS, ...overrides };
}
