/**
 * What must survive a page reload, as one small versioned record in `sessionStorage`: the calls
 * (ConnIDs, Fusion eventId, state, start time), the agent's presence, Fusion's newCommEvent
 * outData per call, and (since version 2) the eventIds Fusion has seen this session, so a Genesys
 * eventId reused after the reload is still never offered again under an id Fusion has. Never a timer or an in-flight command: after a reload the toolbar asks
 * Genesys (snapshot) what is still true.
 */
import * as v from 'valibot';

export const RECORD_VERSION = 2;
/** Versions this toolbar still reads (an older one is upgraded as it is read). */
export const READABLE_VERSIONS: readonly number[] = [1, 2];
/** More calls than this in one record means something is wrong; the record is refused. */
const MAX_CALLS = 20;
/** The most recent eventIds Fusion has seen that a record keeps (a shift's calls, with room). */
export const MAX_SAVED_EVENT_IDS = 1_000;

const Text = v.pipe(v.string(), v.maxLength(512));
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(256));
const Direction = v.picklist(['inbound', 'outbound']);

export const RecordCallSchema = v.object({
  key: Id,
  connectionIds: v.pipe(v.array(Id), v.minLength(1), v.maxLength(8)),
  eventId: Id,
  direction: Direction,
  number: Text,
  queue: v.optional(Text),
  state: v.picklist(['ringing', 'dialing', 'established', 'held']),
  since: v.pipe(v.number(), v.finite()),
  offered: v.boolean(),
  started: v.boolean(),
});

export const RecordEngagementSchema = v.object({
  eventId: Id,
  fusionEventId: v.optional(Id),
  direction: Direction,
  number: Text,
  started: v.boolean(),
  outData: v.record(v.pipe(v.string(), v.maxLength(128)), v.union([Text, v.number(), v.boolean(), v.null()])),
});

const COMMON = {
  agentId: v.string(),
  savedAt: v.number(),
  presence: v.picklist(['available', 'unavailable', 'loggedOut']),
  reason: v.optional(Text),
  calls: v.pipe(v.array(RecordCallSchema), v.maxLength(MAX_CALLS)),
  engagements: v.pipe(v.array(RecordEngagementSchema), v.maxLength(MAX_CALLS)),
};

/** Version 1: no seen eventIds (those of its calls and engagements stand for them when read). */
const RecordV1Schema = v.object({ v: v.literal(1), ...COMMON });

export const SessionRecordSchema = v.object({
  v: v.literal(RECORD_VERSION),
  ...COMMON,
  /** Every eventId Fusion was given this session, oldest first (the most recent MAX_SAVED_EVENT_IDS). */
  seenEventIds: v.pipe(v.array(Id), v.maxLength(MAX_SAVED_EVENT_IDS)),
});

export type SessionRecord = v.InferOutput<typeof SessionRecordSchema>;
export type RecordCall = v.InferOutput<typeof RecordCallSchema>;
export type RecordEngagement = v.InferOutput<typeof RecordEngagementSchema>;
/** The part the statechart's snapshots give. */
export type ToolbarPart = Pick<SessionRecord, 'presence' | 'reason' | 'calls' | 'seenEventIds'>;

/** The storage key: per agent, so two agents sharing a browser tab history never mix. */
export function recordKey(agentId: string): string {
  return `fusion-genesys-toolbar:session:${agentId || 'default'}`;
}

/** Parses a stored record; anything unusable is `{ warning }` (said once by the caller), never a throw. */
export function parseRecord(text: string | null, agentId: string): { record: SessionRecord | null; warning?: string } {
  if (text === null) return { record: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { record: null, warning: 'RESTORE_IGNORED: the saved session is not JSON' };
  }
  const version = typeof json === 'object' && json !== null ? (json as { v?: unknown }).v : undefined;
  if (typeof version !== 'number' || !READABLE_VERSIONS.includes(version)) {
    return { record: null, warning: `RESTORE_IGNORED: the saved session has version ${String(version)}, this toolbar reads ${READABLE_VERSIONS.join(' and ')}` };
  }
  const parsed = version === 1 ? v.safeParse(RecordV1Schema, json) : v.safeParse(SessionRecordSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue?.path?.map((item) => String(item.key)).join('.') ?? '';
    return { record: null, warning: `RESTORE_IGNORED: the saved session is invalid (${path ? `${path}: ` : ''}${issue?.message ?? '?'})` };
  }
  if (parsed.output.agentId !== agentId) return { record: null, warning: 'RESTORE_IGNORED: the saved session is of another agent' };
  return { record: upgrade(parsed.output) };
}

/** A record of an older version as the current one. */
function upgrade(record: v.InferOutput<typeof RecordV1Schema> | SessionRecord): SessionRecord {
  if (record.v === RECORD_VERSION) return record;
  // Version 1 kept no seen eventIds: at least its calls' and engagements' are known to Fusion.
  const seen = [...new Set([...record.calls.map((call) => call.eventId), ...record.engagements.map((e) => e.eventId)])];
  return { ...record, v: RECORD_VERSION, seenEventIds: seen };
}

