/**
 * End to end in headless Chromium: the preview's grid behaves like a sheet for the basics a
 * newcomer tries first. Editing (Enter, Tab, Escape, typing on a cell), Delete, range selection,
 * copy and paste (within the grid and from a real spreadsheet's tab-separated text), undo, error
 * and input-help text in the status line, text overflowing into empty cells, the lookup functions,
 * and a pasted config.json used whole, each checked against the bundle called directly.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { OUTPUT, launch } from '../helpers/browser';
import { loadBundle } from '../helpers/bundle';
import { startServer } from '../helpers/server';

jest.setTimeout(120_000);

const bundle = loadBundle();

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  await page.waitForSelector('#grid td');
});

afterAll(async () => {
  await browser?.close();
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
});

afterEach(() => expect(errors).toEqual([]));

const cell = (a1: string) => page.locator(`#grid td[data-a1="${a1}"]`);
const text = (a1: string) => cell(a1).textContent();
const value = async (a1: string) => {
  const raw = await cell(a1).getAttribute('data-value');
  return raw === null ? null : Number.isNaN(Number(raw)) ? raw : Number(raw);
};
// Page code is given as text: the tests compile without the DOM's types.
const formulaOf = (a1: string) =>
  page.evaluate(`(() => {
    const { hf, activeSheet } = window.__preview;
    return hf.getCellFormula(hf.simpleCellAddressFromString(${JSON.stringify(a1)}, hf.getSheetId(activeSheet())));
  })()`) as Promise<string | undefined>;
const status = () => page.locator('#status');

/** Selects a cell and types into it as a person does (typing on the cell starts editing it). */
async function typeInto(a1: string, content: string, key = 'Enter'): Promise<void> {
  await cell(a1).click();
  await page.keyboard.type(content);
  await page.keyboard.press(key);
}

/** A paste as a real spreadsheet puts it on the clipboard: tab-separated text/plain. */
async function pasteText(data: string): Promise<void> {
  await page.evaluate(`(() => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', ${JSON.stringify(data)});
    const paste = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
    document.getElementById('grid-wrap').dispatchEvent(paste);
  })()`);
}

async function sheet(name: string): Promise<void> {
  await page.locator('#tabs button', { hasText: name }).click();
}

test('Enter and Tab commit what was typed and move as in Sheets; Escape cancels; typing on a cell edits it', async () => {
  // The newcomer's report: "8" typed in the formula bar, then Tab, left the cell empty.
  await cell('A1').click();
  await page.fill('#formula', '8');
  await page.press('#formula', 'Tab');
  expect(await value('A1')).toBe(8);
  expect(await page.inputValue('#cell-name')).toBe('B1');
  // Typing straight on the selected cell; Tab, Tab, then Enter goes down to the column the run began in.
  await page.keyboard.type('9');
  await page.keyboard.press('Tab');
  await page.keyboard.type('=A1+B1');
  await page.keyboard.press('Enter');
  expect([await value('B1'), await value('C1')]).toEqual([9, 17]);
  expect(await page.inputValue('#cell-name')).toBe('A2');
  // Shift+Enter and Shift+Tab commit and move back.
  await page.keyboard.type('10');
  await page.keyboard.press('Shift+Enter');
  expect(await value('A2')).toBe(10);
  expect(await page.inputValue('#cell-name')).toBe('A1');
  await cell('C2').click();
  await page.keyboard.type('11');
  await page.keyboard.press('Shift+Tab');
  expect(await value('C2')).toBe(11);
  expect(await page.inputValue('#cell-name')).toBe('B2');
  // Typing replaces the content; the typed text shows in the cell while editing; Escape cancels.
  await cell('A1').click();
  await page.keyboard.type('123');
  expect(await text('A1')).toBe('123');
  await page.keyboard.press('Escape');
  expect(await value('A1')).toBe(8);
  expect(await page.inputValue('#formula')).toBe('8');
  // Enter on a cell edits it with its content (the formula), kept as it was when nothing changes.
  await cell('C1').click();
  await page.keyboard.press('Enter');
  expect(await page.evaluate('document.activeElement.id')).toBe('formula');
  expect(await page.inputValue('#formula')).toBe('=A1+B1');
  await page.keyboard.press('Escape');
  expect(await value('C1')).toBe(17);
});

