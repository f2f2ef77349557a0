/**
 * The sidebar's insertion request, checked field by field: it crosses from the browser, so nothing
 * in it is trusted. Errors name the field and the value, and reach the sidebar as its message.
 * Fields, their domains and defaults are the input table's (inputs.ts).
 */
import { InputError } from '../core/errors';
import { INPUTS, INPUT_KEYS, isBlankable, type InputKey, type InputSpec, type InputValues } from './inputs';

export const TEMPLATE_IDS = ['sizing', 'gpu-comparison', 'sweep'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** A template and every input's value (presets written by their ids). */
export type SizingRequest = { readonly template: TemplateId } & InputValues;

function text(raw: Record<string, unknown>, name: string, optional = false): string {
  const value = raw[name];
  if ((value === undefined || value === null || value === '') && optional) return '';
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`request field ${name} must be non-empty text, got ${JSON.stringify(value)}`);
  }
  return value.trim();
}

function positiveInteger(raw: Record<string, unknown>, name: string): number {
  const value = raw[name];
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0 || n > 1e9) {
    throw new InputError(`request field ${name} must be a positive whole number, got ${JSON.stringify(value)}`);
  }
  return n;
}

function oneOf<T extends string>(raw: Record<string, unknown>, name: string, allowed: readonly T[]): T {
  const value = text(raw, name).toLowerCase();
  const found = allowed.find((a) => a === value);
  if (!found) throw new InputError(`request field ${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return found;
}

/** One input's value from the request, checked against the input's domain. */
function inputValue(r: Record<string, unknown>, key: InputKey): string | number {
  const spec: InputSpec = INPUTS[key];
  switch (spec.kind) {
    case 'count':
      return positiveInteger(r, key);
    case 'text':
      return text(r, key);
    case 'choice': {
      const blankable = isBlankable(key);
      const value = text(r, key, blankable);
      if (value === '' && blankable) return '';
      const found = spec.normalize
        ? spec.normalize(value)
        : spec.choices.find((c) => c.value === value.toLowerCase())?.value;
      if (found !== undefined) return found;
      if (spec.open) return value;
      const allowed = spec.choices.map((c) => (c.value === '' ? '(blank)' : c.value));
      throw new InputError(`request field ${key} must be one of ${allowed.join(', ')}, got "${value}"`);
    }
  }
}

/** A checked request with presets written by their ids. */
export function parseRequest(raw: unknown): SizingRequest {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InputError('the insertion request must be an object');
  }
  const r = raw as Record<string, unknown>;
  const template = oneOf(r, 'template', TEMPLATE_IDS);
  const values = Object.fromEntries(INPUT_KEYS.map((key) => [key, inputValue(r, key)])) as InputValues;
  return { template, ...values };
}

/** What the menu's "Insert template" items use, and the sidebar starts from. */
export const DEFAULT_REQUEST: InputValues = Object.fromEntries(
  INPUT_KEYS.map((key) => [key, INPUTS[key].default]),
) as InputValues;
