/**
 * The sidebar's papercuts (issue 11), in real headless Chromium: speed figures marked when the
 * configuration does not fit, Insert in view at 1440×900, help on every field, a GPU without a
 * tensor peak keeping its memory estimate, honest hints and messages, Insert disabled on errors,
 * and a cleared number field reported as required.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { parseRequest } from '../../src/addon/request';
import { renderTemplate } from '../../src/addon/render';
import { loadBundle } from '../helpers/bundle';
import { OUTPUT, launch } from '../helpers/browser';
import { FAKE_SERVER, SIDEBAR_HTML, loadSidebar } from '../helpers/sidebar';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..');
const bundle = loadBundle();
const OPTIONS = 'n_gpus=1; output_tokens=256; engine=vllm; method=roofline';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** The sidebar alone in a page of the given size, served with no network. */
async function openSidebar(width = 300, height = 900): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await loadSidebar(page);
  await page.locator('#out-vram').waitFor();
  return page;
}

/** Sets a field as a user would and lets the sidebar react. */
async function setField(page: Page | Frame, id: string, value: string): Promise<void> {
  await page.fill(`#${id}`, value);
  await page.dispatchEvent(`#${id}`, 'input');
}

async function select(page: Page, id: string, value: string): Promise<void> {
  await page.selectOption(`#${id}`, value);
}

/**
 * Whether an element can be seen and clicked as the page opens: its box wholly inside the page's
 * viewport and its frame's, and nothing drawn over its middle.
 */
async function inViewport(page: Page, frame: Page | Frame, selector: string): Promise<boolean> {
  const box = await frame.locator(selector).boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  const inPage =
    box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
  const inFrame = await frame.evaluate(`(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth && el.contains(hit);
  })()`);
  return inPage && inFrame === true;
}

const SPEED_ROWS = ['out-ttft', 'out-tpot', 'out-tps'];

describe('speed figures when the configuration does not fit', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openSidebar();
  });
  afterAll(() => page.close());

  test('fits: plain figures; does not fit: each speed row says "(does not fit)" beside its figure', async () => {
    expect(await page.innerText('#out-fits')).toBe('yes');
    for (const id of SPEED_ROWS) expect(await page.innerText(`#${id}`)).not.toContain('does not fit');

    await select(page, 'gpu', 'a100-40gb-sxm');
    await setField(page, 'batch', '32');
    expect(await page.innerText('#out-fits')).toBe('no');
    for (const id of SPEED_ROWS) {
      const text = await page.innerText(`#${id}`);
      expect(text).toMatch(/\d/);
      expect(text).toContain('(does not fit)');
    }
    const tps = bundle.fn('LLM_ESTIMATE')('llama-3.1-8b', 'tokens_per_s', 32, 8192, 'bf16', 'a100-40gb-sxm', OPTIONS);
    expect(await page.innerText('#out-tps')).toContain(
      (tps as number).toLocaleString('en-US', { maximumFractionDigits: 1 }),
    );
  });
});

describe('layout and help', () => {
  test('at 1440×900 in the preview’s side panel, Insert is in view without scrolling', async () => {
    // The preview's own page and styles, with the built sidebar in its panel (no grid script needed).
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(FAKE_SERVER);
    const files: Record<string, [string, string]> = {
      '/': ['text/html', readFileSync(join(ROOT, 'preview', 'app', 'index.html'), 'utf8')],
      '/app.css': ['text/css', readFileSync(join(ROOT, 'preview', 'app', 'app.css'), 'utf8')],
      '/Sidebar.html': ['text/html', SIDEBAR_HTML],
    };
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const file = url.host === 'preview.invalid' ? files[url.pathname] : undefined;
      return file ? route.fulfill({ status: 200, contentType: file[0], body: file[1] }) : route.abort();
    });
    await page.goto('http://preview.invalid/', { waitUntil: 'load' });
    const frame = page.frame({ url: /Sidebar\.html$/ });
    if (!frame) throw new Error('no sidebar frame');
    await frame.locator('#out-vram').waitFor();
    expect(await inViewport(page, frame, '#insert')).toBe(true);
    expect(await inViewport(page, frame, '#template')).toBe(true);
    // Still in view with the longest results (does not fit) and the custom panel open.
    await frame.selectOption('#gpu', 'a100-40gb-sxm');
    await setField(frame, 'batch', '32');
    await frame.click('#custom-summary');
    expect(await inViewport(page, frame, '#insert')).toBe(true);
    expect(await frame.evaluate('window.scrollY')).toBe(0);
    await page.close();
  });

  test('in a 300 px sidebar as tall as Sheets leaves it in a 900 px window, Insert and the estimate are in view', async () => {
    const page = await openSidebar(300, 720);
    expect(await inViewport(page, page, '#insert')).toBe(true);
    expect(await inViewport(page, page, '#out-tps')).toBe(true);
    await page.screenshot({ path: join(OUTPUT, 'sidebar-300x720.png') });
    await page.close();
  });

  test('every input and select has help: a title and a visible one-line hint', async () => {
    const page = await openSidebar();
    const missing = (await page.evaluate(`[...document.querySelectorAll('input, select')]
      .map((el) => {
        const ids = (el.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
        const hint = ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim();
        return { id: el.id, title: (el.title || '').trim(), hint };
      })
      .filter((f) => f.title === '' || f.hint === '')
      .map((f) => f.id)`)) as string[];
    expect(missing).toEqual([]);
    // The results that need explaining say what they mean.
    const gpusNeeded = (await page.evaluate(
      `document.querySelector('dt[data-for="out-gpus-needed"]')?.title ?? ''`,
    )) as string;
    expect(gpusNeeded).toMatch(/memory/i);
    // Method explains seed against roofline in the visible hint, following the selection.
    await select(page, 'method', 'seed');
    expect(await page.innerText('#method-hint')).toMatch(/methodology/i);
    await select(page, 'method', 'roofline');
    expect(await page.innerText('#method-hint')).toMatch(/calibrated/i);
    await page.close();
  });
});

