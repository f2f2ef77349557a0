/**
 * Defining a custom function once: metadata (for the Apps Script stubs, README and tests) and how
 * its arguments are read. `invoke` does what every function shares: argument counting, blanks,
 * broadcasting of ranges, per-position errors.
 */
import { InputError } from '../core/errors';
import { isBlank, isDate, isGrid, type Arg, type CellValue, type Grid, type Output, type Result } from './cells';
import { broadcastShapes, pick, type NamedShape, type Shape } from './broadcast';
import { ArgumentError, messageOf } from './errors';

export interface ParamSpec<T, Optional extends boolean = boolean> {
  /** The name in the contract: H, L, precision, gpu, options. */
  readonly name: string;
  /** Short meaning for error messages: "hidden size". */
  readonly label: string;
  /** For the person in the sheet, with the unit: "Hidden size H (model dimension), a count". */
  readonly description: string;
  /** JSDoc type shown by Sheets' autocomplete. */
  readonly jsdocType: string;
  readonly optional: Optional;
  /** Counts towards "every required number blank" in a call on single values. */
  readonly numeric: boolean;
  /** Reads one cell. */
  readonly coerce: (value: CellValue) => T;
  /**
   * Picks what to compute (LLM_ESTIMATE's metrics): one row of names gives one column each. Its
   * cells do not count for the all-blank rule, so an open range of inputs stays quiet below its
   * last row; with several columns, the other ranges must be single columns.
   */
  readonly selector?: boolean;
  /** When given, an argument for which `isWhole` holds is read whole, not broadcast. */
  readonly isWhole?: (arg: Arg) => boolean;
  readonly coerceWhole?: (arg: Arg) => T;
  /** From its shape alone, whether a range argument will be read whole (for predicting result sizes). */
  readonly wholeShape?: (shape: Shape) => boolean;
}

// Parameters are covariant in T, so `unknown` holds any of them.
export type AnyParam = ParamSpec<unknown>;

export type ParamValues<P extends readonly AnyParam[]> = {
  -readonly [K in keyof P]: P[K] extends ParamSpec<infer T, infer O> ? (O extends true ? T | undefined : T) : never;
};

export interface FunctionInfo {
  readonly name: string;
  /** One line for the person in the sheet. */
  readonly summary: string;
  /** The methodology section, where the function is one of its formulas. */
  readonly section?: string;
  /** What is returned, with the unit. */
  readonly returns: string;
  /** Formulas as typed in a cell; executed by the contract tests. */
  readonly examples: readonly string[];
  /** Results spill over several cells (a table). */
  readonly spills?: boolean;
}

export interface FunctionDef extends FunctionInfo {
  readonly params: readonly AnyParam[];
  /** Called as Sheets calls the function: one entry per argument written in the cell. */
  readonly invoke: (args: readonly Arg[]) => Result;
  /**
   * The size of the result from the sizes of the arguments alone (1x1 for a single value), as a
   * spreadsheet engine needs it before evaluating; what `invoke` returns for those arguments.
   */
  readonly resultShape: (argShapes: readonly Shape[]) => Shape;
}

interface Argument {
  readonly param: AnyParam;
  readonly grid?: Grid;
  readonly whole?: { value: unknown };
  readonly scalar?: CellValue;
}

function argLabel(param: AnyParam): string {
  return param.label === param.name ? param.name : `${param.name} (${param.label})`;
}

/** The text of an error from reading an argument, prefixed with the function and argument. */
function argumentMessage(fn: string, param: AnyParam, error: unknown): string {
  const separator = error instanceof ArgumentError ? ' ' : ': ';
  return `${fn}: ${argLabel(param)}${separator}${messageOf(error)}`;
}

function computeMessage(fn: string, error: unknown): string {
  if (error instanceof InputError) return `${fn}: ${error.message}`;
  return `${fn}: internal error: ${messageOf(error)}`;
}

/** A cache of cell readings, so a column of the same text is looked up once. */
function cachedCoerce(fn: string, param: AnyParam): (value: CellValue) => unknown {
  const cache = new Map<CellValue, { value: unknown } | { message: string }>();
  return (value) => {
    let entry = cache.get(value);
    if (entry === undefined) {
      try {
        entry = { value: param.coerce(value) };
      } catch (error) {
        entry = { message: argumentMessage(fn, param, error) };
      }
      if (!isDate(value)) cache.set(value, entry);
    }
    if ('message' in entry) throw new InputError(entry.message);
    return entry.value;
  };
}

function checkOutput(fn: string, value: Output): Output {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new InputError(`${fn}: the result is not a finite number (${value}); the inputs are too large`);
  }
  return value;
}

/**
 * A selector range (metrics) must be one row; with several columns (one per metric) the other
 * ranges must be single columns, so each metric gets its own column (contract, "Ranges and broadcasting").
 */
function checkSelectors(fn: string, gridArgs: readonly (Argument & { grid: Grid })[]): void {
  for (const selector of gridArgs.filter((a) => a.param.selector)) {
    const rows = selector.grid.length;
    const cols = selector.grid[0].length;
    if (rows > 1) {
      throw new InputError(
        `${fn}: ${argLabel(selector.param)} must be one name or a one-row range of names, got ${rows}x${cols}`,
      );
    }
    if (cols === 1) continue;
    const wide = gridArgs.find((a) => a !== selector && a.grid[0].length > 1);
    if (wide) {
      throw new InputError(
        `${fn}: with several ${selector.param.name} (one column each), the other arguments must be single values or columns; ${wide.param.name} is ${wide.grid.length}x${wide.grid[0].length}`,
      );
    }
  }
}

