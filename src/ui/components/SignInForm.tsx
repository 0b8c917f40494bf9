/**
 * The bridge sign-in (auth=bridge): shown before the toolbar connects and after any 401, above the
 * calls it keeps. The password goes to the Genesys adapter's credential box, never into an event.
 */
import { createContext, useContext, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { shallowEqual } from '@xstate/react';
import type { CredentialBox } from '../../adapters/genesys/credentials';
import { useI18n } from '../hooks';
import { selectSignIn } from '../sign-in.connect';
import { useToolbar, useToolbarActor } from '../toolbar.context';

/** Where the form leaves the password for the adapter (main.tsx gives the adapter's box). */
export const CredentialBoxContext = createContext<CredentialBox | null>(null);

export function SignInForm() {
  const i18n = useI18n();
  const actor = useToolbarActor();
  const credentials = useContext(CredentialBoxContext);
  const view = useToolbar(selectSignIn, shallowEqual);
  const [username, setUsername] = useState(view.username);
  const userField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const userId = useId();
  const passwordId = useId();
  const errorId = useId();

  // The form takes the focus when it appears; after a refusal the username is kept, so the password.
  useEffect(() => {
    if (!view.shown || view.busy) return;
    (view.error && username ? passwordField : userField).current?.focus();
  }, [view.shown, view.busy, view.error]);

  if (!view.shown) return null;
  const explained = view.error ? i18n.explain(view.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const password = passwordField.current;
    if (view.busy || !password) return;
    credentials?.put(password.value);
    password.value = '';
    actor.send({ type: 'auth.submit', username: username.trim() });
  };

  const blockedUrl = view.error?.code === 'SSO_POPUP_BLOCKED' && /^https?:\/\//.test(view.error.detail ?? '') ? view.error.detail : undefined;

  return (
    <section className="panel sign-in" aria-labelledby={titleId} aria-busy={view.busy} data-testid="sign-in">
      <h2 id={titleId}>{i18n.t('signIn.title')}</h2>
      <p className="hint">{i18n.t('signIn.hint')}</p>
      {/* Sent from the click itself: the adapter opens the popup within this user activation. */}
      <button type="button" className="call-button" disabled={view.busy} aria-describedby={explained ? errorId : undefined} onClick={() => actor.send({ type: 'auth.ssoStart' })} data-testid="sign-in-sso">
        {i18n.t('signIn.sso')}
      </button>
      {view.sso && !blockedUrl ? (
        <p className="hint" role="status" data-testid="sign-in-sso-waiting">
          {i18n.t('signIn.ssoWaiting')}
        </p>
      ) : null}
      <p className="hint">{i18n.t('signIn.or')}</p>
      <form onSubmit={submit} aria-describedby={explained ? errorId : undefined}>
        <label htmlFor={userId}>{i18n.t('signIn.username')}</label>
        <input
          id={userId}
          ref={userField}
          name="username"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
        />
        <label htmlFor={passwordId}>{i18n.t('signIn.password')}</label>
        <input id={passwordId} ref={passwordField} name="password" type="password" autoComplete="current-password" required />
        <button type="submit" className="call-button" disabled={view.busy} data-testid="sign-in-submit">
          {view.busy ? i18n.t('signIn.busy') : i18n.t('signIn.submit')}
        </button>
      </form>
      <div id={errorId} role="alert" className="sign-in-error" data-testid="sign-in-error" data-code={explained?.code ?? ''}>
        {explained ? `${explained.what} ${explained.fix} (${explained.code})` : ''}
      </div>
      {/* The callback page posts to window.opener: the link must keep the opener (no noopener). */}
      {blockedUrl ? (
        <a href={blockedUrl} target="_blank" rel="opener" data-testid="sign-in-sso-link">
          {i18n.t('signIn.ssoLink')}
        </a>
      ) : null}
    </section>
  );
}
