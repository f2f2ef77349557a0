/**
 * The built sidebar (dist/Sidebar.html) alone in a Chromium page, as the sidebar tests drive it:
 * served at one made-up address with every other request refused (it must be self-contained), and
 * with a google.script.run stand-in installed before the page's own script runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST } from './bundle';

export const SIDEBAR_HTML = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');

/**
 * A google.script.run that records each request in `window.__requests` and answers with a sheet
 * name after a moment, or fails with `window.__failWith` when a test sets it.
 */
export const FAKE_SERVER = `
  window.__requests = [];
  window.__failWith = null;
  const makeRun = (ok, fail) => ({
    withSuccessHandler: (h) => makeRun(h, fail),
    withFailureHandler: (h) => makeRun(ok, h),
    insertSizingGrid: (request) => {
      window.__requests.push(JSON.parse(JSON.stringify(request)));
      setTimeout(() => (window.__failWith ? fail(new Error(window.__failWith)) : ok('LLM sizing 2')), 10);
    },
  });
  window.google = { script: { run: makeRun(() => {}, () => {}) } };
`;

/** Loads the sidebar into `page` (a real navigation, so FAKE_SERVER runs first) with no network. */
export async function loadSidebar(page: Page): Promise<void> {
  await page.addInitScript(FAKE_SERVER);
  const address = 'http://sidebar.invalid/';
  await page.route('**/*', (route) =>
    route.request().url() === address
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: SIDEBAR_HTML })
      : route.abort(),
  );
  await page.goto(address, { waitUntil: 'load' });
}
