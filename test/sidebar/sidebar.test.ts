/**
 * The built sidebar (dist/Sidebar.html) in real headless Chromium, with a fake google.script.run:
 * the live estimate matches the functions, Insert sends a valid request, server errors show.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parseRequest } from '../../src/addon/request';
import { loadBundle } from '../helpers/bundle';
import { OUTPUT, launch } from '../helpers/browser';
import { loadSidebar } from '../helpers/sidebar';

jest.setTimeout(60_000);

const bundle = loadBundle();

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  await loadSidebar(page);
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
