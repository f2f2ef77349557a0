/**
 * From a sheet call to the estimator's input: the one resolver of a `Scenario` (src/core/estimate.ts)
 * for every function that estimates. A positional argument wins over `options`, which wins over
 * the contract's defaults; in the roofline method the efficiencies are the ones measured for the
 * GPU's class and the engine unless `mfu`, `mbu` or `efficiency` say otherwise.
 *
 * Architectures are resolved once per distinct input: a range of positions on the same model (or
 * the same H, L, F, V) and the same options gets the same `Architecture` object, which the core
 * then summarises once (parameter counts, the roofline model).
 */
import { resolveArchitecture, type Architecture, type ArchitectureSpec } from '../core/architecture/spec';
import { DEFAULTS } from '../core/defaults';
import type { Factors, Scenario, Speed } from '../core/estimate';
import type { GpuSpec } from '../core/gpus/lookup';
import type { ModelSpec } from '../core/models/lookup';
import type { Precision } from '../core/precision';
import { DEFAULT_ENGINE, efficiencyFor, type Efficiency } from '../core/roofline/efficiency';
import { gpuClass } from '../core/roofline/gpu-class';
import { defaultParallelism, type Parallelism } from '../core/roofline/parallel';
import { DEFAULT_METHOD, kvBitsFor, type Method, type Options } from './options';

/** The model of a call: a model (LLM_ESTIMATE) or the methodology's H, L, F, V. */
export type ModelInput =
  | { readonly spec: ModelSpec }
  | { readonly hidden: number; readonly layers: number; readonly ffn: number; readonly vocab: number };

/** What a call gives, read from its arguments. */
export interface ScenarioRequest {
  readonly model: ModelInput;
  readonly precision: Precision;
  /** The GPU, for the functions that take one. */
  readonly gpu?: GpuSpec;
  readonly batch: number;
  readonly context: number;
  /** A positional N (LLM_GENERATION_TIME); else `output_tokens`, else 256. */
  readonly outputTokens?: number;
  /** A positional efficiency; it wins over `efficiency`, `mfu` and `mbu`. */
  readonly efficiency?: number;
  readonly options?: Options;
}

/** The method of a call: `method` from options, else the default (roofline). */
export function methodOf(options: Options | undefined): Method {
  return options?.method ?? DEFAULT_METHOD;
}

/** How the GPUs split the model: `parallelism` from options, else the engine's own default. */
export function parallelismOf(options: Options | undefined): Parallelism {
  return options?.parallelism ?? defaultParallelism(options?.engine ?? DEFAULT_ENGINE);
}

/** MFU, MBU and per-step overhead: measured for the GPU class and engine unless options say otherwise. */
export function resolveEfficiency(gpu: GpuSpec, options: Options | undefined, positional?: number): Efficiency {
  const o = options ?? {};
  const measured = efficiencyFor(gpuClass(gpu), o.engine ?? DEFAULT_ENGINE);
  const both = positional ?? o.efficiency;
  return {
    mfu: positional ?? o.mfu ?? both ?? measured.mfu,
    mbu: positional ?? o.mbu ?? both ?? measured.mbu,
    overheadSeconds: measured.overheadSeconds,
  };
}

/** The document's factors of a call, the GPU count and the KV-cache bits. */
export function resolveFactors(
  precision: Precision,
  options: Options | undefined,
  positionalEfficiency?: number,
): Factors {
  const o = options ?? {};
  return {
    efficiency: positionalEfficiency ?? o.efficiency ?? DEFAULTS.efficiency,
    scaling: o.scaling ?? DEFAULTS.scaling,
    weightsOverhead: o.weightsOverhead ?? DEFAULTS.weightsOverhead,
    kvOverhead: o.kvOverhead ?? DEFAULTS.kvOverhead,
    activationsOverhead: o.activationsOverhead ?? DEFAULTS.activationsOverhead,
    systemOverhead: o.systemOverhead ?? DEFAULTS.systemOverhead,
    nGpus: o.nGpus ?? DEFAULTS.nGpus,
    kvBits: kvBitsFor(precision, o),
  };
}

/** Stands for "no architecture keys" in the caches below. */
const NO_OVERRIDES = {};
/** Architectures of H, L, F, V without architecture keys kept at most (the cache then starts again). */
const MAX_PLAIN = 4096;

