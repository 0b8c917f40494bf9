import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_UEF_SCRIPT,
  isAllowedUefScript,
  ORACLE_CDN_ORIGIN,
  originOf,
  parseConfig,
  UEF_SCRIPT_ORIGINS,
} from '../src/config';

const ORACLE_ONLY = [ORACLE_CDN_ORIGIN];
const uefScriptOf = (search: string, origins: readonly string[] = ORACLE_ONLY) => parseConfig(search, 'en', false, origins);

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('parseConfig: uefScript and its allow-list', () => {
  it("defaults to Oracle's CDN client, whose origin is the first allowed one", () => {
    expect(ORACLE_CDN_ORIGIN).toBe('https://static.oracle.com');
    expect(UEF_SCRIPT_ORIGINS[0]).toBe(ORACLE_CDN_ORIGIN);
    expect(parseConfig('')).toEqual({ config: expect.objectContaining({ uefScript: DEFAULT_UEF_SCRIPT }), warnings: [], refusals: [] });
  });

  it("accepts another script on Oracle's CDN", () => {
    const url = 'https://static.oracle.com/cdn/ui-events-framework/libs/v2/ui-events-framework-client.js';
    expect(uefScriptOf(`?uefScript=${encodeURIComponent(url)}`)).toEqual({ config: expect.objectContaining({ uefScript: url }), warnings: [], refusals: [] });
  });

  it.each([
    'http://localhost:5173/src/sim/fusion/uef-client.ts',
    'https://localhost/uef.js',
    'http://127.0.0.1:4000/sim/uef-client.js',
    'http://[::1]:4000/sim/uef-client.js',
  ])('accepts a loopback host on any port: %s', (url) => {
    const { config, warnings } = uefScriptOf(`?uefScript=${encodeURIComponent(url)}`);
    expect(warnings).toEqual([]);
    expect(config.uefScript).toBe(url);
  });

  it.each([
    'https://attacker.test/uef.js',
    'http://static.oracle.com/cdn/ui-events-framework/libs/ui-events-framework-client.js',
    'https://static.oracle.com:8443/uef.js',
    'https://static.oracle.com.attacker.test/uef.js',
    'https://evil.static.oracle.com/uef.js',
    'https://localhost.attacker.test/uef.js',
    'https://127.0.0.2/uef.js',
  ])('refuses %s with a warning and keeps the default', (url) => {
    const { config, warnings } = uefScriptOf(`?uefScript=${encodeURIComponent(url)}`);
    expect(config.uefScript).toBe(DEFAULT_UEF_SCRIPT);
    expect(warnings).toEqual([
      `uefScript: "${url}" is not from an allowed origin (https://static.oracle.com, loopback hosts); using the default`,
    ]);
  });

  it('still refuses what is no http(s) URL', () => {
    const { config, warnings } = uefScriptOf('?uefScript=javascript:alert(1)');
    expect(config.uefScript).toBe(DEFAULT_UEF_SCRIPT);
    expect(warnings).toEqual(['uefScript: "javascript:alert(1)" is not a http: or https: URL; using the default']);
  });

  it('accepts the origins passed in (the build adds them), normalised', () => {
    const origins = [ORACLE_CDN_ORIGIN, 'https://CDN.Example.com/', 'https://uef.example.org:8443'];
    expect(uefScriptOf('?uefScript=https://cdn.example.com/uef/client.js', origins).config.uefScript).toBe('https://cdn.example.com/uef/client.js');
    expect(uefScriptOf('?uefScript=https://uef.example.org:8443/client.js', origins).config.uefScript).toBe('https://uef.example.org:8443/client.js');
    expect(uefScriptOf('?uefScript=https://uef.example.org/client.js', origins).config.uefScript).toBe(DEFAULT_UEF_SCRIPT);
  });

  it('ignores, with a warning, allow-list entries that are not origins', () => {
    const origins = [ORACLE_CDN_ORIGIN, 'https://cdn.example.com/libs/', 'cdn.example.com', 'ftp://cdn.example.com'];
    const { config, warnings } = uefScriptOf('?uefScript=https://cdn.example.com/libs/uef.js', origins);
    expect(config.uefScript).toBe(DEFAULT_UEF_SCRIPT);
    expect(warnings).toEqual([
      'UEF script origins: "https://cdn.example.com/libs/" is not an http(s) origin; ignored',
      'UEF script origins: "cdn.example.com" is not an http(s) origin; ignored',
      'UEF script origins: "ftp://cdn.example.com" is not an http(s) origin; ignored',
      'uefScript: "https://cdn.example.com/libs/uef.js" is not from an allowed origin (https://static.oracle.com, loopback hosts); using the default',
    ]);
  });

  it('reads extra origins from VITE_UEF_SCRIPT_ORIGINS (comma-separated) at build time', async () => {
    vi.stubEnv('VITE_UEF_SCRIPT_ORIGINS', ' https://cdn.example.com , https://uef.example.org:8443,');
    vi.resetModules();
    const fresh = await import('../src/config');
    expect(fresh.UEF_SCRIPT_ORIGINS).toEqual(['https://static.oracle.com', 'https://cdn.example.com', 'https://uef.example.org:8443']);
    expect(fresh.parseConfig('?uefScript=https://cdn.example.com/uef.js').config.uefScript).toBe('https://cdn.example.com/uef.js');
    expect(fresh.parseConfig('?uefScript=https://attacker.test/uef.js').config.uefScript).toBe(DEFAULT_UEF_SCRIPT);
  });
});

