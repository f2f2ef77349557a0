/**
 * The only file that touches Apps Script services: the add-on menu, the sidebar, and inserting a
 * template. Everything it writes comes from a SheetPlan (render.ts); it applies each block with one
 * batched call and never writes into an existing sheet. Global code here does nothing: functions
 * run only when Sheets calls them.
 */
import type { Block, SheetPlan } from './plan';
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
      'insert a planning sheet from the menu.',
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
  const lock = LockService.getDocumentLock();
  // Two quick clicks must not race for the same sheet name.
  lock.waitLock(20000);
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const name = uniqueSheetName(
      spreadsheet.getSheets().map((s) => s.getName()),
      plan.baseName,
    );
    const sheet = spreadsheet.insertSheet(name);
    applyPlan(sheet, plan);
    spreadsheet.setActiveSheet(sheet);
    SpreadsheetApp.flush();
    return name;
  } finally {
    lock.releaseLock();
  }
}

function applyPlan(sheet: GoogleAppsScript.Spreadsheet.Sheet, plan: SheetPlan): void {
  for (const block of plan.blocks) {
    const rows = block.values.length;
    const cols = block.values[0].length;
    const target = sheet.getRange(block.row, block.col, rows, cols);
    target.setValues(block.values.map((row) => row.map((cell) => (cell === null ? '' : cell))));
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
  }
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
