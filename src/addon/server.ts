/**
 * The only file that touches Apps Script services: the add-on menu, the sidebar, inserting a
 * template, and freezing results as values. A template comes from a SheetPlan (render.ts), applied
 * block by block with one batched call each, never into an existing sheet; freezing writes what
 * freeze.ts plans, one batched call per rectangle. Global code here does nothing: functions run
 * only when Sheets calls them.
 *
 * What is written as a formula is what the plan marks as one (plan.ts: Formula); every text is
 * written so that Sheets keeps it as that text (protectValue: a leading apostrophe on text Sheets
 * would otherwise read as a formula, a number, a date or TRUE/FALSE; Sheets and the preview's
 * HyperFormula both store "'=1+1" as the text "=1+1"). No cell is written with more than
 * SHEETS_CELL_LIMIT characters, and an insertion that fails part-way removes the sheet it made.
 */
import { messageOf } from '../sheets/errors';
import { getFunction } from '../sheets/registry';
import { a1 } from './a1';
import { freezeMessage, freezeWindow, planFreeze, protectValue, type FreezePlan, type ShapeOf } from './freeze';
import { SHEETS_CELL_LIMIT, isFormula, type Block, type CellContent, type SheetPlan } from './plan';
import { renderTemplate } from './render';
import { DEFAULT_REQUEST, parseRequest, type TemplateId } from './request';
import { uniqueSheetName } from './sheet-names';

const STYLE: Readonly<
  Record<Block['style'], { bold?: boolean; background?: string; fontColor?: string; size?: number }>
> = {
  title: { bold: true, size: 14 },
  note: { fontColor: '#5f6368' },
  header: { bold: true, background: '#e8eaed' },
  label: {},
  input: { background: '#e8f0fe', fontColor: '#174ea6' },
  output: {},
  axis: { bold: true, background: '#f1f3f4' },
};

/** Builds the add-on menu, and nothing else (it runs in a restricted authorization mode). */
export function onOpen(): void {
  const ui = SpreadsheetApp.getUi();
  ui.createAddonMenu()
    .addItem('Open sizing sidebar', 'showSidebar')
    .addSubMenu(
      ui
        .createMenu('Insert template')
        .addItem('Sizing sheet', 'insertSizingTemplate')
        .addItem('GPU comparison', 'insertGpuComparisonTemplate')
        .addItem('Batch × context sweep', 'insertSweepTemplate'),
    )
    .addSeparator()
    .addItem('Freeze selected results as values', 'freezeSelectedResults')
    .addItem("Freeze whole sheet's results as values", 'freezeSheetResults')
    .addSeparator()
    .addItem('About', 'showAbout')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('LLM Sizing');
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showAbout(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(
    'LLM Sizing for Sheets',
    'GPU memory, speed and GPU counts for large language models, as formulas: LLM_ESTIMATE, LLM_VRAM, ' +
      'LLM_GPU and more (type =LLM_ in a cell). Open the sizing sidebar to pick a model and a GPU, or ' +
      'insert a planning sheet from the menu. Before sharing a sheet with someone who does not have the ' +
      "add-on, freeze its results as values (menu: Freeze …): each formula is kept in its cell's note.",
    ui.ButtonSet.OK,
  );
}

function insertDefault(template: TemplateId): string {
  return insertSizingGrid({ ...DEFAULT_REQUEST, template });
}

export function insertSizingTemplate(): string {
  return insertDefault('sizing');
}

export function insertGpuComparisonTemplate(): string {
  return insertDefault('gpu-comparison');
}

export function insertSweepTemplate(): string {
  return insertDefault('sweep');
}

/**
 * Inserts the requested template into a new sheet and returns its name. Called by the sidebar
 * through google.script.run; an error's message is shown there.
 */
export function insertSizingGrid(rawRequest: unknown): string {
  const plan = renderTemplate(parseRequest(rawRequest));
  const writes = plan.blocks.map(cellsToWrite);
  // Two quick clicks must not race for the same sheet name.
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const previous = spreadsheet.getActiveSheet();
    const name = uniqueSheetName(
      spreadsheet.getSheets().map((s) => s.getName()),
      plan.baseName,
    );
    const sheet = spreadsheet.insertSheet(name);
    try {
      applyPlan(sheet, plan, writes);
      spreadsheet.setActiveSheet(sheet);
      SpreadsheetApp.flush();
    } catch (error) {
      // Nothing half-written stays behind: the sheet this insertion made goes, under the same lock.
      removeSheet(spreadsheet, sheet, previous, error);
      throw error;
    }
    return name;
  });
}

