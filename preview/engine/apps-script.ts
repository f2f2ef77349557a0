/**
 * A SpreadsheetApp (and LockService, HtmlService) over a HyperFormula workbook: the part of Apps
 * Script the add-on's server code uses, so that code runs unchanged in tests and in the local
 * preview. Values and formulas go into the workbook and are really computed; everything a workbook
 * cannot hold (formats, notes, validations, conditional formats, charts, menus) is kept per sheet,
 * and every call is recorded so tests can count writes.
 *
 * Written values are read as Sheets reads them (what a user types): "=…" is a formula, and so is
 * text starting with + or - that is no number ("-A1" is "=-A1"); a leading apostrophe makes the
 * rest text ("'=1+1" is the text "=1+1", as HyperFormula reads it too). A write of a cell over
 * 50,000 characters fails with Sheets' message and writes nothing.
 */
import { DetailedCellError, type HyperFormula, type RawCellContent } from 'hyperformula';
import { columnLetter, parseRange } from '../../src/addon/a1';
import { SHEETS_CELL_LIMIT } from '../../src/addon/plan';
import { formatValue } from './format';

export interface RecordedCall {
  readonly target: string;
  readonly method: string;
  readonly args: readonly unknown[];
}

export interface SheetExtras {
  numberFormats: Map<string, string>;
  styles: Map<string, Record<string, unknown>>;
  notes: Map<string, string>;
  validations: { range: string; rule: DataValidation }[];
  conditionalFormats: ConditionalRule[];
  charts: Chart[];
  frozenRows: number;
  columnWidths: Map<number, number>;
}

export interface DataValidation {
  list?: string[];
  showDropdown?: boolean;
  minimum?: number;
  allowInvalid: boolean;
  helpText: string;
}

export interface ConditionalRule {
  formula: string;
  background?: string;
  fontColor?: string;
  ranges: string[];
}

export interface Chart {
  type: string;
  stacked: boolean;
  title: string;
  ranges: string[];
  position: { row: number; col: number };
}

export interface MenuItem {
  readonly caption: string;
  readonly functionName?: string;
  readonly items?: MenuItem[];
}

export interface AppsScriptShim {
  /** Globals to expose to the server code: SpreadsheetApp, LockService, HtmlService. */
  readonly globals: Record<string, unknown>;
  readonly calls: RecordedCall[];
  readonly extras: Map<string, SheetExtras>;
  /** Menus added with addToUi, sidebars shown, alert titles, and toasts. */
  readonly ui: {
    menus: MenuItem[][];
    sidebars: { file: string; title: string }[];
    alerts: string[];
    toasts: { message: string; title: string }[];
  };
  /** The lock's state, for tests: how often it was taken and whether it is held now. */
  readonly lock: { acquired: number; held: boolean };
  /**
   * Selects ranges, as a user clicking in the sheet does: `sheet` becomes the active sheet and the
   * ranges (A1 notation, the last one current) what getActiveRangeList and getActiveRange return.
   * Until then the selection is A1 of the active sheet, as in a sheet just opened.
   */
  setActiveRange(sheet: string, ranges: string | readonly string[]): void;
  /** The active sheet's name (what getActiveSheet returns). */
  activeSheet(): string;
  /**
   * A test hook: the `nth` call of `method` from now (1: the next one) fails as a refused Sheets
   * call does, recorded but doing nothing, with `message`.
   */
  failCall(method: string, nth?: number, message?: string): void;
}

/** What Sheets says when a cell would hold more than SHEETS_CELL_LIMIT characters. */
export const CELL_LIMIT_MESSAGE = `Your input contains more than the maximum of ${SHEETS_CELL_LIMIT} characters in a single cell.`;

/**
 * A value given to setValues as HyperFormula should hold it to read as Sheets reads it: '' is
 * empty; text starting with + or - that is no number is a formula, as typed into Sheets.
 */
function asTyped(value: unknown): RawCellContent {
  if (value === '') return null;
  if (typeof value === 'string' && /^[+-]./s.test(value) && !Number.isFinite(Number(value))) return `=${value}`;
  return value as RawCellContent;
}

function checkCellLimit(values: readonly (readonly unknown[])[]): void {
  for (const row of values) {
    for (const v of row) if (typeof v === 'string' && v.length > SHEETS_CELL_LIMIT) throw new Error(CELL_LIMIT_MESSAGE);
  }
}

