// @vitest-environment jsdom
/** The sign-in form over the real statechart (auth=bridge), with the driver's fake adapters. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createCredentialBox } from '../../src/adapters/genesys/credentials';
import { ToolbarApp } from '../../src/ui/Toolbar';
import { createDriver, type Driver } from '../support/driver';

const started: Driver[] = [];
afterEach(() => {
  cleanup();
  for (const d of started.splice(0)) d.stop();
});

function renderSignIn(lang: 'en' | 'ja' = 'en') {
  const driver = createDriver({ config: { auth: 'bridge', lang } });
  started.push(driver);
  const credentials = createCredentialBox();
  render(<ToolbarApp actor={driver.actor} credentials={credentials} />);
  const outside = (gesture: (d: Driver) => unknown) => act(() => void gesture(driver));
  outside((d) => d.genesys({ type: 'genesys.authRequired', code: 'NO_SESSION' }));
  return { driver, credentials, outside };
}

describe('when the bridge wants a sign-in', () => {
  it('shows the form: labelled fields with the right autocomplete, focus on the first, a live region for errors', () => {
    renderSignIn();
    const username = screen.getByLabelText('Username');
    const password = screen.getByLabelText('Password');
    expect(username.getAttribute('autocomplete')).toBe('username');
    expect(password.getAttribute('autocomplete')).toBe('current-password');
    expect(password.getAttribute('type')).toBe('password');
    expect(document.activeElement).toBe(username);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('Sign in sends the username as an event and the password to the credential box only', () => {
    const { driver, credentials } = renderSignIn();
    fireEvent.input(screen.getByLabelText('Username'), { target: { value: ' JohnSmith ' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 's3cret!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(driver.genesysCommands).toEqual([{ type: 'genesys.cmd.signIn', username: 'JohnSmith' }]);
    expect(credentials.take()).toBe('s3cret!');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect(JSON.stringify(driver.snapshot().context)).not.toContain('s3cret!');
    expect(screen.getByRole('button', { name: 'Signing in…' })).toHaveProperty('disabled', true);
  });

  it('a refusal is said in the live region with its code; the form stays filled and the password focused', () => {
    const { outside } = renderSignIn();
    fireEvent.input(screen.getByLabelText('Username'), { target: { value: 'JohnSmith' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    outside((d) => d.genesys({ type: 'genesys.signInFailed', code: 'SIGN_IN_THROTTLED', message: 'x' }));
    expect(screen.getByRole('alert').textContent).toContain('Too many sign-in attempts');
    expect(screen.getByRole('alert').textContent).toContain('(SIGN_IN_THROTTLED)');
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('JohnSmith');
  });

  it('goes once signed in, and comes back on a 401 saying the session ended, above the kept call', () => {
    const { outside } = renderSignIn();
    outside((d) => d.send({ type: 'auth.submit', username: 'a' }).genesys({ type: 'genesys.signedIn', agentId: 'a', dn: 'd' }).login().ring('c1'));
    expect(screen.queryByTestId('sign-in')).toBeNull();
    outside((d) => d.genesys({ type: 'genesys.authRequired', code: 'SESSION_INVALID' }));
    expect(screen.getByTestId('sign-in-error').dataset.code).toBe('SESSION_INVALID');
    expect(screen.getAllByTestId('call-card')).toHaveLength(1);
    expect(screen.getByTestId('connection-state').textContent).toContain('Signed out');
  });

  it('in Japanese: ユーザー名 / パスワード / サインイン', () => {
    renderSignIn('ja');
    expect(screen.getByLabelText('ユーザー名')).toBeTruthy();
    expect(screen.getByLabelText('パスワード')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'サインイン' })).toBeTruthy();
  });

  it('with auth=none there is no form', () => {
    const driver = createDriver();
    started.push(driver);
    render(<ToolbarApp actor={driver.actor} />);
    expect(screen.queryByTestId('sign-in')).toBeNull();
  });
});

describe('when the agent signs in with Genesys', () => {
  const URL_BY_HAND = 'http://127.0.0.1:9/genesys/sso/start?origin=https%3A%2F%2Ffusion.example.com';

  it('the button comes before the username and password, and asks the machine for the popup', () => {
    const { driver } = renderSignIn();
    const button = screen.getByRole('button', { name: 'Sign in with Genesys' });
    expect(button.compareDocumentPosition(screen.getByLabelText('Username')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(button);
    expect(driver.genesysCommands).toEqual([{ type: 'genesys.cmd.ssoStart' }]);
    expect(screen.getByTestId('sign-in-sso-waiting').textContent).toContain('Genesys window');
    expect(screen.getByLabelText('Password')).toBeTruthy();
  });

  for (const [lang, name, said, link] of [
    ['en', 'Sign in with Genesys', 'The browser blocked the Genesys sign-in window.', 'Open the Genesys sign-in'],
    ['ja', 'Genesys でサインイン', 'ブラウザーが Genesys のサインイン ウィンドウをブロックしました。', 'Genesys のサインインを開く'],
  ] as const) {
    it(`a blocked popup is said with its code and a link that keeps the opener (${lang})`, () => {
      const { outside } = renderSignIn(lang);
      fireEvent.click(screen.getByRole('button', { name }));
      outside((d) => d.genesys({ type: 'genesys.ssoBlocked', url: URL_BY_HAND }));
      expect(screen.getByRole('alert').textContent).toContain(said);
      expect(screen.getByRole('alert').textContent).toContain('(SSO_POPUP_BLOCKED)');
      const anchor = screen.getByRole('link', { name: link });
      expect(anchor.getAttribute('href')).toBe(URL_BY_HAND);
      expect(anchor.getAttribute('target')).toBe('_blank');
      expect(anchor.getAttribute('rel')).toBe('opener');
    });
  }

  it('the popup closed brings the form back with SSO_CANCELLED and no link', () => {
    const { outside } = renderSignIn();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Genesys' }));
    outside((d) => d.genesys({ type: 'genesys.ssoBlocked', url: URL_BY_HAND }));
    outside((d) => d.genesys({ type: 'genesys.signInFailed', code: 'SSO_CANCELLED', message: 'closed' }));
    expect(screen.getByTestId('sign-in-error').dataset.code).toBe('SSO_CANCELLED');
    expect(screen.queryByTestId('sign-in-sso-link')).toBeNull();
  });
});
