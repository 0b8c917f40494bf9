/** The sign-in region → the sign-in form: whether it is shown, busy, what to prefill, and why it is back. */
import type { CodedError } from '../machines/call.types';
import type { ToolbarSnapshot } from './toolbar.context';

export interface SignInView {
  shown: boolean;
  busy: boolean;
  username: string;
  error: CodedError | null;
}

export function selectSignIn(snapshot: ToolbarSnapshot): SignInView {
  const state = snapshot.value.signIn;
  const { username, error } = snapshot.context.signIn;
  return { shown: state === 'required' || state === 'signingIn', busy: state === 'signingIn', username, error };
}
