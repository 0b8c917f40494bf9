/**
 * The sign-in form hands the password to the Genesys adapter here, out of band: it never travels
 * in an event, so it never reaches the statechart's context, the flight recorder or the inspector.
 */
export interface CredentialBox {
  /** The form puts the password just before it sends `auth.submit`. */
  put(password: string): void;
  /** The adapter takes it once for its POST /genesys/session; it is gone afterwards. */
  take(): string;
}

export function createCredentialBox(): CredentialBox {
  let password = '';
  return {
    put(value) {
      password = value;
    },
    take() {
      const value = password;
      password = '';
      return value;
    },
  };
}
