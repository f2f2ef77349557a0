/**
 * The `options` argument: keys, what each accepts, which functions read it, and parsing into typed
 * settings. Keys are case-insensitive. Each function declares the groups of keys it reads (see
 * `OptionUse`); an unknown key, a key the function does not use, or a bad value is an error that
 * names it and lists the function's keys. LLM_ESTIMATE reads every key (one options cell serves all
 * its metrics).
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
import { ownLookup, quote } from '../core/text';
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

/**
 * Groups of keys, as functions declare what they read:
 * - `method`: the estimator (every function with options: the memory and FLOPs functions give the
 *   same result in both methods, so a sheet can set it once for all);
 * - `memory`: the document's overhead factors and the KV-cache precision;
 * - `speed`: efficiencies, GPU count and how the GPUs share the model, serving engine;
 * - `generation`: tokens generated per sequence;
 * - `dimensions`: H, L, F, V as keys (LLM_ESTIMATE's what-if; the methodology functions take them
 *   as arguments);
 * - `shape`: the other architecture keys;
 * - `deployment`: limits of the deployment (max_model_len).
 */
export const OPTION_GROUPS = ['method', 'memory', 'speed', 'generation', 'dimensions', 'shape', 'deployment'] as const;
export type OptionGroup = (typeof OPTION_GROUPS)[number];

interface OptionSpec {
  readonly description: string;
  readonly groups: readonly OptionGroup[];
  readonly apply: (options: Mutable<Options>, raw: string) => void;
}

function oneOf<T extends string>(allowed: readonly T[], raw: string): T {
  const value = raw.trim().toLowerCase();
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new ArgumentError(`must be one of ${allowed.join(', ')}, got ${quote(raw)}`);
  return found;
}

const DIMENSION_KEYS: ReadonlySet<string> = new Set(['hidden', 'layers', 'ffn', 'vocab']);

/** The keys that are not architecture keys. */
const SETTINGS = {
  method: {
    description: 'estimator: roofline (calibrated, the default) or seed (the methodology as written)',
    groups: ['method'],
    apply: (o, raw) => (o.method = oneOf(METHODS, raw)),
  },
  efficiency: {
    description: 'f_efficiency, fraction of peak reached (seed default 0.25; roofline: sets both mfu and mbu)',
    groups: ['speed'],
    apply: (o, raw) => (o.efficiency = toFraction(raw)),
  },
  scaling: {
    description: 'f_scaling, multi-GPU scaling efficiency of the seed method (default 0.8)',
    groups: ['speed'],
    apply: (o, raw) => (o.scaling = toFraction(raw)),
  },
  weights_overhead: {
    description: 'f_overhead on weights (default 1.05)',
    groups: ['memory'],
    apply: (o, raw) => (o.weightsOverhead = toPositiveNumber(raw)),
  },
  kv_overhead: {
    description: 'f_kv_overhead on the KV cache (default 1.05)',
    groups: ['memory'],
    apply: (o, raw) => (o.kvOverhead = toPositiveNumber(raw)),
  },
  activations_overhead: {
    description: 'f_activations_overhead (default 1.1)',
    groups: ['memory'],
    apply: (o, raw) => (o.activationsOverhead = toPositiveNumber(raw)),
  },
  system_overhead: {
    description: 'f_system_overhead on the total (default 1.05)',
    groups: ['memory'],
    apply: (o, raw) => (o.systemOverhead = toPositiveNumber(raw)),
  },
  n_gpus: {
    description: 'number of GPUs (default 1)',
    groups: ['speed'],
    apply: (o, raw) => (o.nGpus = toPositiveInteger(raw)),
  },
  output_tokens: {
    description: 'tokens generated per sequence (default 256)',
    groups: ['generation'],
    apply: (o, raw) => (o.outputTokens = toPositiveInteger(raw)),
  },
  kv_precision: {
    description: `precision of the KV cache: ${KV_PRECISIONS.join(', ')} (default: the precision's compute type)`,
    groups: ['memory', 'speed'],
    apply: (o, raw) => {
      const precision = toPrecision(raw);
      if (!(KV_PRECISIONS as readonly string[]).includes(precision.id)) {
        throw new ArgumentError(`must be one of ${KV_PRECISIONS.join(', ')}, got ${quote(raw)}`);
      }
      o.kvPrecision = precision;
    },
  },
  engine: {
    description: `serving software: ${ENGINES.join(', ')} (default vllm)`,
    groups: ['speed'],
    apply: (o, raw) => (o.engine = oneOf(ENGINES, raw)),
  },
  mfu: {
    description: 'roofline: fraction of the compute peak reached (default: measured per GPU class and engine)',
    groups: ['speed'],
    apply: (o, raw) => (o.mfu = toFraction(raw)),
  },
  mbu: {
    description: 'roofline: fraction of the memory bandwidth reached (default: measured per GPU class and engine)',
    groups: ['speed'],
    apply: (o, raw) => (o.mbu = toFraction(raw)),
  },
  parallelism: {
    description: `roofline: how n_gpus split the model: ${PARALLELISMS.join(', ')} (default: pipeline for llama.cpp and transformers, which split layers; tensor for the others)`,
    groups: ['speed'],
    apply: (o, raw) => (o.parallelism = oneOf(PARALLELISMS, raw)),
  },
  max_model_len: {
    description:
      "longest context the deployment serves, tokens (default: the model's maximum context, max_position_embeddings); raise it for a rope-scaled deployment",
    groups: ['deployment'],
    apply: (o, raw) => (o.maxModelLen = toPositiveInteger(raw)),
  },
} satisfies Record<string, OptionSpec>;

