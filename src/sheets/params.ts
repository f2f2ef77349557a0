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
import { OPTION_SPECS, optionReader, parseOptions, type OptionUse, type Options } from './options';

const NUMBER_OR_RANGE = 'number|Array<Array<number>>';
export const TEXT_OR_RANGE = 'string|Array<Array<string>>';

/**
 * A positive whole-number size (a methodology symbol). `optionKey` is the option key it stands for
 * (H: hidden), which a function taking it as an argument does not read from options.
 */
export function count(name: string, label: string, description: string, optionKey?: string): ParamSpec<number, false> {
  return {
    name,
    label,
    description,
    jsdocType: NUMBER_OR_RANGE,
    optional: false,
    numeric: true,
    coerce: toPositiveInteger,
    ...(optionKey === undefined ? {} : { optionKey }),
  };
}

export const H = count('H', 'hidden size', 'Hidden size H (model dimension), a count, e.g. 4096.', 'hidden');
export const L = count('L', 'layers', 'Number of transformer layers L, e.g. 32.', 'layers');
export const F = count('F', 'feed-forward size', 'Feed-forward (intermediate) size F, a count, e.g. 11008.', 'ffn');
export const V = count('V', 'vocabulary size', 'Vocabulary size V, tokens, e.g. 32000.', 'vocab');
export const B = count('B', 'batch size', 'Batch size B, sequences processed together, e.g. 1.');
export const S = count('S', 'sequence length', 'Sequence (context) length S, tokens, e.g. 2048.');
export const N = count('N', 'tokens to generate', 'Number of tokens N to generate, e.g. 256.', 'output_tokens');

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

const OPTIONS_TEXT = 'Optional settings as "key=value; key=value" text or a two-column key/value range';

/** The keys of a function for its JSDoc: the architecture keys summed up, the others listed. */
function keysForDocs(keys: readonly string[]): string {
  if (keys.length === 0) return 'none';
  const architecture = keys.filter((k) => OPTION_SPECS[k].groups.includes('shape'));
  const named = keys.filter((k) => !OPTION_SPECS[k].groups.includes('shape'));
  return [
    ...named,
    ...(architecture.length > 0 ? ['the architecture keys (heads, kv_heads, gated_ffn, ...)'] : []),
  ].join(', ');
}

/**
 * The `options` argument of a function that reads `uses` (groups of keys, or single keys; see
 * OPTION_GROUPS). A function given it is bound to it by name: a key it does not read is an error
 * naming the function, and its JSDoc lists its keys.
 */
export function options(...uses: OptionUse[]): ParamSpec<Options, true> {
  const unbound: ParamSpec<Options, true> = {
    name: 'options',
    label: 'options',
    description: `${OPTIONS_TEXT}.`,
    jsdocType: TEXT_OR_RANGE,
    optional: true,
    numeric: false,
    coerce: (value) => parseOptions(value),
    isWhole: () => true,
    coerceWhole: parseOptions,
    wholeShape: () => true,
    forFunction: (fn, argumentKeys) => {
      const reader = optionReader(fn, uses, argumentKeys);
      return {
        ...unbound,
        description: `${OPTIONS_TEXT}; keys: ${keysForDocs(reader.keys)}.`,
        coerce: (value) => reader.parse(value),
        coerceWhole: reader.parse,
        optionKeys: reader.keys,
      };
    },
  };
  return unbound;
}

/** A text argument such as a field name. */
export function text(name: string, label: string, description: string): ParamSpec<string, false> {
  return { name, label, description, jsdocType: TEXT_OR_RANGE, optional: false, numeric: false, coerce: toText };
}

/** A fraction in (0, 1] (methodology 5's factors). */
export function fraction(name: string, label: string, description: string): ParamSpec<number, false> {
  return { name, label, description, jsdocType: NUMBER_OR_RANGE, optional: false, numeric: true, coerce: toFraction };
}
