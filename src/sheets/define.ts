/**
 * Defining a custom function once: metadata (for the Apps Script stubs, README and tests) and how
 * its arguments are read. `invoke` does what every function shares: argument counting, blanks,
 * broadcasting of ranges, per-position errors.
 *
 * Each argument is read once per call: a single value (and an argument read whole, such as
 * `options`) before the positions are visited, a range cell by cell with a cache per distinct
 * value. Each position of the broadcast is computed once: a function with a selector (LLM_ESTIMATE's
 * metrics) computes one result per position and reads every selected column off it.
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
   * Picks what to read off each position's result (LLM_ESTIMATE's metrics): one row of names gives
   * one column each. Its cells do not count for the all-blank rule, so an open range of inputs
   * stays quiet below its last row; with several columns, the other ranges must be single columns.
   * A selector is not passed to `compute`, but to `select` with `compute`'s result.
   */
  readonly selector?: boolean;
  /** When given, an argument for which `isWhole` holds is read whole, not broadcast. */
  readonly isWhole?: (arg: Arg) => boolean;
  readonly coerceWhole?: (arg: Arg) => T;
  /** From its shape alone, whether a range argument will be read whole (for predicting result sizes). */
  readonly wholeShape?: (shape: Shape) => boolean;
  /** The option key this argument gives (H: hidden): `options` may not set it in the same call. */
  readonly optionKey?: string;
  /** The option keys the function reads (the `options` argument, once bound to its function). */
  readonly optionKeys?: readonly string[];
  /**
   * The argument as one function reads it, given the function's name and the option keys its
   * arguments give (`options`: which keys that function reads, and its error messages).
   */
  readonly forFunction?: (fn: string, argumentKeys: ReadonlyMap<string, string>) => ParamSpec<T, Optional>;
}

/** A selector argument (see `ParamSpec.selector`). */
export interface SelectorSpec<T> extends ParamSpec<T, false> {
  readonly selector: true;
}

// Parameters are covariant in T, so `unknown` holds any of them.
export type AnyParam = ParamSpec<unknown>;

type ValueOf<S> = S extends ParamSpec<infer T, infer O> ? (O extends true ? T | undefined : T) : never;

export type ParamValues<P extends readonly AnyParam[]> = {
  -readonly [K in keyof P]: ValueOf<P[K]>;
};

/** The values `compute` receives: every argument but the selector, in order. */
export type DataValues<P extends readonly unknown[]> = P extends readonly [infer Head, ...infer Rest]
  ? Head extends { readonly selector: true }
    ? DataValues<Rest>
    : [ValueOf<Head>, ...DataValues<Rest>]
  : [];

/** The value of the selector argument. */
export type SelectionOf<P extends readonly unknown[]> = P extends readonly [infer Head, ...infer Rest]
  ? Head extends { readonly selector: true }
    ? ValueOf<Head>
    : SelectionOf<Rest>
  : never;

/**
 * A published or measured figure and the relative error allowed around it: |result / approx - 1|
 * at most `within` (0.15: 15%). For speeds checked against a measurement, and for published
 * figures that are rounded.
 */
export interface Approximately {
  readonly approx: number;
  readonly within: number;
}

/** Text that contains this (a source citation, whose wording is the add-in's). */
export interface Containing {
  readonly contains: string;
}

/**
 * One cell of an example's result: a number (equal to 12 significant digits; exactly when it is
 * an integer), text, TRUE/FALSE, or one of the looser forms above.
 */
export type ExampleCell = number | string | boolean | Approximately | Containing;

/** A spilled table with a header row (LLM_GPUS, LLM_MODELS): one of its rows has these values under these headers. */
export interface TableRow {
  readonly tableRow: Readonly<Record<string, ExampleCell>>;
}

/** One cell, a range that spills (rows of cells), or a row of a spilled table. */
export type ExampleResult = ExampleCell | readonly (readonly ExampleCell[])[] | TableRow;

