/** The sign-in region → the sign-in form: whether it is shown, busy, what to prefill, and why it is back. */
import type { CodedError } from '../machines/call.types';
import type { ToolbarSnapshot } from './toolbar.context';

export interface SignInView {
  shown: boolean;
  busy: boolean;
  username: string;
  error: CodedError | null;
  /** The Genesys popup is open (or blocked): its button waits. */
  sso: boolean;
}

export function selectSignIn(snapshot: ToolbarSnapshot): SignInView {
  const state = snapshot.value.signIn;
  const { username, error } = snapshot.context.signIn;
  const sso = state === 'signingInSso';
  return { shown: state === 'required' || state === 'signingIn' || sso, busy: state === 'signingIn', username, error, sso };
}
