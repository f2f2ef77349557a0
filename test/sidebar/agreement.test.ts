/**
 * The sidebar and the sheet it inserts agree: in headless Chromium, the built sidebar is set to each
 * value every field offers (each option of each select, read from the page; counts; a Hugging Face
 * id and a config.json; the custom architecture with its fields both ways), Insert is clicked, and
 * the request it sends is inserted through the real server code (dist/Code.js) on the HyperFormula
 * workbook. The figures the sidebar shows (kept in data-value beside the text) must equal the
 * sheet's cells, the options text it computed from the sheet's options cell, and the model text
 * its model cell.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { NO_PEAK } from '../../src/addon/templates';
import { OUTPUT, launch } from '../helpers/browser';
import { createWorkbook } from '../helpers/workbook';
import { loadSidebar } from '../helpers/sidebar';

jest.setTimeout(120_000);

/** The sidebar's figures and the sizing sheet's rows that show the same thing. */
const FIGURES: readonly { id: string; label: string }[] = [
  { id: 'out-params', label: 'Parameters' },
  { id: 'out-vram', label: 'Total VRAM (GiB)' },
  { id: 'out-per-gpu', label: 'VRAM per GPU (GiB)' },
  { id: 'out-fits', label: 'Fits' },
  { id: 'out-gpus-needed', label: 'GPUs needed (by memory)' },
  { id: 'out-ttft', label: 'Time to first token (s)' },
  { id: 'out-tpot', label: 'Time per output token (s)' },
  { id: 'out-tps', label: 'Tokens/s (all sequences)' },
];

interface Shown {
  error: string;
  model: string;
  options: string;
  figures: Record<string, { text: string; value: string | null }>;
}

let browser: Browser;
let page: Page;
const wb = createWorkbook();
let compared = 0;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 300, height: 1100 } });
  await loadSidebar(page);
  await page.locator('#out-vram').waitFor();
});

afterAll(async () => {
  console.log(`sidebar and inserted sheet compared for ${compared} inputs`);
  await browser?.close();
});

async function shown(): Promise<Shown> {
  return (await page.evaluate(`(() => {
    const box = document.getElementById('estimate');
    const figures = {};
    for (const id of ${JSON.stringify(FIGURES.map((f) => f.id))}) {
      const dd = document.getElementById(id);
      figures[id] = { text: dd.textContent, value: dd.dataset.value ?? null };
    }
    return {
      error: document.getElementById('estimate-error').textContent,
      model: box.dataset.model ?? '',
      options: box.dataset.options ?? '',
      figures,
    };
  })()`)) as Shown;
}

/** Clicks Insert and returns the request the sidebar sent. */
async function insertRequest(): Promise<Record<string, unknown>> {
  const n = (await page.evaluate('window.__requests.length')) as number;
  await page.click('#insert');
  await page.waitForFunction(
    `window.__requests.length === ${n + 1} && document.getElementById('status').textContent.startsWith('Inserted')`,
  );
  return (await page.evaluate(`window.__requests[${n}]`)) as Record<string, unknown>;
}

/** What the sidebar shows now equals the sizing sheet inserted from its request. */
async function expectAgreement(what: string): Promise<Shown> {
  const seen = await shown();
  expect([what, seen.error]).toEqual([what, '']);
  const request = await insertRequest();
  const name = wb.global.insertSizingGrid(request) as string;
  const rows = wb.values(name);
  const cell = (label: string) => rows.find((r) => r[0] === label)?.[1];
  const sheet: Record<string, unknown> = { model: cell('Model'), options: cell('Options (built from the inputs)') };
  const sidebar: Record<string, unknown> = { model: seen.model, options: seen.options };
  for (const { id, label } of FIGURES) {
    const { text, value } = seen.figures[id];
    sheet[id] = cell(label);
    // A figure the sidebar cannot compute says "unavailable"; the sheet's cell says why.
    sidebar[id] = value === null ? (text === 'unavailable' ? NO_PEAK : `no value: ${text}`) : JSON.parse(value);
  }
  expect([what, sheet]).toEqual([what, sidebar]);
  wb.hf.removeSheet(wb.hf.getSheetId(name) as number);
  wb.shim.extras.delete(name);
  compared++;
  return seen;
}