/**
 * Defines a custom function. `compute` receives typed values for one position of the broadcast
 * and returns one cell (or, for a function without broadcast arguments, a table).
 */
export function defineFunction<const P extends readonly AnyParam[]>(
  info: FunctionInfo & {
    readonly params: P;
    readonly compute: (...values: ParamValues<P>) => Output | Output[][];
  },
): FunctionDef {
  const { params, compute, ...meta } = info;
  const fn = meta.name;
  const required = params.filter((p) => !p.optional).length;
  const signature = `${fn}(${params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;

  const run = (values: unknown[]): Output | Output[][] => {
    try {
      const result = compute(...(values as ParamValues<P>));
      return Array.isArray(result) ? result : checkOutput(fn, result);
    } catch (error) {
      if (error instanceof InputError && error.message.startsWith(`${fn}: `)) throw error;
      throw new InputError(computeMessage(fn, error));
    }
  };

  const invoke = (rawArgs: readonly Arg[]): Result => {
    // Sheets passes trailing omitted arguments as absent; drop trailing undefined from callers too.
    let count = rawArgs.length;
    while (count > 0 && rawArgs[count - 1] === undefined) count--;
    if (count > params.length) {
      throw new InputError(`${fn}: takes at most ${params.length} arguments, got ${count}; usage ${signature}`);
    }
    if (count < required) {
      throw new InputError(`${fn}: needs at least ${required} arguments, got ${count}; usage ${signature}`);
    }

    const args: Argument[] = params.map((param, i) => {
      const raw = rawArgs[i];
      if (param.coerceWhole && param.isWhole?.(raw)) {
        try {
          return { param, whole: { value: param.coerceWhole(raw) } };
        } catch (error) {
          throw new InputError(argumentMessage(fn, param, error));
        }
      }
      if (isGrid(raw)) {
        const grid = raw.length === 0 || raw[0].length === 0 ? [['']] : raw;
        return { param, grid };
      }
      return { param, scalar: raw };
    });

    const gridArgs = args.filter((a): a is Argument & { grid: Grid } => a.grid !== undefined);
    const coercers = args.map((a) => cachedCoerce(fn, a.param));

    const valueAt = (arg: Argument, index: number, row: number, col: number): unknown => {
      if (arg.whole) return arg.whole.value;
      const cell = arg.grid ? arg.grid[pick(arg.grid.length, row)][pick(arg.grid[0].length, col)] : arg.scalar;
      if (isBlank(cell)) {
        if (arg.param.optional) return undefined;
        throw new InputError(`${fn}: ${argLabel(arg.param)} is required, got blank`);
      }
      return coercers[index](cell);
    };

    if (gridArgs.length === 0) {
      const numeric = args.filter((a) => a.param.numeric && !a.param.optional);
      if (numeric.length > 0 && numeric.every((a) => isBlank(a.scalar))) return '';
      return run(args.map((arg, i) => valueAt(arg, i, 0, 0)));
    }

    checkSelectors(fn, gridArgs);
    const dataGrids = gridArgs.some((a) => !a.param.selector) ? gridArgs.filter((a) => !a.param.selector) : gridArgs;
    const shapes: NamedShape[] = gridArgs.map((a) => ({
      name: a.param.name,
      rows: a.grid.length,
      cols: a.grid[0].length,
    }));
    let shape;
    try {
      shape = broadcastShapes(shapes);
    } catch (error) {
      throw new InputError(`${fn}: ${messageOf(error)}`);
    }
    const out: Output[][] = [];
    for (let r = 0; r < shape.rows; r++) {
      const row: Output[] = [];
      for (let c = 0; c < shape.cols; c++) {
        const allBlank = dataGrids.every((a) => isBlank(a.grid[pick(a.grid.length, r)][pick(a.grid[0].length, c)]));
        if (allBlank) {
          row.push('');
          continue;
        }
        try {
          const value = run(args.map((arg, i) => valueAt(arg, i, r, c)));
          row.push(Array.isArray(value) ? `ERROR: ${fn}: a table cannot be one cell of a range` : value);
        } catch (error) {
          row.push(`ERROR: ${messageOf(error)}`);
        }
      }
      out.push(row);
    }
    return out;
  };

  const resultShape = (argShapes: readonly Shape[]): Shape => {
    if (params.length === 0) {
      const table = invoke([]);
      return Array.isArray(table) ? { rows: table.length, cols: table[0]?.length ?? 1 } : { rows: 1, cols: 1 };
    }
    const broadcast: NamedShape[] = [];
    params.forEach((param, i) => {
      const shape = argShapes[i];
      if (shape === undefined || (shape.rows === 1 && shape.cols === 1)) return;
      if (param.coerceWhole && param.wholeShape?.(shape)) return;
      broadcast.push({ name: param.name, ...shape });
    });
    try {
      return broadcastShapes(broadcast);
    } catch {
      return { rows: 1, cols: 1 };
    }
  };

  return { ...meta, params, invoke, resultShape };
}
