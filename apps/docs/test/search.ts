/** Driving the site's search box (@easyops-cn/docusaurus-search-local) from the browser tests. */
import type { Page } from 'playwright-core';

import { screenshotName } from './site.js';

/**
 * Types the query into the navbar's search box the way a reader does, then picks the suggestion
 * that names the page; the search plugin navigates on selection (its suggestions are not links).
 * Resolves once the browser is on a path ending in `/<slug>` and shows a title naming the page.
 */
export async function searchAndOpen(page: Page, query: string, pageTitle: string, slug: string): Promise<void> {
  const input = page.locator('input.navbar__search-input');
  await input.click();
  await input.pressSequentially(query, { delay: 30 });
  const suggestion = page.locator('[role="option"]', { hasText: pageTitle }).first();
  await suggestion.waitFor({ timeout: 30_000 });
  await page.screenshot({ path: screenshotName(new URL(page.url()).pathname, `-search-${query.replace(/\W+/g, '-')}`) });
  await suggestion.click();
  await page.waitForURL((url) => url.pathname.endsWith(`/${slug}`), { timeout: 30_000 });
  // The URL changes before the client-side navigation renders the new page.
  await page.locator('article h1', { hasText: pageTitle }).waitFor({ timeout: 30_000 });
}
