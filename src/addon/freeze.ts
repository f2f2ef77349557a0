/**
 * Freezing LLM_ results as values, as pure data: which cells hold an LLM_ formula, how far each
 * one's array result reaches, and what to write back so that only those cells change. server.ts
 * reads a window of the sheet once (formulas, values, notes), hands it here, and applies the
 * writes this returns: one setValues (and one setNotes) per rectangle, never one per cell.
 *
 * The rules:
 * - A cell is frozen when its formula calls an LLM_ function anywhere (case-insensitive, not inside
 *   a string literal) and it shows a result. Its value replaces the formula, and its note keeps the
 *   formula ("Frozen from: =LLM_…"), appended to a note it already had.
 * - An array result is frozen whole: the anchor and every cell it spilled into become values,
 *   whichever of its cells were selected. Its size comes from the formula (the functions' own
 *   broadcasting rules over the sizes of their arguments); when that cannot be told and a cell to
 *   the right of or below the anchor holds a value that could be part of the array, the cell is
 *   left alone and counted (it could spill).
 * - A formula showing an error (#ERROR!, #N/A, #REF!, …) or still "Loading..." stays a formula and
 *   is counted: its value is no result to keep.
 * - Nothing else changes. A write is a rectangle of frozen cells that may also span cells holding
 *   another formula (written back as that same formula) or nothing (written back empty); cells
 *   holding a plain value are never written, so neither are the cells another formula's array
 *   spilled into (Apps Script cannot tell those from plain values).
 * - Text values that Sheets would read as something else when written (a leading =, +, -, @, ' or
 *   #, a number, a date, TRUE/FALSE) get a leading apostrophe, so they stay the same text.
 */
import { broadcastShapes, type Shape } from '../sheets/broadcast';
import { columnNumber, range as a1Range } from './a1';

/** The size of a custom function's result from the sizes of its arguments (the registry's resultShape). */
export type ShapeOf = (name: string, argShapes: readonly Shape[]) => Shape;

/** A block of cells in sheet coordinates, 1-based. */
export interface Area {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** Cell contents as Range.getValues returns them: '' for an empty cell, errors as their text. */
export type CellValue = unknown;

export interface FreezeInput {
  /** Sheet row and column of the window's top-left cell, 1-based. */
  readonly origin: { readonly row: number; readonly col: number };
  /** The window, as Range.getFormulas, getValues and getNotes return it (all the same shape). */
  readonly formulas: readonly (readonly string[])[];
  readonly values: readonly (readonly CellValue[])[];
  readonly notes: readonly (readonly string[])[];
  /** The cells asked for (a selection, or the sheet's data range), within the window. */
  readonly target: Area;
  readonly shapeOf: ShapeOf;
}

export interface FreezeWrite extends Area {
  /** For Range.setValues: frozen values, other formulas as their formula text, '' for empty cells. */
  readonly values: (string | number | boolean | Date)[][];
  /** For Range.setNotes, when a frozen anchor in this rectangle gets a note; else undefined. */
  readonly notes?: string[][];
}

export type SkipReason = 'error' | 'loading' | 'size-unknown';

export interface FreezePlan {
  readonly writes: readonly FreezeWrite[];
  /** Each frozen formula: its cell, its formula, the cells that became values. */
  readonly frozen: readonly { readonly a1: string; readonly formula: string; readonly area: string }[];
  /** LLM_ formulas among the cells asked for that stay formulas, and why. */
  readonly skipped: readonly { readonly a1: string; readonly formula: string; readonly reason: SkipReason }[];
  /** How many cells became values (anchors and the cells their arrays spilled into). */
  readonly cells: number;
}

// ---------------------------------------------------------------------------------------------
// Formulas: a tokenizer, enough of Sheets' formula syntax to find function calls and tell sizes.

type Token =
  | { readonly t: 'scalar' }
  | { readonly t: 'ref'; readonly shape?: Shape }
  | { readonly t: 'func'; readonly name: string }
  | { readonly t: 'name' }
  | { readonly t: 'op'; readonly v: string }
  | { readonly t: 'punct'; readonly v: string };

const CELL_RANGE = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?/;
const OPEN_RANGE =
  /^(?:\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?:\$?\d+)?|\$?\d+:\$?\d+)/;
