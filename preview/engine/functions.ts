/**
 * The custom functions of the built bundle (dist/Code.js), registered in HyperFormula so templates
 * and the preview compute with exactly the code Google Sheets runs. Arguments arrive as Sheets passes
 * them (numbers, text, booleans, dates, rows of values, "" for blanks); array results spill.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from 'hyperformula';

type Cell = number | string | boolean | Date;
type Arg = Cell | Cell[][];
type Result = number | string | boolean | (number | string | boolean)[][];

/** What the bundle's global (LLMSizing) offers. */
export interface SheetsBundle {
  invoke(name: string, args: readonly Arg[]): Result;
  resultShape(name: string, shapes: readonly { rows: number; cols: number }[]): { rows: number; cols: number };
  describeFunctions(): { name: string; params: { name: string; optional: boolean }[] }[];
}

// HyperFormula's own AST and interpreter types are internal; these are the parts used here.
interface Ast {
  type: string;
}
type State = unknown;
interface PluginInternals {
  evaluateAst(ast: Ast, state: State): unknown;
  arraySizeForAst(ast: Ast, state: State): ArraySize;
}

/** Spreadsheet serial day 0 is 1899-12-30, as in Sheets. */
function serialToDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
}

/** One HyperFormula value as Sheets would pass it to a custom function; a CellError stays one. */
function toCell(value: unknown): Cell | CellError {
  if (value === EmptyValue || value === undefined || value === null) return '';
  if (value instanceof CellError) return value;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object' && value !== null && 'val' in value) {
    const rich = value as { val: number; constructor: { name: string } };
    return /Date/.test(rich.constructor.name) ? serialToDate(rich.val) : rich.val;
  }
  return String(value);
}

/** The text Sheets shows (and passes to a custom function) for an error. */
function errorText(error: CellError): string {
  switch (error.type) {
    case ErrorType.DIV_BY_ZERO:
      return '#DIV/0!';
    case ErrorType.NA:
      return '#N/A';
    case ErrorType.NAME:
      return '#NAME?';
    case ErrorType.CYCLE:
    case ErrorType.SPILL:
      return '#REF!';
    default:
      return `#${error.type}!`;
  }
}

function toOutput(value: number | string | boolean): number | string | boolean | typeof EmptyValue {
  return value === '' ? EmptyValue : value;
}

/** What reading a call's arguments gave: the values as Sheets passes them, or an error to return. */
type ReadArgs = { args: Arg[] } | { error: CellError };

/**
 * The arguments of a call as Sheets passes them. An error inside a range becomes its text at that
 * position, as a cell would show it; an error as a single argument is the call's result.
 */
function readArgs(plugin: PluginInternals, asts: readonly Ast[], state: State): ReadArgs {
  const args: Arg[] = [];
  for (const argAst of asts) {
    if (argAst.type === 'EMPTY') {
      args.push('');
      continue;
    }
    const value = plugin.evaluateAst(argAst, state);
    if (value instanceof SimpleRangeValue) {
      args.push(
        value.data.map((row) =>
          row.map((cell) => {
            const c = toCell(cell);
            return c instanceof CellError ? errorText(c) : c;
          }),
        ),
      );
    } else {
      const c = toCell(value);
      if (c instanceof CellError) return { error: c };
      args.push(c);
    }
  }
  return { args };
}

const SCALAR = { rows: 1, cols: 1 };

const MEMO_SIZE = 2000;

/** A JSON replacer that keeps a date apart from text of the same digits. */
function dateTagged(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? { date: raw.getTime() } : value;
}

/** The size of what a call returns (a thrown error is one cell). */
function sizeOf(result: Result | undefined): { rows: number; cols: number } {
  return Array.isArray(result) ? { rows: result.length, cols: result[0]?.length ?? 1 } : SCALAR;
}

