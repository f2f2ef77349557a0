/**
 * The sidebar's insertion request, checked field by field: it crosses from the browser, so nothing
 * in it is trusted. Errors name the field and the value (at most QUOTED_CHARS of it), and reach the
 * sidebar as its message. Fields, their domains and defaults are the input table's (inputs.ts).
 *
 * Before anything is written, every field is within its length limit (MAX_CHARS: a sheet cell holds
 * at most 50,000 characters, and a long name is refused before it is matched against presets), and
 * the model and the GPU resolve exactly as LLM_ESTIMATE resolves them (a preset, a config.json or
 * key=value text): a request whose sheet could only show an error is refused with that error.
 */
import { InputError } from '../core/errors';
import { parseDecimal } from '../core/text';
import { toGpu } from '../sheets/coerce';
import { ArgumentError, messageOf } from '../sheets/errors';
import { toModel } from '../sheets/model';
import { INPUTS, INPUT_KEYS, isBlankable, type InputKey, type InputSpec, type InputValues } from './inputs';

export const TEMPLATE_IDS = ['sizing', 'gpu-comparison', 'sweep'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** A template and every input's value (presets written by their ids). */
export type SizingRequest = { readonly template: TemplateId } & InputValues;

/**
 * The longest text a request field may hold. A model may be a pasted config.json (a few KB; the
 * largest real ones are under 10,000 characters) or key=value text; a GPU may be a custom spec
 * ("base=h100; tflops_fp8=…; bandwidth_gbs=…; memory_gb=…", a few hundred characters); every other
 * field, and a model or GPU given by name, is a name.
 */
export const MAX_CHARS = { model: 20_000, gpu: 1_000, name: 200 } as const;

/** How much of an offending value an error message quotes. */
const QUOTED_CHARS = 80;

/** A value as an error message quotes it: JSON, cut to QUOTED_CHARS with its length said. */
function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  if (text.length <= QUOTED_CHARS) return text;
  const length = typeof value === 'string' ? value.length : text.length;
  return `${text.slice(0, QUOTED_CHARS - 1)}… (${length.toLocaleString('en-US')} characters)`;
}

/** Text a model or GPU field holds that is a name (not a config.json, not key=value text). */
const isName = (text: string) => !text.startsWith('{') && !text.includes('=');

/** A field's value: the request's own property only (never one inherited from Object.prototype). */
const field = (raw: Record<string, unknown>, name: string): unknown =>
  Object.prototype.hasOwnProperty.call(raw, name) ? raw[name] : undefined;

/** The longest text a field may hold, and what the message calls it. */
function limitOf(name: string, text: string): { chars: number; what: string; why?: string } {
  if (isName(text)) return { chars: MAX_CHARS.name, what: 'a name' };
  if (name === 'model') return { chars: MAX_CHARS.model, what: 'a model', why: ' (a config.json is a few thousand)' };
  if (name === 'gpu') return { chars: MAX_CHARS.gpu, what: 'a custom GPU' };
  return { chars: MAX_CHARS.name, what: 'the field' };
}

function text(raw: Record<string, unknown>, name: string, optional = false): string {
  const value = field(raw, name);
  if ((value === undefined || value === null || value === '') && optional) return '';
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`request field ${name} must be non-empty text, got ${quoted(value)}`);
  }
  const trimmed = value.trim();
  const limit = limitOf(name, trimmed);
  if (trimmed.length > limit.chars) {
    throw new InputError(
      `request field ${name} is ${trimmed.length.toLocaleString('en-US')} characters long; ` +
        `${limit.what} may be at most ${limit.chars.toLocaleString('en-US')} characters${limit.why ?? ''}: ${quoted(trimmed)}`,
    );
  }
  return trimmed;
}

function positiveInteger(raw: Record<string, unknown>, name: string): number {
  const value = field(raw, name);
  // Decimal text only, as the functions read it: Number("0x10") would be 16.
  const n = typeof value === 'string' && value.trim() !== '' && value.length <= 30 ? parseDecimal(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0 || n > 1e9) {
    throw new InputError(`request field ${name} must be a positive whole number, got ${quoted(value)}`);
  }
  return n;
}

function oneOf<T extends string>(raw: Record<string, unknown>, name: string, allowed: readonly T[]): T {
  const value = text(raw, name).toLowerCase();
  const found = allowed.find((a) => a === value);
  if (!found) throw new InputError(`request field ${name} must be one of ${allowed.join(', ')}, got ${quoted(value)}`);
  return found;
}

/**
 * `value` resolved as the functions resolve the argument (src/sheets), or the reason it does not,
 * as the request's error: what the sheet would show in every cell computed from it.
 */
function resolve(key: InputKey, value: string, resolver: (value: string) => unknown): void {
  try {
    resolver(value);
  } catch (error) {
    const message = messageOf(error);
    // "… must be …", "… is not valid config.json text": the message goes on from the field's name.
    const continues = error instanceof ArgumentError || /^(is|must|has|needs|cannot)\b/.test(message);
    throw new InputError(`request field ${key}${continues ? ' ' : ': '}${message}`);
  }
}

/** One input's value from the request, checked against the input's domain. */
function inputValue(r: Record<string, unknown>, key: InputKey): string | number {
  const spec: InputSpec = INPUTS[key];
  switch (spec.kind) {
    case 'count':
      return positiveInteger(r, key);
    case 'text': {
      const value = text(r, key);
      if (key === 'model') resolve(key, value, toModel);
      return value;
    }
    case 'choice': {
      const blankable = isBlankable(key);
      const value = text(r, key, blankable);
      if (value === '' && blankable) return '';
      const found = spec.normalize
        ? spec.normalize(value)
        : spec.choices.find((c) => c.value === value.toLowerCase())?.value;
      if (found !== undefined) return found;
      if (spec.open) {
        if (key === 'gpu') resolve(key, value, toGpu);
        return value;
      }
      const allowed = spec.choices.map((c) => (c.value === '' ? '(blank)' : c.value));
      throw new InputError(`request field ${key} must be one of ${allowed.join(', ')}, got ${quoted(value)}`);
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
