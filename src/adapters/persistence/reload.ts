/**
 * The reload adapter: reads the record once at start (what the machine and the Fusion adapter
 * restore) and keeps it written from the statechart's snapshots and Fusion's engagements.
 * The only code that touches `sessionStorage`.
 */
import type { SavedEngagement } from '../fusion';
import type { RestoredSession } from '../../machines/toolbar.types';
import {
  createSessionRecorder,
  parseRecord,
  recordKey,
  type RecordStorage,
  type SessionRecord,
  type SessionRecorder,
  type ToolbarPart,
  type UnsavedNotice,
  type WriteSchedule,
} from './session-record';
import { restoredSession, toolbarPart } from './toolbar-part';

export interface ReloadRecord {
  /** The machine's `restored` input, when a usable record was found. */
  restored: RestoredSession | undefined;
  /** The Fusion adapter's `restore`. */
  engagements: SavedEngagement[] | undefined;
  recorder: SessionRecorder;
  /** Follows a root actor: every snapshot updates the record (after the publishes it caused). */
  follow(actor: FollowedActor): () => void;
  /** The page is going away: the followed actor's part again (stamps on today's wall clock), written now. */
  refresh(): void;
}

type RootSnapshot = Parameters<typeof toolbarPart>[0];

interface FollowedActor {
  subscribe(observer: (snapshot: RootSnapshot) => void): { unsubscribe(): void };
  getSnapshot(): RootSnapshot;
}

/** The part without its seen eventIds (compared by reference), as text. */
function sameCalls(a: ToolbarPart, b: ToolbarPart): boolean {
  const { seenEventIds: _a, ...restA } = a;
  const { seenEventIds: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

/** `sessionStorage` if this page may use it (a sandboxed frame may not), else null. */
export function pageSessionStorage(): RecordStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Writes after the next frame (issue 13: nothing that can wait runs before the ringing card is
 * painted), changes made meanwhile in one write; within `hiddenMs` when no frame comes (a hidden
 * page), and at once when the page goes away (`pagehide`: reload, navigation, close).
 */
export function afterNextPaint(
  win: Pick<Window, 'requestAnimationFrame' | 'setTimeout' | 'clearTimeout' | 'addEventListener'>,
  hiddenMs = 100,
): WriteSchedule {
  let pending: (() => void) | null = null;
  const run = (): void => {
    const flush = pending;
    pending = null;
    flush?.();
  };
  win.addEventListener('pagehide', run);
  return (flush) => {
    pending = flush;
    const fallback = win.setTimeout(run, hiddenMs);
    win.requestAnimationFrame(() => {
      win.clearTimeout(fallback);
      win.setTimeout(run, 0);
    });
  };
}

export function openReloadRecord(options: {
  storage: RecordStorage | null;
  agentId: string;
  warn: (message: string) => void;
  /** A record from elsewhere (the tab that owned the toolbar before) used instead of our own. */
  adopted?: SessionRecord;
  onWrite?: (record: SessionRecord, json: string) => void;
  /** When changes are written (default: at once); main.tsx passes afterNextPaint(window). */
  schedule?: WriteSchedule;
  /** Once: a write failed, so a reload would not keep the calls (for the agent's notice). */
  onUnsaved?: (notice: UnsavedNotice) => void;
}): ReloadRecord {
  const { storage, agentId, warn } = options;
  let record: SessionRecord | null = options.adopted ?? null;
  if (!record) {
    let text: string | null = null;
    try {
      text = storage?.getItem(recordKey(agentId)) ?? null;
    } catch {
      text = null;
    }
    const parsed = parseRecord(text, agentId);
    if (parsed.warning) warn(parsed.warning);
    record = parsed.record;
  }
  const recorder = createSessionRecorder(storage, agentId, warn, Date.now, options.onWrite, options.schedule, options.onUnsaved);
  // Keep what Fusion already has until the Fusion adapter reports its own engagements.
  if (record) recorder.setEngagements(record.engagements);
  let lastPart: ToolbarPart | null = null;
  let followed: FollowedActor | null = null;
  const update = (snapshot: RootSnapshot): void => {
    const part = toolbarPart(snapshot);
    if (lastPart !== null && lastPart.seenEventIds === part.seenEventIds && sameCalls(lastPart, part)) return;
    lastPart = part;
    recorder.setToolbar(part);
  };
  return {
    restored: record ? restoredSession(record) : undefined,
    engagements: record ? record.engagements.map((e) => ({ ...e, outData: { ...e.outData } })) : undefined,
    recorder,
    follow(actor) {
      followed = actor;
      const subscription = actor.subscribe(update);
      return () => {
        subscription.unsubscribe();
        followed = null;
      };
    },
    refresh() {
      if (followed) update(followed.getSnapshot());
      recorder.flush();
    },
  };
}
