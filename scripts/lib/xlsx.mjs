// The preview's workbook as .xlsx, keeping what the user saw: formulas with their cached values,
// every cell a spilled array fills, number formats, fills and fonts, dropdowns and number rules
// with their help text, conditional formats, column widths, frozen rows and notes, so a planning
// sheet made in the preview imports into Google Sheets (where the add-in supplies LLM_*), and a
// spreadsheet without LLM_* shows the numbers as cached.
//
// Request (POST /export.xlsx; sheets collected by preview/app/export.ts): { sheets: [sheet], spills? }
//   sheet = {
//     name,
//     cells: [{ row, col,             from 0
//               formula?,             "=LLM_ESTIMATE(...)" as HyperFormula prints it
//               value,                number | string | boolean | null | { error: "#N/A" }
//               numFmt?,              "0.00", "#,##0", ...
//               style?,               { background?: "#rrggbb", fontColor?: "#rrggbb", bold?, fontSize? }
//               ref? }],              on a spill's top-left cell: the range it fills, "B18:I25"
//     validations?: [{ range, list?, minimum?, allowInvalid, helpText }],   range in A1
//     conditionalFormats?: [{ ranges, formula, background?, fontColor? }],  formula relative to ranges[0]'s top left
//     columnWidths?: [{ col, px }],    col from 0, width in pixels as Sheets takes it
//     frozenRows?,
//     notes?: [{ ref, text }],
//   }
//
// spills: "array" (the default) writes a spill as Excel writes an array formula: the top-left cell
// holds the formula (t="array", ref = the spill's range) and its cached value, every other cell of
// the range its cached value and no formula. The spill stays one formula over its range, as Excel
// and Google Sheets (ARRAYFORMULA) take it. LibreOffice (7.4) recalculates array formulas on load
// and, having no LLM_*, shows #NAME? in them (it keeps other formulas' cached numbers).
// spills: "values" writes the top-left cell as a plain formula with its cached value and the rest of
// the range as plain values: LibreOffice shows every value, but a spreadsheet that recalculates the
// formula finds its spill range taken by data (#REF! in Google Sheets).
//
// Charts are not written: ExcelJS (4.4) cannot write charts.
import ExcelJS from 'exceljs';

const ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);
/** Excel's limit on an inline dropdown list ("a,b,c"); longer lists become a range of cells. */
const INLINE_LIST_MAX = 255;
/** Excel's limits on a validation's input message and error message. */
const PROMPT_MAX = 255;
const ERROR_MAX = 225;

function cellValue(value) {
  if (value && typeof value === 'object' && 'error' in value) {
    // Excel knows a fixed set of error codes; others (#ERROR!, #SPILL!) are written as #VALUE!.
    return { error: ERRORS.has(value.error) ? value.error : '#VALUE!' };
  }
  return value ?? null;
}

