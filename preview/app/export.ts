/**
 * What the preview's "Download .xlsx" sends to the server (POST /export.xlsx, written by
 * scripts/lib/xlsx.mjs): every sheet as the user sees it. Pure: no window or DOM, so node tests
 * collect the same payload from a workbook built with the shim.
 *
 * Per sheet: every cell that shows something or carries a format (a spilled array's cells as plain
 * values, its top-left cell with the formula and the `ref` of the whole spill), and what the server
 * code recorded in the shim's extras: number formats, styles, notes, data validations, conditional
 * formats, column widths and frozen rows. Charts are not sent: the .xlsx writer cannot write them.
 */
import { CellType, DetailedCellError, type HyperFormula, type SimpleCellAddress } from 'hyperformula';
import type { AppsScriptShim } from '../engine/apps-script';
import { a1 as sheetA1, parseRange } from '../../src/addon/a1';

/** A cell's value: errors as their code ("#N/A", "#ERROR!", ...). */
export type ExportValue = number | string | boolean | null | { error: string };

export interface ExportStyle {
  /** Colors as "#rrggbb". */
  background?: string;
  fontColor?: string;
  bold?: boolean;
  /** Points. */
  fontSize?: number;
}

export interface ExportCell {
  /** From 0. */
  row: number;
  col: number;
  /** As HyperFormula prints it, with the leading "=". */
  formula?: string;
  value: ExportValue;
  numFmt?: string;
  style?: ExportStyle;
  /** On a spill's top-left cell: the A1 range the array fills (e.g. "B18:I25"). */
  ref?: string;
}

export interface ExportValidation {
  /** A1 range. */
  range: string;
  /** A dropdown of these values. */
  list?: string[];
  /** A number at least this. */
  minimum?: number;
  /** true: other values are accepted (Sheets shows a warning); false: rejected. */
  allowInvalid: boolean;
  helpText: string;
}

export interface ExportConditionalFormat {
  /** A1 ranges; the formula is relative to the first range's top-left cell, as Sheets takes it. */
  ranges: string[];
  formula: string;
  background?: string;
  fontColor?: string;
}

export interface ExportSheet {
  name: string;
  cells: ExportCell[];
  validations: ExportValidation[];
  conditionalFormats: ExportConditionalFormat[];
  /** Widths in pixels (as Sheets' setColumnWidth takes them), columns from 0. */
  columnWidths: { col: number; px: number }[];
  frozenRows: number;
  notes: { ref: string; text: string }[];
}

/** A1 of a cell counted from 0, as HyperFormula counts. */
const a1 = (row: number, col: number) => sheetA1(row + 1, col + 1);

/** One cell's A1 as 0-based row and column, or undefined for a range or anything else. */
function parseCell(ref: string): { row: number; col: number } | undefined {
  const r = parseRange(ref);
  return r && r.rows === 1 && r.cols === 1 ? { row: r.row - 1, col: r.col - 1 } : undefined;
}

/** The size HyperFormula gave the array whose top-left cell is `addr` (its own bookkeeping). */
interface ArrayBookkeeping {
  arrayMapping?: { getArrayByCorner?(addr: SimpleCellAddress): { width: number; height: number } | undefined };
}

/**
 * The spill area of an array formula at `addr`, as rows and columns, or undefined when it does not
 * spill (one cell, or blocked: #SPILL!). HyperFormula's public API says which cells belong to an
 * array but not to which one, so the size comes from its array bookkeeping; should that be missing,
 * the contiguous array cells right of and below the corner are taken.
 */
