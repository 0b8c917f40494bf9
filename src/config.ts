/**
 * The toolbar's configuration: defaults overridden by the page's query parameters.
 * The only module that reads `location`; everything else receives a `ToolbarConfig`.
 */

import { CAPABILITIES, PROFILES, isCapability, isProfile, type Capability, type Profile } from './capabilities';
import { genesysOriginOf, isAllowedGenesysUrl, isAllowedUefScript, originOf, splitList } from './origins';

export { genesysOriginOf, isAllowedGenesysUrl, isAllowedUefScript, originOf } from './origins';

export type Lang = 'ja' | 'en';

/** How the toolbar proves who the agent is: not at all (a microservice that trusts it), or a bridge sign-in. */
export type AuthMode = 'none' | 'bridge';

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
  singleStepTransfer: string;
  initiateTransfer: string;
  initiateConference: string;
  completeTransfer: string;
  completeConference: string;
  reconnectCall: string;
  alternateCall: string;
  sendDtmf: string;
  /** [INFER] our contract extension: ask for an EventSnapshot. */
  snapshot: string;
}

/** A not-ready reason the agent can pick: the code Genesys receives, the words people read. */
export interface ReasonOption {
  code: string;
  label: Record<Lang, string>;
}

/** closeCommEvent reason for the customer's engagement when the agent transferred the call away. */
export type TransferCloseReason = 'WRAPUP' | 'ENDCOMMUNICATION';

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
  /** Flight recorder entries kept (`recorderSize`, 100-100000). */
  recorderSize: number;
  /** Whether the flight log masks caller numbers and contact data (`recorderMask=off` keeps them). */
  recorderMask: boolean;
  commandTypes: CommandTypeNames;
  /** `full` unless `profile=tutorial`; the capabilities follow it unless `capabilities` is given. */
  profile: Profile;
  /** What the microservice can confirm; controls for anything else are hidden. */
  capabilities: readonly Capability[];
  /** After-call work when a connected call ends (on by default). */
  afterCallWork: boolean;
  /** Longest wrap-up in ms before the agent returns on its own (Fusion's SVCMCA_WRAPUP_TIMEOUT wins). */
  wrapUpLimitMs: number;
  notReadyReasons: readonly ReasonOption[];
  transferCloseReason: TransferCloseReason;
  /** `bridge`: sign in (POST /genesys/session) before connecting, a Bearer token on every request. */
  auth: AuthMode;
  /** Sign-in URL, on `genesysRest`'s origin (`/genesys/session`); the token is sent only to its origin. */
  sessionUrl: string;
  /** Socket ticket URL, on `genesysRest`'s origin (`/genesys/ticket`). */
  ticketUrl: string;
}

export const DEFAULT_UEF_SCRIPT =
  'https://static.oracle.com/cdn/ui-events-framework/libs/ui-events-framework-client.js';

declare global {
  interface ImportMetaEnv {
    /** Build time: more origins `uefScript` may name, comma-separated (`https://cdn.example.com,…`). */
    readonly VITE_UEF_SCRIPT_ORIGINS?: string;
    /** Build time: the microservice origins `genesysWs`/`genesysRest` may name, comma-separated. */
    readonly VITE_GENESYS_ORIGINS?: string;
  }
}

/** Oracle's CDN, where the default UEF client comes from. */
export const ORACLE_CDN_ORIGIN = new URL(DEFAULT_UEF_SCRIPT).origin;

/**
 * Origins a `uefScript` may be loaded from, besides loopback hosts (always allowed: the simulators
 * and browser tests serve the simulated client from one): Oracle's CDN, then the build's
 * `VITE_UEF_SCRIPT_ORIGINS`. The only place that reads `import.meta.env`; optional chaining
 * because Node scripts (tsx) import this module without Vite.
 */
