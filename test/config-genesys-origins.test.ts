/** The page that frames the toolbar cannot choose the microservice (issue 24, item 4). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, GENESYS_ORIGINS, isAllowedGenesysUrl, parseConfig, UEF_SCRIPT_ORIGINS } from '../src/config';

const MS = ['https://ms.example.com'];
const configOf = (search: string, genesysOrigins: readonly string[] = MS) => parseConfig(search, 'en', false, UEF_SCRIPT_ORIGINS, genesysOrigins);

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('when the framing page names a microservice', () => {
  it('accepts one on an origin fixed at build time, ws(s) and http(s) alike', () => {
    const { config, refusals } = configOf('?genesysWs=wss://ms.example.com/genesysWs&genesysRest=https://ms.example.com/genesys/events');
    expect(config.genesysWs).toBe('wss://ms.example.com/genesysWs');
    expect(config.genesysRest).toBe('https://ms.example.com/genesys/events');
    expect(refusals).toEqual([]);
  });

  it('accepts loopback hosts (the simulators) whatever the list', () => {
    const { config, refusals } = configOf('?genesysWs=ws://127.0.0.1:9/genesysWs&genesysRest=http://localhost:9/genesys/events', []);
    expect(config.genesysWs).toBe('ws://127.0.0.1:9/genesysWs');
    expect(config.genesysRest).toBe('http://localhost:9/genesys/events');
    expect(refusals).toEqual([]);
  });

  it('refuses any other origin with GENESYS_ORIGIN_REFUSED and keeps the default', () => {
    const { config, refusals } = configOf('?genesysWs=wss://attacker.test/ws&genesysRest=https://ms.example.com.attacker.test/rest');
    expect(config.genesysWs).toBe(DEFAULT_CONFIG.genesysWs);
    expect(config.genesysRest).toBe(DEFAULT_CONFIG.genesysRest);
    expect(refusals).toEqual([
      { code: 'GENESYS_ORIGIN_REFUSED', parameter: 'genesysWs', origin: 'wss://attacker.test' },
      { code: 'GENESYS_ORIGIN_REFUSED', parameter: 'genesysRest', origin: 'https://ms.example.com.attacker.test' },
    ]);
  });

  it('refuses a scheme downgrade: an https entry does not allow ws:', () => {
    expect(isAllowedGenesysUrl('ws://ms.example.com/ws', MS)).toBe(false);
    expect(isAllowedGenesysUrl('http://ms.example.com/rest', MS)).toBe(false);
    expect(isAllowedGenesysUrl('wss://ms.example.com:8443/ws', MS)).toBe(false);
    expect(isAllowedGenesysUrl('wss://ms.example.com:8443/ws', ['wss://ms.example.com:8443'])).toBe(true);
  });

  it('reads the origins from VITE_GENESYS_ORIGINS (comma-separated) at build time', async () => {
    vi.stubEnv('VITE_GENESYS_ORIGINS', ' https://ms.example.com , wss://ms2.example.org:8443,');
    vi.resetModules();
    const fresh = await import('../src/config');
    expect(fresh.GENESYS_ORIGINS).toEqual(['https://ms.example.com', 'wss://ms2.example.org:8443']);
    expect(fresh.parseConfig('?genesysWs=wss://ms2.example.org:8443/ws').refusals).toEqual([]);
    expect(fresh.parseConfig('?genesysWs=wss://attacker.test/ws').refusals).toHaveLength(1);
  });

  it('has no origins without VITE_GENESYS_ORIGINS: loopback only', () => {
    expect(GENESYS_ORIGINS).toEqual([]);
    expect(parseConfig('?genesysWs=wss://ms.example.com/ws').refusals).toHaveLength(1);
  });
});