/** Minimal Storage: `sessionStorage`, or a Map in tests. */
export interface RecordStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SessionRecorder {
  setToolbar(part: ToolbarPart): void;
  setEngagements(engagements: RecordEngagement[]): void;
  /** The record as it would be written now (mirrored to other tabs). */
  current(): SessionRecord;
  /** Writes a change still waiting for its `schedule`d turn now (the page is going away). */
  flush(): void;
}

/** When a change is written: `flush` at once (the default) or later, once for changes made meanwhile. */
export type WriteSchedule = (flush: () => void) => void;

/** How a write went: stored whole, stored without the older seen eventIds, or not stored (record removed). */
type Saved = 'whole' | 'trimmed' | 'removed';

/** The record with only the seen eventIds of its own calls and engagements (what version 1 kept). */
function trimmed(record: SessionRecord): SessionRecord {
  const own = new Set([...record.calls.map((call) => call.eventId), ...record.engagements.map((e) => e.eventId)]);
  return { ...record, seenEventIds: record.seenEventIds.filter((id) => own.has(id)) };
}

/**
 * Stores the record; when the storage refuses it (quota), a smaller one; when it refuses that
 * too, removes the old record, so a reload never brings back a call that has ended since.
 */
function save(storage: RecordStorage, key: string, record: SessionRecord, json: string): { saved: Saved; error?: string } {
  try {
    storage.setItem(key, json);
    return { saved: 'whole' };
  } catch (error) {
    const reason = (error as Error).message;
    try {
      storage.setItem(key, JSON.stringify(trimmed(record)));
      return { saved: 'trimmed', error: reason };
    } catch {
      try {
        storage.removeItem(key);
      } catch {
        // Nothing more to try: the next change tries again.
      }
      return { saved: 'removed', error: reason };
    }
  }
}

/** Why a reload would not keep the calls, told once (in the toolbar: the caller makes it a notice). */
export interface UnsavedNotice {
  code: 'PERSIST_FAILED';
  detail: string;
}

/**
 * Writes the record whenever either part changes (and only then). A storage that refuses a write
 * (quota, disabled) is tried again at the next change; the agent is told once (`onUnsaved`) that
 * a reload would not keep the calls, and the console once per kind of failure.
 */
export function createSessionRecorder(
  storage: RecordStorage | null,
  agentId: string,
  warn: (message: string) => void,
  now: () => number = Date.now,
  onWrite?: (record: SessionRecord, json: string) => void,
  schedule?: WriteSchedule,
  onUnsaved?: (notice: UnsavedNotice) => void,
): SessionRecorder {
  const key = recordKey(agentId);
  let toolbar: ToolbarPart = { presence: 'loggedOut', calls: [], seenEventIds: [] };
  let engagements: RecordEngagement[] = [];
  let last = '';
  // The seen eventIds (up to MAX_SAVED_EVENT_IDS) change only with a new call: compared by reference, not text.
  let lastSeen: readonly string[] | undefined;
  const said = new Set<Saved>();

  const build = (): SessionRecord => ({ v: RECORD_VERSION, agentId, savedAt: now(), ...toolbar, engagements });

  function report(saved: Saved, error: string): void {
    if (said.has(saved)) return;
    said.add(saved);
    if (saved === 'trimmed') {
      warn(`PERSIST_TRIMMED: the session was saved without its older Fusion eventIds (${error})`);
      return;
    }
    warn(`PERSIST_FAILED: the session cannot be saved for a reload; the old record was removed (${error})`);
    onUnsaved?.({ code: 'PERSIST_FAILED', detail: error });
  }

  function write(): void {
    const record = build();
    const { savedAt: _ignored, seenEventIds, ...comparable } = record;
    const text = JSON.stringify(comparable);
    if (text === last && seenEventIds === lastSeen) return;
    last = text;
    lastSeen = seenEventIds;
    // One serialisation for the storage and the tab mirror: with 1,000 seen eventIds it is the cost of a write.
    const json = JSON.stringify(record);
    onWrite?.(record, json);
    if (storage === null) return;
    if (record.calls.length === 0 && record.engagements.length === 0 && record.presence === 'loggedOut' && seenEventIds.length === 0) {
      try {
        storage.removeItem(key);
      } catch (error) {
        report('removed', (error as Error).message);
      }
      return;
    }
    const outcome = save(storage, key, record, json);
    if (outcome.error !== undefined) report(outcome.saved, outcome.error);
  }

  let due = false;
  const flush = (): void => {
    if (!due) return;
    due = false;
    write();
  };
  const changed = (): void => {
    if (!schedule) return write();
    if (due) return; // the write already scheduled takes this change too
    due = true;
    schedule(flush);
  };

  return {
    setToolbar(part) {
      toolbar = part;
      changed();
    },
    setEngagements(list) {
      engagements = list;
      changed();
    },
    current: build,
    flush,
  };
}