export const UEF_SCRIPT_ORIGINS: readonly string[] = [
  ORACLE_CDN_ORIGIN,
  ...splitList(import.meta.env?.VITE_UEF_SCRIPT_ORIGINS),
];

/**
 * Origins `genesysWs`/`genesysRest` may name besides loopback hosts: the build's
 * `VITE_GENESYS_ORIGINS` (`https://ms.example.com` covers its wss: socket too). Fixed at build
 * time so the page that frames the toolbar cannot send the agent to a service of its choosing.
 */
export const GENESYS_ORIGINS: readonly string[] = splitList(import.meta.env?.VITE_GENESYS_ORIGINS);

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
  singleStepTransfer: 'SingleStepTransfer',
  initiateTransfer: 'InitiateTransfer',
  initiateConference: 'InitiateConference',
  completeTransfer: 'CompleteTransfer',
  completeConference: 'CompleteConference',
  reconnectCall: 'ReconnectCall',
  alternateCall: 'AlternateCall',
  sendDtmf: 'SendDTMF',
  snapshot: 'snapshot',
};

export const DEFAULT_REASONS: readonly ReasonOption[] = [
  { code: 'Break', label: { en: 'Break', ja: '休憩' } },
  { code: 'Lunch', label: { en: 'Lunch', ja: '昼休み' } },
  { code: 'Training', label: { en: 'Training', ja: '研修' } },
  { code: 'Meeting', label: { en: 'Meeting', ja: '会議' } },
];

/** At most this many reasons, each code and label at most 60 characters: a picker, not a database. */
const MAX_REASONS = 30;
const MAX_REASON_TEXT = 60;

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
  recorderSize: 4_000,
  recorderMask: true,
  commandTypes: DEFAULT_COMMAND_TYPES,
  profile: 'full',
  capabilities: CAPABILITIES,
  afterCallWork: true,
  wrapUpLimitMs: 120_000,
  notReadyReasons: DEFAULT_REASONS,
  transferCloseReason: 'WRAPUP',
  auth: 'none',
  sessionUrl: 'http://localhost:8087/genesys/session',
  ticketUrl: 'http://localhost:8087/genesys/ticket',
};

/** A parameter the toolbar refuses to run with: shown to the agent, and nothing is connected. */
export interface ConfigRefusal {
  code: 'GENESYS_ORIGIN_REFUSED';
  parameter: 'genesysWs' | 'genesysRest';
  /** The refused origin (never the whole URL: it may carry a token). */
  origin: string;
}

/** The bridge's sign-in and ticket URLs, on the origin of the REST URL. */
export function authUrls(genesysRest: string): { sessionUrl: string; ticketUrl: string } {
  const { origin } = new URL(genesysRest);
  return { sessionUrl: `${origin}/genesys/session`, ticketUrl: `${origin}/genesys/ticket` };
}