const IDENTIFIER = /^[A-Za-z_][\w.]*/;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/;
const OPERATORS = ['<=', '>=', '<>', '=', '<', '>', '+', '-', '*', '/', '^', '&', '%'];

/** A reference at the start of `text` (after any sheet name): its length and size, or undefined. */
function readReference(text: string): { length: number; shape?: Shape } | undefined {
  // A reference ends where a name could not go on, and is no function name (LOG10 is not cell LOG10).
  const boundary = (length: number) => !/^[\w.$]|^\s*\(/.test(text.slice(length));
  const open = OPEN_RANGE.exec(text);
  const cell = CELL_RANGE.exec(text);
  if (open && boundary(open[0].length) && (!cell || open[0].length > cell[0].length)) {
    // Whole rows or columns, or open-ended (A2:A): the size depends on the sheet.
    return { length: open[0].length };
  }
  if (cell && boundary(cell[0].length)) {
    const rows = cell[4] ? Math.abs(Number(cell[4]) - Number(cell[2])) + 1 : 1;
    const cols = cell[3] ? Math.abs(columnNumber(cell[3]) - columnNumber(cell[1])) + 1 : 1;
    return { length: cell[0].length, shape: { rows, cols } };
  }
  return undefined;
}

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"') {
      const m = /^"(?:[^"]|"")*"/.exec(rest);
      if (!m) return undefined;
      tokens.push({ t: 'scalar' });
      i += m[0].length;
    } else if (ch === "'") {
      // A quoted sheet name, then a reference.
      const m = /^'(?:[^']|'')*'!/.exec(rest);
      const ref = m && readReference(rest.slice(m[0].length));
      if (!m || !ref) return undefined;
      tokens.push({ t: 'ref', shape: ref.shape });
      i += m[0].length + ref.length;
    } else if (ch === '#') {
      const m = /^#[A-Za-z0-9/]+[!?]?/.exec(rest);
      if (!m) return undefined;
      tokens.push({ t: 'scalar' });
      i += m[0].length;
    } else if (/[\d.$A-Za-z_]/.test(ch)) {
      const sheet = /^[A-Za-z_][\w.]*!/.exec(rest);
      const body = sheet ? rest.slice(sheet[0].length) : rest;
      const ref = readReference(body);
      if (ref) {
        tokens.push({ t: 'ref', shape: ref.shape });
        i += (sheet?.[0].length ?? 0) + ref.length;
        continue;
      }
      if (sheet) return undefined;
      const number = NUMBER.exec(rest);
      if (number) {
        tokens.push({ t: 'scalar' });
        i += number[0].length;
        continue;
      }
      const id = IDENTIFIER.exec(rest);
      if (!id) return undefined;
      i += id[0].length;
      const isCall = text.slice(i).trimStart().startsWith('(');
      if (isCall) tokens.push({ t: 'func', name: id[0].toUpperCase() });
      else if (/^(TRUE|FALSE)$/i.test(id[0])) tokens.push({ t: 'scalar' });
      else tokens.push({ t: 'name' });
    } else if ('(){},;\\'.includes(ch)) {
      tokens.push({ t: 'punct', v: ch });
      i++;
    } else {
      const op = OPERATORS.find((o) => rest.startsWith(o));
      if (!op) return undefined;
      tokens.push({ t: 'op', v: op });
      i += op.length;
    }
  }
  return tokens;
}

/** Text with string literals and quoted sheet names blanked, for when a formula does not tokenize. */
function withoutLiterals(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"?|'(?:[^']|'')*'?/g, ' ');
}

