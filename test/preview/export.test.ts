/**
 * The .xlsx export keeps what the user saw: the three templates inserted through the real server
 * code, collected by preview/app/export.ts, written by scripts/lib/xlsx.mjs, and the file read back
 * with ExcelJS: every displayed value (spills included), spill formulas as array formulas, fills,
 * fonts, number formats, dropdowns, number rules, conditional formats, widths, frozen rows and notes.
 * Then once end to end: the preview page in Chromium, templates inserted from the sidebar, the
 * "Download .xlsx" button, and the downloaded file against the page's own workbook.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CellType, DetailedCellError, type HyperFormula } from 'hyperformula';
import type { Browser } from 'playwright-core';
import { workbookForExport, type ExportSheet } from '../../preview/app/export';
import { DEFAULT_REQUEST, TEMPLATE_IDS } from '../../src/addon/request';
import { OUTPUT, launch } from '../helpers/browser';
import { createWorkbook, type Workbook } from '../helpers/workbook';
import { startServer } from '../helpers/server';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..');
const XLSX = join(ROOT, 'scripts', 'lib', 'xlsx.mjs');

/** scripts/lib/xlsx.mjs in a child Node (Jest here loads CommonJS): the payload in, the file out. */
function toXlsx(sheets: ExportSheet[], options: { spills?: 'array' | 'values' } = {}): Buffer {
  const script = `import { workbookToXlsx } from ${JSON.stringify(XLSX)};
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    const { sheets, options } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    process.stdout.write(await workbookToXlsx(sheets, options));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    input: JSON.stringify({ sheets, options }),
    maxBuffer: 64 * 1024 * 1024,
  });
}

async function readXlsx(data: Buffer | string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (typeof data === 'string') await workbook.xlsx.readFile(data);
  else await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

function letters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const a1 = (row: number, col: number) => `${letters(col)}${row + 1}`;

/** The cells of an A1 range ("B18:I25", "B6"). */
function cellsOf(range: string): string[] {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
  if (!m) throw new Error(`bad range ${range}`);
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const out: string[] = [];
  for (let r = Number(m[2]) - 1; r <= Number(m[4] ?? m[2]) - 1; r++) {
    for (let c = col(m[1]); c <= col(m[3] ?? m[1]); c++) out.push(a1(r, c));
  }
  return out;
}

/**
 * What a cell of the file shows: its value, or its formula's cached result. A formula's empty text
 * result is written as <v></v>, which ExcelJS reads back as no result.
 */
function shown(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v && typeof v === 'object' && 'formula' in v) return v.result ?? '';
  return v;
}

/** Every cell HyperFormula displays a value in, read from HyperFormula itself. */
function displayed(hf: HyperFormula): { sheet: string; ref: string; value: unknown }[] {
  const out: { sheet: string; ref: string; value: unknown }[] = [];
  for (const sheet of hf.getSheetNames()) {
    const id = hf.getSheetId(sheet) as number;
    const { width, height } = hf.getSheetDimensions(id);
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        const value = hf.getCellValue({ sheet: id, row, col });
        if (value !== null) out.push({ sheet, ref: a1(row, col), value });
      }
    }
  }
  return out;
}

/** The value the file should hold for a displayed value (errors as Excel knows them). */
function expected(value: unknown): unknown {
  if (!(value instanceof DetailedCellError)) return value;
  return ['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!'].includes(value.value)
    ? { error: value.value }
    : { error: '#VALUE!' };
}

/** What ExcelJS reads from a sheet beyond its typings: data validations and conditional formats. */
interface ReadBack {
  dataValidations: { find(ref: string): ExcelJS.DataValidation | undefined };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
}
const readBack = (ws: ExcelJS.Worksheet) => ws as unknown as ReadBack;

/** ExcelJS's ARGB for "#rrggbb". */
const argb = (color: unknown) => `FF${String(color).slice(1).toUpperCase()}`;

describe('the three templates, exported and read back', () => {
  let wb: Workbook;
  let file: ExcelJS.Workbook;

  beforeAll(async () => {
    wb = createWorkbook();
    for (const template of TEMPLATE_IDS) wb.global.insertSizingGrid({ ...DEFAULT_REQUEST, template });
    // A user's own sheet: a spill, an error, and a spill blocked by a value in its way.
    wb.edit('Sheet1', 'A1', '=LLM_VRAM(4096,32,11008,32000,{1;8},2048,"fp16")');
    wb.edit('Sheet1', 'A4', '=LLM_VRAM(4096,32,11008,32000,1,-5,"fp16")');
    wb.edit('Sheet1', 'D6', 'in the way');
    wb.edit('Sheet1', 'C6', '={1,2}');
    file = await readXlsx(toXlsx(workbookForExport(wb.hf, wb.shim)));
  });

  test('the same sheets, in order', () => {
    expect(file.worksheets.map((w) => w.name)).toEqual(wb.hf.getSheetNames());
  });

  test('every value the workbook displays is in the file, spilled cells included', () => {
    const all = displayed(wb.hf);
    const numbers = all.filter((d) => typeof d.value === 'number');
    // The spill sheets hold most of the numbers; none may be left out.
    expect(numbers.filter((d) => d.sheet !== 'LLM sizing' && d.sheet !== 'Sheet1').length).toBeGreaterThan(200);
    const missing = all.filter(
      (d) => JSON.stringify(shown(file.getWorksheet(d.sheet)!.getCell(d.ref))) !== JSON.stringify(expected(d.value)),
    );
    expect(missing).toEqual([]);
  });

  test('each spill keeps its formula in its top-left cell, as an array formula over the spill', () => {
    const spills: Record<string, number> = {};
    for (const sheet of wb.hf.getSheetNames()) {
      const id = wb.hf.getSheetId(sheet) as number;
      const ws = file.getWorksheet(sheet)!;
      const inArrays = new Set<string>();
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
          if (v?.shareType !== 'array') return;
          spills[sheet] = (spills[sheet] ?? 0) + 1;
          const addr = wb.hf.simpleCellAddressFromString(cell.address, id)!;
          expect(`=${v.formula}`).toBe(wb.hf.getCellFormula(addr));
          expect(wb.hf.getCellType(addr)).toBe(CellType.ARRAYFORMULA);
          const area = cellsOf(v.ref as string);
          expect(area[0]).toBe(cell.address);
          // The rest of the area is the array's, and holds values only.
          for (const ref of area.slice(1)) {
            expect(wb.hf.getCellType(wb.hf.simpleCellAddressFromString(ref, id)!)).toBe(CellType.ARRAY);
            expect(ws.getCell(ref).formula).toBeUndefined();
            inArrays.add(ref);
          }
        }),
      );
      // Every spilled cell lies in one of the file's array areas.
      const { width, height } = wb.hf.getSheetDimensions(id);
      for (let row = 0; row < height; row++) {
        for (let col = 0; col < width; col++) {
          if (wb.hf.getCellType({ sheet: id, row, col }) === CellType.ARRAY) expect(inArrays).toContain(a1(row, col));
        }
      }
    }
    expect(spills['LLM GPU comparison']).toBeGreaterThan(0);
    expect(spills['LLM sweep']).toBeGreaterThan(0);
    // Sheet1: A1's; C6's is blocked (#SPILL!), so it is a plain formula.
    expect(spills.Sheet1).toBe(1);
    expect(file.getWorksheet('Sheet1')!.getCell('C6').value).toEqual({
      formula: '{1,2}',
      result: { error: '#VALUE!' },
    });
  });

  test('fills, fonts and number formats as the server code set them', () => {
    for (const [sheet, extras] of wb.shim.extras) {
      const ws = file.getWorksheet(sheet)!;
      expect(extras.styles.size).toBeGreaterThan(0);
      for (const [ref, style] of extras.styles) {
        const cell = ws.getCell(ref);
        if (style.background)
          expect(cell.fill).toMatchObject({ pattern: 'solid', fgColor: { argb: argb(style.background) } });
        if (style.fontColor) expect(cell.font?.color).toEqual({ argb: argb(style.fontColor) });
        if (style.fontWeight === 'bold') expect(cell.font?.bold).toBe(true);
        if (style.fontSize) expect(cell.font?.size).toBe(style.fontSize);
      }
      for (const [ref, format] of extras.numberFormats) {
        if (format !== 'General') expect([ref, ws.getCell(ref).numFmt]).toEqual([ref, format]);
      }
    }
    // The input cells are filled as in the preview (light blue).
    expect(file.getWorksheet('LLM sweep')!.getCell('B5').fill).toMatchObject({ fgColor: { argb: 'FFE8F0FE' } });
  });

  test('dropdowns with their values and number rules, with the help text as prompt', () => {
    let lists = 0;
    for (const [sheet, extras] of wb.shim.extras) {
      const ws = file.getWorksheet(sheet)!;
      for (const { range, rule } of extras.validations) {
        for (const ref of cellsOf(range)) {
          const dv = readBack(ws).dataValidations.find(ref);
          if (!dv) throw new Error(`${sheet}!${ref}: no data validation in the file`);
          expect(dv.prompt).toBe(rule.helpText);
          expect(Boolean(dv.showErrorMessage)).toBe(!rule.allowInvalid);
          if (rule.list) {
            lists++;
            expect(dv.type).toBe('list');
            const source = String(dv.formulae[0]);
            // Inline ("a,b") when short enough for Excel, else a (hidden) range of the same sheet.
            const values = source.startsWith('"')
              ? source.slice(1, -1).split(',')
              : cellsOf(source.replace(/\$/g, '')).map((r) => ws.getCell(r).value);
            expect(values).toEqual(rule.list);
          } else {
            expect(dv).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [rule.minimum] });
          }
        }
      }
    }
    expect(lists).toBeGreaterThan(20);
    // The long GPU list sits in a hidden column right of the sheet's content.
    const gpu = readBack(file.getWorksheet('LLM sizing')!).dataValidations.find('B6');
    const column = /^\$([A-Z]+)\$1:/.exec(String(gpu?.formulae[0]))?.[1];
    expect(column).toBeDefined();
    expect(file.getWorksheet('LLM sizing')!.getColumn(column!).hidden).toBe(true);
  });

  test("the sweep's not-fits rule: formula and red fill on both tables", () => {
    const rules = wb.shim.extras.get('LLM sweep')!.conditionalFormats;
    expect(rules.length).toBeGreaterThan(0);
    const written = readBack(file.getWorksheet('LLM sweep')!).conditionalFormattings;
    expect(written.map((cf) => cf.ref)).toEqual(rules.map((r) => r.ranges.join(' ')));
    written.forEach((cf, i) => {
      expect(cf.rules).toHaveLength(1);
      expect(cf.rules[0]).toMatchObject({
        type: 'expression',
        formulae: [rules[i].formula.replace(/^=/, '')],
        style: {
          fill: { pattern: 'solid', bgColor: { argb: argb(rules[i].background) } },
          font: { color: { argb: argb(rules[i].fontColor) } },
        },
      });
    });
  });

  test('with spills: "values", the spill is a plain formula over plain values, every value still there', async () => {
    const values = await readXlsx(toXlsx(workbookForExport(wb.hf, wb.shim), { spills: 'values' }));
    const sweep = values.getWorksheet('LLM sweep')!;
    expect(sweep.getCell('B18').value).toEqual({
      formula: wb.hf
        .getCellFormula(wb.hf.simpleCellAddressFromString('B18', wb.hf.getSheetId('LLM sweep')!)!)!
        .slice(1),
      result: wb.cell('LLM sweep', 'B18'),
    });
    expect(sweep.getCell('C19').value).toBe(wb.cell('LLM sweep', 'C19'));
    const missing = displayed(wb.hf).filter(
      (d) => JSON.stringify(shown(values.getWorksheet(d.sheet)!.getCell(d.ref))) !== JSON.stringify(expected(d.value)),
    );
    expect(missing).toEqual([]);
  });

  test('column widths, frozen rows and notes', () => {
    for (const [sheet, extras] of wb.shim.extras) {
      const ws = file.getWorksheet(sheet)!;
      for (const [col, px] of extras.columnWidths) expect(ws.getColumn(col).width).toBeCloseTo((px - 5) / 7, 2);
      if (extras.frozenRows > 0) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: extras.frozenRows });
      else expect(ws.views.filter((v) => v.state === 'frozen')).toEqual([]);
      for (const [ref, text] of extras.notes) expect(ws.getCell(ref).note).toBe(text);
    }
  });
});

describe('end to end: Download .xlsx in the preview', () => {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let browser: Browser | undefined;

  afterAll(async () => {
    await browser?.close();
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  });

  test('after inserting the three templates, the file holds every number the page shows', async () => {
    server = await startServer(0);
    browser = await launch();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await page.goto(server.url);
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.locator('#insert').waitFor();
    for (const [template, sheet] of [
      ['sizing', 'LLM sizing'],
      ['gpu-comparison', 'LLM GPU comparison'],
      ['sweep', 'LLM sweep'],
    ]) {
      await sidebar.locator('#template').selectOption(template);
      await sidebar.locator('#insert').click();
      await page.waitForSelector(`#tabs button[aria-selected="true"]:text-is("${sheet}")`);
    }
    // The numbers the page's own workbook displays.
    const numbers = await page.evaluate(() => {
      const hf = (globalThis as unknown as { __preview: { hf: HyperFormula } }).__preview.hf;
      const out: { sheet: string; row: number; col: number; value: number }[] = [];
      for (const sheet of hf.getSheetNames()) {
        const id = hf.getSheetId(sheet) as number;
        hf.getSheetValues(id).forEach((row, r) =>
          row.forEach((value, c) => {
            if (typeof value === 'number') out.push({ sheet, row: r, col: c, value });
          }),
        );
      }
      return out;
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const path = join(OUTPUT, 'export-templates.xlsx');
    await download.saveAs(path);
    const file = await readXlsx(path);
    expect(file.worksheets.map((w) => w.name)).toEqual(['Sheet1', 'LLM sizing', 'LLM GPU comparison', 'LLM sweep']);
    expect(numbers.length).toBeGreaterThan(200);
    const missing = numbers.filter((n) => shown(file.getWorksheet(n.sheet)!.getCell(n.row + 1, n.col + 1)) !== n.value);
    expect(missing).toEqual([]);
    const sweep = file.getWorksheet('LLM sweep')!;
    expect(readBack(sweep).conditionalFormattings.length).toBeGreaterThan(0);
    expect(sweep.getCell('B5').fill).toMatchObject({ fgColor: { argb: 'FFE8F0FE' } });
    expect(readBack(sweep).dataValidations.find('B7')?.type).toBe('list');
  });
});