describe('originOf and isAllowedUefScript', () => {
  it('normalises an origin and rejects paths, credentials and other schemes', () => {
    expect(originOf('https://Static.Oracle.com/')).toBe('https://static.oracle.com');
    expect(originOf('https://cdn.example.com:443')).toBe('https://cdn.example.com');
    expect(originOf('https://cdn.example.com/path')).toBeUndefined();
    expect(originOf('https://user@cdn.example.com')).toBeUndefined();
    expect(originOf('ws://cdn.example.com')).toBeUndefined();
    expect(originOf('*')).toBeUndefined();
  });

  it('allows loopback hosts whatever the list, and nothing but http(s)', () => {
    expect(isAllowedUefScript('http://localhost:1/x.js', [])).toBe(true);
    expect(isAllowedUefScript(DEFAULT_UEF_SCRIPT, [])).toBe(false);
    expect(isAllowedUefScript('file:///etc/uef.js', ['file://'])).toBe(false);
    expect(isAllowedUefScript('blob:https://static.oracle.com/1234', ORACLE_ONLY)).toBe(false);
  });
});

describe('parseConfig: the other parameters', () => {
  it('takes valid values and falls back, with a warning, on invalid ones', () => {
    const { config, warnings } = parseConfig('?genesysWs=wss://ms.example.com/ws&genesysRest=ftp://x&lang=ja&ringCeilingSec=3&inspect', 'en', false, UEF_SCRIPT_ORIGINS, ['https://ms.example.com']);
    expect(config.genesysWs).toBe('wss://ms.example.com/ws');
    expect(config.genesysRest).toBe('http://localhost:8087/genesys/events');
    expect(config.lang).toBe('ja');
    expect(config.inspect).toBe(false);
    expect(config.ringCeilingMs).toBe(60_000);
    expect(warnings).toHaveLength(2);
  });
});