const LLM_CALL = /(^|[^\w.])LLM_[\w.]*\s*\(/i;

/** Whether a formula calls an LLM_ function anywhere (not counting text inside string literals). */
export function isLlmFormula(formula: string): boolean {
  if (!formula.startsWith('=')) return false;
  const tokens = tokenize(formula.slice(1));
  if (!tokens) return LLM_CALL.test(withoutLiterals(formula));
  return tokens.some((t) => t.t === 'func' && t.name.startsWith('LLM_'));
}

// Functions whose result is one cell whatever their arguments.
const AGGREGATES = new Set(
  (
    'SUM AVERAGE AVERAGEA MIN MINA MAX MAXA COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS SUMIF SUMIFS ' +
    'AVERAGEIF AVERAGEIFS PRODUCT MEDIAN MODE STDEV STDEVP VAR VARP AND OR XOR SUMPRODUCT SUMSQ ' +
    'CONCATENATE JOIN TEXTJOIN MATCH VLOOKUP HLOOKUP ROWS COLUMNS ISREF'
  ).split(' '),
);

// Functions applied cell by cell: one cell from one-cell arguments; in an array formula, an array.
const ELEMENTWISE = new Set(
  (
    'IF IFERROR IFNA IFS NOT ROUND ROUNDUP ROUNDDOWN MROUND CEILING FLOOR INT TRUNC ABS SIGN SQRT ' +
    'POWER EXP LN LOG LOG10 MOD N VALUE TEXT TO_TEXT UPPER LOWER PROPER TRIM LEN LEFT RIGHT MID ' +
    'ISNUMBER ISTEXT ISBLANK ISERROR ISERR ISNA ISLOGICAL EXACT SUBSTITUTE REPT CHAR CODE PI NOW TODAY'
  ).split(' '),
);

const ONE: Shape = { rows: 1, cols: 1 };
const isOne = (s: Shape | undefined) => s !== undefined && s.rows === 1 && s.cols === 1;

function broadcast(shapes: readonly (Shape | undefined)[]): Shape | undefined {
  if (shapes.some((s) => s === undefined)) return undefined;
  try {
    return broadcastShapes(shapes.map((s, i) => ({ name: String(i), ...(s as Shape) })));
  } catch {
    return undefined;
  }
}

/** Recursive descent over the tokens; a size of undefined means "cannot tell". */
class ShapeParser {
  private i = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly shapeOf: ShapeOf,
  ) {}

  parse(): Shape | undefined {
    const shape = this.expression(false);
    return this.i === this.tokens.length ? shape : undefined;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isPunct(v: string): boolean {
    const t = this.peek();
    return t?.t === 'punct' && t.v === v;
  }

  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t?.t === 'op' && ops.includes(t.v);
  }

  private expect(v: string): void {
    if (!this.isPunct(v)) throw new SyntaxError(`expected ${v}`);
    this.i++;
  }

  /** Operands joined by binary operators: sizes broadcast (in an array formula) or must all be one cell. */
  private expression(array: boolean): Shape | undefined {
    const operands = [this.operand(array)];
    while (this.peek()?.t === 'op') {
      this.i++;
      operands.push(this.operand(array));
    }
    if (operands.length === 1) return operands[0];
    if (operands.every(isOne)) return ONE;
    return array ? broadcast(operands) : undefined;
  }

  /** Unary signs, a primary, trailing percent signs. */
  private operand(array: boolean): Shape | undefined {
    while (this.isOp('+', '-')) this.i++;
    const shape = this.primary(array);
    while (this.isOp('%')) this.i++;
    return shape;
  }

  private primary(array: boolean): Shape | undefined {
    const token = this.peek();
    if (!token) throw new SyntaxError('unexpected end');
    this.i++;
    switch (token.t) {
      case 'scalar':
        return ONE;
      case 'ref':
        return token.shape;
      case 'name':
        return undefined;
      case 'func':
        return this.call(token.name, array);
      case 'punct':
        if (token.v === '(') {
          const inner = this.expression(array);
          this.expect(')');
          return inner;
        }
        if (token.v === '{') return this.arrayLiteral();
        throw new SyntaxError(`unexpected ${token.v}`);
      default:
        throw new SyntaxError('unexpected operator');
    }
  }

  /** `{1,2;3,4}`: rows by semicolons, columns by commas (or backslashes). */
  private arrayLiteral(): Shape | undefined {
    const rows: (Shape | undefined)[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.expression(false));
      const t = this.peek();
      if (t?.t === 'punct' && t.v === '}') {
        this.i++;
        break;
      }
      if (t?.t === 'punct' && t.v === ';') rows.push([]);
      else if (!(t?.t === 'punct' && (t.v === ',' || t.v === '\\'))) throw new SyntaxError('bad array');
      this.i++;
    }
    const cols = rows[0].length;
    if (rows.some((r) => r.length !== cols || !r.every(isOne))) return undefined;
    return { rows: rows.length, cols };
  }

  private call(name: string, array: boolean): Shape | undefined {
    this.expect('(');
    const inArray = array || name === 'ARRAYFORMULA';
    const args: (Shape | undefined)[] = [];
    if (this.isPunct(')')) {
      this.i++;
    } else {
      for (;;) {
        // An omitted argument (f(a,,c)) is one blank cell.
        args.push(this.isPunct(',') || this.isPunct(')') ? ONE : this.expression(inArray));
        if (this.isPunct(')')) {
          this.i++;
          break;
        }
        this.expect(',');
      }
    }
    if (name.startsWith('LLM_')) {
      if (args.some((a) => a === undefined)) return undefined;
      try {
        return this.shapeOf(name, args as Shape[]);
      } catch {
        return undefined;
      }
    }
    if (name === 'ARRAYFORMULA') return args.length === 1 ? args[0] : undefined;
    if (AGGREGATES.has(name)) return ONE;
    if (ELEMENTWISE.has(name)) {
      if (args.every(isOne)) return ONE;
      return inArray ? broadcast(args) : undefined;
    }
    return undefined;
  }
}