/** Deletes a sheet an insertion made and failed to fill, and shows the sheet that was active before. */
function removeSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  previous: GoogleAppsScript.Spreadsheet.Sheet,
  cause: unknown,
): void {
  try {
    spreadsheet.deleteSheet(sheet);
    spreadsheet.setActiveSheet(previous);
  } catch (cleanup) {
    throw new Error(
      `${messageOf(cause)} (and the half-written sheet "${sheet.getName()}" could not be removed: ${messageOf(cleanup)})`,
    );
  }
}

/**
 * A block's cells as setValues takes them: a Formula as its formula text, text protected so Sheets
 * keeps it as text, null as ''. Checked before anything is written: no cell over SHEETS_CELL_LIMIT
 * characters (the request's limits keep every template far below it).
 */
function cellsToWrite(block: Block): (string | number | boolean)[][] {
  return block.values.map((row, i) =>
    row.map((cell, j) => {
      const value = cellValue(cell);
      if (typeof value === 'string' && value.length > SHEETS_CELL_LIMIT) {
        throw new Error(
          `internal error: the template would write ${value.length} characters into ${a1(block.row + i, block.col + j)}; ` +
            `a cell holds at most ${SHEETS_CELL_LIMIT}`,
        );
      }
      return value;
    }),
  );
}

function cellValue(cell: CellContent): string | number | boolean {
  if (cell === null) return '';
  if (isFormula(cell)) return cell.formula;
  if (typeof cell === 'string') return protectValue(cell) as string;
  return cell;
}

function withDocumentLock<T>(run: () => T): T {
  const lock = LockService.getDocumentLock();
  lock.waitLock(20000);
  try {
    return run();
  } finally {
    lock.releaseLock();
  }
}

/** What freezing did, as the menu item reports it (also returned, for google.script.run and tests). */
export interface FreezeSummary {
  /** LLM_ formulas replaced by their values, and the cells that became values (arrays count whole). */
  readonly formulas: number;
  readonly cells: number;
  /** LLM_ formulas left as they are: showing an error, still loading, or of unknown array size. */
  readonly skipped: number;
  /** setValues calls made (one per rectangle of frozen cells). */
  readonly writes: number;
  readonly message: string;
}

const shapeOf: ShapeOf = (name, argShapes) => getFunction(name).resultShape(argShapes);

/**
 * Replaces the LLM_ formulas in the selection (every selected range) by their current values, so
 * the sheet reads the same without the add-on; each formula is kept in its cell's note.
 */
export function freezeSelectedResults(): FreezeSummary {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const list = spreadsheet.getActiveRangeList();
    const active = spreadsheet.getActiveRange();
    const ranges = list ? list.getRanges() : active ? [active] : [];
    return finishFreeze(
      ranges.map((r) => freezeRange(r)),
      'selection',
    );
  });
}

/** Replaces every LLM_ formula on the active sheet by its current value (see freezeSelectedResults). */
export function freezeSheetResults(): FreezeSummary {
  return withDocumentLock(() => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    return finishFreeze([freezeRange(sheet.getDataRange())], 'sheet');
  });
}

function finishFreeze(plans: FreezePlan[], scope: 'selection' | 'sheet'): FreezeSummary {
  SpreadsheetApp.flush();
  const message = freezeMessage(plans, scope);
  SpreadsheetApp.getActiveSpreadsheet().toast(message, 'LLM Sizing', 8);
  return {
    formulas: plans.reduce((n, p) => n + p.frozen.length, 0),
    cells: plans.reduce((n, p) => n + p.cells, 0),
    skipped: plans.reduce((n, p) => n + p.skipped.length, 0),
    writes: plans.reduce((n, p) => n + p.writes.length, 0),
    message,
  };
}