function spillSize(hf: HyperFormula, addr: SimpleCellAddress): { rows: number; cols: number } | undefined {
  const inArray = (row: number, col: number) => hf.getCellType({ ...addr, row, col }) === CellType.ARRAY;
  const known = (hf as unknown as ArrayBookkeeping).arrayMapping?.getArrayByCorner?.(addr);
  let rows = known?.height ?? 0;
  let cols = known?.width ?? 0;
  if (!known) {
    cols = 1;
    while (inArray(addr.row, addr.col + cols)) cols++;
    rows = 1;
    while (inArray(addr.row + rows, addr.col)) rows++;
  }
  if (rows * cols <= 1) return undefined;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if ((r > 0 || c > 0) && !inArray(addr.row + r, addr.col + c)) return undefined;
    }
  }
  return { rows, cols };
}

function exportValue(value: unknown): ExportValue {
  if (value instanceof DetailedCellError) return { error: value.value };
  if (value === undefined) return null;
  return value as ExportValue;
}

function exportStyle(style: Record<string, unknown> | undefined): ExportStyle | undefined {
  if (!style) return undefined;
  const out: ExportStyle = {};
  if (typeof style.background === 'string') out.background = style.background;
  if (typeof style.fontColor === 'string') out.fontColor = style.fontColor;
  if (style.fontWeight === 'bold') out.bold = true;
  if (typeof style.fontSize === 'number') out.fontSize = style.fontSize;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Every sheet of the workbook, with what the server code recorded for it, for the .xlsx export. */
export function workbookForExport(hf: HyperFormula, shim: Pick<AppsScriptShim, 'extras'>): ExportSheet[] {
  return hf.getSheetNames().map((name) => {
    const sheet = hf.getSheetId(name) as number;
    const extras = shim.extras.get(name);
    const dims = hf.getSheetDimensions(sheet);
    // Cells with content, and formatted cells beyond it (a styled blank input).
    const positions = new Map<string, { row: number; col: number }>();
    for (let row = 0; row < dims.height; row++) {
      for (let col = 0; col < dims.width; col++) positions.set(a1(row, col), { row, col });
    }
    for (const ref of [...(extras?.styles.keys() ?? []), ...(extras?.numberFormats.keys() ?? [])]) {
      const p = parseCell(ref);
      if (p && !positions.has(ref)) positions.set(ref, p);
    }
    const cells: ExportCell[] = [];
    for (const [ref, { row, col }] of positions) {
      const addr = { sheet, row, col };
      const formula = hf.getCellFormula(addr);
      const value = exportValue(hf.getCellValue(addr));
      const numFmt = extras?.numberFormats.get(ref);
      const style = exportStyle(extras?.styles.get(ref));
      if (formula === undefined && value === null && !style && (!numFmt || numFmt === 'General')) continue;
      const cell: ExportCell = { row, col, value };
      if (formula !== undefined) cell.formula = formula;
      if (numFmt && numFmt !== 'General') cell.numFmt = numFmt;
      if (style) cell.style = style;
      if (formula !== undefined && hf.getCellType(addr) === CellType.ARRAYFORMULA) {
        const size = spillSize(hf, addr);
        if (size) cell.ref = `${ref}:${a1(row + size.rows - 1, col + size.cols - 1)}`;
      }
      cells.push(cell);
    }
    cells.sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      name,
      cells,
      validations: (extras?.validations ?? []).map(({ range, rule }) => {
        const v: ExportValidation = { range, allowInvalid: rule.allowInvalid, helpText: rule.helpText };
        if (rule.list) v.list = [...rule.list];
        if (rule.minimum !== undefined) v.minimum = rule.minimum;
        return v;
      }),
      conditionalFormats: (extras?.conditionalFormats ?? []).map((rule) => {
        const out: ExportConditionalFormat = { ranges: [...rule.ranges], formula: rule.formula };
        if (rule.background) out.background = rule.background;
        if (rule.fontColor) out.fontColor = rule.fontColor;
        return out;
      }),
      columnWidths: [...(extras?.columnWidths ?? [])]
        .map(([col, px]) => ({ col: col - 1, px }))
        .sort((a, b) => a.col - b.col),
      frozenRows: extras?.frozenRows ?? 0,
      notes: [...(extras?.notes ?? [])].map(([ref, text]) => ({ ref, text })),
    };
  });
}
