/**
 * Turning one cell value into a typed argument, with an error that says what was wrong.
 * Messages are predicates ("must be ..., got ...") that the invoker prefixes with the function
 * and argument names.
 */
import { customGpu, getGpuPreset, presetSpec, type GpuSpec } from '../core/gpus/lookup';
import { checkNameLength } from '../core/names';
import { findPrecision, suggestPrecisions, type Precision } from '../core/precision';
import { parseDecimal, quote } from '../core/text';
import { describeValue, type CellValue } from './cells';
import { ArgumentError } from './errors';
import { parseKeyValueText } from './keyvalue';

/** The largest size any count may take; keeps every formula finite in double precision. */
export const MAX_SIZE = 1e12;

/**
 * A number from a number or decimal numeric text ("4096", " 4096 ", "1e3"); dates, booleans, NaN,
 * Infinity and other numeric notations ("0x1000", "0b11", "1,024") are refused.
 */
export function toNumber(value: CellValue): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ArgumentError(`must be a finite number, got ${describeValue(value)}`);
    return value;
  }
  if (typeof value === 'string') {
    const parsed = parseDecimal(value);
    if (Number.isFinite(parsed)) return parsed;
    throw new ArgumentError(`must be a number, got ${describeValue(value)}`);
  }
  throw new ArgumentError(`must be a number, got ${describeValue(value)}`);
}

/** A whole number ≥ 1 (layers, heads, tokens, batch, sizes). */
export function toPositiveInteger(value: CellValue): number {
  const n = toNumber(value);
  if (n <= 0) throw new ArgumentError(`must be a positive whole number, got ${describeValue(value)}`);
  if (!Number.isInteger(n)) throw new ArgumentError(`must be a whole number, got ${describeValue(value)}`);
  if (n > MAX_SIZE) throw new ArgumentError(`must be at most ${MAX_SIZE}, got ${describeValue(value)}`);
  return n;
}

/** A number > 0. */
export function toPositiveNumber(value: CellValue): number {
  const n = toNumber(value);
  if (n <= 0) throw new ArgumentError(`must be a positive number, got ${describeValue(value)}`);
  if (n > MAX_SIZE) throw new ArgumentError(`must be at most ${MAX_SIZE}, got ${describeValue(value)}`);
  return n;
}

/** A fraction in (0, 1]: efficiencies and scaling factors. */
export function toFraction(value: CellValue): number {
  const n = toNumber(value);
  if (n <= 0 || n > 1) {
    throw new ArgumentError(`must be a fraction greater than 0 and at most 1, got ${describeValue(value)}`);
  }
  return n;
}

/** Non-blank text; a number is taken as its text (a GPU named 4090). */
export function toText(value: CellValue): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  throw new ArgumentError(`must be text, got ${describeValue(value)}`);
}

/** A precision by name or alias (case-insensitive). */
export function toPrecision(value: CellValue): Precision {
  const name = toText(value);
  checkNameLength(name, 'precision');
  const precision = findPrecision(name);
  if (precision) return precision;
  const suggestions = suggestPrecisions(name).map((s) => `"${s}"`);
  throw new ArgumentError(
    `must be a precision such as fp16, bf16 or fp8, got ${quote(name)}; did you mean ${suggestions.join(', ')}?`,
  );
}

/** A GPU: a preset name, or a custom spec written as `"tflops=312; bandwidth_gbs=2039; memory_gb=80"`. */
export function toGpu(value: CellValue): GpuSpec {
  const text = toText(value);
  if (text.includes('=')) return customGpu(parseKeyValueText(text));
  return presetSpec(getGpuPreset(text));
}
