/**
 * The sidebar's insertion request, checked field by field: it crosses from the browser, so nothing
 * in it is trusted. Errors name the field and the value, and reach the sidebar as its message.
 */
import { InputError } from '../core/errors';
import { findGpuPreset } from '../core/gpus/lookup';
import { findPrecision } from '../core/precision';
import { AVAILABLE_METHODS, ENGINES, type Engine, type Method } from '../sheets/options';

export const TEMPLATE_IDS = ['sizing', 'gpu-comparison', 'sweep'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface SizingRequest {
  readonly template: TemplateId;
  /** A model preset name, Hugging Face id, or pasted config.json. */
  readonly model: string;
  /** A GPU preset id, or a custom GPU written as key=value text. */
  readonly gpu: string;
  readonly precision: string;
  /** "" means the precision's own KV type. */
  readonly kvPrecision: string;
  readonly batch: number;
  readonly context: number;
  readonly outputTokens: number;
  readonly nGpus: number;
  readonly engine: Engine;
  readonly method: Method;
}

function field(raw: Record<string, unknown>, name: string): unknown {
  return raw[name];
}

function text(raw: Record<string, unknown>, name: string, optional = false): string {
  const value = field(raw, name);
  if ((value === undefined || value === null || value === '') && optional) return '';
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`request field ${name} must be non-empty text, got ${JSON.stringify(value)}`);
  }
  return value.trim();
}

function positiveInteger(raw: Record<string, unknown>, name: string): number {
  const value = field(raw, name);
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

function precisionName(raw: Record<string, unknown>, name: string, optional: boolean): string {
  const value = text(raw, name, optional);
  if (value === '') return '';
  const precision = findPrecision(value);
  if (!precision) throw new InputError(`request field ${name} is not a known precision: "${value}"`);
  return precision.id;
}

/** A checked request with presets written by their ids. */
export function parseRequest(raw: unknown): SizingRequest {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InputError('the insertion request must be an object');
  }
  const r = raw as Record<string, unknown>;
  const gpu = text(r, 'gpu');
  return {
    template: oneOf(r, 'template', TEMPLATE_IDS),
    model: text(r, 'model'),
    gpu: findGpuPreset(gpu)?.id ?? gpu,
    precision: precisionName(r, 'precision', false),
    kvPrecision: precisionName(r, 'kvPrecision', true),
    batch: positiveInteger(r, 'batch'),
    context: positiveInteger(r, 'context'),
    outputTokens: positiveInteger(r, 'outputTokens'),
    nGpus: positiveInteger(r, 'nGpus'),
    engine: oneOf(r, 'engine', ENGINES),
    method: oneOf(r, 'method', AVAILABLE_METHODS),
  };
}

/** What the menu's "Insert template" items use, and the sidebar starts from. */
export const DEFAULT_REQUEST: Omit<SizingRequest, 'template'> = {
  model: 'llama-3.1-8b',
  gpu: 'h100-sxm',
  precision: 'bf16',
  kvPrecision: '',
  batch: 8,
  context: 8192,
  outputTokens: 256,
  nGpus: 1,
  engine: 'vllm',
  method: 'roofline',
};
