/**
 * CometD long-polling to /workspace/v3/notifications with `cometd` + `cometd-nodejs-client`, one
 * client and one cookie store per agent session (gws-protocol.md §9 "Checked here": the session
 * cookie plus a BAYEUX_BROWSER of this session's own, else every agent after the first shares the
 * server's browser id and gets `multiple-clients` advice). Subscribes on every handshake; every
 * message is validated before the session sees it.
 */
import { randomBytes } from 'node:crypto';
import { CometD, type Message } from 'cometd';
import { adapt } from 'cometd-nodejs-client';
import * as v from 'valibot';
import type { NotificationEvent } from '../session/ports.types';
import { IGNORED_MESSAGE_TYPES, NotificationSchema } from './gws.schema';

export const CHANNELS = ['/workspace/v3/initialization', '/workspace/v3/voice'] as const;

let adapted = false;

/** The XMLHttpRequest shim is process-wide (it sets global.window); cookies come from each transport's context. */
function ensureAdapted(): void {
  if (adapted) return;
  adapt();
  adapted = true;
}

export interface CometdConfig {
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  /** Cookies of the workspace session, read at each connect. */
  readonly cookies: () => readonly [string, string][];
}

export interface NotificationLink {
  connect(sink: (event: NotificationEvent) => void): void;
  disconnect(): void;
}

/** What a Bayeux message on a workspace channel carries, as a session event (or nothing to act on). */
export function notificationEvent(message: Message): NotificationEvent | undefined {
  const data: unknown = message.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { type: 'gws.invalid', code: 'GWS_BAD_MESSAGE', detail: `${message.channel}: data is not an object` };
  }
  const messageType = (data as { messageType?: unknown }).messageType;
  if (typeof messageType === 'string' && IGNORED_MESSAGE_TYPES.has(messageType)) return undefined;
  const parsed = v.safeParse(NotificationSchema, data);
  if (parsed.success) return { type: 'gws.notification', notification: parsed.output };
  const known = ['WorkspaceInitializationProgress', 'WorkspaceInitializationComplete', 'DnStateChanged', 'CallStateChanged', 'EventError', 'ServiceStateChanged'];
  const name = typeof messageType === 'string' ? messageType.slice(0, 60) : '(none)';
  if (!known.includes(name)) return { type: 'gws.invalid', code: 'GWS_UNKNOWN_MESSAGE', detail: `${message.channel}: messageType ${name}` };
  const issue = parsed.issues[0];
  const where = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
  return { type: 'gws.invalid', code: 'GWS_BAD_MESSAGE', detail: `${name}${where ? ` ${where}` : ''}: ${issue?.message ?? 'invalid'}` };
}

const DENIED = /40[13]|denied|unauthori[sz]ed|unknown_client/i;

export function cometdLink(config: CometdConfig): NotificationLink {
  let client: CometD | undefined;
  let generation = 0;
  const browserId = randomBytes(12).toString('hex');

  function stop(): void {
    generation++;
    const old = client;
    client = undefined;
    if (old && !old.isDisconnected()) old.disconnect();
  }

  function connect(sink: (event: NotificationEvent) => void): void {
    ensureAdapted();
    stop();
    const mine = ++generation;
    const live = () => mine === generation;
    const cometd = new CometD(`gws-${browserId}-${mine}`);
    client = cometd;
    cometd.unregisterTransport('websocket');
    const url = new URL(`${config.baseUrl.replace(/\/+$/, '')}/workspace/v3/notifications`);
    const store: Record<string, string> = { BAYEUX_BROWSER: `BAYEUX_BROWSER=${browserId}` };
    for (const [name, value] of config.cookies()) store[name] = `${name}=${value}`;
    const transport = cometd.findTransport('long-polling') as unknown as { context: unknown } | null;
    if (transport) transport.context = { cookieStore: { [url.hostname]: store } };
    cometd.configure({
      url: url.toString(),
      logLevel: 'warn',
      backoffIncrement: 500,
      maxBackoff: 5_000,
      ...(config.apiKey ? { requestHeaders: { 'x-api-key': config.apiKey } } : {}),
    });
    let connected = false;
    let ready = false;
    const lost = (event: NotificationEvent) => {
      if (!live()) return;
      connected = false;
      ready = false;
      sink(event);
    };
    const receive = (message: Message) => {
      if (!live()) return;
      const event = notificationEvent(message);
      if (event) sink(event);
    };
    cometd.addListener('/meta/handshake', (message) => {
      if (!live()) return;
      if (!message.successful) {
        // Refused (GWS lost the workspace session): only a new sign-in helps, so this client stops.
        if (DENIED.test(message.error ?? '') || message.advice?.reconnect === 'none') {
          stop();
          sink({ type: 'cometd.unauthorized', reason: `handshake refused: ${message.error ?? 'no reason'}` });
        }
        return;
      }
      let waiting = CHANNELS.length;
      cometd.batch(() => {
        for (const channel of CHANNELS) {
          // Messages reach the subscription's callback (a listener added beside it got none from our simulator).
          cometd.subscribe(channel, receive, (reply) => {
            if (!live()) return;
            if (!reply.successful) {
              sink({ type: 'gws.invalid', code: 'GWS_SUBSCRIBE_REFUSED', detail: `${channel}: ${reply.error ?? 'refused'}` });
              return;
            }
            if (--waiting === 0) {
              ready = true;
              connected = true;
              sink({ type: 'cometd.connected' });
            }
          });
        }
      });
    });
    cometd.addListener('/meta/connect', (message) => {
      if (!live()) return;
      if (message.successful) {
        if (ready && !connected) {
          connected = true;
          sink({ type: 'cometd.connected' });
        }
        return;
      }
      if ((message.error ?? '').startsWith('402')) lost({ type: 'cometd.unknownSession' });
      else if (message.advice?.reconnect === 'none') lost({ type: 'cometd.unauthorized', reason: `connect: ${message.error ?? 'reconnect none'}` });
      else if (connected) lost({ type: 'cometd.lost', reason: message.error ?? 'connection failed' });
    });
    cometd.addListener('/meta/disconnect', () => {
      // The server ended the session (Genesys' simulator does so to an unauthenticated handshake).
      if (live()) lost({ type: 'cometd.unauthorized', reason: 'server disconnected the CometD session' });
    });
    cometd.handshake();
  }

  return { connect, disconnect: stop };
}
