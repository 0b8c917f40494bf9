/**
 * BroadcastChannel between this agent's tabs: the owner mirrors its reload record (the same small
 * versioned record), the others show it. Every message is validated; nothing here touches Genesys or UEF.
 */
import { parseRecord, type SessionRecord } from '../persistence/session-record';

export interface Mirror {
  /** Owner: tell the other tabs where the calls stand. */
  /** `json` is the record already serialised (the reload record's write), else it is serialised here. */
  publish(record: SessionRecord, json?: string): void;
  /** Follower: ask the owner for its state now. */
  ask(): void;
  close(): void;
}

type Message = { kind: 'state'; record: string } | { kind: 'ask' };

/** Handler typed with method bivariance so the DOM BroadcastChannel fits. */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

interface ChannelLike {
  postMessage(message: unknown): void;
  onmessage: Handler<{ data: unknown }> | null;
  close(): void;
}

export function channelName(agentId: string): string {
  return `fusion-genesys-toolbar:mirror:${agentId || 'default'}`;
}

export function openMirror(options: {
  Channel: (new (name: string) => ChannelLike) | undefined;
  agentId: string;
  onState(record: SessionRecord): void;
  onAsk(): void;
  log(level: 'info' | 'warn', code: string, message: string): void;
}): Mirror {
  const { Channel, agentId } = options;
  if (!Channel) {
    options.log('info', 'TAB_NO_MIRROR', 'BroadcastChannel is not available: other tabs show no calls');
    return { publish: () => undefined, ask: () => undefined, close: () => undefined };
  }
  const channel = new Channel(channelName(agentId));
  channel.onmessage = (event) => {
    const data = event.data as Partial<Message> | null;
    if (data?.kind === 'ask') return options.onAsk();
    if (data?.kind !== 'state' || typeof data.record !== 'string') return options.log('warn', 'TAB_MESSAGE_INVALID', 'ignored a malformed tab message');
    const { record, warning } = parseRecord(data.record, agentId);
    if (record) options.onState(record);
    else options.log('warn', 'TAB_MESSAGE_INVALID', warning ?? 'ignored an empty tab message');
  };
  return {
    publish: (record, json = JSON.stringify(record)) => channel.postMessage({ kind: 'state', record: json } satisfies Message),
    ask: () => channel.postMessage({ kind: 'ask' } satisfies Message),
    close: () => channel.close(),
  };
}
