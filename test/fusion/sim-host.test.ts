// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { reverseLookup } from '../../src/sim/fusion/host/contacts';
import { FusionModel } from '../../src/sim/fusion/host/fusion-model';
import { parseHostParams } from '../../src/sim/fusion/host/params';
import { ScenarioClient } from '../../src/sim/fusion/host/scenario';
import { renderCalls, renderStatus, type CallActions } from '../../src/sim/fusion/host/view';

const UEF_PATH = '/src/sim/fusion/uef-client.ts';

describe('host query parameters', () => {
  it('frames the toolbar from the other loopback name and passes the toolbar its settings', () => {
    const p = parseHostParams(new URL('http://127.0.0.1:5173/fusion-host.html?lang=ja&agentId=agent7'), UEF_PATH);
    const frame = new URL(p.toolbarUrl);
    expect(frame.origin).toBe('http://localhost:5173');
    expect(frame.pathname).toBe('/index.html');
    expect(p.toolbarOrigin).toBe('http://localhost:5173');
    expect(Object.fromEntries(frame.searchParams)).toEqual({
      genesysWs: 'ws://127.0.0.1:8087/genesysWs?agent=agent7',
      genesysRest: 'http://127.0.0.1:8087/genesys/events',
      lang: 'ja',
      agentId: 'agent7',
      uefScript: 'http://127.0.0.1:5173/src/sim/fusion/uef-client.ts',
    });
    expect(p.warnings).toEqual([]);
  });

  it('swaps localhost to 127.0.0.1, and honours toolbar, genesys and behaviour parameters', () => {
    expect(parseHostParams(new URL('http://localhost:4000/fusion-host.html'), UEF_PATH).toolbarOrigin).toBe('http://127.0.0.1:4000');
    const p = parseHostParams(
      new URL(
        'http://localhost:4000/fusion-host.html?toolbar=http://127.0.0.1:9999/tb.html?x=1&genesys=https://sim.test:8443/&publishMode=slow&slowMs=250&plainResponses=1&rewriteEventId=false&affects=newCommEvent,startCommEvent',
      ),
      '/sim/uef-client.js',
    );
    const frame = new URL(p.toolbarUrl);
    expect(frame.origin + frame.pathname).toBe('http://127.0.0.1:9999/tb.html');
    expect(frame.searchParams.get('x')).toBe('1');
    expect(frame.searchParams.get('genesysWs')).toBe('wss://sim.test:8443/genesysWs');
    expect(frame.searchParams.get('uefScript')).toBe('http://localhost:4000/sim/uef-client.js');
    expect(p.genesys).toBe('https://sim.test:8443');
    expect(p.behaviour).toEqual({
      publishMode: 'slow',
      slowMs: 250,
      plainResponses: true,
      rewriteEventId: false,
      affects: ['newCommEvent', 'startCommEvent'],
    });
  });

  it('warns about bad values and keeps defaults', () => {
    const p = parseHostParams(new URL('http://127.0.0.1:5173/fusion-host.html?toolbar=javascript:alert(1)&publishMode=fast&slowMs=-1'), UEF_PATH);
    expect(p.toolbarOrigin).toBe('http://localhost:5173');
    expect(p.warnings).toHaveLength(3);
  });
});

describe('reverse lookup', () => {
  it('matches on digits, and on the last ten digits', () => {
    expect(reverseLookup('+1 (555) 123-0000')?.lastName).toBe('Lovelace');
    expect(reverseLookup('5559870000')?.firstName).toBe('Grace');
    expect(reverseLookup('+15550009999')).toBeUndefined();
    expect(reverseLookup('12')).toBeUndefined();
  });
});

describe('Fusion model', () => {
  it('rejects publishes Fusion would refuse', () => {
    const model = new FusionModel('a1', 'tb');
    expect(model.publish('readyForOperation', {}, {}, false)).toMatchObject({ ok: false, message: 'SVCMCA_ERR_UNKNOWN_METHOD: readyForOperation' });
    expect(model.publish('newCommEvent', { eventId: 'e1' }, { SVCMCA_ANI: '+1555' }, false)).toMatchObject({
      ok: false,
      message: 'App Classification missing in payload',
    });
    expect(model.publish('closeCommEvent', { eventId: 'e1', reason: 'BYE' }, {}, false)).toMatchObject({ ok: false });
    expect(model.publish('getConfigurationOperation', { configType: 'ALL' }, {}, false)).toMatchObject({ ok: false });
  });

  it('keeps only the last ten closed engagements', () => {
    const model = new FusionModel('a1', 'tb');
    for (let i = 0; i < 25; i++) {
      model.publish('newCommEvent', { eventId: `e${i}`, appClassification: 'ORA_SERVICE' }, { SVCMCA_ANI: '+1555' }, false);
      model.publish('closeCommEvent', { eventId: `e${i}`, appClassification: 'ORA_SERVICE', reason: 'ABANDONED' }, {}, false);
    }
    expect(model.state.engagements).toHaveLength(10);
  });
});

