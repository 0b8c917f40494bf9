import { describe, expect, test } from 'vitest';
import { command, connect, http } from './support/client';
import { startFakeBridge } from './support/harness';

/** One sample of a Prometheus text exposition, or undefined. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((row) => row.startsWith(`${name}${labels === '' ? ' ' : `{${labels}} `}`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('when an operator or a load balancer asks how the bridge is', () => {
  test('GET /healthz answers 200 whatever GWS does, without a token', async () => {
    const { url } = await startFakeBridge({ probeGws: async () => false });
    const answer = await http(url, '/healthz', { method: 'GET' });
    expect([answer.status, answer.body['status']]).toEqual([200, 'up']);
  });

  test('GET /readyz is 200 with the sessions online while GWS answers, 503 GWS_UNREACHABLE when it does not', async () => {
    let up = true;
    let probes = 0;
    const { url } = await startFakeBridge({ probeGws: async () => (probes++, up) });
    await connect(url, 'bob', 'bob-pw');
    const ready = await http(url, '/readyz', { method: 'GET' });
    expect([ready.status, ready.body]).toEqual([200, { status: 'ready', gws: 'reachable', sessionsOnline: 1 }]);
    up = false;
    // Cached a few seconds: a load balancer polling often costs GWS one probe.
    expect((await http(url, '/readyz', { method: 'GET' })).status).toBe(200);
    expect(probes).toBe(1);
    const { url: other } = await startFakeBridge({ probeGws: async () => false });
    const down = await http(other, '/readyz', { method: 'GET' });
    expect([down.status, down.body['code'], down.body['gws']]).toEqual([503, 'GWS_UNREACHABLE', 'unreachable']);
  });

});

describe('when Prometheus scrapes GET /metrics', () => {
  test('sessions by state, commands by type and outcome, refusals by code, each bridge its own registry', async () => {
    const { url, gws } = await startFakeBridge();
    const { url: other } = await startFakeBridge();
    const alice = await connect(url, 'tenant\\alice', 'alice-pw');
    await connect(url, 'bob', 'bob-pw');
    gws.ring('1001', 'a-call');
    await alice.socket.next('EventRinging');
    expect((await command(url, alice.session.token, { type: 'Accept', connectionId: 'a-call' })).status).toBe(200);
    expect((await command(url, alice.session.token, { type: 'Hangup', connectionId: 'not-hers' })).status).toBe(403);
    await command(url, alice.session.token, { type: 'Frobnicate' });
    expect((await command(url, 'x'.repeat(43), { type: 'Ready' })).status).toBe(401);
    gws.sessions[1]?.endFromGws();
    const scrape = await http(url, '/metrics', { method: 'GET' });
    expect(scrape.status).toBe(200);
    expect(String(scrape.headers['content-type'])).toContain('text/plain');
    expect(sample(scrape.text, 'bridge_sessions', 'state="online"')).toBe(1);
    expect(sample(scrape.text, 'bridge_sessions', 'state="signedOut"')).toBe(1);
    expect(sample(scrape.text, 'bridge_sockets')).toBe(2);
    expect(sample(scrape.text, 'bridge_commands_total', 'type="accept",outcome="accepted"')).toBe(1);
    expect(sample(scrape.text, 'bridge_commands_total', 'type="hangup",outcome="NOT_YOUR_CALL"')).toBe(1);
    expect(sample(scrape.text, 'bridge_refusals_total', 'code="SESSION_INVALID"')).toBe(1);
    expect(scrape.text).toMatch(/bridge_commands_total\{type="other",outcome="\w+"\} 1/);
    expect(scrape.text).toContain('bridge_notification_to_frame_seconds_bucket');
    expect(scrape.text).toContain('bridge_process_cpu_seconds_total');
    const untouched = await http(other, '/metrics', { method: 'GET' });
    expect(sample(untouched.text, 'bridge_commands_total', 'type="accept",outcome="accepted"')).toBeUndefined();
    expect(sample(untouched.text, 'bridge_sessions', 'state="online"')).toBe(0);
  });
});