export interface ConfigResult {
  config: ToolbarConfig;
  /** Parameters that were present but invalid, and were replaced by their default. */
  warnings: string[];
  /** Parameters naming what the build does not allow; the toolbar must not start with any. */
  refusals: ConfigRefusal[];
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

/**
 * `uefScript` if it is an http(s) URL from an allowed origin; anything else would let the page
 * that frames the toolbar run its own script in the toolbar's origin.
 */
function parseUefScript(raw: string | null, origins: readonly string[], warnings: string[]): string | undefined {
  for (const entry of origins) {
    if (originOf(entry) === undefined) warnings.push(`UEF script origins: "${entry}" is not an http(s) origin; ignored`);
  }
  const url = parseUrl(raw, ['http:', 'https:'], 'uefScript', warnings);
  if (url === undefined || isAllowedUefScript(url, origins)) return url;
  const allowed = [...origins.filter((entry) => originOf(entry) !== undefined), 'loopback hosts'].join(', ');
  warnings.push(`uefScript: "${raw}" is not from an allowed origin (${allowed}); using the default`);
  return undefined;
}

/** A well-formed microservice URL on an origin the build does not allow is refused, not warned about. */
function parseGenesysUrl(
  params: URLSearchParams,
  parameter: ConfigRefusal['parameter'],
  protocols: string[],
  origins: readonly string[],
  warnings: string[],
  refusals: ConfigRefusal[],
): string | undefined {
  const url = parseUrl(params.get(parameter), protocols, parameter, warnings);
  if (url === undefined || isAllowedGenesysUrl(url, origins)) return url;
  refusals.push({ code: 'GENESYS_ORIGIN_REFUSED', parameter, origin: new URL(url).origin });
  return undefined;
}

/** `code|English|日本語` entries separated by commas; English defaults to the code, Japanese to English. */
export function parseReasons(raw: string, warnings: string[]): ReasonOption[] | undefined {
  const reasons: ReasonOption[] = [];
  for (const entry of raw.split(',')) {
    if (entry.trim() === '') continue;
    const [code = '', en = '', ja = ''] = entry.split('|').map((part) => part.trim());
    const texts = [code, en, ja];
    if (code === '' || texts.some((text) => text.length > MAX_REASON_TEXT || /[\u0000-\u001f]/.test(text))) {
      warnings.push(`reasons: "${entry.slice(0, 80)}" is not code|English|日本語 (each at most ${MAX_REASON_TEXT} characters); ignored`);
      continue;
    }
    if (reasons.some((reason) => reason.code === code)) {
      warnings.push(`reasons: "${code}" given twice; the first is kept`);
      continue;
    }
    const english = en || code;
    reasons.push({ code, label: { en: english, ja: ja || english } });
  }
  if (reasons.length > MAX_REASONS) warnings.push(`reasons: only the first ${MAX_REASONS} are kept`);
  if (reasons.length === 0) {
    warnings.push('reasons: no usable reason; using the defaults');
    return undefined;
  }
  return reasons.slice(0, MAX_REASONS);
}

function parseCapabilities(raw: string | null, profile: Profile, warnings: string[]): readonly Capability[] {
  if (raw === null) return PROFILES[profile];
  const picked: Capability[] = [];
  for (const name of raw.split(',').map((item) => item.trim()).filter(Boolean)) {
    if (isCapability(name)) {
      if (!picked.includes(name)) picked.push(name);
    } else warnings.push(`capabilities: "${name.slice(0, 40)}" is not one of ${CAPABILITIES.join(', ')}; ignored`);
  }
  return picked;
}

function parseSeconds(raw: string | null, name: string, min: number, max: number, warnings: string[]): number | undefined {
  if (raw === null) return undefined;
  const value = Number(raw);
  if (raw.trim() !== '' && Number.isFinite(value) && value >= min && value <= max) return value * 1000;
  warnings.push(`${name}: "${raw}" must be ${min}-${max}`);
  return undefined;
}

function recorderSizeOf(value: string | null, warnings: string[]): number {
  if (value === null) return DEFAULT_CONFIG.recorderSize;
  const size = Number(value);
  if (Number.isInteger(size) && size >= 100 && size <= 100_000) return size;
  warnings.push(`recorderSize: "${value}" must be an integer 100-100000`);
  return DEFAULT_CONFIG.recorderSize;
}

/**
 * Parse a query string (`?genesysWs=…&lang=ja`) into a validated configuration.
 * @param uefScriptOrigins origins `uefScript` may come from besides loopback hosts; the build's
 *   list (`UEF_SCRIPT_ORIGINS`) unless a test passes its own
 * @param genesysOrigins origins the microservice may be on besides loopback hosts (`GENESYS_ORIGINS`)
 */
export function parseConfig(
  search: string,
  browserLanguage = 'en',
  isDev = false,
  uefScriptOrigins: readonly string[] = UEF_SCRIPT_ORIGINS,
  genesysOrigins: readonly string[] = GENESYS_ORIGINS,
): ConfigResult {
  const params = new URLSearchParams(search);
  const warnings: string[] = [];
  const refusals: ConfigRefusal[] = [];
  for (const entry of genesysOrigins) {
    if (genesysOriginOf(entry) === undefined) warnings.push(`microservice origins: "${entry}" is not an http(s) or ws(s) origin; ignored`);
  }
  const commandTypes = { ...DEFAULT_COMMAND_TYPES };
  for (const key of Object.keys(commandTypes) as (keyof CommandTypeNames)[]) {
    const override = params.get(`type.${key}`);
    if (override) commandTypes[key] = override;
  }
  const ring = params.get('ringCeilingSec');
  const ringSec = ring === null ? NaN : Number(ring);
  if (ring !== null && !(ringSec >= 5 && ringSec <= 600)) warnings.push(`ringCeilingSec: "${ring}" must be 5-600`);
  const rawProfile = params.get('profile');
  if (rawProfile !== null && !isProfile(rawProfile)) warnings.push(`profile: "${rawProfile}" is not full or tutorial; using full`);
  const profile: Profile = rawProfile !== null && isProfile(rawProfile) ? rawProfile : 'full';
  const wrapUp = params.get('wrapUp');
  if (wrapUp !== null && wrapUp !== 'on' && wrapUp !== 'off') warnings.push(`wrapUp: "${wrapUp}" is not on or off`);
  const rawReasons = params.get('reasons');
  const closeReason = params.get('transferCloseReason');
  if (closeReason !== null && closeReason !== 'WRAPUP' && closeReason !== 'ENDCOMMUNICATION') {
    warnings.push(`transferCloseReason: "${closeReason}" is not WRAPUP or ENDCOMMUNICATION`);
  }
  const auth = params.get('auth');
  if (auth !== null && auth !== 'none' && auth !== 'bridge') warnings.push(`auth: "${auth.slice(0, 40)}" is not none or bridge; using none`);
  const genesysWs = parseGenesysUrl(params, 'genesysWs', ['ws:', 'wss:'], genesysOrigins, warnings, refusals) ?? DEFAULT_CONFIG.genesysWs;
  const genesysRest = parseGenesysUrl(params, 'genesysRest', ['http:', 'https:'], genesysOrigins, warnings, refusals) ?? DEFAULT_CONFIG.genesysRest;
  const config: ToolbarConfig = {
    genesysWs,
    genesysRest,
    uefScript: parseUefScript(params.get('uefScript'), uefScriptOrigins, warnings) ?? DEFAULT_CONFIG.uefScript,
    agentId: params.get('agentId') ?? '',
    dn: params.get('dn') ?? '',
    lang: pickLang(params.get('lang'), browserLanguage),
    inspect: isDev && params.has('inspect'),
    readyOnRegister: params.get('readyOnRegister') !== 'false',
    ringCeilingMs: ringSec >= 5 && ringSec <= 600 ? ringSec * 1000 : DEFAULT_CONFIG.ringCeilingMs,
    recorderSize: recorderSizeOf(params.get('recorderSize'), warnings),
    recorderMask: params.get('recorderMask') !== 'off',
    commandTypes,
    profile,
    capabilities: parseCapabilities(params.get('capabilities'), profile, warnings),
    afterCallWork: wrapUp !== 'off',
    wrapUpLimitMs: parseSeconds(params.get('wrapUpSec'), 'wrapUpSec', 5, 3600, warnings) ?? DEFAULT_CONFIG.wrapUpLimitMs,
    notReadyReasons: (rawReasons === null ? undefined : parseReasons(rawReasons, warnings)) ?? DEFAULT_REASONS,
    transferCloseReason: closeReason === 'ENDCOMMUNICATION' ? 'ENDCOMMUNICATION' : 'WRAPUP',
    auth: auth === 'bridge' ? 'bridge' : 'none',
    ...authUrls(genesysRest),
  };
  return { config, warnings, refusals };
}
