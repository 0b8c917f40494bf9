/**
 * Single sign-on, the bridge's side, over HTTP against the GWS simulator: /genesys/sso/start → GWS's
 * authorize page (which takes Basic user:password here, where a site's SSO would apply) → the
 * bridge's callback → a page that posts the bridge session to the toolbar's origin only.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { startBridge, type BridgeHandle } from '../../src/bridge';
import { startGwsSimulator, type GwsSimulator } from '../../src/sim/gws';
import { http, ticket } from './support/client';

const TOOLBAR = 'https://fusion.example.com';
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of running.splice(0).reverse()) await item.close();
});

async function bridgeAndGws(): Promise<{ sim: GwsSimulator; bridge: BridgeHandle }> {
  const sim = await startGwsSimulator({ port: 0, mode: 'gws', log: () => undefined });
  running.push(sim);
  const bridge = await startBridge({ gws: sim.url, gwsLogin: 'authorize', port: 0, allowOrigins: [TOOLBAR, '*'], log: () => undefined });
  running.push(bridge);
  return { sim, bridge };
}

const location = (answer: { headers: Record<string, string | string[] | undefined> }): URL => new URL(String(answer.headers['location']));

/** The popup's trip: start → authorize (the agent's credentials) → the callback URL GWS sends it to. */
async function toCallback(bridge: BridgeHandle, user = 'KateLondon', password = 'KateLondon'): Promise<URL> {
  const start = await http(bridge.url, `/genesys/sso/start?origin=${encodeURIComponent(TOOLBAR)}`, { method: 'GET' });
  expect(start.status).toBe(302);
  const authorize = location(start);
  expect(authorize.pathname).toBe('/auth/v3/oauth/authorize');
  expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ response_type: 'code', client_id: 'external_api_client', redirect_uri: `${bridge.url}/genesys/sso/callback` });
  const basic = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const back = await http(authorize.origin, authorize.pathname + authorize.search, { method: 'GET', headers: { Authorization: basic } });
  if (back.status !== 302) return new URL(`${bridge.url}/genesys/sso/callback?error=access_denied&state=${authorize.searchParams.get('state')}`);
  return location(back);
}

function posted(html: string): { message: Record<string, unknown>; origin: string } {
  const call = /window\.opener\.postMessage\((\{.*?\}), ("[^"]*")\)/.exec(html);
  if (!call?.[1] || !call[2]) throw new Error(`no postMessage in ${html}`);
  return { message: JSON.parse(call[1]) as Record<string, unknown>, origin: JSON.parse(call[2]) as string };
}

describe('when the agent signs in with Genesys (single sign-on)', () => {
  test('start → GWS authorize → callback: the page posts {token, agentId, dn, expiresInSec} to the toolbar origin only; the token works', async () => {
    const { bridge } = await bridgeAndGws();
    const callback = await toCallback(bridge);
    expect(callback.origin + callback.pathname).toBe(`${bridge.url}/genesys/sso/callback`);
    const answer = await http(bridge.url, callback.pathname + callback.search, { method: 'GET' });
    expect(answer.status).toBe(200);
    expect(String(answer.headers['content-security-policy'])).toMatch(/^default-src 'none'; script-src 'nonce-[^']+'.*frame-ancestors 'none'$/);
    const { message, origin } = posted(answer.text);
    expect(origin).toBe(TOOLBAR);
    expect(message).toMatchObject({ type: 'genesys.bridgeSession', agentId: '+33298025000', dn: '+33298025000', expiresInSec: 28800 });
    expect(await ticket(bridge.url, String(message['token']))).toMatch(/\./);
    // The callback URL replayed (history, a log): its state is spent, no one is signed in.
    const replay = await http(bridge.url, callback.pathname + callback.search, { method: 'GET' });
    expect(replay.status).toBe(400);
    expect(replay.text).not.toContain('postMessage');
  });

  test('an origin that is not listed explicitly (a * list does not count) gets no round trip', async () => {
    const { bridge } = await bridgeAndGws();
    for (const origin of ['https://evil.example.com', '*', 'https://fusion.example.com/path']) {
      const answer = await http(bridge.url, `/genesys/sso/start?origin=${encodeURIComponent(origin)}`, { method: 'GET' });
      expect(answer.status, origin).toBe(400);
      expect(answer.body['code']).toBe('SSO_INVALID');
    }
  });

  test('GWS refuses the agent, or the state is forged: a coded failure page, no token', async () => {
    const { bridge } = await bridgeAndGws();
    const refused = await toCallback(bridge, 'KateLondon', 'wrong');
    const answer = await http(bridge.url, refused.pathname + refused.search, { method: 'GET' });
    expect(answer.status).toBe(401);
    expect(posted(answer.text)).toEqual({ message: { type: 'genesys.bridgeSession', code: 'SIGN_IN_FAILED', message: 'Genesys did not sign you in' }, origin: TOOLBAR });
    const forged = await http(bridge.url, '/genesys/sso/callback?code=abc&state=k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { method: 'GET' });
    expect(forged.status).toBe(400);
    expect(forged.text).not.toContain('postMessage');
  });
});