/** Error text as Apps Script's getValues returns it for an error cell. */
function errorText(error: DetailedCellError): string {
  if (error.value === '#SPILL!' || error.value === '#CYCLE!') return '#REF!';
  if (error.value === '#LIC!') return '#ERROR!';
  return error.value;
}

function parseA1(a1: string): { row: number; col: number; rows: number; cols: number } {
  const range = parseRange(a1);
  if (!range) throw new Error(`shim: cannot read range "${a1}"`);
  return range;
}

/** Builds the shim over a workbook. `htmlFiles` are the names HtmlService may serve. */
export function createAppsScriptShim(hf: HyperFormula): AppsScriptShim {
  const calls: RecordedCall[] = [];
  const extras = new Map<string, SheetExtras>();
  const ui: AppsScriptShim['ui'] = { menus: [], sidebars: [], alerts: [], toasts: [] };
  const lock = { acquired: 0, held: false };
  let activeSheetName: string | undefined;
  let selection: { sheet: string; ranges: string[] } | undefined;

  const failures: { method: string; left: number; message: string }[] = [];
  const record = (target: string, method: string, args: readonly unknown[]) => {
    calls.push({ target, method, args });
    const failure = failures.find((f) => f.method === method);
    if (failure && --failure.left === 0) {
      failures.splice(failures.indexOf(failure), 1);
      throw new Error(failure.message);
    }
  };

  const extrasOf = (name: string): SheetExtras => {
    let e = extras.get(name);
    if (!e) {
      e = {
        numberFormats: new Map(),
        styles: new Map(),
        notes: new Map(),
        validations: [],
        conditionalFormats: [],
        charts: [],
        frozenRows: 0,
        columnWidths: new Map(),
      };
      extras.set(name, e);
    }
    return e;
  };

  const sheetId = (name: string): number => {
    const id = hf.getSheetId(name);
    if (id === undefined) throw new Error(`shim: no sheet named "${name}"`);
    return id;
  };

  const makeRange = (sheetName: string, row: number, col: number, rows: number, cols: number) => {
    const a1 = `${columnLetter(col)}${row}${rows === 1 && cols === 1 ? '' : `:${columnLetter(col + cols - 1)}${row + rows - 1}`}`;
    const target = `${sheetName}!${a1}`;
    const cells = function* () {
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) yield `${columnLetter(col + c)}${row + r}`;
    };
    const checkShape = (values: readonly (readonly unknown[])[], method: string) => {
      if (values.length !== rows || values.some((r) => r.length !== cols)) {
        throw new Error(`${method}: the data has ${values.length} rows where the range ${a1} has ${rows}x${cols}`);
      }
    };
    const style = (key: string, value: unknown) => {
      for (const cell of cells())
        extrasOf(sheetName).styles.set(cell, { ...extrasOf(sheetName).styles.get(cell), [key]: value });
    };
    /** A style setter: recorded, applied to every cell, chainable. */
    const styled = (method: string, key: string, value: unknown) => {
      record(target, method, [value]);
      style(key, value);
      return range;
    };
    const range = {
      getA1Notation: () => a1,
      getRow: () => row,
      getColumn: () => col,
      getNumRows: () => rows,
      getNumColumns: () => cols,
      getSheet: () => makeSheet(sheetName),
      setValues(values: unknown[][]) {
        record(target, 'setValues', [values]);
        checkShape(values, 'setValues');
        checkCellLimit(values);
        hf.setCellContents(
          { sheet: sheetId(sheetName), row: row - 1, col: col - 1 },
          // Array.from: the caller may live in another realm (a vm context), whose arrays HyperFormula rejects.
          Array.from(values, (r) => Array.from(r, asTyped)),
        );
        return range;
      },
      setFormulas(formulas: string[][]) {
        record(target, 'setFormulas', [formulas]);
        checkShape(formulas, 'setFormulas');
        checkCellLimit(formulas);
        hf.setCellContents(
          { sheet: sheetId(sheetName), row: row - 1, col: col - 1 },
          Array.from(formulas, (r) => Array.from(r, (f) => (f === '' ? null : f))),
        );
        return range;
      },
      setValue(value: unknown) {
        return range.setValues([[value]]);
      },
      getLastRow: () => row + rows - 1,
      getLastColumn: () => col + cols - 1,
      /** Values as Apps Script returns them: '' for an empty cell, an error as its text ("#ERROR!"). */
      getValues(): unknown[][] {
        return hf
          .getRangeValues({
            start: { sheet: sheetId(sheetName), row: row - 1, col: col - 1 },
            end: { sheet: sheetId(sheetName), row: row - 2 + rows, col: col - 2 + cols },
          })
          .map((r) => r.map((v) => (v instanceof DetailedCellError ? errorText(v) : (v ?? ''))));
      },
      /** Values as text, as the cells show them (number formats applied). */
      getDisplayValues(): string[][] {
        const values = range.getValues();
        const formats = extrasOf(sheetName).numberFormats;
        return values.map((r, i) => r.map((v, j) => formatValue(v, formats.get(`${columnLetter(col + j)}${row + i}`))));
      },
      /**
       * Formulas, '' where a cell holds none. As in Sheets, only an array formula's top-left cell has
       * it; the cells its result spilled into read '' (HyperFormula gives them no formula either).
       */
      getFormulas() {
        return hf
          .getRangeFormulas({
            start: { sheet: sheetId(sheetName), row: row - 1, col: col - 1 },
            end: { sheet: sheetId(sheetName), row: row - 2 + rows, col: col - 2 + cols },
          })
          .map((r) => r.map((f) => f ?? ''));
      },
      setNumberFormats(formats: string[][]) {
        record(target, 'setNumberFormats', [formats]);
        checkShape(formats, 'setNumberFormats');
        let i = 0;
        for (const cell of cells()) {
          extrasOf(sheetName).numberFormats.set(cell, formats[Math.floor(i / cols)][i % cols]);
          i++;
        }
        return range;
      },
      setNumberFormat(format: string) {
        record(target, 'setNumberFormat', [format]);
        for (const cell of cells()) extrasOf(sheetName).numberFormats.set(cell, format);
        return range;
      },
      setFontWeight: (v: string) => styled('setFontWeight', 'fontWeight', v),
      setFontSize: (v: number) => styled('setFontSize', 'fontSize', v),
      setBackground: (v: string) => styled('setBackground', 'background', v),
      setFontColor: (v: string) => styled('setFontColor', 'fontColor', v),
      setNote(note: string) {
        record(target, 'setNote', [note]);
        extrasOf(sheetName).notes.set(a1.split(':')[0], note);
        return range;
      },
      getNote: () => extrasOf(sheetName).notes.get(a1.split(':')[0]) ?? '',
      /** Every cell's note, '' where none. */
      getNotes(): string[][] {
        const notes = extrasOf(sheetName).notes;
        return Array.from({ length: rows }, (_, r) =>
          Array.from({ length: cols }, (_, c) => notes.get(`${columnLetter(col + c)}${row + r}`) ?? ''),
        );
      },
      /** Sets every cell's note; '' (or null) removes it. */
      setNotes(notes: (string | null)[][]) {
        record(target, 'setNotes', [notes]);
        checkShape(notes, 'setNotes');
        let i = 0;
        for (const cell of cells()) {
          const note = notes[Math.floor(i / cols)][i % cols];
          if (note === '' || note === null) extrasOf(sheetName).notes.delete(cell);
          else extrasOf(sheetName).notes.set(cell, String(note));
          i++;
        }
        return range;
      },
      setDataValidation(rule: DataValidation) {
        record(target, 'setDataValidation', [rule]);
        extrasOf(sheetName).validations.push({ range: a1, rule });
        return range;
      },
    };
    return range;
  };

  type ShimRange = ReturnType<typeof makeRange>;

  const makeSheet = (name: string) => {
    const dimensions = () => hf.getSheetDimensions(sheetId(name));
    const sheet = {
      getName: () => name,
      /** The last row and column with content (array results included); 0 on an empty sheet. */
      getLastRow: () => dimensions().height,
      getLastColumn: () => dimensions().width,
      /** A new sheet in Sheets has 1000 rows and 26 columns. */
      getMaxRows: () => Math.max(1000, dimensions().height),
      getMaxColumns: () => Math.max(26, dimensions().width),
      /** A1 to the last row and column with content (A1 alone on an empty sheet). */
      getDataRange: (): ShimRange => {
        const { height, width } = dimensions();
        return makeRange(name, 1, 1, Math.max(1, height), Math.max(1, width));
      },
      getRange(a: number | string, col?: number, rows = 1, cols = 1): ShimRange {
        if (typeof a === 'string') {
          const p = parseA1(a);
          return makeRange(name, p.row, p.col, p.rows, p.cols);
        }
        return makeRange(name, a, col ?? 1, rows, cols);
      },
      setFrozenRows(n: number) {
        record(name, 'setFrozenRows', [n]);
        extrasOf(name).frozenRows = n;
      },
      setColumnWidth(col: number, width: number) {
        record(name, 'setColumnWidth', [col, width]);
        extrasOf(name).columnWidths.set(col, width);
      },
      setConditionalFormatRules(rules: ConditionalRule[]) {
        record(name, 'setConditionalFormatRules', [rules]);
        extrasOf(name).conditionalFormats = [...rules];
      },
      getConditionalFormatRules: () => [...extrasOf(name).conditionalFormats],
      newChart() {
        const chart: Chart = { type: 'unknown', stacked: false, title: '', ranges: [], position: { row: 1, col: 1 } };
        const builder = {
          asBarChart() {
            chart.type = 'bar';
            return builder;
          },
          setStacked() {
            chart.stacked = true;
            return builder;
          },
          setTitle(title: string) {
            chart.title = title;
            return builder;
          },
          addRange(r: ShimRange) {
            chart.ranges.push(r.getA1Notation());
            return builder;
          },
          setPosition(row: number, col: number) {
            chart.position = { row, col };
            return builder;
          },
          build: () => chart,
        };
        return builder;
      },
      insertChart(chart: Chart) {
        record(name, 'insertChart', [chart]);
        extrasOf(name).charts.push(chart);
      },
      getCharts: () => [...extrasOf(name).charts],
    };
    return sheet;
  };

  const spreadsheet = {
    getSheets: () => hf.getSheetNames().map(makeSheet),
    getSheetByName: (name: string) => (hf.getSheetId(name) === undefined ? null : makeSheet(name)),
    insertSheet(name: string) {
      record('spreadsheet', 'insertSheet', [name]);
      if (hf.getSheetId(name) !== undefined) {
        throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
      }
      hf.addSheet(name);
      activeSheetName = name;
      return makeSheet(name);
    },
    /** Deletes a sheet (not the last one, as in Sheets); the first sheet is then active, if it was. */
    deleteSheet(sheet: { getName(): string }) {
      const name = sheet.getName();
      record('spreadsheet', 'deleteSheet', [name]);
      const id = sheetId(name);
      if (hf.getSheetNames().length === 1) throw new Error("You can't remove all the sheets in a document.");
      hf.removeSheet(id);
      extras.delete(name);
      if (activeSheetName === name) activeSheetName = undefined;
      if (selection?.sheet === name) selection = undefined;
    },
    setActiveSheet(sheet: { getName(): string }) {
      record('spreadsheet', 'setActiveSheet', [sheet.getName()]);
      activeSheetName = sheet.getName();
      return sheet;
    },
    getActiveSheet: () => makeSheet(activeName()),
    getActiveRangeList: () => rangeList(),
    getActiveRange: () => {
      const ranges = rangeList().getRanges();
      return ranges[ranges.length - 1];
    },
    getSelection: () => ({
      getActiveSheet: () => makeSheet(activeName()),
      getActiveRangeList: () => rangeList(),
      getActiveRange: () => spreadsheet.getActiveRange(),
      getCurrentCell: () => {
        const r = spreadsheet.getActiveRange();
        return makeSheet(r.getSheet().getName()).getRange(r.getRow(), r.getColumn());
      },
    }),
    toast(message: string, title = '', timeoutSeconds?: number) {
      record('spreadsheet', 'toast', [message, title, timeoutSeconds]);
      ui.toasts.push({ message, title });
    },
  };

  function activeName(): string {
    return activeSheetName !== undefined && hf.getSheetId(activeSheetName) !== undefined
      ? activeSheetName
      : hf.getSheetNames()[0];
  }

  /** The selected ranges of the active sheet (A1 until something is selected there). */
  function rangeList() {
    const sheet = makeSheet(activeName());
    const a1s = selection && selection.sheet === activeName() ? selection.ranges : ['A1'];
    const ranges = a1s.map((a) => sheet.getRange(a));
    return { getRanges: () => [...ranges] };
  }

  const validationBuilder = () => {
    const rule: DataValidation = { allowInvalid: true, helpText: '' };
    const builder = {
      requireValueInList(list: string[], showDropdown = true) {
        rule.list = [...list];
        rule.showDropdown = showDropdown;
        return builder;
      },
      requireNumberGreaterThanOrEqualTo(n: number) {
        rule.minimum = n;
        return builder;
      },
      setAllowInvalid(allow: boolean) {
        rule.allowInvalid = allow;
        return builder;
      },
      setHelpText(text: string) {
        rule.helpText = text;
        return builder;
      },
      build: () => ({ ...rule }),
    };
    return builder;
  };

  const conditionalBuilder = () => {
    const rule: ConditionalRule = { formula: '', ranges: [] };
    const builder = {
      whenFormulaSatisfied(formula: string) {
        rule.formula = formula;
        return builder;
      },
      setBackground(color: string) {
        rule.background = color;
        return builder;
      },
      setFontColor(color: string) {
        rule.fontColor = color;
        return builder;
      },
      setRanges(ranges: ShimRange[]) {
        rule.ranges = ranges.map((r) => r.getA1Notation());
        return builder;
      },
      build: () => ({ ...rule }),
    };
    return builder;
  };

  const menuBuilder = (items: MenuItem[]) => {
    const builder = {
      addItem(caption: string, functionName: string) {
        items.push({ caption, functionName });
        return builder;
      },
      addSeparator() {
        items.push({ caption: '---' });
        return builder;
      },
      addSubMenu(sub: { items: MenuItem[]; caption: string }) {
        items.push({ caption: sub.caption, items: sub.items });
        return builder;
      },
      addToUi() {
        record('ui', 'addToUi', [items]);
        ui.menus.push(items);
      },
    };
    return builder;
  };

  const SpreadsheetApp = {
    getActiveSpreadsheet: () => spreadsheet,
    getActive: () => spreadsheet,
    getActiveSheet: () => spreadsheet.getActiveSheet(),
    getActiveRange: () => spreadsheet.getActiveRange(),
    getActiveRangeList: () => spreadsheet.getActiveRangeList(),
    getSelection: () => spreadsheet.getSelection(),
    flush: () => record('SpreadsheetApp', 'flush', []),
    newDataValidation: validationBuilder,
    newConditionalFormatRule: conditionalBuilder,
    getUi: () => ({
      createAddonMenu: () => menuBuilder([]),
      createMenu: (caption: string) => {
        const items: MenuItem[] = [];
        return Object.assign(menuBuilder(items), { items, caption });
      },
      showSidebar(output: { file: string; title: string }) {
        record('ui', 'showSidebar', [output]);
        ui.sidebars.push(output);
      },
      alert(title: string, message?: string) {
        record('ui', 'alert', message === undefined ? [title] : [title, message]);
        ui.alerts.push(title);
      },
      ButtonSet: { OK: 'OK' },
    }),
  };

  const LockService = {
    getDocumentLock: () => ({
      waitLock(timeoutMs: number) {
        record('lock', 'waitLock', [timeoutMs]);
        if (lock.held) throw new Error('Lock timeout: another process was holding the lock for too long.');
        lock.held = true;
        lock.acquired++;
      },
      releaseLock() {
        record('lock', 'releaseLock', []);
        lock.held = false;
      },
    }),
  };

  const HtmlService = {
    createHtmlOutputFromFile(file: string) {
      const output = {
        file,
        title: '',
        setTitle(title: string) {
          output.title = title;
          return output;
        },
      };
      return output;
    },
  };

  return {
    globals: { SpreadsheetApp, LockService, HtmlService },
    calls,
    extras,
    ui,
    lock,
    setActiveRange(sheet, ranges) {
      if (hf.getSheetId(sheet) === undefined) throw new Error(`shim: no sheet named "${sheet}"`);
      const list = typeof ranges === 'string' ? [ranges] : [...ranges];
      for (const a of list) parseA1(a);
      activeSheetName = sheet;
      selection = { sheet, ranges: list.length > 0 ? list : ['A1'] };
    },
    activeSheet: () => activeName(),
    failCall(method, nth = 1, message = `shim: ${method} failed (a test's injected failure)`) {
      if (!Number.isInteger(nth) || nth < 1) throw new Error(`shim: failCall needs nth >= 1, got ${nth}`);
      failures.push({ method, left: nth, message });
    },
  };
}