test('Delete and Backspace clear a cell or a selected range; shift+click, shift+arrows and a drag select ranges', async () => {
  await sheet('Sheet1');
  await pasteTextAt('E1', '1\t2\t3\n4\t5\t6\n7\t8\t9');
  expect([await value('E1'), await value('G3')]).toEqual([1, 9]);
  expect(await page.inputValue('#cell-name')).toBe('E1:G3');
  // One cell.
  await cell('E1').click();
  await page.keyboard.press('Delete');
  expect(await value('E1')).toBeNull();
  await cell('F1').click();
  await page.keyboard.press('Backspace');
  expect(await value('F1')).toBeNull();
  // Shift+click selects from the active cell.
  await cell('E2').click();
  await cell('F3').click({ modifiers: ['Shift'] });
  expect(await page.inputValue('#cell-name')).toBe('E2:F3');
  expect(await page.locator('#grid td.in-range').count()).toBe(4);
  // Shift+arrows grow it; the active cell stays where the range began.
  await page.keyboard.press('Shift+ArrowRight');
  expect(await page.inputValue('#cell-name')).toBe('E2:G3');
  expect(await page.locator('#grid td.selected').getAttribute('data-a1')).toBe('E2');
  await page.keyboard.press('Delete');
  for (const a1 of ['E2', 'F2', 'G2', 'E3', 'F3', 'G3']) expect(await value(a1)).toBeNull();
  expect(await value('G1')).toBe(3);
  // A mouse drag.
  const from = await cell('H5').boundingBox();
  const to = await cell('J7').boundingBox();
  await page.mouse.move(from!.x + 5, from!.y + 5);
  await page.mouse.down();
  await page.mouse.move(to!.x + 5, to!.y + 5, { steps: 4 });
  await page.mouse.up();
  expect(await page.inputValue('#cell-name')).toBe('H5:J7');
  expect(await page.locator('#grid td.in-range').count()).toBe(9);
  await page.screenshot({ path: join(OUTPUT, 'sheet-basics-range.png') });
});

/** Selects a cell and pastes tab-separated text there. */
async function pasteTextAt(a1: string, tsv: string): Promise<void> {
  await cell(a1).click();
  await pasteText(tsv);
}

test('copy and paste a cell and a range (Ctrl+C, Ctrl+V); a formula keeps its relative references', async () => {
  await sheet('Sheet1');
  await typeInto('A10', '5');
  await typeInto('A11', '6');
  await typeInto('B10', '=A10*2');
  // One cell: the formula moves with it, as in Sheets.
  await cell('B10').click();
  await page.keyboard.press('Control+C');
  await cell('B11').click();
  await page.keyboard.press('Control+V');
  expect(await formulaOf('B11')).toBe('=A11*2');
  expect(await value('B11')).toBe(12);
  // What went on the clipboard is what a spreadsheet pastes: tab-separated values as shown.
  await cell('A10').click();
  await cell('B11').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+C');
  const clipboard = await page.evaluate(`(() => {
    const clipboardData = new DataTransfer();
    document.getElementById('grid-wrap').dispatchEvent(new ClipboardEvent('copy', { clipboardData, bubbles: true }));
    return clipboardData.getData('text/plain');
  })()`);
  expect(clipboard).toBe('5\t10\n6\t12');
  // A range: 2x2 pasted at D10, the formulas pointing at the pasted column.
  await cell('D10').click();
  await page.keyboard.press('Control+V');
  expect([await value('D10'), await value('E10'), await value('D11'), await value('E11')]).toEqual([5, 10, 6, 12]);
  expect(await formulaOf('E10')).toBe('=D10*2');
  // One cell into a selected range fills it.
  await cell('B10').click();
  await page.keyboard.press('Control+C');
  await cell('G10').click();
  await cell('G12').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+V');
  expect(await formulaOf('G12')).toBe('=F12*2');
  // From a real spreadsheet: quoted cells, numbers with thousands separators, TRUE.
  await pasteTextAt('A14', 'GPU\tMemory\n"H100, SXM"\t"1,024"\nok\tTRUE\n');
  expect([await text('A15'), await value('B15'), await text('B16')]).toEqual(['H100, SXM', 1024, 'TRUE']);
});

