// @vitest-environment node
import WsWebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import type { WebSocketConstructor } from '../../src/adapters/genesys';
import { socketUrl } from '../../src/adapters/genesys';

describe('WebSocketConstructor', () => {
  it('accepts both the browser WebSocket and ws (checked by tsc)', () => {
    const browser: WebSocketConstructor | undefined = (globalThis as { WebSocket?: typeof WebSocket }).WebSocket;
    const node: WebSocketConstructor = WsWebSocket;
    expect(typeof node).toBe('function');
    expect(browser === undefined || typeof browser === 'function').toBe(true);
  });
});

describe('socketUrl', () => {
  it('adds agent= only when an agent id is configured, keeping other parameters', () => {
    expect(socketUrl('ws://h:1/genesysWs', '')).toBe('ws://h:1/genesysWs');
    expect(socketUrl('ws://h:1/genesysWs?token=t', 'a b')).toBe('ws://h:1/genesysWs?token=t&agent=a+b');
  });
});
