/**
 * Key/value input, the two forms the contract allows for options and custom specs:
 * text `"key=value; key=value"` or a two-column range of keys and values. Keys are
 * case-insensitive, and a key given twice is an error naming it (which value was meant?).
 */
import { quote } from '../core/text';
import { describeValue, isBlank, isDate, isGrid, type Arg, type CellValue, type Grid } from './cells';
import { ArgumentError } from './errors';

/** A key given twice, in either form. */
function duplicate(key: string): ArgumentError {
  return new ArgumentError(`sets ${quote(key)} twice; give each key once`);
}

/** `"a=1; b = x"` → {a: "1", b: "x"}. Pairs are separated by semicolons or new lines. */
export function parseKeyValueText(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const part of text.split(/[;\n]/)) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) throw new ArgumentError(`must be written key=value; key=value, got ${quote(part.trim())} without "="`);
    const key = part.slice(0, eq).trim().toLowerCase();
    if (key === '') throw new ArgumentError(`has a value without a key: ${quote(part.trim())}`);
    const value = part.slice(eq + 1).trim();
    // "n_gpus=2, engine=vllm": a comma where the semicolon belongs reads as one value.
    if (/,\s*[a-z_][\w.]*\s*=/i.test(value)) {
      throw new ArgumentError(`separates key=value pairs with ";" (or new lines), not ",": got ${quote(part.trim())}`);
    }
    if (entries.has(key)) throw duplicate(key);
    entries.set(key, value);
  }
  return entries;
}

function cellText(value: CellValue): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (isDate(value)) throw new ArgumentError(`cannot take a date as a value, got ${describeValue(value)}`);
  return isBlank(value) ? '' : String(value).trim();
}

/** A two-column range of keys and values; blank rows are skipped. */
export function parseKeyValueGrid(grid: Grid): Map<string, string> {
  const entries = new Map<string, string>();
  for (const row of grid) {
    if (row.every(isBlank)) continue;
    if (row.length !== 2) {
      throw new ArgumentError(`must be a two-column range of keys and values, got ${row.length} columns`);
    }
    const key = cellText(row[0]).toLowerCase();
    if (key === '') throw new ArgumentError(`has a value without a key: ${describeValue(row[1])}`);
    if (entries.has(key)) throw duplicate(key);
    entries.set(key, cellText(row[1]));
  }
  return entries;
}

/** Either form; a blank argument is no entries. */
export function parseKeyValue(arg: Arg): Map<string, string> {
  if (isGrid(arg)) return parseKeyValueGrid(arg);
  if (isBlank(arg)) return new Map();
  if (typeof arg !== 'string') {
    throw new ArgumentError(`must be text such as "key=value; key=value", got ${describeValue(arg)}`);
  }
  return parseKeyValueText(arg);
}

/** True when a range looks like key/value pairs whose keys are all in `keys`. */
export function isKeyValueGrid(arg: Arg, keys: ReadonlySet<string>): boolean {
  if (!isGrid(arg) || arg.length === 0 || arg[0].length !== 2) return false;
  const filled = arg.filter((row) => !row.every(isBlank));
  return (
    filled.length > 0 && filled.every((row) => typeof row[0] === 'string' && keys.has(row[0].trim().toLowerCase()))
  );
}
