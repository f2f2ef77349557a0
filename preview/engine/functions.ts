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

function errorText(error: CellError): string {
  return `#${error.type === ErrorType.DIV_BY_ZERO ? 'DIV/0!' : `${error.type}!`}`;
}

function toOutput(value: number | string | boolean): number | string | boolean | typeof EmptyValue {
  return value === '' ? EmptyValue : value;
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

  for (const f of functions) {
    const method = `call_${f.name}`;
    const sizeMethod = `size_${f.name}`;
    implemented[f.name] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      parameters: f.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional })),
    };
    proto[method] = function (this: PluginInternals, ast: Ast & { args: Ast[] }, state: State) {
      const args: Arg[] = [];
      for (const argAst of ast.args) {
        if (argAst.type === 'EMPTY') {
          args.push('');
          continue;
        }
        const value = this.evaluateAst(argAst, state);
        if (value instanceof SimpleRangeValue) {
          // An error inside a range becomes its text at that position, as a cell would show it.
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
          if (c instanceof CellError) return c;
          args.push(c);
        }
      }
      try {
        const result = bundle.invoke(f.name, args);
        if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result.map((row) => row.map(toOutput)) as never);
        return toOutput(result);
      } catch (error) {
        // The bundle runs in its own realm (a vm context or a page), so its Errors are not ours.
        const message = (error as { message?: unknown }).message;
        return new CellError(ErrorType.ERROR, typeof message === 'string' ? message : String(error));
      }
    };
    proto[sizeMethod] = function (this: PluginInternals, ast: Ast & { args: Ast[] }, state: State) {
      const shapes = ast.args.map((a) => {
        const size = this.arraySizeForAst(a, state);
        return { rows: size.height, cols: size.width };
      });
      const shape = bundle.resultShape(f.name, shapes);
      return shape.rows === 1 && shape.cols === 1 ? ArraySize.scalar() : new ArraySize(shape.cols, shape.rows);
    };
  }
  LlmSizingPlugin.implementedFunctions = implemented;
  const names = Object.fromEntries(functions.map((f) => [f.name, f.name]));
  return { plugin: LlmSizingPlugin, translations: { enGB: names, enUS: names } };
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
 * A workbook as a new spreadsheet starts (one empty "Sheet1") with the bundle's custom functions
 * registered first, as the preview and the tests both need it.
 */
export function createSheetsWorkbook(bundle: SheetsBundle): HyperFormula {
  registerBundle(bundle);
  const hf = HyperFormula.buildEmpty({ ...SHEETS_LIKE_CONFIG });
  hf.addSheet('Sheet1');
  return hf;
}