/**
 * Freezes one range: reads the sheet from A1 to just past the range (and past any array result
 * reaching into it) once, and writes each rectangle freeze.ts plans with one setValues and, where
 * a note changes, one setNotes.
 */
function freezeRange(range: GoogleAppsScript.Spreadsheet.Range): FreezePlan {
  const sheet = range.getSheet();
  const last = { row: sheet.getLastRow(), col: sheet.getLastColumn() };
  const target = { row: range.getRow(), col: range.getColumn(), rows: range.getNumRows(), cols: range.getNumColumns() };
  const empty: FreezePlan = { writes: [], frozen: [], skipped: [], cells: 0 };
  if (last.row < target.row || last.col < target.col) return empty;
  const head = sheet
    .getRange(1, 1, Math.min(last.row, target.row + target.rows - 1), Math.min(last.col, target.col + target.cols - 1))
    .getFormulas();
  const size = freezeWindow(head, target, last, shapeOf);
  const window = sheet.getRange(1, 1, size.rows, size.cols);
  const formulas = size.rows === head.length && size.cols === head[0].length ? head : window.getFormulas();
  const plan = planFreeze({
    origin: { row: 1, col: 1 },
    formulas,
    values: window.getValues(),
    notes: window.getNotes(),
    target,
    shapeOf,
  });
  for (const write of plan.writes) {
    const cells = sheet.getRange(write.row, write.col, write.rows, write.cols);
    cells.setValues(write.values);
    if (write.notes) cells.setNotes(write.notes);
  }
  return plan;
}

function applyPlan(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  plan: SheetPlan,
  writes: readonly (string | number | boolean)[][][],
): void {
  plan.blocks.forEach((block, index) => {
    const rows = block.values.length;
    const cols = block.values[0].length;
    const target = sheet.getRange(block.row, block.col, rows, cols);
    target.setValues(writes[index]);
    if (block.numberFormats) {
      target.setNumberFormats(block.numberFormats.map((row) => row.map((f) => (f === '' ? 'General' : f))));
    }
    const style = STYLE[block.style];
    // Inputs and outputs style their value columns; labels stay plain.
    const styled =
      (block.style === 'input' || block.style === 'output') && cols > 1
        ? sheet.getRange(block.row, block.col + 1, rows, cols - 1)
        : target;
    if (style.bold) styled.setFontWeight('bold');
    if (style.size) styled.setFontSize(style.size);
    if (style.background) styled.setBackground(style.background);
    if (style.fontColor) styled.setFontColor(style.fontColor);
    if (block.note) sheet.getRange(block.row, block.col).setNote(block.note);
  });
  for (const v of plan.validations) {
    let builder = SpreadsheetApp.newDataValidation().setHelpText(v.help);
    if (v.list) builder = builder.requireValueInList([...v.list], true).setAllowInvalid(true);
    else if (v.positiveInteger) builder = builder.requireNumberGreaterThanOrEqualTo(1).setAllowInvalid(false);
    sheet.getRange(v.row, v.col, v.rows, v.cols).setDataValidation(builder.build());
  }
  if (plan.conditionalFormats.length > 0) {
    sheet.setConditionalFormatRules(
      plan.conditionalFormats.map((c) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(c.formula)
          .setBackground(c.background)
          .setFontColor(c.fontColor)
          .setRanges([sheet.getRange(c.row, c.col, c.rows, c.cols)])
          .build(),
      ),
    );
  }
  for (const c of plan.charts) {
    const bar = sheet.newChart().asBarChart().setTitle(c.title);
    if (c.stacked) bar.setStacked();
    bar.addRange(sheet.getRange(c.row, c.col, c.rows, c.cols)).setPosition(c.anchorRow, c.anchorCol, 0, 0);
    sheet.insertChart(bar.build());
  }
  sheet.setFrozenRows(plan.frozenRows);
  for (const w of plan.columnWidths) sheet.setColumnWidth(w.col, w.width);
}
