/**
 * End to end: `npm start`'s server, the preview page in headless Chromium, a template inserted from
 * the real sidebar, a cell edited, and results compared with direct function calls.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { OUTPUT, launch } from '../helpers/browser';
import { loadBundle } from '../helpers/bundle';
import { startServer } from '../helpers/server';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const OPTIONS = 'n_gpus=1; output_tokens=256; engine=vllm; method=roofline';
const bundle = loadBundle();
const estimate = (metric: string, batch: number, context: number) =>
  bundle.fn('LLM_ESTIMATE')('llama-3.1-8b', metric, batch, context, 'bf16', 'h100-sxm', OPTIONS) as number;

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer(0);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(server.url);
  await page.waitForSelector('#grid td');
});

/** Errors in the page's console (a missing favicon used to log a 404 on every load). */
const consoleErrors: string[] = [];

test('loading the page logs no error', async () => {
  await page.waitForTimeout(300);
  expect(consoleErrors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
});

/** The grid cell in column `col` of the row whose column A reads `label`. */
async function cellBeside(label: string, col = 'B') {
  const row = await page.evaluate(
    `[...document.querySelectorAll('#grid td[data-a1^="A"]')].find((td) => td.textContent === ${JSON.stringify(label)})?.dataset.a1.slice(1)`,
  );
  if (!row) throw new Error(`no row labelled ${label}`);
  return page.locator(`#grid td[data-a1="${col}${row}"]`);
}

const sidebar = () => page.frameLocator('#sidebar');

async function insertFromSidebar(template: string, sheet: string): Promise<void> {
  await sidebar().locator('#template').selectOption(template);
  await sidebar().locator('#insert').click();
  await page.waitForSelector(`#tabs button[aria-selected="true"]:text-is("${sheet}")`);
}

test('insert a sizing sheet from the sidebar, edit the batch, and see the total recalculate', async () => {
  await sidebar().locator('#out-vram').waitFor();
  await insertFromSidebar('sizing', 'LLM sizing');
  const total = await cellBeside('Total VRAM (GiB)');
  expect(Number(await total.getAttribute('data-value'))).toBe(estimate('vram_gib', 8, 8192));

  await (await cellBeside('Batch size')).click();
  await page.fill('#formula', '32');
  await page.press('#formula', 'Enter');
  expect(Number(await total.getAttribute('data-value'))).toBe(estimate('vram_gib', 32, 8192));
  expect(await page.locator('#grid td.err').count()).toBe(0);
  // The embedded VRAM chart is drawn from the sheet's own cells and follows the edit.
  const chart = page.locator('#grid-wrap figure.chart');
  await expect(chart.locator('figcaption').textContent()).resolves.toContain('VRAM breakdown');
  const legend = await chart.locator('.chart-legend').textContent();
  expect(legend).toContain(`Weights ${estimate('weights_gib', 32, 8192).toFixed(2)}`);
  expect(legend).toContain(`KV cache ${estimate('kv_cache_gib', 32, 8192).toFixed(2)}`);
  await page.screenshot({ path: join(OUTPUT, 'preview-sizing.png') });
});

test('insert the sweep and check its table against the functions', async () => {
  await insertFromSidebar('sweep', 'LLM sweep');
  const first = await cellBeside('Batch \\ context', 'B');
  const axisRow = Number((await first.getAttribute('data-a1'))?.slice(1));
  for (const [r, batch] of [
    [1, 1],
    [4, 8],
  ]) {
    for (const [c, context] of [
      ['B', 1024],
      ['E', 8192],
    ] as const) {
      const cell = page.locator(`#grid td[data-a1="${c}${axisRow + r}"]`);
      expect(Number(await cell.getAttribute('data-value'))).toBe(estimate('vram_gib', batch, context));
    }
  }
  await page.screenshot({ path: join(OUTPUT, 'preview-sweep.png') });
});

test('a formula typed into the grid computes; an error shows as a sheet shows it', async () => {
  await page.locator('#tabs button', { hasText: 'Sheet1' }).click();
  await page.locator('#grid td[data-a1="A1"]').click();
  await page.fill('#formula', '=LLM_VRAM(4096,32,11008,32000,{1;8},2048,"fp16")');
  await page.press('#formula', 'Enter');
  const a1 = await page.locator('#grid td[data-a1="A1"]').getAttribute('data-value');
  expect(Number(a1)).toBe(bundle.fn('LLM_VRAM')(4096, 32, 11008, 32000, 1, 2048, 'fp16'));
  expect(await page.locator('#grid td[data-a1="A2"]').getAttribute('data-value')).not.toBeNull();
  // Below the spill (A1:A2), so the array result stays whole.
  await page.locator('#grid td[data-a1="A4"]').click();
  await page.fill('#formula', '=LLM_VRAM(4096,32,11008,32000,1,-5,"fp16")');
  await page.press('#formula', 'Enter');
  const bad = page.locator('#grid td[data-a1="A4"]');
  expect(await bad.textContent()).toBe('#ERROR!');
  expect(await bad.getAttribute('title')).toBe('LLM_VRAM: S (sequence length) must be a positive whole number, got -5');
});

test('the workbook downloads as .xlsx with formulas and cached values', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const path = join(OUTPUT, 'preview.xlsx');
  await download.saveAs(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Sheet1', 'LLM sizing', 'LLM sweep']);
  const a1 = workbook.getWorksheet('Sheet1')!.getCell('A1').value as { formula: string; result: number };
  expect(a1.formula).toBe('LLM_VRAM(4096,32,11008,32000,{1;8},2048,"fp16")');
  expect(a1.result).toBe(bundle.fn('LLM_VRAM')(4096, 32, 11008, 32000, 1, 2048, 'fp16'));
});

test('a busy port is a clear message; Ctrl-C stops the server cleanly', async () => {
  const port = Number(new URL(server.url).port);
  const second = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--port', String(port)], { cwd: ROOT });
  let message = '';
  second.stderr.on('data', (chunk: Buffer) => (message += chunk.toString()));
  expect(await exitOf(second)).toBe(1);
  expect(message).toContain(`Port ${port} is busy`);
  expect(message).toContain('--port');

  const exited = exitOf(server.child);
  server.child.kill('SIGINT');
  expect(await exited).toBe(0);
});
