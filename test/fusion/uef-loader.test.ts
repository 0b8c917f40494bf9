import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_UEF_SCRIPT } from '../../src/config';
import { findUef } from '../../src/adapters/fusion/uef-loader';
import { FakeUef } from './fake-uef';

/** A fresh framed window without a UEF global, and a loader that installs one. */
function framed() {
  const uef = new FakeUef();
  const win: { CX_SVC_UI_EVENTS_FRAMEWORK?: unknown; parent: unknown } = { parent: {} };
  const loadScript = vi.fn(async () => {
    win.CX_SVC_UI_EVENTS_FRAMEWORK = uef.global;
  });
  return { win, loadScript };
}

describe('findUef and the UEF script allow-list', () => {
  it.each([
    DEFAULT_UEF_SCRIPT,
    'http://localhost:5173/src/sim/fusion/uef-client.ts',
    'http://127.0.0.1:4000/sim/uef-client.js',
    'https://[::1]:8443/uef.js',
  ])('loads %s (Oracle CDN or loopback)', async (url) => {
    const { win, loadScript } = framed();
    const lookup = await findUef(win, url, loadScript);
    expect('uef' in lookup).toBe(true);
    expect(loadScript).toHaveBeenCalledWith(url, 10_000);
  });

  it.each([
    'https://attacker.test/uef.js',
    'http://static.oracle.com/cdn/ui-events-framework/libs/ui-events-framework-client.js',
    'https://static.oracle.com.attacker.test/uef.js',
    'https://localhost.attacker.test/uef.js',
    'data:text/javascript,alert(1)',
    'javascript:alert(1)',
    'not a url',
  ])('never asks the loader for %s', async (url) => {
    const { win, loadScript } = framed();
    const lookup = await findUef(win, url, loadScript);
    expect(lookup).toEqual({ absent: `UEF script ${url} is not from an allowed origin; not loaded` });
    expect(loadScript).not.toHaveBeenCalled();
  });

  it('loads from an origin the build added', async () => {
    const { win, loadScript } = framed();
    const lookup = await findUef(win, 'https://cdn.example.com/uef.js', loadScript, ['https://static.oracle.com', 'https://cdn.example.com']);
    expect('uef' in lookup).toBe(true);
    expect(loadScript).toHaveBeenCalledOnce();
  });
});
