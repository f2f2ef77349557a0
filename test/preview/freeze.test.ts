/**
 * End to end: the add-on menu in the preview (`npm start`'s server in headless Chromium) inserts a
 * template, then freezes a selected range and the whole sheet; frozen cells show the values they
 * showed before, hold no formula, and keep it in their note; other formulas stay formulas.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { OUTPUT, launch } from '../helpers/browser';
import { startServer } from '../helpers/server';

jest.setTimeout(120_000);

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(server.url);
  await page.waitForSelector('#grid td');
});

afterAll(async () => {
  await browser?.close();
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
});

const LLM_CALL = /\bLLM_[A-Z_]+\s*\(/i;

interface Cell {
  a1: string;
  formula?: string;
  value: unknown;
}

/** Every non-empty cell of a sheet as the page's workbook holds it (not through the add-on's code). */
function cells(sheet: string): Promise<Cell[]> {
  return page.evaluate((name) => {
    const { hf } = (globalThis as unknown as { __preview: { hf: import('hyperformula').HyperFormula } }).__preview;
    const id = hf.getSheetId(name)!;
    const { height, width } = hf.getSheetDimensions(id);
    const out: { a1: string; formula?: string; value: unknown }[] = [];
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        const address = { sheet: id, row, col };
        const value = hf.getCellValue(address);
        const formula = hf.getCellFormula(address);
        if (value === null && !formula) continue;
        out.push({
          a1: hf.simpleCellAddressToString(address, id)!,
          formula,
          value: typeof value === 'object' && value !== null ? String((value as { value: unknown }).value) : value,
        });
      }
    }
    return out;
  }, sheet);
}

const td = (a1: string) => page.locator(`#grid td[data-a1="${a1}"]`);

async function menu(...path: string[]): Promise<void> {
  await page.click('.addon-menu-button');
  for (const caption of path) {
    await page.locator('.addon-menu-panel [role="menuitem"]', { hasText: caption }).first().click();
  }
}

async function formulaBarOf(a1: string): Promise<string> {
  await td(a1).click();
  return page.inputValue('#formula');
}

test('the menu inserts a template; freezing a selected range turns just those results into values', async () => {
  await menu('Insert template', 'Sizing sheet');
  await page.waitForSelector('#tabs button[aria-selected="true"]:text-is("LLM sizing")');
  const before = await cells('LLM sizing');
  const shown = new Map<string, string | null>();
  for (const c of before) shown.set(c.a1, await td(c.a1).getAttribute('data-value'));
  const selected = ['B18', 'B19', 'B20', 'B21', 'B22', 'B23', 'B24'];
  for (const a1 of selected) expect(before.find((c) => c.a1 === a1)?.formula).toMatch(LLM_CALL);

  await td('B18').click();
  await td('B24').click({ modifiers: ['Shift'] });
  await menu('Freeze selected results as values');
  await expect(page.locator('#toast').textContent()).resolves.toContain('Froze 7 LLM_ formulas (7 cells) as values');

  const after = new Map((await cells('LLM sizing')).map((c) => [c.a1, c]));
  for (const cell of before) {
    const now = after.get(cell.a1)!;
    expect([cell.a1, await td(cell.a1).getAttribute('data-value')]).toEqual([cell.a1, shown.get(cell.a1)]);
    if (selected.includes(cell.a1)) {
      expect([cell.a1, now.formula, now.value]).toEqual([cell.a1, undefined, cell.value]);
      expect(await td(cell.a1).getAttribute('title')).toContain(`Frozen from: ${cell.formula}`);
    } else {
      expect(now).toEqual(cell);
    }
  }
  expect(await formulaBarOf('B18')).toBe(String(before.find((c) => c.a1 === 'B18')!.value));
  expect(await formulaBarOf('B25')).toMatch(/^=LLM_GPU\(/);
  expect(await formulaBarOf('B27')).toBe('=ROUNDUP($B$23/$B$25,0)');
  await page.screenshot({ path: join(OUTPUT, 'preview-freeze-selection.png') });
});

test("freezing the whole sheet's results leaves no LLM_ formula and every value as shown", async () => {
  const before = await cells('LLM sizing');
  const remaining = before.filter((c) => c.formula && LLM_CALL.test(c.formula));
  expect(remaining.length).toBeGreaterThan(0);
  await menu("Freeze whole sheet's results as values");
  await expect(page.locator('#toast').textContent()).resolves.toContain(
    `Froze ${remaining.length} LLM_ formulas (${remaining.length} cells)`,
  );
  const after = new Map((await cells('LLM sizing')).map((c) => [c.a1, c]));
  for (const cell of before) {
    const now = after.get(cell.a1)!;
    if (remaining.includes(cell)) expect([cell.a1, now.formula, now.value]).toEqual([cell.a1, undefined, cell.value]);
    else expect(now).toEqual(cell);
  }
  expect(await formulaBarOf('B27')).toBe('=ROUNDUP($B$23/$B$25,0)');
});

test('a cell of an array result freezes the whole array; the array beside it stays a formula', async () => {
  await menu('Insert template', 'GPU comparison');
  await page.waitForSelector('#tabs button[aria-selected="true"]:text-is("LLM GPU comparison")');
  const before = await cells('LLM GPU comparison');
  const shown = new Map<string, string | null>();
  for (const c of before) shown.set(c.a1, await td(c.a1).getAttribute('data-value'));
  const anchor = before.find((c) => c.a1 === 'C17')!;
  expect(anchor.formula).toMatch(/^=LLM_ESTIMATE\(/);

  await td('D20').click();
  await page.click('.addon-menu-button');
  await page.screenshot({ path: join(OUTPUT, 'preview-freeze-menu.png') });
  await page.locator('.addon-menu-panel [role="menuitem"]', { hasText: 'Freeze selected results' }).click();
  await expect(page.locator('#toast').textContent()).resolves.toContain('Froze 1 LLM_ formula (60 cells)');

  const after = new Map((await cells('LLM GPU comparison')).map((c) => [c.a1, c]));
  for (const cell of before) {
    expect([cell.a1, await td(cell.a1).getAttribute('data-value')]).toEqual([cell.a1, shown.get(cell.a1)]);
    const col = cell.a1.charCodeAt(0);
    const row = Number(cell.a1.slice(1));
    const inArray = col >= 67 && col <= 70 && row >= 17 && row <= 31;
    if (!inArray) expect(after.get(cell.a1)).toEqual(cell);
  }
  expect(after.get('C17')?.formula).toBeUndefined();
  expect(await td('C17').getAttribute('title')).toContain(`Frozen from: ${anchor.formula}`);
  expect(await formulaBarOf('B17')).toMatch(/^=LLM_GPU\(\$A\$17:\$A\$31/);
  expect(await formulaBarOf('G17')).toMatch(/^=IF\(/);
  await page.screenshot({ path: join(OUTPUT, 'preview-freeze-array.png') });

  // In the preview a menu action is one undoable step, as an edit is.
  await td('A1').click();
  await page.keyboard.press('Control+z');
  expect((await cells('LLM GPU comparison')).find((c) => c.a1 === 'C17')?.formula).toBe(anchor.formula);
});