describe('parseConfig: capabilities, after-call work and reasons', () => {
  it('defaults to the full profile, wrap-up on for 120 s, the default reasons and WRAPUP on transfer', () => {
    const { config, warnings } = parseConfig('');
    expect(warnings).toEqual([]);
    expect(config.profile).toBe('full');
    expect(config.capabilities).toContain('agentEvents');
    expect(config.capabilities).toContain('consult');
    expect([config.afterCallWork, config.wrapUpLimitMs, config.transferCloseReason]).toEqual([true, 120_000, 'WRAPUP']);
    expect(config.notReadyReasons.map((r) => r.code)).toEqual(['Break', 'Lunch', 'Training', 'Meeting']);
  });

  it('profile=tutorial offers only calls in and out; capabilities= overrides any profile', () => {
    expect(parseConfig('?profile=tutorial').config.capabilities).toEqual(['outbound']);
    expect(parseConfig('?profile=tutorial&capabilities=hold,outbound,hold').config.capabilities).toEqual(['hold', 'outbound']);
    expect(parseConfig('?capabilities=').config.capabilities).toEqual([]);
    const bad = parseConfig('?profile=lite&capabilities=hold,teleport');
    expect(bad.config.profile).toBe('full');
    expect(bad.config.capabilities).toEqual(['hold']);
    expect(bad.warnings).toHaveLength(2);
  });

  it('reads code|English|日本語 reasons, defaulting missing words, refusing junk', () => {
    const { config, warnings } = parseConfig(`?reasons=${encodeURIComponent('COACH|Coaching|コーチング,BIO,COACH|again,|x')}`);
    expect(config.notReadyReasons).toEqual([
      { code: 'COACH', label: { en: 'Coaching', ja: 'コーチング' } },
      { code: 'BIO', label: { en: 'BIO', ja: 'BIO' } },
    ]);
    expect(warnings).toHaveLength(2);
    expect(parseConfig('?reasons=,,').config.notReadyReasons.map((r) => r.code)).toEqual(['Break', 'Lunch', 'Training', 'Meeting']);
  });

  it('wrapUp=off, wrapUpSec within 5-3600, transferCloseReason WRAPUP or ENDCOMMUNICATION', () => {
    const { config } = parseConfig('?wrapUp=off&wrapUpSec=30&transferCloseReason=ENDCOMMUNICATION');
    expect([config.afterCallWork, config.wrapUpLimitMs, config.transferCloseReason]).toEqual([false, 30_000, 'ENDCOMMUNICATION']);
    const bad = parseConfig('?wrapUp=maybe&wrapUpSec=2&transferCloseReason=REJECT');
    expect([bad.config.afterCallWork, bad.config.wrapUpLimitMs, bad.config.transferCloseReason]).toEqual([true, 120_000, 'WRAPUP']);
    expect(bad.warnings).toHaveLength(3);
  });

  it('names every new REST type configurable as type.*', () => {
    const { config } = parseConfig('?type.singleStepTransfer=BlindTransfer&type.sendDtmf=Dtmf');
    expect(config.commandTypes).toMatchObject({ singleStepTransfer: 'BlindTransfer', sendDtmf: 'Dtmf', initiateTransfer: 'InitiateTransfer', alternateCall: 'AlternateCall' });
  });
});

describe('auth (the bridge sign-in)', () => {
  it('is none by default: nothing changes for a microservice without sign-in', () => {
    const { config, warnings } = parseConfig('');
    expect(config.auth).toBe('none');
    expect(warnings).toEqual([]);
  });

  it('auth=bridge: the sign-in and ticket URLs are on the origin of genesysRest', () => {
    // The bridge's origin must be one the build allows (VITE_GENESYS_ORIGINS), as every microservice origin.
    const { config } = parseConfig('?auth=bridge&genesysRest=https://bridge.example.com:8443/x/genesys/events', 'en', false, undefined, ['https://bridge.example.com:8443']);
    expect([config.auth, config.sessionUrl, config.ticketUrl]).toEqual(['bridge', 'https://bridge.example.com:8443/genesys/session', 'https://bridge.example.com:8443/genesys/ticket']);
  });

  it('anything else is refused with a warning', () => {
    const { config, warnings } = parseConfig('?auth=oauth');
    expect(config.auth).toBe('none');
    expect(warnings).toEqual(['auth: "oauth" is not none or bridge; using none']);
  });
});
