/** A UEF script the page's CSP refuses is reported as refused, naming the directive (issue 10, item 10). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_UEF_SCRIPT } from '../../src/config';
import { domScriptLoader, findUef } from '../../src/adapters/fusion/uef-loader';

/** A document whose script loads fail, after a CSP violation for the script when `csp` is set. */
function failingDocument(csp: { blockedURI: string; effectiveDirective: string } | null) {
  const listeners: ((event: Event) => void)[] = [];
  return {
    addEventListener: (_type: string, listener: (event: Event) => void) => listeners.push(listener),
    removeEventListener: (_type: string, listener: (event: Event) => void) => listeners.splice(listeners.indexOf(listener), 1),
    createElement: () => ({}) as HTMLScriptElement,
    head: {
      appendChild: (script: HTMLScriptElement) => {
        queueMicrotask(() => {
          if (csp) for (const listener of [...listeners]) listener({ type: 'securitypolicyviolation', ...csp, violatedDirective: 'script-src' } as unknown as Event);
          script.onerror?.(new Event('error') as never);
        });
        return script;
      },
    } as unknown as HTMLHeadElement,
  };
}

describe('a UEF script the page may not run', () => {
  it.each([
    ['the full URL', DEFAULT_UEF_SCRIPT],
    ['only the origin', new URL(DEFAULT_UEF_SCRIPT).origin],
  ])('a violation naming %s: refused, with the directive', async (_name, blockedURI) => {
    const document = failingDocument({ blockedURI, effectiveDirective: 'script-src-elem' });
    const lookup = await findUef({ parent: {}, document }, DEFAULT_UEF_SCRIPT, domScriptLoader(document));
    expect(lookup).toEqual({ refused: { url: DEFAULT_UEF_SCRIPT, directive: 'script-src-elem' } });
  });

  it('a plain load failure is still reported as a failed load, not a refusal', async () => {
    const document = failingDocument(null);
    const lookup = await findUef({ parent: {}, document }, DEFAULT_UEF_SCRIPT, domScriptLoader(document));
    expect(lookup).toEqual({ absent: `UEF script ${DEFAULT_UEF_SCRIPT}: the script could not be loaded` });
  });

  it('a violation for another script does not count', async () => {
    const document = failingDocument({ blockedURI: 'https://other.example/x.js', effectiveDirective: 'script-src' });
    const lookup = await findUef({ parent: {}, document }, DEFAULT_UEF_SCRIPT, domScriptLoader(document));
    expect('absent' in lookup).toBe(true);
  });
});
