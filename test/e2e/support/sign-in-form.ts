/** The toolbar's bridge sign-in form (auth=bridge), inside the toolbar frame, by its labels. */
import type { FrameLocator, Locator } from 'playwright-core';

export class SignInForm {
  constructor(readonly frame: FrameLocator) {}

  root(): Locator {
    return this.frame.getByTestId('sign-in');
  }

  error(): Locator {
    return this.frame.getByTestId('sign-in-error');
  }

  /** Types as an agent does (the keyboard) and presses Enter in the password field. */
  async signIn(username: string, password: string): Promise<void> {
    const user = this.frame.getByLabel('Username');
    await user.fill(username);
    const secret = this.frame.getByLabel('Password');
    await secret.fill(password);
    await secret.press('Enter');
  }
}