/**
 * The size of a formula's result as Sheets would spill it, or undefined when it cannot be told from
 * the formula alone (named ranges, whole columns, functions whose size depends on data).
 */
export function predictShape(formula: string, shapeOf: ShapeOf): Shape | undefined {
  if (!formula.startsWith('=')) return ONE;
  const tokens = tokenize(formula.slice(1));
  if (!tokens || tokens.length === 0) return undefined;
  try {
    return new ShapeParser(tokens, shapeOf).parse();
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Values and notes.

const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#ERROR!',
  '#SPILL!',
  '#CALC!',
  '#CYCLE!',
]);

/** Whether a value read with getValues is a formula error (Apps Script returns its text). */
export function isErrorValue(value: CellValue): boolean {
  return typeof value === 'string' && ERROR_VALUES.has(value);
}

/** What a custom function shows while it computes. */
export const LOADING = 'Loading...';

const isEmpty = (value: CellValue) => value === '' || value === null || value === undefined;

// Text Sheets keeps as typed: starts with a letter, then letters, digits, spaces and a little
// punctuation, and is no boolean and does not start like a month or a day (which could be a date).
const PLAIN_TEXT = /^[A-Za-z][A-Za-z0-9 _\-.,/()]*$/;
const DATE_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i;

/**
 * A value as setValues must be given it to come back unchanged: text that Sheets would parse as a
 * formula, number, date or boolean gets a leading apostrophe (shown nowhere; the cell is text).
 */
export function protectValue(value: CellValue): string | number | boolean | Date {
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (isEmpty(value)) return '';
  const text = typeof value === 'string' ? value : String(value);
  const plain = PLAIN_TEXT.test(text) && !/^(true|false)$/i.test(text) && !DATE_WORD.test(text);
  return plain ? text : `'${text}`;
}