/**
 * Every option key, its meaning, its groups, and how its value is read. A key typed in a sheet is
 * looked up among its own keys only (`ownLookup`): `constructor` or `__proto__` is an unknown key.
 */
export const OPTION_SPECS: Readonly<Record<string, OptionSpec>> = {
  ...SETTINGS,
  ...Object.fromEntries(ARCHITECTURE_KEYS.map((key) => [key.key, architectureOption(key)])),
};

/** An architecture key as an option: it changes the model's shape (see ARCHITECTURE_KEYS). */
function architectureOption(key: ArchitectureKey): OptionSpec {
  return {
    description: `architecture: ${key.description}`,
    groups: [DIMENSION_KEYS.has(key.key) ? 'dimensions' : 'shape'],
    apply: (o, raw) => {
      const overrides: ArchitectureOverrides = { ...o.architecture };
      setArchitectureKey(overrides, key, raw);
      o.architecture = overrides;
    },
  };
}

/** Every option key, in the order the messages and the README list them. */
export const OPTION_KEYS: readonly string[] = Object.keys(OPTION_SPECS);

/** What a function declares it reads: whole groups, or single keys. */
export type OptionUse = OptionGroup | keyof typeof SETTINGS;

/** The keys of the given groups and single keys, in OPTION_KEYS order. */
export function optionKeysOf(uses: readonly OptionUse[]): string[] {
  const wanted = new Set<string>(uses);
  return OPTION_KEYS.filter((key) => wanted.has(key) || OPTION_SPECS[key].groups.some((g) => wanted.has(g)));
}

/** The options argument as one function reads it. */
export interface OptionReader {
  /** The keys the function reads, in OPTION_KEYS order. */
  readonly keys: readonly string[];
  /** Options from text or a key/value range; blank means none. */
  readonly parse: (arg: Arg) => Options;
}

/** Every function's keys, as the readers were made: to say which functions read a key. */
const READERS = new Map<string, ReadonlySet<string>>();

/** The functions that read `key`, by name. */
export function functionsReading(key: string): string[] {
  return [...READERS]
    .filter(([, keys]) => keys.has(key))
    .map(([fn]) => fn)
    .sort();
}

/** The keys of a function in a line: the architecture keys are summed up, not listed. */
function keysInBrief(keys: readonly string[]): string {
  const named = keys.filter((k) => !OPTION_SPECS[k].groups.includes('shape'));
  if (named.length === keys.length) return named.length === 0 ? 'no keys' : named.join(', ');
  return `${named.join(', ')} and the architecture keys such as heads, kv_heads, gated_ffn`;
}

/**
 * The options of function `fn`, which reads `uses`. `argumentKeys` maps a key to the argument of
 * `fn` that gives it (hidden: H), which options may then not set.
 */
export function optionReader(
  fn: string,
  uses: readonly OptionUse[],
  argumentKeys: ReadonlyMap<string, string> = new Map(),
): OptionReader {
  const reader = makeReader(fn, uses, argumentKeys);
  READERS.set(fn, new Set(reader.keys));
  return reader;
}

function makeReader(fn: string, uses: readonly OptionUse[], argumentKeys: ReadonlyMap<string, string>): OptionReader {
  const keys = optionKeysOf(uses).filter((key) => !argumentKeys.has(key));
  const accepted: ReadonlySet<string> = new Set(keys);

  const unknown = (key: string): ArgumentError => {
    const own = nearNames(key, keys);
    const near = own.length > 0 ? own : nearNames(key, OPTION_KEYS);
    const quoted = near.map((k) => (accepted.has(k) ? `"${k}"` : `"${k}" (not used by ${fn})`));
    const hint = quoted.length > 0 ? ` did you mean ${quoted.join(' or ')}?` : '';
    // The architecture keys are summed up, as in `unused`: the guess above covers a typo of one.
    const valid = keys.length > 0 ? `valid keys: ${keysInBrief(keys)}` : `${fn} takes no options`;
    return new ArgumentError(`has an unknown key ${quote(key)};${hint} ${valid}`);
  };

  const unused = (key: string): ArgumentError => {
    const argument = argumentKeys.get(key);
    if (argument !== undefined) {
      return new ArgumentError(`cannot set ${key}: it is an argument of this function (${argument})`);
    }
    const readers = functionsReading(key);
    const where = readers.length > 0 ? `; ${key} is read by ${readers.join(', ')}` : '';
    return new ArgumentError(`key ${key} is not used by ${fn} (it uses: ${keysInBrief(keys)})${where}`);
  };

  const parse = (arg: Arg): Options => {
    const options: Mutable<Options> = {};
    for (const [key, raw] of parseKeyValue(arg)) {
      const spec = ownLookup(OPTION_SPECS, key);
      if (spec === undefined) throw unknown(key);
      if (!accepted.has(key)) throw unused(key);
      try {
        spec.apply(options, raw);
      } catch (error) {
        throw new ArgumentError(`key ${key} ${messageOf(error)}`);
      }
    }
    return options;
  };

  return { keys, parse };
}

const EVERY_KEY = makeReader('this function', OPTION_GROUPS, new Map());

/** Options with every key accepted (as LLM_ESTIMATE reads them), from text or a key/value range; blank means none. */
export function parseOptions(arg: Arg): Options {
  return EVERY_KEY.parse(arg);
}

/** Bits per KV-cache value: `kv_precision` if given, else the weight precision's own KV bits. */
export function kvBitsFor(precision: Precision, options: Options): number {
  return options.kvPrecision ? options.kvPrecision.bitsPerWeight : precision.kvBits;
}