test('undo (Ctrl+Z) takes back the last edit, a whole paste, a whole range clear; Ctrl+Y redoes', async () => {
  await sheet('Sheet1');
  await typeInto('A20', '1');
  await typeInto('A20', '2');
  await page.keyboard.press('Control+Z');
  expect(await value('A20')).toBe(1);
  await pasteTextAt('B20', 'a\tb\nc\td');
  expect(await text('C21')).toBe('d');
  await page.keyboard.press('Control+Z');
  for (const a1 of ['B20', 'C20', 'B21', 'C21']) expect(await value(a1)).toBeNull();
  expect(await value('A20')).toBe(1);
  await page.keyboard.press('Control+Y');
  expect(await text('C21')).toBe('d');
  await cell('B20').click();
  await cell('C21').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Delete');
  expect(await value('B20')).toBeNull();
  await page.keyboard.press('Control+Z');
  expect([await text('B20'), await text('C21')]).toEqual(['a', 'd']);
});

test('errors show in the cell, the full message in the status line; input help shows for template inputs', async () => {
  await sheet('Sheet1');
  await typeInto('A30', '=LLM_VRAM(4096,32,11008,32000,1,-5,"fp16")');
  expect(await text('A30')).toBe('#ERROR!');
  await cell('A30').click();
  await expect(status().textContent()).resolves.toBe(
    '#ERROR! LLM_VRAM: S (sequence length) must be a positive whole number, got -5',
  );
  expect(await status().getAttribute('class')).toBe('error');
  // What the preview lacks, and a ; separator, are said plainly rather than a bare #NAME?.
  await typeInto('A31', '=QUERY(A1:B2, "select A")');
  await cell('A31').click();
  expect(await text('A31')).toBe('#NAME?');
  await expect(status().textContent()).resolves.toBe(
    '#NAME? QUERY is not available in the local preview (it works in Google Sheets).',
  );
  await typeInto('A32', '=SUM(1;2)');
  await cell('A32').click();
  await expect(status().textContent()).resolves.toMatch(/Arguments are separated by commas/);
  // A template's inputs carry their help text (the data validation's), shown when selected.
  await page.frameLocator('#sidebar').locator('#template').selectOption('sizing');
  await page.frameLocator('#sidebar').locator('#insert').click();
  await page.waitForSelector('#tabs button[aria-selected="true"]:text-is("LLM sizing")');
  const row = await page.evaluate(
    `[...document.querySelectorAll('#grid td[data-a1^="A"]')].find((td) => td.textContent === 'Batch size')?.dataset.a1.slice(1)`,
  );
  await cell(`B${row}`).click();
  await expect(status().textContent()).resolves.toBe('Sequences served together.');
  expect(await status().getAttribute('class')).toBe('help');
  await page.screenshot({ path: join(OUTPUT, 'sheet-basics-help.png') });
  // The template's title is not cut off: it runs on over the empty cells to its right.
  const title = page.locator('#grid td[data-a1="A1"] .overflow');
  expect(await title.evaluate((span) => span.scrollWidth <= span.clientWidth)).toBe(true);
  expect((await title.boundingBox())!.width).toBeGreaterThan((await cell('A1').boundingBox())!.width);
  // Inserting the template was one step: undone whole, and redone with its formats and help.
  await cell('D20').click();
  await page.keyboard.press('Control+Z');
  await expect(page.locator('#tabs button').allTextContents()).resolves.toEqual(['Sheet1']);
  await page.keyboard.press('Control+Y');
  await sheet('LLM sizing');
  await cell(`B${row}`).click();
  await expect(status().textContent()).resolves.toBe('Sequences served together.');
  // Leaving the formula bar for a tab keeps what was typed, and the tab opens.
  await cell('D20').click();
  await page.fill('#formula', 'kept');
  await sheet('Sheet1');
  await expect(page.locator('#tabs button[aria-selected="true"]').textContent()).resolves.toBe('Sheet1');
  await sheet('LLM sizing');
  expect(await text('D20')).toBe('kept');
});

