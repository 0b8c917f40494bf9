/**
 * A page that frames the toolbar cannot send it to a microservice of its choosing (issue 24,
 * item 4): only origins fixed at build time (VITE_GENESYS_ORIGINS) and loopback ones are used.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { startGenesysSimulator, type SimulatorHandle } from '../../src/sim/genesys';
import { useE2eEnvironment } from './support/environment';

const e2e = useE2eEnvironment();
let foreign: SimulatorHandle | undefined;

afterEach(async () => {
  await foreign?.close();
  foreign = undefined;
});

describe('when the framing page names a microservice the build does not allow', () => {
  test('the toolbar shows GENESYS_ORIGIN_REFUSED and never connects, registers or goes available', async () => {
    // 127.0.0.2 is this machine too, but not a loopback name the toolbar allows: a foreign origin.
    const requests: string[] = [];
    foreign = await startGenesysSimulator({ host: '127.0.0.2', port: 0, log: (_level, message) => void requests.push(message) });
    const { toolbar, page } = await e2e.open({ genesys: foreign.url, waitReady: false });
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));

    const refused = toolbar.byTestId('config-refused');
    await refused.waitFor();
    expect(await refused.getAttribute('role')).toBe('alert');
    expect(await refused.textContent()).toContain('GENESYS_ORIGIN_REFUSED');
    expect(await refused.textContent()).toContain(new URL(foreign.url).origin.replace('http:', 'ws:'));
    await page.waitForTimeout(1_000);
    expect(foreign.state().agents).toEqual([]);
    expect(requests.filter((line) => /connected|initialize|register/i.test(line))).toEqual([]);
    expect(sockets).toEqual([]);
    expect(await toolbar.agentState().count()).toBe(0);
  });
});
