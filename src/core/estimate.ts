/**
 * The estimator: everything the add-in says about one configuration (a `Scenario`), memory and
 * speed, in either method. Every sheet function that estimates (the methodology's memory and speed
 * functions, LLM_ESTIMATE) and the validation (src/validation/predict.ts) call `estimate`.
 *
 * - Memory is architecture-exact (./architecture/memory.ts, methodology 2 generalised) and the
 *   same in both methods.
 * - Speed and FLOPs are the roofline method (./roofline: architecture-exact FLOPs and bytes,
 *   calibrated efficiencies) or the seed method (./seed: methodology 1, 3 and 6 as written, on the
 *   model's H, L and V, with F the feed-forward width one token passes through).
 *
 * An `Estimate` computes each figure when it is first read and keeps it, so one position of a
 * range computes its roofline once for all its metrics, and a figure that cannot be computed (a
 * GPU without a compute peak) fails alone: the memory figures of the same estimate still read.
 */
import {
  fitsMemory,
  modelActivationsGib,
  modelActiveParams,
  modelKvCacheGib,
  modelParams,
  modelWeightsGib,
} from './architecture/memory';
import type { Architecture } from './architecture/spec';
import { InputError } from './errors';
import type { GpuSpec } from './gpus/lookup';
import type { Precision } from './precision';
import type { Efficiency } from './roofline/efficiency';
import {
  rooflineDecodeTotalSeconds,
  rooflinePrefillSeconds,
  rooflineSetup,
  type RooflineEstimate,
  type RooflineSetup,
} from './roofline/estimate';
import { decodeFlops, prefillFlops } from './roofline/flops';
import { rooflineModel, type RooflineModel } from './roofline/model';
import type { Parallelism } from './roofline/parallel';
import {
  seedPrefillSeconds,
  seedTokenLatency,
  seedTokensPerSecond,
  type Dimensions,
  type Factors,
} from './seed/estimate';
import { perTokenMultiplyAdds, prefillMultiplyAdds } from './seed/flops';
import { totalVramGib } from './seed/memory';
import { generationTimeSeconds } from './seed/performance';

export type { Factors } from './seed/estimate';

/**
 * How speed and FLOPs are estimated: the seed method (its factors are in `Factors`), or the
 * roofline at these efficiencies (absent when the scenario has no GPU) and parallelism.
 */
export type Speed =
  | { readonly method: 'seed' }
  | { readonly method: 'roofline'; readonly efficiency?: Efficiency; readonly parallelism: Parallelism };

/** One configuration, every input resolved: what `estimate` needs and nothing it must look up. */
export interface Scenario {
  readonly arch: Architecture;
  /** The weights' format. */
  readonly precision: Precision;
  /** The GPU; the speed figures and `fits` need one, the other memory figures do not. */
  readonly gpu?: GpuSpec;
  /** B, sequences served together. */
  readonly batch: number;
  /** S, tokens of each sequence: the KV cache held (memory); the prompt, followed by `outputTokens` (speed). */
  readonly context: number;
  /** N, tokens generated per sequence after the prompt. */
  readonly outputTokens: number;
  /** The document's factors, the GPU count (memory splits over it) and the KV-cache bits. */
  readonly factors: Factors;
  readonly speed: Speed;
}

/**
 * Everything said about a scenario, each field in the unit its name gives. The speed figures are
 * RooflineEstimate's fields; under the seed method they hold the document's formulas (its FLOPs
 * doubled: 2 per multiply-add, as under the roofline).
 */
export interface Estimate extends RooflineEstimate {
  readonly scenario: Scenario;
  /** Parameters the checkpoint holds (count). */
  readonly params: number;
  /** Parameters one token passes through (count). */
  readonly activeParams: number;
  /** Weights, all GPUs together, GiB. */
  readonly weightsGib: number;
  readonly kvCacheGib: number;
  readonly activationsGib: number;
  /** (weights + KV cache + activations) × f_system_overhead, all GPUs, GiB. */
  readonly vramGib: number;
  /** One GPU's share, GiB. */
  readonly vramPerGpuGib: number;
  /** One GPU's share fits the GPU's memory. */
  readonly fits: boolean;
}

/** F for the seed speed formulas: the dense FFN, or the experts a token uses in an MoE layer. */
export function tokenFfnWidth(arch: Architecture): number {
  if (arch.experts === 0) return arch.ffn;
  return arch.activeExperts * arch.expertFfn + arch.sharedExperts * arch.sharedExpertFfn;
}

/**
 * The roofline summary of an architecture in a format, made once per architecture, format and KV
 * bits (an architecture is immutable; a range asks for the same one at every position).
 */
const ROOFLINE_MODELS = new WeakMap<Architecture, Map<string, RooflineModel>>();