test('text overflows into empty neighbours, stops at a filled one; numbers never overflow', async () => {
  await sheet('Sheet1');
  const long = 'A title long enough to need three or four columns of the grid to be read';
  await pasteTextAt('A40', `${long}\n${long}\t\t\tstop\n12345678901234567890`);
  const run = cell('A40').locator('.overflow');
  expect(await run.textContent()).toBe(long);
  expect(await run.evaluate((span) => span.scrollWidth <= span.clientWidth)).toBe(true);
  const runBox = (await run.boundingBox())!;
  const d40 = (await cell('D40').boundingBox())!;
  expect(runBox.x + runBox.width).toBeGreaterThan(d40.x);
  // Clipped where the next filled cell begins.
  const clipped = (await cell('A41').locator('.overflow').boundingBox())!;
  expect(clipped.x + clipped.width).toBeLessThanOrEqual((await cell('D41').boundingBox())!.x);
  expect(await cell('A42').locator('.overflow').count()).toBe(0);
  await cell('A40').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUTPUT, 'sheet-basics-overflow.png') });
});

test('MATCH(TRUE, …), INDEX, FILTER, SORT, ARRAYFORMULA and IFERROR compute in the grid', async () => {
  await sheet('Sheet1');
  await pasteTextAt('J2', 'a100\t40\nh100\t80\nb200\t192\nl4\t24');
  await pasteTextAt('L2', '=K2>100\n=K3>100\n=K4>100\n=K5>100');
  await typeInto('N2', '=INDEX(J2:J5, MATCH(TRUE, L2:L5, 0))');
  expect(await text('N2')).toBe('b200');
  await typeInto('N3', '=IFERROR(MATCH("x", J2:J5, 0), "none")');
  expect(await text('N3')).toBe('none');
  await typeInto('O2', '=SORT(J2:K5, 2, FALSE)');
  expect([await text('O2'), await text('O3'), await text('O5'), await value('P2')]).toEqual([
    'b200',
    'h100',
    'l4',
    192,
  ]);
  await typeInto('Q2', '=FILTER(J2:J5, K2:K5>50)');
  expect([await text('Q2'), await text('Q3'), await text('Q4')]).toEqual(['h100', 'b200', '']);
  await typeInto('R2', '=ARRAYFORMULA(K2:K5*2)');
  expect(await value('R5')).toBe(48);
});

test('a config.json pasted one line per cell is one model, before or after the formula (as the bundle computes)', async () => {
  await page.locator('#tabs button', { hasText: 'Sheet1' }).click();
  const config = JSON.stringify(
    {
      architectures: ['LlamaForCausalLM'],
      hidden_size: 4096,
      intermediate_size: 14336,
      model_type: 'llama',
      num_attention_heads: 32,
      num_hidden_layers: 32,
      num_key_value_heads: 8,
      tie_word_embeddings: false,
      vocab_size: 128256,
    },
    null,
    2,
  ).split('\n');
  const column = Array.from({ length: 35 }, (_, i) => [config[i] ?? '']);
  const metrics = ['weights_gib', 'kv_cache_gib', 'vram_gib'];
  const expected = bundle.fn('LLM_ESTIMATE')(
    column,
    [metrics],
    [[1], [2], [8]],
    4096,
    'bf16',
    'a100-80gb-sxm',
  ) as number[][];
  expect(expected).toHaveLength(3);
  // The formula first (the blank column broadcasts, 35 rows), then the config pasted into it.
  await pasteTextAt('U40', '1\n2\n8');
  await typeInto(
    'V1',
    '=LLM_ESTIMATE(T1:T35, {"weights_gib","kv_cache_gib","vram_gib"}, U40:U42, 4096, "bf16", "a100-80gb-sxm")',
  );
  await pasteTextAt('T1', config.join('\n'));
  const grid = async (cols: string[], rows: number[]) =>
    Promise.all(rows.map((r) => Promise.all(cols.map((c) => value(`${c}${r}`)))));
  expect(await grid(['V', 'W', 'X'], [1, 2, 3])).toEqual(expected);
  expect(await grid(['V'], [4])).toEqual([[null]]);
  await cell('V1').click();
  expect(await status().textContent()).toBe('');
  // And a formula typed after the paste, with filled cells below its row.
  await typeInto('V11', 'label');
  await typeInto(
    'V10',
    '=LLM_ESTIMATE(T1:T35, {"weights_gib","kv_cache_gib","vram_gib"}, 8, 4096, "bf16", "a100-80gb-sxm")',
  );
  expect(await grid(['V', 'W', 'X'], [10])).toEqual([expected[2]]);
});