describe('host view', () => {
  const actions: CallActions = {
    answer: vi.fn(),
    decline: vi.fn(),
    end: vi.fn(),
    saveWrapup: vi.fn(),
    makeAvailable: vi.fn(),
    makeUnavailable: vi.fn(),
  };

  it('renders call data as text only, with test ids and accessible names', () => {
    const model = new FusionModel('a1', 'tb');
    const ani = '<img src=x onerror=alert(1)>';
    model.publish('newCommEvent', { eventId: 'e1', appClassification: 'ORA_SERVICE' }, { SVCMCA_ANI: ani }, false);
    model.publish('newCommEvent', { eventId: 'e2', appClassification: 'ORA_SERVICE' }, { SVCMCA_ANI: '+15551230000' }, false);
    model.publish('startCommEvent', { eventId: 'e2', appClassification: 'ORA_SERVICE' }, { SVCMCA_CONTACT_NAME: '<b>Ada</b>' }, false);
    const root = document.createElement('div');
    renderCalls(root, model.state, actions);
    expect(root.querySelector('img, b')).toBeNull();
    const dialog = root.querySelector('[data-testid="offer-dialog"]');
    expect(dialog?.getAttribute('role')).toBe('dialog');
    expect(dialog?.querySelector('[data-testid="offer-number"]')?.textContent).toBe(ani);
    expect(dialog?.querySelector('[data-testid="offer-contact"]')?.textContent).toBe('No matching contact');
    (dialog?.querySelector('[data-testid="offer-answer"]') as HTMLButtonElement).click();
    expect(actions.answer).toHaveBeenCalledWith('e1');
    const panel = root.querySelector('[data-testid="engagement-panel"]');
    expect(panel?.querySelector('[data-testid="engagement-contact"]')?.textContent).toBe('<b>Ada</b>');
    expect(panel?.querySelector('[data-testid="engagement-end"]')?.getAttribute('aria-label')).toBe('End call with <b>Ada</b>');
  });

  it('shows the toolbar and agent state', () => {
    const model = new FusionModel('a1', 'tb');
    model.connect('GenesysToolbar');
    model.publish('readyForOperationOperation', { readiness: true }, {}, false);
    model.publish('agentStateEventOperation', { state: 'AVAILABLE', stateDisplayString: '受付可', isAvailable: true, isLoggedIn: true }, {}, false);
    const root = document.createElement('div');
    renderStatus(root, model.state, actions);
    expect(root.querySelector('[data-testid="toolbar-status"]')?.getAttribute('data-ready')).toBe('true');
    expect(root.querySelector('[data-testid="agent-state"]')?.textContent).toBe('Agent: 受付可');
    expect(root.querySelector('[data-testid="agent-state"]')?.getAttribute('data-state')).toBe('AVAILABLE');
  });
});

describe('scenario client', () => {
  it('posts ring with the typed ANI, and acts on the latest call in the right status', async () => {
    const requests: { url: string; body: unknown }[] = [];
    const fetchImpl = async (url: string, init?: RequestInit): Promise<Response> => {
      requests.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (url.endsWith('/sim/state')) {
        return Response.json({
          calls: [
            { connectionId: 'c1', status: 'ringing', agent: 'a1' },
            { connectionId: 'c2', status: 'established', agent: 'a1' },
            { connectionId: 'c3', status: 'ringing', agent: 'other' },
            { connectionId: 'c4', status: 'released', agent: 'a1' },
          ],
        });
      }
      return Response.json({ status: 'Success' });
    };
    const client = new ScenarioClient('http://sim.test', 'a1', fetchImpl);
    expect((await client.ring('+15551230000', 'Sales')).text).toBe('ring: 200 OK');
    await client.callerHangup();
    await client.softphoneAnswer();
    expect((await client.remoteAnswer()).text).toBe('remoteAnswer: no call that is dialing');
    await client.failNext();
    expect(requests.filter((r) => !r.url.endsWith('/sim/state'))).toEqual([
      { url: 'http://sim.test/sim/ring', body: { agent: 'a1', ani: '+15551230000', queue: 'Sales' } },
      { url: 'http://sim.test/sim/callerHangup', body: { agent: 'a1', connectionId: 'c2' } },
      { url: 'http://sim.test/sim/softphoneAnswer', body: { agent: 'a1', connectionId: 'c1' } },
      { url: 'http://sim.test/sim/failNext', body: { agent: 'a1', status: 500 } },
    ]);
  });

  it('reports an unreachable simulator in one line', async () => {
    const client = new ScenarioClient('http://sim.test', '', async () => Promise.reject(new TypeError('Failed to fetch')));
    expect((await client.dropSocket()).text).toBe('dropSocket: Failed to fetch (is the Genesys simulator running at http://sim.test?)');
  });
});