export function rooflineModelOf(arch: Architecture, precision: Precision, kvBits: number): RooflineModel {
  let byFormat = ROOFLINE_MODELS.get(arch);
  if (byFormat === undefined) {
    byFormat = new Map();
    ROOFLINE_MODELS.set(arch, byFormat);
  }
  const key = `${precision.id}/${kvBits}`;
  let model = byFormat.get(key);
  if (model === undefined) {
    model = rooflineModel(arch, precision, kvBits);
    byFormat.set(key, model);
  }
  return model;
}

/** A figure computed once, or the error it gave. */
type Memo<T> = { readonly value: T } | { readonly error: unknown };

function remember<T>(memo: Memo<T> | undefined, compute: () => T): Memo<T> {
  if (memo !== undefined) return memo;
  try {
    return { value: compute() };
  } catch (error) {
    return { error };
  }
}

function recall<T>(memo: Memo<T>): T {
  if ('error' in memo) throw memo.error;
  return memo.value;
}

class ScenarioEstimate implements Estimate {
  private setupMemo?: Memo<RooflineSetup>;
  private prefillMemo?: Memo<number>;
  private decodeMemo?: Memo<number>;

  constructor(readonly scenario: Scenario) {}

  // Memory (the same in both methods).

  get params(): number {
    return modelParams(this.scenario.arch);
  }

  get activeParams(): number {
    return modelActiveParams(this.scenario.arch);
  }

  get weightsGib(): number {
    const { arch, precision, factors } = this.scenario;
    return modelWeightsGib(arch, precision, factors.weightsOverhead);
  }

  get kvCacheGib(): number {
    const { arch, batch, context, factors } = this.scenario;
    return modelKvCacheGib(arch, batch, context, factors.kvBits, factors.kvOverhead, factors.nGpus);
  }

  get activationsGib(): number {
    const { arch, batch, context, precision, factors } = this.scenario;
    return modelActivationsGib(
      arch.hidden,
      batch,
      context,
      precision.activationBits,
      factors.activationsOverhead,
      factors.nGpus,
    );
  }

  get vramGib(): number {
    return totalVramGib(this.weightsGib, this.kvCacheGib, this.activationsGib, this.scenario.factors.systemOverhead);
  }

  get vramPerGpuGib(): number {
    const n = this.scenario.factors.nGpus;
    const total = this.vramGib;
    return n === 1 ? total : total / n;
  }

  get fits(): boolean {
    const gpu = this.gpu('fits');
    if (gpu.memoryGb === undefined) {
      throw new InputError(`fits needs the GPU's memory; ${gpu.name} has none: add "memory_gb=..."`);
    }
    return fitsMemory(this.vramPerGpuGib, gpu.memoryGb);
  }

  // FLOPs (2 per multiply-add in both methods).

  get flopsPrefill(): number {
    const { batch, context } = this.scenario;
    if (this.scenario.speed.method === 'seed') {
      const d = this.dimensions();
      return 2 * prefillMultiplyAdds(d.hidden, d.layers, d.ffn, batch, context);
    }
    return prefillFlops(this.model(), batch, context);
  }

  get flopsPerToken(): number {
    const { batch, context } = this.scenario;
    if (this.scenario.speed.method === 'seed') {
      const d = this.dimensions();
      return 2 * perTokenMultiplyAdds(d.hidden, d.layers, d.ffn, batch, context);
    }
    return decodeFlops(this.model(), batch, context);
  }

  // Speed.

  get prefillSeconds(): number {
    const { speed, precision, factors } = this.scenario;
    if (speed.method === 'seed') return seedPrefillSeconds(this.dimensions(), precision, this.gpu('speed'), factors);
    this.prefillMemo = remember(this.prefillMemo, () => rooflinePrefillSeconds(this.setup()));
    return recall(this.prefillMemo);
  }

  get decodeSeconds(): number {
    const { speed, outputTokens } = this.scenario;
    if (speed.method === 'seed') return generationTimeSeconds(this.tokenLatencySeconds, outputTokens);
    this.decodeMemo = remember(this.decodeMemo, () => rooflineDecodeTotalSeconds(this.setup()));
    return recall(this.decodeMemo);
  }

  get tokenLatencySeconds(): number {
    const { speed, precision, factors, outputTokens } = this.scenario;
    if (speed.method === 'seed') {
      return seedTokenLatency(this.dimensions(), precision, this.gpu('speed'), factors).seconds;
    }
    return this.decodeSeconds / outputTokens;
  }

  get tokensPerSecond(): number {
    const { speed, precision, factors, batch } = this.scenario;
    // The seed method's throughput is compute-only (methodology 3.1), not batch / token latency.
    if (speed.method === 'seed') return seedTokensPerSecond(this.dimensions(), precision, this.gpu('speed'), factors);
    return batch / this.tokenLatencySeconds;
  }

