/**
 * The `options` argument: keys, what each accepts, and parsing into typed settings.
 * Keys are case-insensitive; an unknown key or a bad value names it and lists the valid keys.
 */
import {
  ARCHITECTURE_KEYS,
  setArchitectureKey,
  type ArchitectureKey,
  type ArchitectureOverrides,
} from '../core/architecture/keys';
import { nearNames } from '../core/names';
import { KV_PRECISIONS, type Precision } from '../core/precision';
import { ENGINES, type Engine } from '../core/roofline/efficiency';
import { PARALLELISMS, type Parallelism } from '../core/roofline/parallel';
import type { Arg } from './cells';
import { toFraction, toPositiveInteger, toPositiveNumber, toPrecision } from './coerce';
import { ArgumentError, messageOf } from './errors';
import { parseKeyValue } from './keyvalue';

export const METHODS = ['seed', 'roofline'] as const;
export type Method = (typeof METHODS)[number];
/** The methods this version computes. */
export const AVAILABLE_METHODS: readonly Method[] = METHODS;
/** The method a call uses when it names none: the calibrated roofline (contract, "Methods"). */
export const DEFAULT_METHOD: Method = 'roofline';

/** Serving software whose measured efficiency the roofline method applies (the seed method ignores it). */
export { ENGINES, type Engine };
export { PARALLELISMS, type Parallelism };

