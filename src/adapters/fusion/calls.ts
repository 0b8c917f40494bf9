/**
 * What the adapter remembers per call: newCommEvent's outData (start/close need it as inData),
 * Fusion's own eventId when it answers with a different one, and the open engagements.
 * Every map is bounded so 10,000 calls leave nothing behind.
 */
import type { CallDirection } from '../../machines/genesys.types';
import type { UefData } from './uef.types';

export interface Engagement {
  eventId: string;
  direction: CallDirection;
  number: string;
  started: boolean;
  /** The eventId Fusion answered newCommEvent with, when it differs from ours (protocol.md §5.2). */
  fusionEventId?: string;
}

/** An engagement as a reload keeps it: enough to close it (or start it) under the same eventId. */
export interface SavedEngagement {
  eventId: string;
  fusionEventId?: string;
  direction: CallDirection;
  number: string;
  started: boolean;
  outData: UefData;
}

/** More open calls than this means closes were lost; the oldest are dropped. */
export const MAX_OPEN_CALLS = 200;
const MAX_ALIASES = 256;
const MAX_OUTGOING = 32;

function setBounded<V>(map: Map<string, V>, key: string, value: V, max: number): string | undefined {
  map.delete(key); // re-insert so the newest is last
  map.set(key, value);
  if (map.size <= max) return undefined;
  const oldest = map.keys().next().value;
  if (oldest !== undefined) map.delete(oldest);
  return oldest;
}

export class CallStore {
  private readonly engagements = new Map<string, Engagement>();
  private readonly outData = new Map<string, UefData>();
  /** Fusion's eventId → ours; kept past close because WRAPUP_CLOSED arrives after it. */
  private readonly aliases = new Map<string, string>();
  /** onOutgoingEvent outData by its uuid, until the outbound newCommEvent uses it. */
  private readonly outgoing = new Map<string, UefData>();

  /** `onChange` hears every change of the open engagements (the reload record follows them). */
  constructor(private readonly onChange: () => void = () => undefined) {}

  /** After a reload: the engagements Fusion already has, with their outData and Fusion's ids. */
  restore(saved: readonly SavedEngagement[]): void {
    for (const item of saved) {
      this.engagements.set(item.eventId, {
        eventId: item.eventId,
        direction: item.direction,
        number: item.number,
        started: item.started,
        ...(item.fusionEventId ? { fusionEventId: item.fusionEventId } : {}),
      });
      this.storeOutData(item.eventId, { ...item.outData }, item.fusionEventId);
    }
  }

  /** The open engagements as a reload keeps them. */
  saved(): SavedEngagement[] {
    return [...this.engagements.values()].map((e) => ({
      eventId: e.eventId,
      ...(e.fusionEventId ? { fusionEventId: e.fusionEventId } : {}),
      direction: e.direction,
      number: e.number,
      started: e.started,
      outData: this.outDataFor(e.eventId),
    }));
  }

  /**
   * Returns the eventId evicted to stay bounded, if any. `quiet`: the caller says `changed()`
   * itself (after the offer is published, so persistence waits for it).
   */
  open(eventId: string, direction: CallDirection, number: string, quiet = false): string | undefined {
    const evicted = setBounded(this.engagements, eventId, { eventId, direction, number, started: false }, MAX_OPEN_CALLS);
    if (evicted !== undefined) this.forget(evicted, quiet);
    if (!quiet) this.onChange();
    return evicted;
  }

  /** Tells `onChange` about changes made quietly. */
  changed(): void {
    this.onChange();
  }

  markStarted(eventId: string): void {
    const engagement = this.engagements.get(eventId);
    if (engagement) engagement.started = true;
    this.onChange();
  }

  isOpen(eventId: string): boolean {
    return this.engagements.has(eventId);
  }

  direction(eventId: string): CallDirection | undefined {
    return this.engagements.get(eventId)?.direction;
  }

  /** Stores newCommEvent's outData under our eventId and under Fusion's, if it differs. */
  storeOutData(eventId: string, data: UefData, fusionEventId?: string): void {
    this.outData.set(eventId, data);
    if (fusionEventId && fusionEventId !== eventId) {
      this.outData.set(fusionEventId, data);
      setBounded(this.aliases, fusionEventId, eventId, MAX_ALIASES);
      const engagement = this.engagements.get(eventId);
      if (engagement) engagement.fusionEventId = fusionEventId;
    }
    this.onChange();
  }

  /** The eventId to put on the wire for start/close: Fusion's own, if it chose one. */
  wireEventId(eventId: string): string {
    return this.engagements.get(eventId)?.fusionEventId ?? eventId;
  }

  hasOutData(eventId: string): boolean {
    return this.outData.has(eventId);
  }

  outDataFor(eventId: string): UefData {
    return { ...(this.outData.get(eventId) ?? {}) };
  }

  /** Maps an eventId Fusion sent back to the one the machine knows. */
  ourEventId(eventId: string): string {
    return this.aliases.get(eventId) ?? eventId;
  }

  rememberOutgoing(uuid: string, data: UefData): void {
    setBounded(this.outgoing, uuid, data, MAX_OUTGOING);
  }

  takeOutgoing(uuid: string): UefData | undefined {
    const data = this.outgoing.get(uuid);
    this.outgoing.delete(uuid);
    return data;
  }

  /** After closeCommEvent: the call's outData and engagement go. */
  forget(eventId: string, quiet = false): void {
    this.engagements.delete(eventId);
    this.outData.delete(eventId);
    this.outgoing.delete(eventId);
    for (const [fusionId, ours] of this.aliases) {
      if (ours === eventId) this.outData.delete(fusionId);
    }
    if (!quiet) this.onChange();
  }

  activeEngagements(): Engagement[] {
    return [...this.engagements.values()].map((e) => ({ ...e }));
  }

  /** Entry counts, for leak tests. */
  sizes(): { engagements: number; outData: number; aliases: number; outgoing: number } {
    return {
      engagements: this.engagements.size,
      outData: this.outData.size,
      aliases: this.aliases.size,
      outgoing: this.outgoing.size,
    };
  }
}
