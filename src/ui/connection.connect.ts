/** Connection and Fusion regions → the two status lines, with the reconnect countdown. */
import type { CodedError } from '../machines/call.types';
import type { ToolbarContext } from '../machines/toolbar.types';
import type { Tone } from './agent.connect';
import type { Text } from './i18n';
import type { IconName } from './icon-names';
import type { ToolbarSnapshot } from './toolbar.context';

export type ConnectionStateName = 'connecting' | 'linked' | 'switchDown' | 'reconnecting' | 'signedOut' | 'replaced';
export type FusionStateName = ToolbarSnapshot['value']['fusion'];

export interface ConnectionInput {
  state: ConnectionStateName;
  reconnect: ToolbarContext['reconnect'];
}

export interface StatusView {
  text: Text;
  /** Changing detail (the countdown), shown but kept out of the status announcements. */
  detail?: Text;
  icon: IconName;
  tone: Tone;
  busy: boolean;
}

export interface FusionInput {
  state: FusionStateName;
  error: CodedError | null;
}

export interface FusionView extends StatusView {
  error: CodedError | null;
}

export function selectConnection(snapshot: ToolbarSnapshot): ConnectionInput {
  const value = snapshot.value.connection;
  const state: ConnectionStateName = typeof value === 'string' ? value : value.open;
  return { state, reconnect: snapshot.context.reconnect };
}

export function selectFusion(snapshot: ToolbarSnapshot): FusionInput {
  return { state: snapshot.value.fusion, error: snapshot.context.fusionError };
}

/** Whole seconds until the next reconnect try, never negative. */
export function secondsUntil(retryAt: number, now: number): number {
  return Math.max(0, Math.ceil((retryAt - now) / 1000));
}

export function connectionView(input: ConnectionInput, now: number): StatusView {
  switch (input.state) {
    case 'connecting':
      return { text: { key: 'connection.connecting' }, icon: 'pending', tone: 'busy', busy: true };
    case 'signedOut':
      return { text: { key: 'connection.signedOut' }, icon: 'off', tone: 'off', busy: false };
    case 'replaced':
      return { text: { key: 'connection.replaced' }, icon: 'off', tone: 'off', busy: false };
    case 'linked':
      return { text: { key: 'connection.linked' }, icon: 'check', tone: 'ok', busy: false };
    case 'switchDown':
      return { text: { key: 'connection.switchDown' }, icon: 'warning', tone: 'warn', busy: false };
    case 'reconnecting': {
      const attempt = input.reconnect?.attempt ?? 1;
      const seconds = input.reconnect ? secondsUntil(input.reconnect.retryAt, now) : 0;
      const detail: Text =
        seconds > 0 ? { key: 'connection.retry', params: { when: { inSeconds: seconds }, attempt } } : { key: 'connection.retryNow', params: { attempt } };
      return { text: { key: 'connection.reconnecting' }, detail, icon: 'close', tone: 'error', busy: seconds === 0 };
    }
  }
}

export function fusionView(input: FusionInput): FusionView {
  const look: Record<FusionStateName, Omit<StatusView, 'text'>> = {
    initializing: { icon: 'pending', tone: 'busy', busy: true },
    ready: { icon: 'check', tone: 'ok', busy: false },
    absent: { icon: 'off', tone: 'off', busy: false },
    failed: { icon: 'close', tone: 'error', busy: false },
  };
  // FUSION_ABSENT is expected outside Fusion and said by the label; only a failure is explained.
  return { text: { key: `fusion.${input.state}` }, ...look[input.state], error: input.state === 'failed' ? input.error : null };
}

/** The banner across the top: what is wrong with the link to Genesys, and what still works. */
export interface BannerView {
  title: Text;
  still: Text;
  /** The countdown (changes every second; kept out of announcements). */
  detail?: Text;
  /** The banner's button: Use here takes the socket back from the agent's other toolbar. */
  action?: 'useHere';
}

export function bannerView(input: ConnectionInput, now: number): BannerView | null {
  if (input.state === 'reconnecting') {
    const { detail } = connectionView(input, now);
    return { title: { key: 'banner.disconnected' }, still: { key: 'banner.stillWorks' }, ...(detail ? { detail } : {}) };
  }
  if (input.state === 'replaced') return { title: { key: 'banner.replaced' }, still: { key: 'banner.replacedWorks' }, action: 'useHere' };
  if (input.state === 'switchDown') return { title: { key: 'banner.switchDown' }, still: { key: 'banner.switchDownWorks' } };
  return null;
}
