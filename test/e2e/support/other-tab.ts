/** The same agent's Fusion opened in another tab of the browser: it shows the toolbar is active elsewhere. */
import type { Page } from 'playwright-core';
import { FusionHostPage } from './fusion-host-page';
import { ToolbarPage } from './toolbar-page';

export interface OtherTab {
  page: Page;
  host: FusionHostPage;
  toolbar: ToolbarPage;
}

export async function openOtherTab(first: Page): Promise<OtherTab> {
  const page = await first.context().newPage();
  const tab = { page, host: new FusionHostPage(page), toolbar: new ToolbarPage(page) };
  await tab.host.goto(first.url());
  await tab.toolbar.byTestId('other-tab').waitFor();
  return tab;
}