function letters(col) {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The last column (from 0) an A1 range reaches, or -1. */
function lastColumn(range) {
  let last = -1;
  for (const m of String(range).matchAll(/([A-Z]+)\d+/g)) {
    last = Math.max(last, [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1);
  }
  return last;
}

/** "#e8f0fe" as ExcelJS's ARGB "FFE8F0FE"; undefined for anything else. */
function argb(color) {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(String(color ?? ''));
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((ch) => ch + ch).join('') : m[1];
  return `FF${hex.toUpperCase()}`;
}

/** Sheets' column width in pixels as Excel's, in characters of the default font (7 px, 5 px padding). */
const columnChars = (px) => Math.max(0, Math.round(((Number(px) - 5) / 7) * 100) / 100);

const clip = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function applyStyle(cell, style) {
  if (!style) return;
  const fill = argb(style.background);
  if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  const font = {};
  const color = argb(style.fontColor);
  if (color) font.color = { argb: color };
  if (style.bold) font.bold = true;
  if (typeof style.fontSize === 'number' && style.fontSize > 0) font.size = style.fontSize;
  if (Object.keys(font).length > 0) cell.font = font;
}

function writeCells(ws, cells, spills) {
  for (const c of cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    const value = cellValue(c.value);
    if (c.formula) {
      const formula = { formula: String(c.formula).replace(/^=/, ''), result: value ?? undefined };
      // The spill's other cells are written as values by their own entries.
      cell.value = c.ref && spills === 'array' ? { ...formula, shareType: 'array', ref: String(c.ref) } : formula;
    } else if (value !== null) {
      cell.value = value;
    }
    if (c.numFmt && c.numFmt !== 'General') cell.numFmt = c.numFmt;
    applyStyle(cell, c.style);
  }
}

/**
 * Dropdowns and number rules. A list that fits Excel's inline limit is written inline; a longer one
 * (the GPU presets) goes down a hidden column right of everything the sheet uses, referenced by range.
 */
function writeValidations(ws, sheet) {
  const validations = sheet.validations ?? [];
  let nextListColumn =
    Math.max(
      -1,
      ...(sheet.cells ?? []).map((c) => c.col),
      ...validations.map((v) => lastColumn(v.range)),
      ...(sheet.conditionalFormats ?? []).flatMap((r) => (r.ranges ?? []).map(lastColumn)),
    ) + 2;
  const listRanges = new Map();
  const listSource = (list) => {
    const items = list.map(String);
    const inline = items.join(',');
    if (inline.length <= INLINE_LIST_MAX && !items.some((v) => v.includes(','))) {
      return `"${inline.replace(/"/g, '""')}"`;
    }
    const key = JSON.stringify(items);
    if (!listRanges.has(key)) {
      const col = nextListColumn++;
      items.forEach((v, i) => (ws.getCell(i + 1, col + 1).value = v));
      ws.getColumn(col + 1).hidden = true;
      listRanges.set(key, `$${letters(col)}$1:$${letters(col)}$${items.length}`);
    }
    return listRanges.get(key);
  };
  for (const v of validations) {
    const help = String(v.helpText ?? '');
    const rule = { allowBlank: true, showInputMessage: help !== '', prompt: clip(help, PROMPT_MAX) };
    let error = help;
    if (Array.isArray(v.list)) {
      Object.assign(rule, { type: 'list', formulae: [listSource(v.list)] });
      error = `Choose a value from the list. ${help}`;
    } else if (typeof v.minimum === 'number') {
      Object.assign(rule, { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [v.minimum] });
      error = `Enter a number greater than or equal to ${v.minimum}. ${help}`;
    } else {
      rule.type = 'any';
    }
    // Sheets' "show a warning" accepts the value, as Excel does when it shows no error message.
    if (!v.allowInvalid && rule.type !== 'any') {
      Object.assign(rule, { showErrorMessage: true, errorStyle: 'stop', error: clip(error.trim(), ERROR_MAX) });
    }
    ws.dataValidations.add(String(v.range), rule);
  }
}

function writeConditionalFormats(ws, rules) {
  for (const r of rules ?? []) {
    const style = {};
    const fill = argb(r.background);
    // In a differential format (dxf) a solid fill's color is its bgColor.
    if (fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: fill } };
    const color = argb(r.fontColor);
    if (color) style.font = { color: { argb: color } };
    ws.addConditionalFormatting({
      ref: (r.ranges ?? []).join(' '),
      rules: [{ type: 'expression', formulae: [String(r.formula).replace(/^=/, '')], style }],
    });
  }
}

/** `sheets` and `options`: the payload above. Returns the .xlsx file. */
export async function workbookToXlsx(sheets, { spills = 'array' } = {}) {
  if (!Array.isArray(sheets)) throw new Error('expected { sheets: [...] }');
  if (spills !== 'array' && spills !== 'values') throw new Error(`spills must be "array" or "values", got "${spills}"`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'LLM Sizing for Sheets (local preview)';
  for (const sheet of sheets) {
    const frozenRows = Number(sheet.frozenRows) || 0;
    const ws = workbook.addWorksheet(String(sheet.name).slice(0, 31), {
      views: frozenRows > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: frozenRows }] : undefined,
    });
    writeCells(ws, sheet.cells ?? [], spills);
    for (const w of sheet.columnWidths ?? []) ws.getColumn(w.col + 1).width = columnChars(w.px);
    writeValidations(ws, sheet);
    writeConditionalFormats(ws, sheet.conditionalFormats);
    for (const n of sheet.notes ?? []) ws.getCell(String(n.ref)).note = String(n.text);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