/** The note a frozen cell keeps: its old note (if any), then the formula it was frozen from. */
export function frozenNote(existing: string, formula: string, arrayArea?: string): string {
  const line = `Frozen from: ${formula}${arrayArea ? `\n(an array result; frozen over ${arrayArea})` : ''}`;
  return existing ? `${existing}\n\n${line}` : line;
}

// ---------------------------------------------------------------------------------------------
// The plan.

interface Anchor {
  readonly i: number;
  readonly j: number;
  readonly formula: string;
  status: 'ok' | SkipReason;
  rows: number;
  cols: number;
}

const intersects = (a: Area, b: Area) =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

/**
 * How much of the sheet to read, from A1, to freeze `target`: far enough right and down to hold the
 * whole of every array result that starts above or left of the target's far corner, and one more row
 * and column (to look beside a formula whose size cannot be told); never past the last row or column
 * with content. `formulas` are those of A1 to the target's far corner (clipped to the content).
 */
export function freezeWindow(
  formulas: readonly (readonly string[])[],
  target: Area,
  last: { readonly row: number; readonly col: number },
  shapeOf: ShapeOf,
): { rows: number; cols: number } {
  let bottom = target.row + target.rows - 1;
  let right = target.col + target.cols - 1;
  formulas.forEach((row, i) =>
    row.forEach((formula, j) => {
      if (formula === '' || !isLlmFormula(formula)) return;
      const shape = predictShape(formula, shapeOf);
      if (!shape) return;
      const area = { row: i + 1, col: j + 1, rows: shape.rows, cols: shape.cols };
      if (!intersects(area, target)) return;
      bottom = Math.max(bottom, i + shape.rows);
      right = Math.max(right, j + shape.cols);
    }),
  );
  return { rows: Math.min(last.row, bottom + 1), cols: Math.min(last.col, right + 1) };
}

