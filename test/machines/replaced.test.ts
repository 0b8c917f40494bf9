/** The connection region when another toolbar of the agent took the socket (close 4000/4004), through the driver. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createDriver, keyOf, type Driver } from '../support/driver';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const REPLACED = { type: 'genesys.replaced', code: 4004, reason: 'another session of the agent took over' } as const;
const DOWN = { type: 'genesys.disconnected', attempt: 1, retryInMs: 500, reason: 'closed' } as const;

/** Logged in with one connected call. */
function onACall(): Driver {
  return createDriver().login().ring('c1').established('c1');
}

describe('when another toolbar of the agent takes the socket', () => {
  test('the toolbar is offline in connection.replaced, with no countdown', () => {
    const d = onACall().genesys(REPLACED);
    d.expectState('connection.replaced');
    expect(d.snapshot().context.online).toBe(false);
    expect(d.snapshot().context.reconnect).toBeNull();
  });

  test('the call stays on the toolbar and in its phase; nothing is sent to Genesys', () => {
    const d = onACall();
    const sent = d.genesysCommands.length;
    d.genesys(REPLACED);
    expect(Object.keys(d.snapshot().context.calls)).toEqual([keyOf('c1')]);
    d.expectState('call.established');
    expect(d.genesysCommands.slice(sent)).toEqual([]);
  });

  test('Fusion hears what it hears on a plain disconnect: nothing closed, the agent state the same', () => {
    const replaced = onACall();
    const down = onACall();
    const [r, k] = [replaced.fusionCommands.length, down.fusionCommands.length];
    replaced.genesys(REPLACED);
    down.genesys(DOWN);
    expect(replaced.fusionCommands.slice(r)).toEqual(down.fusionCommands.slice(k));
    expect(replaced.fusionOf('fusion.cmd.closeComm')).toEqual([]);
    expect(replaced.snapshot().value.agent).toEqual(down.snapshot().value.agent);
  });

  test('the call buttons are refused as offline', () => {
    const d = onACall().genesys(REPLACED);
    const sent = d.genesysCommands.length;
    d.hangUp('c1');
    expect(d.snapshot().context.notices.at(-1)?.code).toBe('OFFLINE');
    expect(d.genesysCommands.slice(sent)).toEqual([]);
  });
});

describe('when replaced, Use here', () => {
  test('asks the adapter for a new socket; connected registers and resyncs as after any reconnect', () => {
    const d = onACall().genesys(REPLACED);
    d.send({ type: 'connection.useHere' });
    d.expectState('connection.connecting');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.reconnect' });
    d.genesys({ type: 'genesys.connected' });
    d.expectState('connection.open.linked');
    expect(d.snapshot().context.online).toBe(true);
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.register' });
    d.genesys({ type: 'genesys.registered' });
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.snapshot' });
    expect(Object.keys(d.snapshot().context.calls)).toEqual([keyOf('c1')]);
  });

  test('is nothing while the socket is open', () => {
    const d = createDriver().login();
    const sent = d.genesysCommands.length;
    d.send({ type: 'connection.useHere' });
    d.expectState('connection.open.linked');
    expect(d.genesysCommands.slice(sent)).toEqual([]);
  });

  test('a refused token on the way (auth=bridge) leads to the sign-in form', () => {
    const d = createDriver({ config: { auth: 'bridge' } }).genesys({ type: 'genesys.signedIn', agentId: 'a', dn: 'd' }).login().genesys(REPLACED);
    d.genesys({ type: 'genesys.authRequired', code: 'SESSION_INVALID' });
    d.expectState('connection.signedOut').expectState('signIn.required');
  });
});
