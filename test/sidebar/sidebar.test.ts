/**
 * The built sidebar (dist/Sidebar.html) in real headless Chromium, with a fake google.script.run:
 * the live estimate matches the functions, Insert sends a valid request, server errors show.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parseRequest } from '../../src/addon/request';
import { DIST, loadBundle } from '../helpers/bundle';
import { OUTPUT, launch } from '../helpers/browser';

jest.setTimeout(60_000);

const html = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');
const bundle = loadBundle();

/** A google.script.run that records requests and answers as the test says. */
const FAKE_SERVER = `
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

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  await page.addInitScript(FAKE_SERVER);
  // No network: the page must be self-contained. It is served at one made-up address (a real
  // navigation, so the fake server script runs before the page's own) and every other request fails.
  const PAGE = 'http://sidebar.invalid/';
  await page.route('**/*', (route) =>
    route.request().url() === PAGE
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.abort(),
  );
  await page.goto(PAGE, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
});

const text = (id: string) => page.locator(`#${id}`).innerText();

function expectedVram(gpu: string, batch: number): string {
  const value = bundle.fn('LLM_ESTIMATE')(
    'llama-3.1-8b',
    'vram_gib',
    batch,
    8192,
    'bf16',
    gpu,
    'n_gpus=1; output_tokens=256; engine=vllm; method=roofline',
  ) as number;
  return `${value.toFixed(2)} GiB`;
}

test('shows a live estimate that equals LLM_ESTIMATE, and follows GPU and batch changes', async () => {
  expect(await text('out-vram')).toBe(expectedVram('h100-sxm', 8));
  await page.selectOption('#gpu', 'a100-40gb-sxm');
  await page.fill('#batch', '32');
  await page.dispatchEvent('#batch', 'input');
  expect(await text('out-vram')).toBe(expectedVram('a100-40gb-sxm', 32));
  expect(await text('gpu-hint')).toContain('40 GB');
  await page.screenshot({ path: join(OUTPUT, 'sidebar.png'), fullPage: true });
});

test('a bad input shows the function’s message instead of numbers', async () => {
  await page.fill('#context', '-5');
  await page.dispatchEvent('#context', 'input');
  expect(await text('estimate-error')).toContain('must be a positive whole number, got -5');
  await page.fill('#context', '8192');
  await page.dispatchEvent('#context', 'input');
  expect(await text('estimate-error')).toBe('');
});

test('Insert sends a request the server accepts, and shows the new sheet', async () => {
  await page.selectOption('#template', 'sweep');
  await page.click('#insert');
  await page.waitForFunction("document.getElementById('status').textContent.startsWith('Inserted')");
  const requests = (await page.evaluate('window.__requests')) as unknown[];
  expect(requests).toHaveLength(1);
  const request = parseRequest(requests[0]);
  expect(request).toMatchObject({ template: 'sweep', gpu: 'a100-40gb-sxm', batch: 32, context: 8192 });
  expect(await text('status')).toBe('Inserted sheet “LLM sizing 2”.');
});

test('a failing server call shows its message', async () => {
  await page.evaluate('window.__failWith = "Lock timeout: try again"');
  await page.click('#insert');
  await page.waitForFunction("document.getElementById('status').className === 'error'");
  expect(await text('status')).toBe('Lock timeout: try again');
  expect(await page.isEnabled('#insert')).toBe(true);
});

test('every field has a label and the tab order follows the form', async () => {
  // Browser-side code is passed as text: this project's TypeScript has no DOM types outside sidebar/.
  const unlabelled = await page.evaluate(
    "[...document.querySelectorAll('input, select')].filter((el) => el.labels.length === 0).map((el) => el.id)",
  );
  expect(unlabelled).toEqual([]);
  await page.focus('#model');
  const order: string[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    order.push((await page.evaluate("document.activeElement ? document.activeElement.id : ''")) as string);
  }
  expect(order).toEqual([
    'custom-summary',
    'gpu',
    'n-gpus',
    'engine',
    'precision',
    'kv-precision',
    'batch',
    'context',
    'output-tokens',
    'method',
    'template',
    'insert',
  ]);
});