/** What to write to freeze the LLM_ results among `target` (see the module's rules). */
export function planFreeze(input: FreezeInput): FreezePlan {
  const { origin, formulas, values, notes, target, shapeOf } = input;
  const height = formulas.length;
  const width = height > 0 ? formulas[0].length : 0;
  const inside = (i: number, j: number) => i >= 0 && j >= 0 && i < height && j < width;
  const formulaAt = (i: number, j: number) => (inside(i, j) ? (formulas[i][j] ?? '') : '');
  const valueAt = (i: number, j: number) => (inside(i, j) ? values[i]?.[j] : '');
  const noteAt = (i: number, j: number) => (inside(i, j) ? (notes[i]?.[j] ?? '') : '');
  const cellA1 = (i: number, j: number) => a1Range(origin.row + i, origin.col + j, 1, 1);
  const areaOf = (a: Anchor): Area => ({ row: origin.row + a.i, col: origin.col + a.j, rows: a.rows, cols: a.cols });
  const inTarget = (i: number, j: number) =>
    intersects({ row: origin.row + i, col: origin.col + j, rows: 1, cols: 1 }, target);

  const llm = formulas.map((row) => row.map((f) => typeof f === 'string' && f !== '' && isLlmFormula(f)));

  // Every LLM_ formula in the window, with what it shows and how far its result reaches.
  const anchors: Anchor[] = [];
  const pending: Anchor[] = [];
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      if (!llm[i][j]) continue;
      const formula = formulaAt(i, j);
      const value = valueAt(i, j);
      const anchor: Anchor = { i, j, formula, status: 'ok', rows: 1, cols: 1 };
      if (isErrorValue(value)) anchor.status = 'error';
      else if (value === LOADING) anchor.status = 'loading';
      anchors.push(anchor);
      if (anchor.status !== 'ok') continue;
      const shape = predictShape(formula, shapeOf);
      if (shape) {
        anchor.rows = Math.max(1, Math.min(shape.rows, height - i));
        anchor.cols = Math.max(1, Math.min(shape.cols, width - j));
      } else {
        pending.push(anchor);
      }
    }
  }

  // Which array owns each cell; a predicted area that meets a formula or another area is no array
  // Sheets could have spilled, so its size is unknown after all.
  const owner: (Anchor | undefined)[][] = Array.from({ length: height }, () => new Array(width).fill(undefined));
  for (const a of anchors) {
    if (a.status !== 'ok' || pending.includes(a)) continue;
    let fits = true;
    for (let r = 0; r < a.rows && fits; r++) {
      for (let c = 0; c < a.cols && fits; c++) {
        if (owner[a.i + r][a.j + c] || ((r > 0 || c > 0) && formulaAt(a.i + r, a.j + c) !== '')) fits = false;
      }
    }
    if (!fits) {
      a.rows = 1;
      a.cols = 1;
      pending.push(a);
      continue;
    }
    for (let r = 0; r < a.rows; r++) for (let c = 0; c < a.cols; c++) owner[a.i + r][a.j + c] = a;
  }
  // A formula whose size is unknown is one cell if nothing beside it could be part of its array.
  const couldBeSpill = (i: number, j: number) =>
    inside(i, j) && formulaAt(i, j) === '' && !isEmpty(valueAt(i, j)) && owner[i][j] === undefined;
  for (const a of pending) {
    if (couldBeSpill(a.i, a.j + 1) || couldBeSpill(a.i + 1, a.j) || owner[a.i][a.j]) a.status = 'size-unknown';
    else owner[a.i][a.j] = a;
  }

  const frozen = anchors.filter((a) => a.status === 'ok' && owner[a.i][a.j] === a && intersects(areaOf(a), target));
  const skipped = anchors.filter((a) => a.status !== 'ok' && inTarget(a.i, a.j));

  // The cells that become values, and the cells a write may span unchanged.
  const must = Array.from({ length: height }, () => new Array<boolean>(width).fill(false));
  let cells = 0;
  for (const a of frozen) {
    for (let r = 0; r < a.rows; r++) for (let c = 0; c < a.cols; c++) must[a.i + r][a.j + c] = true;
    cells += a.rows * a.cols;
  }
  const filler = (i: number, j: number) => (formulaAt(i, j) === '' ? isEmpty(valueAt(i, j)) : !llm[i][j]);
  const covered = Array.from({ length: height }, () => new Array<boolean>(width).fill(false));
  const usable = (i: number, j: number) => inside(i, j) && !covered[i][j] && (must[i][j] || filler(i, j));

  const writes: FreezeWrite[] = [];
  const byCell = new Map(frozen.map((a) => [a.i * width + a.j, a]));
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      if (!must[i][j] || covered[i][j]) continue;
      const rect = bestRectangle(i, j, usable, (r, c) => must[r][c] && !covered[r][c]);
      const rowsOut: (string | number | boolean | Date)[][] = [];
      const notesOut: string[][] = [];
      let noted = false;
      for (let r = rect.top; r <= rect.bottom; r++) {
        const rowValues: (string | number | boolean | Date)[] = [];
        const rowNotes: string[] = [];
        for (let c = rect.left; c <= rect.right; c++) {
          covered[r][c] = true;
          const anchor = byCell.get(r * width + c);
          if (must[r][c]) rowValues.push(protectValue(valueAt(r, c)));
          else rowValues.push(formulaAt(r, c));
          if (anchor) {
            const array =
              anchor.rows * anchor.cols > 1
                ? a1Range(origin.row + r, origin.col + c, anchor.rows, anchor.cols)
                : undefined;
            rowNotes.push(frozenNote(noteAt(r, c), anchor.formula, array));
            noted = true;
          } else {
            rowNotes.push(noteAt(r, c));
          }
        }
        rowsOut.push(rowValues);
        notesOut.push(rowNotes);
      }
      writes.push({
        row: origin.row + rect.top,
        col: origin.col + rect.left,
        rows: rect.bottom - rect.top + 1,
        cols: rect.right - rect.left + 1,
        values: rowsOut,
        notes: noted ? notesOut : undefined,
      });
    }
  }

  return {
    writes,
    frozen: frozen.map((a) => ({
      a1: cellA1(a.i, a.j),
      formula: a.formula,
      area: a1Range(origin.row + a.i, origin.col + a.j, a.rows, a.cols),
    })),
    skipped: skipped.map((a) => ({ a1: cellA1(a.i, a.j), formula: a.formula, reason: a.status as SkipReason })),
    cells,
  };
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A rectangle from (i, j) over usable cells, grown down then right or right then down, trimmed
 * of trailing rows and columns with nothing to freeze; whichever holds more cells to freeze.
 */