describe('estimates, hints and messages', () => {
  let page: Page;
  beforeEach(async () => {
    page = await openSidebar();
  });
  afterEach(() => page.close());

  test('a GPU without a tensor peak keeps its memory estimate; speed rows say unavailable and why', async () => {
    // A custom GPU with memory and bandwidth but no peak (not tied to any preset lacking one).
    const gpu = 'memory_gb=24; bandwidth_gbs=600';
    await page.evaluate(`(() => {
      const option = document.createElement('option');
      option.value = ${JSON.stringify(gpu)};
      option.textContent = 'Custom GPU without a peak';
      document.getElementById('gpu').append(option);
    })()`);
    await select(page, 'gpu', gpu);
    expect(await page.innerText('#estimate-error')).toBe('');
    expect(await page.isVisible('#estimate')).toBe(true);
    const vram = bundle.fn('LLM_ESTIMATE')('llama-3.1-8b', 'vram_gib', 8, 8192, 'bf16', gpu, OPTIONS) as number;
    expect(await page.innerText('#out-vram')).toBe(`${vram.toFixed(2)} GiB`);
    for (const id of SPEED_ROWS) expect(await page.innerText(`#${id}`)).toContain('unavailable');
    const why = await page.innerText('#speed-note');
    expect(why).toContain('has no bf16 peak');
    expect(why.length).toBeLessThan(120);
    expect(await page.isEnabled('#insert')).toBe(true);
    await select(page, 'gpu', 'h100-sxm');
    expect(await page.innerText('#out-tps')).not.toContain('unavailable');
    expect(await page.innerText('#speed-note')).toBe('');
  });

  test('the GPU hint labels the peak with the compute type it shows (TPU v5e: BF16, no FP16)', async () => {
    await select(page, 'gpu', 'tpu-v5e');
    const hint = await page.innerText('#gpu-hint');
    expect(hint).toContain('197 dense BF16 TFLOPS');
    expect(hint).not.toContain('FP16');
    await select(page, 'gpu', 'h100-sxm');
    expect(await page.innerText('#gpu-hint')).toMatch(/dense (BF16|FP16) TFLOPS/);
  });

  test('the model hint promises only what works; errors speak to the sidebar user, not of sheet functions', async () => {
    const hint = await page.innerText('#model-hint');
    expect(hint).not.toContain('type to search, or paste a Hugging Face id');
    expect(hint).toMatch(/preset/i);
    expect(hint).toContain('Hugging Face id');
    expect(hint).toContain('config.json');
    await setField(page, 'model', 'llama-3.1-8bx');
    const error = await page.innerText('#estimate-error');
    expect(error).toContain('unknown model "llama-3.1-8bx"');
    expect(error).toContain('"llama-3.1-8b"');
    expect(error).not.toMatch(/LLM_[A-Z]+/);
    // A preset's Hugging Face id works.
    await setField(page, 'model', 'meta-llama/Llama-3.1-8B');
    expect(await page.innerText('#estimate-error')).toBe('');
    await setField(page, 'model', 'llama-3.1-8b');
  });

  test('Insert is disabled while the estimate shows an error, and enabled again once it is fixed', async () => {
    expect(await page.isEnabled('#insert')).toBe(true);
    await setField(page, 'context', '-5');
    expect(await page.innerText('#estimate-error')).not.toBe('');
    expect(await page.isEnabled('#insert')).toBe(false);
    await setField(page, 'context', '8192');
    expect(await page.isEnabled('#insert')).toBe(true);
  });

  test('a cleared number field is reported as required, not posted as 0', async () => {
    await setField(page, 'batch', '');
    expect(await page.innerText('#estimate-error')).toBe('Batch is required');
    expect(await page.isEnabled('#insert')).toBe(false);
    await setField(page, 'batch', '8');
    expect(await page.innerText('#estimate-error')).toBe('');
    expect(await page.isEnabled('#insert')).toBe(true);
  });

  test('inserting from the custom architecture titles the sheet by its shape, not its JSON', async () => {
    await page.click('#custom-summary');
    await page.check('#use-custom');
    await setField(page, 'c-hidden', '5120');
    await setField(page, 'c-layers', '40');
    expect(await page.innerText('#estimate-error')).toBe('');
    await page.selectOption('#template', 'sizing');
    await page.click('#insert');
    await page.waitForFunction("document.getElementById('status').textContent.startsWith('Inserted')");
    const requests = (await page.evaluate('window.__requests')) as unknown[];
    const plan = renderTemplate(parseRequest(requests[requests.length - 1]));
    const title = String(plan.blocks[0].values[0][0]);
    expect(title).toMatch(/^LLM sizing: custom model \(H 5120, L 40, /);
    expect(title).not.toContain('{');
    // A cleared custom field is required too.
    await setField(page, 'c-hidden', '');
    expect(await page.innerText('#estimate-error')).toBe('Hidden size is required');
    expect(await page.isEnabled('#insert')).toBe(false);
    await setField(page, 'c-hidden', '4096');
    await page.uncheck('#use-custom');
  });
});