async function setField(id: string, value: string): Promise<void> {
  await page.fill(`#${id}`, value);
  await page.dispatchEvent(`#${id}`, 'input');
}

test('every option of every select', async () => {
  const selects = (await page.evaluate(
    `[...document.querySelectorAll('#form select')].map((s) => ({ id: s.id, value: s.value, options: [...s.options].map((o) => o.value) }))`,
  )) as { id: string; value: string; options: string[] }[];
  expect(selects.map((s) => s.id)).toEqual(['c-norm', 'gpu', 'engine', 'precision', 'kv-precision', 'method']);
  for (const select of selects.filter((s) => !s.id.startsWith('c-'))) {
    for (const option of select.options) {
      await page.selectOption(`#${select.id}`, option);
      await expectAgreement(`${select.id}=${option}`);
    }
    await page.selectOption(`#${select.id}`, select.value);
  }
});

test('counts, each changed from its default', async () => {
  for (const [id, values] of [
    ['n-gpus', ['2', '8']],
    ['batch', ['1', '64']],
    ['context', ['1024', '32768']],
    ['output-tokens', ['1', '2048']],
  ] as const) {
    const before = await page.inputValue(`#${id}`);
    for (const value of values) {
      await setField(id, value);
      await expectAgreement(`${id}=${value}`);
    }
    await setField(id, before);
  }
});

test('a model by its Hugging Face id, and a pasted config.json', async () => {
  await setField('model', 'meta-llama/Llama-3.1-8B');
  await expectAgreement('Hugging Face id');
  await setField(
    'model',
    JSON.stringify({
      model_type: 'llama',
      hidden_size: 2048,
      num_hidden_layers: 16,
      intermediate_size: 8192,
      vocab_size: 128256,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      tie_word_embeddings: true,
    }),
  );
  await expectAgreement('config.json');
  await setField('model', 'llama-3.1-8b');
});

test('the custom architecture: gated FFN checked and unchecked, norm, tied embeddings, experts', async () => {
  await page.click('#custom-summary');
  await page.check('#use-custom');
  const gated = await expectAgreement('custom, gated FFN');
  expect(gated.model).toBe(
    'hidden=4096; layers=32; ffn=14336; vocab=128256; heads=32; kv_heads=8; experts=0; norm=rmsnorm; gated_ffn=1; tied_embeddings=0',
  );
  // The defaults are Llama-3.1-8B's shape: the same count as the preset.
  expect(gated.figures['out-params'].value).toBe('8030261248');
  await page.screenshot({ path: join(OUTPUT, 'sidebar-custom.png'), fullPage: true });

  await page.uncheck('#c-gated-ffn');
  const plain = await expectAgreement('custom, gated FFN unchecked');
  expect(plain.model).toContain('gated_ffn=0');
  // Two FFN matrices instead of three: 32 layers × 4096 × 14336 fewer weights.
  expect(Number(plain.figures['out-params'].value)).toBe(8030261248 - 32 * 4096 * 14336);

  await page.selectOption('#c-norm', 'layernorm');
  await expectAgreement('custom, layernorm');
  await page.check('#c-tied-embeddings');
  await expectAgreement('custom, tied embeddings');
  await setField('c-experts', '8');
  await setField('c-active-experts', '2');
  const moe = await expectAgreement('custom, 8 experts, 2 active');
  expect(moe.model).toContain('experts=8; active_experts=2');

  await page.check('#c-gated-ffn');
  await page.selectOption('#c-norm', 'rmsnorm');
  await page.uncheck('#c-tied-embeddings');
  await setField('c-experts', '0');
  await page.uncheck('#use-custom');
});