/**
 * A formula as typed in a cell, with the result it gives. The result is worked independently of
 * the code: by hand from the methodology document, from a published figure (data/gpus.json,
 * data/models.json) or from a measurement (data/measurements.json, by row id); `why` says which,
 * with the arithmetic. The bundle tests run every example and compare.
 */
export interface Example {
  readonly formula: string;
  readonly result: ExampleResult;
  /** The unit shown after the result ("GiB", "tokens/s"); none for counts, text and TRUE/FALSE. */
  readonly unit?: string;
  /** Where the result comes from: the arithmetic, the source figure, the tolerance and why. */
  readonly why: string;
}

export interface FunctionInfo {
  readonly name: string;
  /** One line for the person in the sheet. */
  readonly summary: string;
  /** The methodology section, where the function is one of its formulas. */
  readonly section?: string;
  /** What is returned, with the unit. */
  readonly returns: string;
  /** Formulas with their results; examples[0] is the one the README shows. */
  readonly examples: readonly Example[];
  /** Results spill over several cells (a table). */
  readonly spills?: boolean;
}

export interface FunctionDef extends FunctionInfo {
  readonly params: readonly AnyParam[];
  /** The option keys the function reads (none without an `options` argument). */
  readonly optionKeys: readonly string[];
  /** Called as Sheets calls the function: one entry per argument written in the cell. */
  readonly invoke: (args: readonly Arg[]) => Result;
  /**
   * The size of the result from the sizes of the arguments alone (1x1 for a single value), as a
   * spreadsheet engine needs it before evaluating; what `invoke` returns for those arguments.
   */
  readonly resultShape: (argShapes: readonly Shape[]) => Shape;
}

/** A value read, or the message of why it could not be. */
type Reading = { readonly value: unknown } | { readonly message: string };

/** One argument of a call, read as far as it can be before the positions are visited. */
interface Argument {
  readonly param: AnyParam;
  /** Read whole, or a single value (read once). */
  readonly fixed?: Reading;
  /** A range, read cell by cell. */
  readonly grid?: Grid;
  /** The single value as written (for the all-blank rule of a call on single values). */
  readonly scalar?: CellValue;
  readonly coerce: (value: CellValue) => unknown;
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
  const cache = new Map<CellValue, Reading>();
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

/** The cell of `grid` at output position (row, col), a dimension of 1 stretching. */
function cellAt(grid: Grid, row: number, col: number): CellValue {
  return grid[pick(grid.length, row)][pick(grid[0].length, col)];
}

type Computed = { readonly value: unknown } | { readonly error: InputError };

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
  return define(meta, params, compute as (...values: unknown[]) => unknown);
}

/**
 * Defines a custom function with a selector argument (see `ParamSpec.selector`): `compute`
 * receives the other arguments' values for one position and returns what every selected cell of
 * that position is read from; `select` reads one cell.
 */
export function defineSelectorFunction<const P extends readonly AnyParam[], R>(
  info: FunctionInfo & {
    readonly params: P;
    readonly compute: (...values: DataValues<P>) => R;
    readonly select: (selection: SelectionOf<P>, result: R) => Output;
  },
): FunctionDef {
  const { params, compute, select, ...meta } = info;
  return define(
    meta,
    params,
    compute as (...values: unknown[]) => unknown,
    select as (selection: unknown, result: unknown) => Output,
  );
}

