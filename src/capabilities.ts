/**
 * What the Genesys microservice can confirm, so the toolbar offers only controls whose outcome
 * will arrive as an event (README "Microservice capabilities"). [INFER] names: ours.
 */

export const CAPABILITIES = [
  /** EventAgentReady / EventAgentNotReady / EventAgentLogout; without them a 2xx answer confirms. */
  'agentEvents',
  /** Hold / Retrieve → EventHeld / EventRetrieved. */
  'hold',
  /** MakeCall → EventDialing and/or EventEstablished. */
  'outbound',
  /** SingleStepTransfer → EventReleased CallState Transferred. */
  'transfer',
  /** InitiateTransfer, CompleteTransfer, ReconnectCall, AlternateCall. */
  'consult',
  /** InitiateConference, CompleteConference → EventPartyAdded. */
  'conference',
  /** SendDTMF → EventDtmfSent. */
  'dtmf',
  /** NotReady workMode AfterCallWork → EventAgentNotReady workMode AfterCallWork. */
  'afterCallWork',
  /** `{type: snapshot}` → EventSnapshot after every register (resync). */
  'snapshot',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

export type Profile = 'full' | 'tutorial';

/**
 * `full`: everything this toolbar can drive. `tutorial`: the four events Oracle's tutorial forwards
 * (EventRegistered, EventRinging, EventEstablished, EventReleased): calls in and out, nothing else.
 */
export const PROFILES: Readonly<Record<Profile, readonly Capability[]>> = {
  full: CAPABILITIES,
  tutorial: ['outbound'],
};

export function isCapability(name: string): name is Capability {
  return (CAPABILITIES as readonly string[]).includes(name);
}

export function isProfile(name: string): name is Profile {
  return name === 'full' || name === 'tutorial';
}

/** Whether the configured microservice can confirm `capability`. */
export function hasCapability(config: { capabilities: readonly Capability[] }, capability: Capability): boolean {
  return config.capabilities.includes(capability);
}
