/**
 * Reading what a user types, in one place for every lookup and message: names looked up only among
 * a table's own keys (never `constructor` or `__proto__` off Object.prototype), numbers only in
 * decimal, and values quoted in messages at a bounded length.
 */

const hasOwnProperty = Object.prototype.hasOwnProperty;

/** Whether `key` is one of `record`'s own keys (a name typed in a sheet, never one it inherits). */
export function hasOwnKey(record: object, key: string): boolean {
  return hasOwnProperty.call(record, key);
}

/**
 * The entry of `record` under `key`, or undefined when `key` is not one of its own keys: a name a
 * user typed ("constructor", "__proto__", "toString") finds nothing that Object.prototype has.
 */
export function ownLookup<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * Decimal numeric text: an optional sign, digits with an optional fraction (or a fraction alone),
 * an optional exponent: "4096", "+4096", "4096.", ".5", "1e3", "2.5E-3". Number() would also read
 * "0x1000", "0b11" and "0o7", which no sheet means as a count.
 */
// Each character has one way to match (no backtracking over long digit runs).
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** The number decimal text stands for (surrounding spaces ignored), or NaN for any other text. */
export function parseDecimal(text: string): number {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : NaN;
}

/** A count for a message: 1,048,576. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Characters of a value a message quotes whole; a longer one is cut to QUOTED_START and its length given. */
export const MAX_QUOTED = 80;
const QUOTED_START = 60;

/** `text` in at most `max` characters: cut, with an ellipsis, when longer. */
export function shorten(text: string, max = MAX_QUOTED): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Not between the two halves of a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return `${text.slice(0, end)}…`;
}

/** Text a message repeats unquoted (a JSON value): whole up to MAX_QUOTED characters, else cut, with its length. */
export function abbreviate(text: string): string {
  if (text.length <= MAX_QUOTED) return text;
  return `${shorten(text, QUOTED_START)} (${formatCount(text.length)} characters)`;
}

/**
 * A value as a message quotes it: `"fp61"`; one over MAX_QUOTED characters cut, with its length:
 * `"xxxx…" (50,000 characters)`. Every message that repeats what the user typed goes through it.
 */
export function quote(text: string): string {
  if (text.length <= MAX_QUOTED) return `"${text}"`;
  return `"${shorten(text, QUOTED_START)}" (${formatCount(text.length)} characters)`;
}