function define(
  meta: FunctionInfo,
  declared: readonly AnyParam[],
  compute: (...values: unknown[]) => unknown,
  select?: (selection: unknown, result: unknown) => Output,
): FunctionDef {
  const fn = meta.name;
  const argumentKeys = new Map<string, string>();
  for (const p of declared) if (p.optionKey !== undefined) argumentKeys.set(p.optionKey, p.name);
  const params = declared.map((p) => (p.forFunction ? p.forFunction(fn, argumentKeys) : p));
  const optionKeys = params.find((p) => p.optionKeys !== undefined)?.optionKeys ?? [];
  const required = params.filter((p) => !p.optional).length;
  const signature = `${fn}(${params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
  const selectorIndex = select ? params.findIndex((p) => p.selector) : -1;
  if (select && selectorIndex < 0) throw new Error(`${fn}: select without a selector argument`);

  /** An error as the cell shows it: prefixed with the function once. */
  const failure = (error: unknown): InputError =>
    error instanceof InputError && error.message.startsWith(`${fn}: `)
      ? error
      : new InputError(computeMessage(fn, error));

  const read = (param: AnyParam, raw: Arg): Argument => {
    const coerce = cachedCoerce(fn, param);
    if (param.coerceWhole && param.isWhole?.(raw)) {
      try {
        return { param, coerce, fixed: { value: param.coerceWhole(raw) } };
      } catch (error) {
        throw new InputError(argumentMessage(fn, param, error));
      }
    }
    if (isGrid(raw)) {
      const grid = raw.length === 0 || raw[0].length === 0 ? [['']] : raw;
      return { param, coerce, grid };
    }
    let fixed: Reading;
    if (isBlank(raw)) {
      fixed = param.optional ? { value: undefined } : { message: `${fn}: ${argLabel(param)} is required, got blank` };
    } else {
      try {
        fixed = { value: param.coerce(raw) };
      } catch (error) {
        fixed = { message: argumentMessage(fn, param, error) };
      }
    }
    return { param, coerce, fixed, scalar: raw };
  };

  const valueAt = (arg: Argument, row: number, col: number): unknown => {
    const fixed = arg.fixed;
    if (fixed !== undefined) {
      if ('message' in fixed) throw new InputError(fixed.message);
      return fixed.value;
    }
    const cell = cellAt(arg.grid as Grid, row, col);
    if (isBlank(cell)) {
      if (arg.param.optional) return undefined;
      throw new InputError(`${fn}: ${argLabel(arg.param)} is required, got blank`);
    }
    return arg.coerce(cell);
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

    const args = params.map((param, i) => read(param, rawArgs[i]));
    const data = args.filter((_, i) => i !== selectorIndex);
    const selector = selectorIndex >= 0 ? args[selectorIndex] : undefined;
    const values = new Array<unknown>(data.length);

    /** The result of one position of the data arguments (the selector aside). */
    const computeAt = (row: number, col: number): Computed => {
      try {
        for (let i = 0; i < data.length; i++) values[i] = valueAt(data[i], row, col);
        return { value: compute(...values) };
      } catch (error) {
        return { error: failure(error) };
      }
    };

    /** One cell of the result: the position's result, or the selected part of it. */
    const cell = (computed: Computed, row: number, col: number): Output | Output[][] => {
      if ('error' in computed) throw computed.error;
      try {
        const value = selector && select ? select(valueAt(selector, row, col), computed.value) : computed.value;
        return Array.isArray(value) ? (value as Output[][]) : checkOutput(fn, value as Output);
      } catch (error) {
        throw failure(error);
      }
    };

    const gridArgs = args.filter((a): a is Argument & { grid: Grid } => a.grid !== undefined);
    if (gridArgs.length === 0) {
      const numeric = args.filter((a) => a.param.numeric && !a.param.optional);
      if (numeric.length > 0 && numeric.every((a) => isBlank(a.scalar))) return '';
      return cell(computeAt(0, 0), 0, 0);
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
    // With a row of selections the data arguments are columns: one position per row.
    const wideSelector = selector?.grid !== undefined && selector.grid[0].length > 1;
    const out: Output[][] = [];
    for (let r = 0; r < shape.rows; r++) {
      const row: Output[] = [];
      let computed: Computed | undefined;
      let computedCol = -1;
      for (let c = 0; c < shape.cols; c++) {
        if (dataGrids.every((a) => isBlank(cellAt(a.grid, r, c)))) {
          row.push('');
          continue;
        }
        const dataCol = wideSelector ? 0 : c;
        if (computed === undefined || computedCol !== dataCol) {
          computed = computeAt(r, dataCol);
          computedCol = dataCol;
        }
        try {
          const value = cell(computed, r, c);
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

  return { ...meta, params, optionKeys, invoke, resultShape };
}
