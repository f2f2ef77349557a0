/**
 * A real spreadsheet engine (HyperFormula) with the built bundle's custom functions registered, and
 * the bundle's server code running against a SpreadsheetApp over that workbook: what Google Sheets
 * does, without Google.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { createAppsScriptShim, type AppsScriptShim } from '../../preview/engine/apps-script';
import { createSheetsWorkbook, type SheetsBundle } from '../../preview/engine/functions';
import { DIST } from './bundle';

export interface Workbook {
  readonly hf: HyperFormula;
  readonly shim: AppsScriptShim;
  /** Top-level functions of dist/Code.js (custom functions and server entry points). */
  readonly global: Record<string, (...args: unknown[]) => unknown>;
  readonly bundle: SheetsBundle;
  /** Values of a sheet, errors as "#ERROR! message". */
  values(sheet: string): unknown[][];
  /** Value of one cell by A1 address. */
  cell(sheet: string, a1: string): unknown;
  /** Writes one cell as a user would (a value or a formula). */
  edit(sheet: string, a1: string, content: string | number | null): void;
}

function address(hf: HyperFormula, sheet: string, a1: string) {
  const id = hf.getSheetId(sheet);
  if (id === undefined) throw new Error(`no sheet ${sheet}`);
  const parsed = hf.simpleCellAddressFromString(a1, id);
  if (!parsed) throw new Error(`bad address ${a1}`);
  return parsed;
}

function show(value: unknown): unknown {
  return value instanceof DetailedCellError ? `${value.value} ${value.message}` : value;
}

export function createWorkbook(): Workbook {
  // Load the bundle with no Apps Script globals (as Sheets loads it), register its functions, and
  // only then build the workbook and hand the server code its SpreadsheetApp.
  const context = vm.createContext({});
  vm.runInContext(readFileSync(join(DIST, 'Code.js'), 'utf8'), context, { filename: 'Code.js' });
  const bundle = context.LLMSizing as SheetsBundle;
  const hf = createSheetsWorkbook(bundle);
  const shim = createAppsScriptShim(hf);
  Object.assign(context, shim.globals);
  const global = new Proxy({} as Workbook['global'], {
    get: (_, name: string) => vm.runInContext(name, context),
  });
  return {
    hf,
    shim,
    global,
    bundle,
    values: (sheet) => hf.getSheetValues(hf.getSheetId(sheet) as number).map((row) => row.map(show)),
    cell: (sheet, a1) => show(hf.getCellValue(address(hf, sheet, a1))),
    edit: (sheet, a1, content) => {
      hf.setCellContents(address(hf, sheet, a1), [[content]]);
    },
  };
}