const BY_DIMENSIONS = new WeakMap<object, Map<string, Architecture>>();
const BY_MODEL = new WeakMap<ModelSpec, WeakMap<object, Architecture>>();

/**
 * The architecture of a methodology function's call: H, L, F, V from its arguments and the
 * architecture keys of `options` (`kv_heads=8; gated_ffn=1`; the arguments are not among the keys
 * it reads). With no architecture keys it is the methodology's own transformer.
 */
function dimensionsArchitecture(
  dims: { readonly hidden: number; readonly layers: number; readonly ffn: number; readonly vocab: number },
  options: Options | undefined,
): Architecture {
  const overrides = options?.architecture;
  const owner = overrides ?? NO_OVERRIDES;
  // Most ranges vary B or S, not H, L, F, V: the last one answers without a lookup.
  const last = lastDimensions;
  if (
    last !== undefined &&
    last.owner === owner &&
    last.hidden === dims.hidden &&
    last.layers === dims.layers &&
    last.ffn === dims.ffn &&
    last.vocab === dims.vocab
  ) {
    return last.arch;
  }
  const arch = dimensionsLookup(dims, owner, overrides);
  lastDimensions = { owner, hidden: dims.hidden, layers: dims.layers, ffn: dims.ffn, vocab: dims.vocab, arch };
  return arch;
}

let lastDimensions:
  | {
      readonly owner: object;
      readonly hidden: number;
      readonly layers: number;
      readonly ffn: number;
      readonly vocab: number;
      readonly arch: Architecture;
    }
  | undefined;

function dimensionsLookup(
  dims: { readonly hidden: number; readonly layers: number; readonly ffn: number; readonly vocab: number },
  owner: object,
  overrides: Options['architecture'],
): Architecture {
  let cache = BY_DIMENSIONS.get(owner);
  if (cache === undefined || (owner === NO_OVERRIDES && cache.size >= MAX_PLAIN)) {
    cache = new Map();
    BY_DIMENSIONS.set(owner, cache);
  }
  const key = `${dims.hidden},${dims.layers},${dims.ffn},${dims.vocab}`;
  let arch = cache.get(key);
  if (arch === undefined) {
    const { hidden, layers, ffn, vocab } = dims;
    arch = resolveArchitecture({ ...overrides, hidden, layers, ffn, vocab });
    cache.set(key, arch);
  }
  return arch;
}

/** A model with the architecture keys of `options` applied (a what-if: "kv_heads=1"). */
function modelArchitecture(spec: ModelSpec, options: Options | undefined): Architecture {
  const overrides = options?.architecture;
  let cache = BY_MODEL.get(spec);
  if (cache === undefined) {
    cache = new WeakMap();
    BY_MODEL.set(spec, cache);
  }
  const owner = overrides ?? NO_OVERRIDES;
  let arch = cache.get(owner);
  if (arch === undefined) {
    const merged: ArchitectureSpec = overrides ? { ...spec.architecture, ...overrides } : spec.architecture;
    arch = resolveArchitecture(merged);
    cache.set(owner, arch);
  }
  return arch;
}

/** The architecture of a call's model, resolved once per distinct model and options. */
export function architectureOf(model: ModelInput, options: Options | undefined): Architecture {
  return 'spec' in model ? modelArchitecture(model.spec, options) : dimensionsArchitecture(model, options);
}

/** The scenario of one position of a call. */
export function resolveScenario(request: ScenarioRequest): Scenario {
  const { precision, gpu, options, efficiency } = request;
  const method = methodOf(options);
  const speed: Speed =
    method === 'seed'
      ? { method: 'seed' }
      : {
          method: 'roofline',
          efficiency: gpu === undefined ? undefined : resolveEfficiency(gpu, options, efficiency),
          parallelism: parallelismOf(options),
        };
  return {
    arch: architectureOf(request.model, options),
    precision,
    gpu,
    batch: request.batch,
    context: request.context,
    outputTokens: request.outputTokens ?? options?.outputTokens ?? DEFAULTS.outputTokens,
    factors: resolveFactors(precision, options, efficiency),
    speed,
  };
}
