/**
 * The arguments the custom functions share, written once: the methodology's symbols, precision,
 * GPU, efficiency and options.
 */
import { CUSTOM_GPU_KEYS, customGpu, type GpuSpec } from '../core/gpus/lookup';
import type { Precision } from '../core/precision';
import type { Arg } from './cells';
import { toFraction, toGpu, toPositiveInteger, toPrecision, toText } from './coerce';
import type { ParamSpec } from './define';
import { isKeyValueGrid, parseKeyValue } from './keyvalue';
import { parseOptions, type Options } from './options';

const NUMBER_OR_RANGE = 'number|Array<Array<number>>';
const TEXT_OR_RANGE = 'string|Array<Array<string>>';

/** A positive whole-number size (a methodology symbol). */
export function count(name: string, label: string, description: string): ParamSpec<number, false> {
  return {
    name,
    label,
    description,
    jsdocType: NUMBER_OR_RANGE,
    optional: false,
    numeric: true,
    coerce: toPositiveInteger,
  };
}

export const H = count('H', 'hidden size', 'Hidden size H (model dimension), a count, e.g. 4096.');
export const L = count('L', 'layers', 'Number of transformer layers L, e.g. 32.');
export const F = count('F', 'feed-forward size', 'Feed-forward (intermediate) size F, a count, e.g. 11008.');
export const V = count('V', 'vocabulary size', 'Vocabulary size V, tokens, e.g. 32000.');
export const B = count('B', 'batch size', 'Batch size B, sequences processed together, e.g. 1.');
export const S = count('S', 'sequence length', 'Sequence (context) length S, tokens, e.g. 2048.');
export const N = count('N', 'tokens to generate', 'Number of tokens N to generate, e.g. 256.');

export const precision: ParamSpec<Precision, false> = {
  name: 'precision',
  label: 'precision',
  description:
    'Weight precision (case-insensitive): "fp32", "tf32", "fp16", "bf16", "fp8", "int8", "int4", "nf4", "fp4", "mxfp4" or a GGUF type such as "q4_k_m".',
  jsdocType: TEXT_OR_RANGE,
  optional: false,
  numeric: false,
  coerce: toPrecision,
};

const GPU_KEYS = new Set(Object.keys(CUSTOM_GPU_KEYS));

export const gpu: ParamSpec<GpuSpec, false> = {
  name: 'gpu',
  label: 'GPU',
  description:
    'GPU preset name ("A100", "H100 PCIe", "RTX 4090"; see LLM_GPUS()) or a custom GPU such as "tflops=312; bandwidth_gbs=2039; memory_gb=80" or a two-column key/value range.',
  jsdocType: TEXT_OR_RANGE,
  optional: false,
  numeric: false,
  coerce: toGpu,
  isWhole: (arg: Arg) => isKeyValueGrid(arg, GPU_KEYS),
  coerceWhole: (arg: Arg) => customGpu(parseKeyValue(arg)),
  wholeShape: (shape) => shape.cols === 2,
};

export const efficiency: ParamSpec<number, true> = {
  name: 'efficiency',
  label: 'efficiency',
  description:
    "Fraction of peak reached in (0, 1]: the seed method's f_efficiency (default 0.25, methodology 3.1, 5); in the roofline method both MFU and MBU (default: measured).",
  jsdocType: NUMBER_OR_RANGE,
  optional: true,
  numeric: true,
  coerce: toFraction,
};

export const options: ParamSpec<Options, true> = {
  name: 'options',
  label: 'options',
  description:
    'Optional settings as "key=value; key=value" text or a two-column key/value range, e.g. "kv_overhead=1; n_gpus=2".',
  jsdocType: 'string|Array<Array<string>>',
  optional: true,
  numeric: false,
  coerce: (value) => parseOptions(value),
  isWhole: () => true,
  coerceWhole: parseOptions,
  wholeShape: () => true,
};

/** A text argument such as a field name. */
export function text(name: string, label: string, description: string): ParamSpec<string, false> {
  return { name, label, description, jsdocType: TEXT_OR_RANGE, optional: false, numeric: false, coerce: toText };
}

/** A fraction in (0, 1] (methodology 5's factors). */
export function fraction(name: string, label: string, description: string): ParamSpec<number, false> {
  return { name, label, description, jsdocType: NUMBER_OR_RANGE, optional: false, numeric: true, coerce: toFraction };
}