export interface Options {
  readonly method?: Method;
  readonly efficiency?: number;
  readonly scaling?: number;
  readonly weightsOverhead?: number;
  readonly kvOverhead?: number;
  readonly activationsOverhead?: number;
  readonly systemOverhead?: number;
  readonly nGpus?: number;
  readonly outputTokens?: number;
  readonly kvPrecision?: Precision;
  readonly engine?: Engine;
  /** Roofline: fraction of the compute peak reached (overrides the measured MFU). */
  readonly mfu?: number;
  /** Roofline: fraction of the memory bandwidth reached (overrides the measured MBU). */
  readonly mbu?: number;
  /** Roofline: how n_gpus share the model, tensor (default) or pipeline (layer split). */
  readonly parallelism?: Parallelism;
  /** The longest context the deployment serves (vLLM's max_model_len), over the model's own maximum. */
  readonly maxModelLen?: number;
  /** Architecture keys (`kv_heads=8; gated_ffn=1`): change the model's shape. */
  readonly architecture?: ArchitectureOverrides;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface OptionSpec {
  readonly description: string;
  readonly apply: (options: Mutable<Options>, raw: string) => void;
}

function oneOf<T extends string>(allowed: readonly T[], raw: string): T {
  const value = raw.trim().toLowerCase();
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new ArgumentError(`must be one of ${allowed.join(', ')}, got "${raw}"`);
  return found;
}

/** Every option key, its meaning, and how its value is read. */
export const OPTION_SPECS: Readonly<Record<string, OptionSpec>> = {
  method: {
    description: 'estimator: roofline (calibrated, the default) or seed (the methodology as written)',
    apply: (o, raw) => (o.method = oneOf(METHODS, raw)),
  },
  efficiency: {
    description: 'f_efficiency, fraction of peak reached (seed default 0.25; roofline: sets both mfu and mbu)',
    apply: (o, raw) => (o.efficiency = toFraction(raw)),
  },
  scaling: {
    description: 'f_scaling, multi-GPU scaling efficiency (default 0.8)',
    apply: (o, raw) => (o.scaling = toFraction(raw)),
  },
  weights_overhead: {
    description: 'f_overhead on weights (default 1.05)',
    apply: (o, raw) => (o.weightsOverhead = toPositiveNumber(raw)),
  },
  kv_overhead: {
    description: 'f_kv_overhead on the KV cache (default 1.05)',
    apply: (o, raw) => (o.kvOverhead = toPositiveNumber(raw)),
  },
  activations_overhead: {
    description: 'f_activations_overhead (default 1.1)',
    apply: (o, raw) => (o.activationsOverhead = toPositiveNumber(raw)),
  },
  system_overhead: {
    description: 'f_system_overhead on the total (default 1.05)',
    apply: (o, raw) => (o.systemOverhead = toPositiveNumber(raw)),
  },
  n_gpus: {
    description: 'number of GPUs (default 1)',
    apply: (o, raw) => (o.nGpus = toPositiveInteger(raw)),
  },
  output_tokens: {
    description: 'tokens generated per sequence (default 256)',
    apply: (o, raw) => (o.outputTokens = toPositiveInteger(raw)),
  },
  kv_precision: {
    description: `precision of the KV cache: ${KV_PRECISIONS.join(', ')} (default: the precision's compute type)`,
    apply: (o, raw) => {
      const precision = toPrecision(raw);
      if (!(KV_PRECISIONS as readonly string[]).includes(precision.id)) {
        throw new ArgumentError(`must be one of ${KV_PRECISIONS.join(', ')}, got "${raw}"`);
      }
      o.kvPrecision = precision;
    },
  },
  engine: {
    description: `serving software: ${ENGINES.join(', ')} (default vllm)`,
    apply: (o, raw) => (o.engine = oneOf(ENGINES, raw)),
  },
  mfu: {
    description: 'roofline: fraction of the compute peak reached (default: measured per GPU class and engine)',
    apply: (o, raw) => (o.mfu = toFraction(raw)),
  },
  mbu: {
    description: 'roofline: fraction of the memory bandwidth reached (default: measured per GPU class and engine)',
    apply: (o, raw) => (o.mbu = toFraction(raw)),
  },
  parallelism: {
    description: `roofline: how n_gpus split the model: ${PARALLELISMS.join(', ')} (default: pipeline for llama.cpp and transformers, which split layers; tensor for the others)`,
    apply: (o, raw) => (o.parallelism = oneOf(PARALLELISMS, raw)),
  },
  max_model_len: {
    description:
      "longest context the deployment serves, tokens (default: the model's maximum context, max_position_embeddings); raise it for a rope-scaled deployment",
    apply: (o, raw) => (o.maxModelLen = toPositiveInteger(raw)),
  },
  ...Object.fromEntries(ARCHITECTURE_KEYS.map((key) => [key.key, architectureOption(key)])),
};

/** An architecture key as an option: it changes the model's shape (see ARCHITECTURE_KEYS). */
function architectureOption(key: ArchitectureKey): OptionSpec {
  return {
    description: `architecture: ${key.description}`,
    apply: (o, raw) => {
      const overrides: ArchitectureOverrides = { ...o.architecture };
      setArchitectureKey(overrides, key, raw);
      o.architecture = overrides;
    },
  };
}

export const OPTION_KEYS: readonly string[] = Object.keys(OPTION_SPECS);

/** Options from text or a key/value range; blank means none. */
export function parseOptions(arg: Arg): Options {
  const options: Mutable<Options> = {};
  for (const [key, raw] of parseKeyValue(arg)) {
    const spec = OPTION_SPECS[key];
    if (spec === undefined) {
      const near = nearNames(key, OPTION_KEYS).map((k) => `"${k}"`);
      const hint = near.length > 0 ? ` did you mean ${near.join(' or ')}?` : '';
      throw new ArgumentError(`has an unknown key "${key}";${hint} valid keys: ${OPTION_KEYS.join(', ')}`);
    }
    try {
      spec.apply(options, raw);
    } catch (error) {
      throw new ArgumentError(`key ${key} ${messageOf(error)}`);
    }
  }
  return options;
}

/** Bits per KV-cache value: `kv_precision` if given, else the weight precision's own KV bits. */
export function kvBitsFor(precision: Precision, options: Options): number {
  return options.kvPrecision ? options.kvPrecision.bitsPerWeight : precision.kvBits;
}