  get tokensPerSecondPerSeq(): number {
    if (this.scenario.speed.method === 'seed') return this.tokensPerSecond / this.scenario.batch;
    return 1 / this.tokenLatencySeconds;
  }

  get generationSeconds(): number {
    return this.prefillSeconds + this.decodeSeconds;
  }

  // Inputs made ready.

  private gpu(figure: string): GpuSpec {
    const gpu = this.scenario.gpu;
    if (gpu === undefined) throw new InputError(`${figure} needs a GPU`);
    return gpu;
  }

  /** The document's symbols for the seed formulas. */
  private dimensions(): Dimensions {
    const { arch, batch, context } = this.scenario;
    return {
      hidden: arch.hidden,
      layers: arch.layers,
      ffn: tokenFfnWidth(arch),
      vocab: arch.vocab,
      batch,
      seqLen: context,
    };
  }

  private model(): RooflineModel {
    const { arch, precision, factors } = this.scenario;
    return rooflineModelOf(arch, precision, factors.kvBits);
  }

  private setup(): RooflineSetup {
    this.setupMemo = remember(this.setupMemo, () => {
      const { arch, precision, batch, context, outputTokens, factors, speed } = this.scenario;
      if (speed.method !== 'roofline') throw new Error('the roofline setup of a seed scenario');
      const gpu = this.gpu('speed');
      if (speed.efficiency === undefined) throw new Error('a roofline scenario on a GPU without its efficiencies');
      const input = {
        arch,
        precision,
        gpu,
        batch,
        seqLen: context,
        outputTokens,
        kvBits: factors.kvBits,
        nGpus: factors.nGpus,
        parallelism: speed.parallelism,
        efficiency: speed.efficiency,
      };
      return rooflineSetup(input, this.model());
    });
    return recall(this.setupMemo);
  }
}

/** Everything said about `scenario`; each figure is computed when first read. */
export function estimate(scenario: Scenario): Estimate {
  return new ScenarioEstimate(scenario);
}

/** The metric names of the contract (LLM_ESTIMATE), in its order. */
export const METRICS = [
  'params',
  'active_params',
  'weights_gib',
  'kv_cache_gib',
  'activations_gib',
  'vram_gib',
  'vram_per_gpu_gib',
  'fits',
  'flops_prefill',
  'flops_per_token',
  'prefill_s',
  'token_latency_s',
  'tokens_per_s',
  'tokens_per_s_per_seq',
  'generation_s',
] as const;
export type Metric = (typeof METRICS)[number];

export interface MetricInfo {
  /** The unit of the value: count, GiB, TRUE/FALSE, FLOPs, s, tokens/s. */
  readonly unit: string;
  /** Whether the value depends on `method` (seed or roofline); memory does not. */
  readonly dependsOnMethod: boolean;
  /** The metric read off an estimate. */
  readonly get: (e: Estimate) => number | boolean;
}

/** What every metric is and where it is read; TypeScript makes it name every metric, and only those. */
export const METRIC_TABLE: Readonly<Record<Metric, MetricInfo>> = {
  params: { unit: 'count', dependsOnMethod: false, get: (e) => e.params },
  active_params: { unit: 'count', dependsOnMethod: false, get: (e) => e.activeParams },
  weights_gib: { unit: 'GiB', dependsOnMethod: false, get: (e) => e.weightsGib },
  kv_cache_gib: { unit: 'GiB', dependsOnMethod: false, get: (e) => e.kvCacheGib },
  activations_gib: { unit: 'GiB', dependsOnMethod: false, get: (e) => e.activationsGib },
  vram_gib: { unit: 'GiB', dependsOnMethod: false, get: (e) => e.vramGib },
  vram_per_gpu_gib: { unit: 'GiB', dependsOnMethod: false, get: (e) => e.vramPerGpuGib },
  fits: { unit: 'TRUE/FALSE', dependsOnMethod: false, get: (e) => e.fits },
  flops_prefill: { unit: 'FLOPs', dependsOnMethod: true, get: (e) => e.flopsPrefill },
  flops_per_token: { unit: 'FLOPs', dependsOnMethod: true, get: (e) => e.flopsPerToken },
  prefill_s: { unit: 's', dependsOnMethod: true, get: (e) => e.prefillSeconds },
  token_latency_s: { unit: 's', dependsOnMethod: true, get: (e) => e.tokenLatencySeconds },
  tokens_per_s: { unit: 'tokens/s', dependsOnMethod: true, get: (e) => e.tokensPerSecond },
  tokens_per_s_per_seq: { unit: 'tokens/s', dependsOnMethod: true, get: (e) => e.tokensPerSecondPerSeq },
  generation_s: { unit: 's', dependsOnMethod: true, get: (e) => e.generationSeconds },
};