function bestRectangle(
  i: number,
  j: number,
  usable: (i: number, j: number) => boolean,
  wanted: (i: number, j: number) => boolean,
): Rect {
  const rowOk = (r: number, left: number, right: number) => {
    for (let c = left; c <= right; c++) if (!usable(r, c)) return false;
    return true;
  };
  const colOk = (c: number, top: number, bottom: number) => {
    for (let r = top; r <= bottom; r++) if (!usable(r, c)) return false;
    return true;
  };
  const count = (rect: Rect) => {
    let n = 0;
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) if (wanted(r, c)) n++;
    return n;
  };
  const trim = (rect: Rect): Rect => {
    const out = { ...rect };
    const rowWanted = (r: number) => {
      for (let c = out.left; c <= out.right; c++) if (wanted(r, c)) return true;
      return false;
    };
    const colWanted = (c: number) => {
      for (let r = out.top; r <= out.bottom; r++) if (wanted(r, c)) return true;
      return false;
    };
    let changed = true;
    while (changed) {
      changed = false;
      while (out.bottom > out.top && !rowWanted(out.bottom)) {
        out.bottom--;
        changed = true;
      }
      while (out.right > out.left && !colWanted(out.right)) {
        out.right--;
        changed = true;
      }
    }
    return out;
  };
  const down = { top: i, left: j, bottom: i, right: j };
  while (usable(down.bottom + 1, j)) down.bottom++;
  while (colOk(down.right + 1, down.top, down.bottom)) down.right++;
  const across = { top: i, left: j, bottom: i, right: j };
  while (usable(i, across.right + 1)) across.right++;
  while (rowOk(across.bottom + 1, across.left, across.right)) across.bottom++;
  const a = trim(down);
  const b = trim(across);
  return count(b) > count(a) ? b : a;
}

/** What the user is told after freezing. */
export function freezeMessage(plans: readonly FreezePlan[], scope: 'selection' | 'sheet'): string {
  const frozen = plans.reduce((n, p) => n + p.frozen.length, 0);
  const cells = plans.reduce((n, p) => n + p.cells, 0);
  const skipped = plans.flatMap((p) => p.skipped);
  const count = (reason: SkipReason) => skipped.filter((s) => s.reason === reason).length;
  const where = scope === 'selection' ? 'the selection' : 'this sheet';
  if (frozen === 0 && skipped.length === 0) return `No LLM_ formulas in ${where}: nothing to freeze.`;
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    frozen === 0
      ? `Froze nothing in ${where}.`
      : `Froze ${plural(frozen, 'LLM_ formula')} (${plural(cells, 'cell')}) as values; each formula is kept in its cell's note.`,
  ];
  const errors = count('error');
  const loading = count('loading');
  const unknown = count('size-unknown');
  if (errors > 0)
    parts.push(
      `Skipped ${plural(errors, 'formula')} showing an error (left as ${errors === 1 ? 'a formula' : 'formulas'}).`,
    );
  if (loading > 0)
    parts.push(
      `Skipped ${plural(loading, 'formula')} still loading; try again when ${loading === 1 ? 'it has' : 'they have'} finished.`,
    );
  if (unknown > 0)
    parts.push(
      `Skipped ${plural(unknown, 'formula')} whose array result could not be sized (left as ${unknown === 1 ? 'a formula' : 'formulas'}).`,
    );
  return parts.join(' ');
}
