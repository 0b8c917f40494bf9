// @vitest-environment node
/** `npm run sim` flags: the simulator's bounds are flags too, with the same defaults as the options. */
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/sim/genesys/cli-args';

describe('npm run sim flags', () => {
  it('gives no bound options by default (the simulator keeps its defaults)', () => {
    expect(parseCli([])).toEqual({ ok: true, options: { host: '127.0.0.1', port: 8087 } });
  });

  it('passes host names, calls per agent and the header/request timeouts through', () => {
    expect(parseCli(['--hosts', 'sim.test, toolbar.test', '--max-calls', '5', '--headers-timeout', '300', '--request-timeout', '600'])).toEqual({
      ok: true,
      options: { host: '127.0.0.1', port: 8087, allowedHosts: ['sim.test', 'toolbar.test'], maxCallsPerAgent: 5, headersTimeoutMs: 300, requestTimeoutMs: 600 },
    });
    expect(parseCli(['--hosts', '*'])).toMatchObject({ ok: true, options: { allowedHosts: ['*'] } });
  });

  it.each([
    [['--max-calls', '0'], '--max-calls'],
    [['--max-calls', '2.5'], '--max-calls'],
    [['--headers-timeout', 'soon'], '--headers-timeout'],
    [['--headers-timeout', '20000'], 'must not exceed'],
    [['--request-timeout', '1000'], 'must not exceed'],
    [['--port', '70000'], '--port'],
    [['--nope'], 'nope'],
  ])('refuses %j', (argv, said) => {
    const parsed = parseCli(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(said);
  });
});

describe('npm run sim flags for agents and sockets', () => {
  it('passes the agent and socket caps and the idle expiry through', () => {
    expect(parseCli(['--max-agents', '10', '--max-sockets', '20', '--max-sockets-per-agent', '2', '--agent-idle', '60000'])).toEqual({
      ok: true,
      options: { host: '127.0.0.1', port: 8087, maxAgents: 10, maxSockets: 20, maxSocketsPerAgent: 2, agentIdleMs: 60000 },
    });
  });

  it.each([
    [['--max-agents', '0'], '--max-agents'],
    [['--max-sockets', 'many'], '--max-sockets'],
    [['--max-sockets-per-agent', '-1'], '--max-sockets-per-agent'],
    [['--agent-idle', '1.5'], '--agent-idle'],
  ])('refuses %j', (argv, said) => {
    const parsed = parseCli(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(said);
  });
});
