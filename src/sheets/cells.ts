/**
 * What Sheets hands a custom function: a single value, or a range as rows of values.
 * Blank cells arrive as empty strings.
 */
import { quote } from '../core/text';

export type CellValue = number | string | boolean | Date | null | undefined;
export type Grid = CellValue[][];
export type Arg = CellValue | Grid;

/** What a custom function may return: one value or a rectangle of values. */
export type Output = number | string | boolean;
export type Result = Output | Output[][];

export function isGrid(arg: Arg): arg is Grid {
  return Array.isArray(arg);
}

export function isBlank(value: CellValue): boolean {
  return value === '' || value === null || value === undefined;
}

/** A Date, also one made in another realm (a test's vm context). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * A value as an error message shows it: text quoted (a long one cut, with its length: see
 * `quote`), dates as dates, booleans as Sheets writes them.
 */
export function describeValue(value: CellValue): string {
  if (isDate(value)) {
    return Number.isNaN(value.getTime()) ? 'an invalid date' : `a date (${value.toISOString().slice(0, 10)})`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return quote(value);
  if (value === null || value === undefined) return 'blank';
  return String(value);
}