/** A HyperFormula function plugin class for every custom function of the bundle. */
export function bundlePlugin(bundle: SheetsBundle): {
  plugin: FunctionPluginDefinition;
  translations: Record<string, Record<string, string>>;
} {
  const functions = bundle.describeFunctions();
  const implemented: ImplementedFunctions = {};
  class LlmSizingPlugin extends FunctionPlugin {}
  const proto = LlmSizingPlugin.prototype as unknown as Record<string, unknown>;

  // The functions are pure, so a call with the same arguments (sizing, then evaluating, then
  // refreshSpills checking the size) computes once.
  const memo = new Map<string, Result | CellError>();
  const run = (name: string, args: readonly Arg[]): Result | CellError => {
    const key = `${name}(${JSON.stringify(args, dateTagged)}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: Result | CellError;
    try {
      result = bundle.invoke(name, args);
    } catch (error) {
      // The bundle runs in its own realm (a vm context or a page), so its Errors are not ours.
      const message = (error as { message?: unknown }).message;
      result = new CellError(ErrorType.ERROR, typeof message === 'string' ? message : String(error));
    }
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
    memo.set(key, result);
    return result;
  };

  for (const f of functions) {
    const method = `call_${f.name}`;
    const sizeMethod = `size_${f.name}`;
    implemented[f.name] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      parameters: f.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional })),
    };
    proto[method] = function (this: PluginInternals, ast: Ast & { args: Ast[] }, state: State) {
      const read = readArgs(this, ast.args, state);
      if ('error' in read) return read.error;
      const result = run(f.name, read.args);
      if (result instanceof CellError) return result;
      if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result.map((row) => row.map(toOutput)) as never);
      return toOutput(result);
    };
    /*
     * The size of the result, which HyperFormula needs before it evaluates (to reserve the cells a
     * result spills into). Whether a range is one whole argument or a broadcast axis can depend on
     * its values: a model column whose first filled cell opens "{" is one config.json, a
     * two-column range of known keys is one key/value spec, anything else broadcasts. So the size
     * comes from the call itself where the arguments can be read now (as Sheets sizes a spill from
     * the result), and from the shapes alone (bundle.resultShape) where they cannot yet (a formula
     * cell not computed yet); refreshSpills corrects those once the workbook has computed.
     */
    proto[sizeMethod] = function (this: PluginInternals, ast: Ast & { args: Ast[] }, state: State) {
      let shape: { rows: number; cols: number } | undefined;
      try {
        const read = readArgs(this, ast.args, state);
        shape = 'error' in read ? SCALAR : sizeOf(asResult(run(f.name, read.args)));
      } catch {
        // An argument that is not computed yet: predict from the shapes.
      }
      if (shape === undefined) {
        const shapes = ast.args.map((a) => {
          const size = this.arraySizeForAst(a, state);
          return { rows: size.height, cols: size.width };
        });
        shape = bundle.resultShape(f.name, shapes);
      }
      return shape.rows === 1 && shape.cols === 1 ? ArraySize.scalar() : new ArraySize(shape.cols, shape.rows);
    };
  }
  LlmSizingPlugin.implementedFunctions = implemented;
  const names = Object.fromEntries(functions.map((f) => [f.name, f.name]));
  return { plugin: LlmSizingPlugin, translations: { enGB: names, enUS: names } };
}

function asResult(value: Result | CellError): Result | undefined {
  return value instanceof CellError ? undefined : value;
}

/** Registers the bundle's functions in HyperFormula (once per process; re-registering replaces them). */
export function registerBundle(bundle: SheetsBundle): void {
  const { plugin, translations } = bundlePlugin(bundle);
  for (const name of Object.keys(plugin.implementedFunctions)) {
    if (HyperFormula.getRegisteredFunctionNames('enGB').includes(name)) HyperFormula.unregisterFunction(name);
  }
  HyperFormula.registerFunctionPlugin(plugin, translations);
}

/**
 * HyperFormula settings that make it compute as Google Sheets does: full doubles (no rounding of
 * results to 10 significant digits, which HyperFormula's smartRounding does by default).
 */
export const SHEETS_LIKE_CONFIG = { licenseKey: 'gpl-v3', smartRounding: false } as const;

/**
 * TRUE and FALSE as literals (`=MATCH(TRUE, K2:K11, 0)`, `=IF(A1, TRUE, FALSE)`): HyperFormula reads
 * a bare TRUE as a name, not the boolean, so the workbook names them after its TRUE() and FALSE().
 */
export const SHEETS_NAMED_EXPRESSIONS = [
  { name: 'TRUE', expression: '=TRUE()' },
  { name: 'FALSE', expression: '=FALSE()' },
];

/** How many edits the preview can undo (HyperFormula keeps 20 by default). */
const UNDO_LIMIT = 200;

/**
 * A workbook as a new spreadsheet starts (one empty "Sheet1") with the bundle's custom functions
 * registered first, as the preview and the tests both need it. Nothing is on the undo stack yet.
 */
export function createSheetsWorkbook(bundle: SheetsBundle): HyperFormula {
  registerBundle(bundle);
  registerSheetsFunctions();
  return HyperFormula.buildFromSheets(
    { Sheet1: [] },
    { ...SHEETS_LIKE_CONFIG, undoLimit: UNDO_LIMIT },
    SHEETS_NAMED_EXPRESSIONS,
  );
}

// --- Google Sheets' SORT -------------------------------------------------------------------------

/** Sheets' order: numbers, then text (case-insensitive), then FALSE before TRUE; blanks always last. */
function sortRank(value: unknown): number {
  if (value === EmptyValue || value === '' || value === null || value === undefined) return 3;
  if (typeof value === 'string') return 1;
  if (typeof value === 'boolean') return 2;
  return 0;
}

function compareCells(a: unknown, b: unknown, ascending: boolean): number {
  const ra = sortRank(a);
  const rb = sortRank(b);
  if (ra === 3 || rb === 3) return ra - rb;
  const sign = ascending ? 1 : -1;
  if (ra !== rb) return sign * (ra - rb);
  const va = ra === 0 ? Number(toCell(a)) : a;
  const vb = rb === 0 ? Number(toCell(b)) : b;
  if (typeof va === 'string' && typeof vb === 'string') {
    return sign * va.localeCompare(vb, 'en', { sensitivity: 'base' });
  }
  return sign * (Number(va) - Number(vb));
}

function truthy(value: unknown): boolean | CellError {
  if (value instanceof CellError) return value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const text = value.trim().toUpperCase();
    if (text === 'TRUE') return true;
    if (text === 'FALSE') return false;
    return new CellError(ErrorType.VALUE, `SORT: is_ascending must be TRUE or FALSE, got "${value}"`);
  }
  const c = toCell(value);
  return typeof c === 'number' ? c !== 0 : true;
}

/**
 * SORT as Google Sheets has it: SORT(range, sort_column, is_ascending, [sort_column2,
 * is_ascending2, ...]), where a sort column is an index into the range or a one-column range as
 * tall as it, and is_ascending is TRUE or FALSE. HyperFormula's own SORT is Excel's (a sort order
 * of 1 or -1), where `SORT(A2:B9, 2, FALSE)` is an error.
 */
class SheetsSortPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {
    SORT: {
      method: 'sort',
      sizeOfResultArrayMethod: 'sortSize',
      parameters: [
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
      repeatLastArgs: 2,
    },
  };

  sort(ast: Ast & { args: Ast[] }, state: State): unknown {
    const self = this as unknown as PluginInternals;
    if (ast.args.length === 0) return new CellError(ErrorType.NA, 'SORT: needs a range to sort');
    const range = self.evaluateAst(ast.args[0], state);
    if (range instanceof CellError) return range;
    const data: unknown[][] = range instanceof SimpleRangeValue ? range.data : [[range]];
    const height = data.length;
    const width = data[0]?.length ?? 0;
    if (height === 0 || width === 0) return new CellError(ErrorType.NA, 'SORT: the range is empty');
    const keys: { column: unknown[]; ascending: boolean }[] = [];
    for (let i = 1; i < ast.args.length; i += 2) {
      const by = self.evaluateAst(ast.args[i], state);
      const order = i + 1 < ast.args.length ? truthy(self.evaluateAst(ast.args[i + 1], state)) : true;
      if (order instanceof CellError) return order;
      if (by instanceof CellError) return by;
      if (by instanceof SimpleRangeValue) {
        if (by.data.length !== height || by.data[0].length !== 1) {
          return new CellError(
            ErrorType.VALUE,
            `SORT: a sort column given as a range must be one column of ${height} rows, got ${by.data.length}x${by.data[0].length}`,
          );
        }
        keys.push({ column: by.data.map((row) => row[0]), ascending: order });
        continue;
      }
      const index = Math.trunc(Number(toCell(by)));
      if (!(index >= 1 && index <= width)) {
        return new CellError(
          ErrorType.VALUE,
          `SORT: sort_column must be from 1 to ${width}, got ${String(toCell(by))}`,
        );
      }
      keys.push({ column: data.map((row) => row[index - 1]), ascending: order });
    }
    if (keys.length === 0) keys.push({ column: data.map((row) => row[0]), ascending: true });
    const order = data.map((_, i) => i);
    order.sort((a, b) => {
      for (const key of keys) {
        const c = compareCells(key.column[a], key.column[b], key.ascending);
        if (c !== 0) return c;
      }
      return a - b;
    });
    return SimpleRangeValue.onlyValues(order.map((i) => data[i]) as never);
  }

  sortSize(ast: Ast & { args: Ast[] }, state: State): ArraySize {
    const self = this as unknown as PluginInternals;
    if (ast.args.length === 0) return ArraySize.error();
    const size = self.arraySizeForAst(ast.args[0], state);
    return new ArraySize(size.width, size.height);
  }
}

/**
 * IFERROR as Google Sheets has it: the value to show for an error is optional (blank when left out).
 * Otherwise HyperFormula's own: per element inside ARRAYFORMULA.
 */
class SheetsIfErrorPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {
    IFERROR: {
      method: 'iferror',
      parameters: [
        { argumentType: FunctionArgumentType.SCALAR, passSubtype: true },
        { argumentType: FunctionArgumentType.SCALAR, passSubtype: true, optionalArg: true },
      ],
    },
  };

  iferror(ast: Ast & { args: Ast[] }, state: State): unknown {
    const run = (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction;
    return run(ast.args, state, this.metadata('IFERROR'), (value: unknown, fallback: unknown) =>
      value instanceof CellError ? (fallback ?? EmptyValue) : value,
    );
  }
}

const SHEETS_FUNCTIONS = [
  ['SORT', SheetsSortPlugin],
  ['IFERROR', SheetsIfErrorPlugin],
] as const;

/** Replaces HyperFormula's functions that differ from Google Sheets' (once per process). */
export function registerSheetsFunctions(): void {
  const registered = HyperFormula.getRegisteredFunctionNames('enGB');
  for (const [name, plugin] of SHEETS_FUNCTIONS) {
    if (registered.includes(name)) HyperFormula.unregisterFunction(name);
    HyperFormula.registerFunction(name, plugin, { enGB: { [name]: name }, enUS: { [name]: name } });
  }
}

// --- Spill sizes after the workbook computes ------------------------------------------------------

interface SizedVertex {
  width?: number;
  height?: number;
  array?: { size?: { isRef?: boolean } };
}

/** A custom function call with a range argument: the calls whose result size can follow values. */
const CUSTOM_CALL_WITH_RANGE = /\bLLM_[A-Z_]+\s*\(.*\$?[A-Z]{1,3}\$?\d+\s*:/is;

/**
 * Formulas whose reserved result size no longer fits what they compute, entered again so that
 * HyperFormula sizes them afresh, as Sheets re-sizes a spill every time it computes:
 * - a custom function call whose range argument now reads whole (a config.json pasted after the
 *   formula was typed) or no longer does;
 * - a result that could not spill (#SPILL!) where the cells in its way are now empty
 *   (HyperFormula keeps the #SPILL! until the formula is entered again).
 * Returns the addresses entered again, in one batch (one undo step), or none.
 */
export function refreshSpills(hf: HyperFormula): { sheet: number; row: number; col: number }[] {
  const graph = (hf as unknown as { dependencyGraph: { getCell(a: object): SizedVertex | undefined } }).dependencyGraph;
  const stale: { address: { sheet: number; row: number; col: number }; formula: string }[] = [];
  for (const name of hf.getSheetNames()) {
    const sheet = hf.getSheetId(name) as number;
    hf.getSheetFormulas(sheet).forEach((cells, row) =>
      cells.forEach((formula, col) => {
        if (!formula) return;
        const address = { sheet, row, col };
        const vertex = graph.getCell(address);
        const blocked = vertex?.array?.size?.isRef === true;
        if (!blocked && !CUSTOM_CALL_WITH_RANGE.test(formula)) return;
        const now = blocked ? SCALAR : { rows: vertex?.height ?? 1, cols: vertex?.width ?? 1 };
        let value;
        try {
          value = hf.calculateFormula(formula, sheet);
        } catch {
          return;
        }
        const wanted = Array.isArray(value) ? { rows: value.length, cols: value[0]?.length ?? 1 } : SCALAR;
        if (wanted.rows === now.rows && wanted.cols === now.cols) return;
        if (blocked || wanted.rows * wanted.cols > now.rows * now.cols) {
          // Enter it again only where the result now has room (else it stays #SPILL!).
          for (let r = 0; r < wanted.rows; r++) {
            for (let c = 0; c < wanted.cols; c++) {
              if (r === 0 && c === 0) continue;
              const cell = { sheet, row: row + r, col: col + c };
              if (r < now.rows && c < now.cols && !blocked) continue;
              if (hf.getCellType(cell) !== 'EMPTY') return;
            }
          }
        }
        stale.push({ address, formula });
      }),
    );
  }
  if (stale.length > 0) {
    hf.batch(() => {
      for (const { address, formula } of stale) hf.setCellContents(address, [[formula]]);
    });
  }
  return stale.map((s) => s.address);
}
