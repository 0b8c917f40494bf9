/**
 * The toolbar's configuration: defaults overridden by the page's query parameters.
 * The only module that reads `location`; everything else receives a `ToolbarConfig`.
 */

export type Lang = 'ja' | 'en';

/** REST `type` strings; the docs and the public mock differ in case (protocol.md 3.3). */
export interface CommandTypeNames {
  register: string;
  accept: string;
  reject: string;
  hangup: string;
  makeCall: string;
  hold: string;
  retrieve: string;
  ready: string;
  notReady: string;
  logout: string;
}

export interface ToolbarConfig {
  genesysWs: string;
  genesysRest: string;
  uefScript: string;
  agentId: string;
  dn: string;
  lang: Lang;
  inspect: boolean;
  /** [INFER] EventRegistered means "logged in and ready" (seed) unless false: then not ready. */
  readyOnRegister: boolean;
  /** Toolbar's own ring ceiling in ms; past it the offer closes with TIMEOUT. */
  ringCeilingMs: number;
  commandTypes: CommandTypeNames;
}

export const DEFAULT_UEF_SCRIPT =
  'https://static.oracle.com/cdn/ui-events-framework/libs/ui-events-framework-client.js';

export const DEFAULT_COMMAND_TYPES: CommandTypeNames = {
  register: 'initialize',
  accept: 'Accept',
  reject: 'Reject',
  hangup: 'Hangup',
  makeCall: 'MakeCall',
  hold: 'Hold',
  retrieve: 'Retrieve',
  ready: 'Ready',
  notReady: 'NotReady',
  logout: 'Logout',
};

export const DEFAULT_CONFIG: ToolbarConfig = {
  genesysWs: 'ws://localhost:8087/genesysWs',
  genesysRest: 'http://localhost:8087/genesys/events',
  uefScript: DEFAULT_UEF_SCRIPT,
  agentId: '',
  dn: '',
  lang: 'en',
  inspect: false,
  readyOnRegister: true,
  ringCeilingMs: 60_000,
  commandTypes: DEFAULT_COMMAND_TYPES,
};

export interface ConfigResult {
  config: ToolbarConfig;
  /** Parameters that were present but invalid, and were replaced by their default. */
  warnings: string[];
}

function parseUrl(raw: string | null, protocols: string[], name: string, warnings: string[]): string | undefined {
  if (raw === null) return undefined;
  try {
    const url = new URL(raw);
    if (protocols.includes(url.protocol)) return url.toString();
  } catch {
    // fall through to the warning
  }
  warnings.push(`${name}: "${raw}" is not a ${protocols.join(' or ')} URL; using the default`);
  return undefined;
}

function pickLang(raw: string | null, browserLanguage: string): Lang {
  const source = (raw ?? browserLanguage).toLowerCase();
  return source.startsWith('ja') ? 'ja' : 'en';
}

/** Parse a query string (`?genesysWs=…&lang=ja`) into a validated configuration. */
export function parseConfig(search: string, browserLanguage = 'en', isDev = false): ConfigResult {
  const params = new URLSearchParams(search);
  const warnings: string[] = [];
  const commandTypes = { ...DEFAULT_COMMAND_TYPES };
  for (const key of Object.keys(commandTypes) as (keyof CommandTypeNames)[]) {
    const override = params.get(`type.${key}`);
    if (override) commandTypes[key] = override;
  }
  const ring = params.get('ringCeilingSec');
  const ringSec = ring === null ? NaN : Number(ring);
  if (ring !== null && !(ringSec >= 5 && ringSec <= 600)) warnings.push(`ringCeilingSec: "${ring}" must be 5-600`);
  const config: ToolbarConfig = {
    genesysWs: parseUrl(params.get('genesysWs'), ['ws:', 'wss:'], 'genesysWs', warnings) ?? DEFAULT_CONFIG.genesysWs,
    genesysRest:
      parseUrl(params.get('genesysRest'), ['http:', 'https:'], 'genesysRest', warnings) ?? DEFAULT_CONFIG.genesysRest,
    uefScript: parseUrl(params.get('uefScript'), ['http:', 'https:'], 'uefScript', warnings) ?? DEFAULT_CONFIG.uefScript,
    agentId: params.get('agentId') ?? '',
    dn: params.get('dn') ?? '',
    lang: pickLang(params.get('lang'), browserLanguage),
    inspect: isDev && params.has('inspect'),
    readyOnRegister: params.get('readyOnRegister') !== 'false',
    ringCeilingMs: ringSec >= 5 && ringSec <= 600 ? ringSec * 1000 : DEFAULT_CONFIG.ringCeilingMs,
    commandTypes,
  };
  return { config, warnings };
}
