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
import { KV_PRECISIONS, type Precision } from '../core/precision';
import type { Arg } from './cells';
import { toFraction, toPositiveInteger, toPositiveNumber, toPrecision } from './coerce';
import { ArgumentError, messageOf } from './errors';
import { parseKeyValue } from './keyvalue';

export const METHODS = ['seed', 'roofline'] as const;
export type Method = (typeof METHODS)[number];
/** The methods this version computes (the roofline method is a later issue). */
export const AVAILABLE_METHODS: readonly Method[] = ['seed'];

/** Serving software whose measured efficiency the roofline method applies (the seed method ignores it). */
export const ENGINES = ['vllm', 'llama.cpp', 'tensorrt-llm', 'sglang', 'transformers', 'tgi', 'exllamav2'] as const;
export type Engine = (typeof ENGINES)[number];

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
    description: 'estimator: seed (the methodology as written)',
    apply: (o, raw) => {
      const method = oneOf(METHODS, raw);
      if (method === 'roofline') {
        throw new ArgumentError('"roofline" is not available in this version yet; use method=seed');
      }
      o.method = method;
    },
  },
  efficiency: {
    description: 'f_efficiency, fraction of peak reached (default 0.25)',
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
      throw new ArgumentError(`has an unknown key "${key}"; valid keys: ${OPTION_KEYS.join(', ')}`);
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
