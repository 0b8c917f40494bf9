/**
 * The start-up sequence of protocol.md 1.0: connect, subscribe once each (each isolated, since
 * onOutgoingEvent throws without an appClassification), getConfiguration, readyForOperation.
 */
import { onAgentCommand, onDataUpdated, onInteractionCommand, onOutgoingEvent } from './commands';
import { asRequest, connect, emit, InitTimeout, publishWith, type Connected, type Session } from './session';
import type { UefEventName, UefGetConfigurationRequest, UefReadyForOperationRequest } from './uef.types';
import { describeError } from './responses';

export const APP_CLASSIFICATION = 'ORA_SERVICE';

type Handler = (session: Session, response: unknown) => unknown;

const SUBSCRIPTIONS: readonly { event: UefEventName; classified: boolean; handler: Handler }[] = [
  { event: 'onToolbarInteractionCommand', classified: false, handler: onInteractionCommand },
  { event: 'onToolbarAgentCommand', classified: false, handler: onAgentCommand },
  { event: 'onOutgoingEvent', classified: true, handler: onOutgoingEvent },
  { event: 'onDataUpdated', classified: true, handler: onDataUpdated },
];

function subscribeAll(session: Session, conn: Connected): void {
  const { log } = session.options;
  for (const { event, classified, handler } of SUBSCRIPTIONS) {
    try {
      const request = conn.provider.requestHelper.createSubscriptionRequest(event);
      if (classified) {
        if (typeof request.setAppClassification !== 'function') throw new Error('request has no setAppClassification');
        request.setAppClassification(APP_CLASSIFICATION);
      }
      conn.phone.subscribe(request, (response) => {
        try {
          return handler(session, response);
        } catch (error) {
          // A bug here must not surface inside UEF's dispatcher.
          log('error', `fusion: ${event} handler failed: ${describeError(error)}`);
          return Promise.reject(error instanceof Error ? error : new Error(describeError(error)));
        }
      });
      session.tracer?.trace({ uef: 'subscribe', event, ok: true });
    } catch (error) {
      session.tracer?.trace({ uef: 'subscribe', event, ok: false, message: describeError(error) });
      log('error', `fusion: subscribe ${event} failed: ${describeError(error)}`);
    }
  }
}

/** Runs once per session; resolves with the contexts, or null after `fusion.failed`. */
export async function startUp(session: Session): Promise<Connected | null> {
  const { log } = session.options;
  let conn: Connected;
  try {
    conn = await connect(session);
  } catch (error) {
    const code = error instanceof InitTimeout ? 'UEF_INIT_TIMEOUT' : 'UEF_INIT_FAILED';
    const message = describeError(error);
    log('error', `fusion: start-up failed (${code}): ${message}`);
    session.status = 'failed';
    session.failure = { code, message };
    emit(session, { type: 'fusion.failed', code, message });
    return null;
  }
  subscribeAll(session, conn);
  await publishWith(session, conn, 'getConfigurationOperation', undefined, (request) => {
    asRequest<UefGetConfigurationRequest>(request, 'getConfigurationOperation', ['setConfigType']).setConfigType('TOOLBAR');
  }, undefined, { configType: 'TOOLBAR' });
  await publishWith(session, conn, 'readyForOperationOperation', undefined, (request) => {
    asRequest<UefReadyForOperationRequest>(request, 'readyForOperationOperation', ['setReadiness']).setReadiness(true);
  }, undefined, { readiness: true });
  session.status = 'ready';
  session.connected = conn;
  log('info', 'fusion: ready');
  emit(session, { type: 'fusion.ready' });
  return conn;
}
