/**
 * What inserting a template writes, as plain data: blocks of values and formulas, validations,
 * conditional formats and charts. Rendering (pure) produces it; the Apps Script server applies it
 * with one batched write per block.
 */

/**
 * A formula the template wrote: the only content that is written as a formula. Request values
 * (the model, the GPU) reach a formula only as quoted literals or through a cell reference.
 */
export interface Formula {
  readonly formula: string;
}

/**
 * A cell: a number, text, a boolean, or a Formula; null leaves it blank. Text is always written as
 * text, whatever it starts with ("=1+1" stays those four characters): whether a cell is a formula
 * is said here, never read off its first character.
 */
export type CellContent = string | number | boolean | null | Formula;

/** A template's formula; its text starts with "=" (anything else is a template bug). */
export function formula(text: string): Formula {
  if (!text.startsWith('=')) throw new Error(`template formula must start with "=", got ${text.slice(0, 80)}`);
  return { formula: text };
}

export function isFormula(cell: CellContent): cell is Formula {
  return typeof cell === 'object' && cell !== null;
}

/** The most characters Google Sheets holds in one cell; a write of more fails. */
export const SHEETS_CELL_LIMIT = 50_000;

export type BlockStyle = 'title' | 'note' | 'header' | 'label' | 'input' | 'output' | 'axis';

export interface Block {
  /** Top-left cell, 1-based. */
  readonly row: number;
  readonly col: number;
  /** Rows of cells, all the same length. */
  readonly values: readonly (readonly CellContent[])[];
  readonly style: BlockStyle;
  /** Number formats per cell, same shape as `values` ("" keeps the default). */
  readonly numberFormats?: readonly (readonly string[])[];
  /** A note shown on hover over the block's top-left cell. */
  readonly note?: string;
}

export interface Validation {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  /** Allowed values (a dropdown). */
  readonly list?: readonly string[];
  /** A positive whole number. */
  readonly positiveInteger?: boolean;
  readonly help: string;
}

export interface ConditionalFormat {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  /** A custom formula relative to the top-left cell of the range, as Sheets takes it. */
  readonly formula: string;
  readonly background: string;
  readonly fontColor: string;
}

export interface ChartSpec {
  /** The data: a header row of series names above one row of values. */
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly title: string;
  /** Where the chart's top-left corner sits. */
  readonly anchorRow: number;
  readonly anchorCol: number;
  readonly stacked: boolean;
}

export interface SheetPlan {
  /** The sheet name to start from; the server makes it unique. */
  readonly baseName: string;
  readonly blocks: readonly Block[];
  readonly validations: readonly Validation[];
  readonly conditionalFormats: readonly ConditionalFormat[];
  readonly charts: readonly ChartSpec[];
  readonly frozenRows: number;
  readonly columnWidths: readonly { readonly col: number; readonly width: number }[];
}

/** How many custom-function calls a plan writes (each `LLM_` call in a formula counts once). */
export function customFunctionCalls(plan: SheetPlan): number {
  let calls = 0;
  for (const block of plan.blocks) {
    for (const row of block.values) {
      for (const cell of row) {
        if (isFormula(cell)) calls += (cell.formula.match(/\bLLM_[A-Z_]+\(/g) ?? []).length;
      }
    }
  }
  return calls;
}
