/**
 * The model-first estimator behind LLM_ESTIMATE: every metric of the contract for one model,
 * batch, context, precision and GPU.
 *
 * Memory is architecture-exact (./memory.ts, methodology 2 generalised). Speed and FLOPs are the
 * roofline method (src/core/roofline: architecture-exact FLOPs and bytes, calibrated efficiencies)
 * or, with the seed method, methodology 1 and 3 (src/core/seed/estimate.ts) on the model's H, L
 * and V, with F the feed-forward width one token passes through.
 */
import { InputError } from '../errors';
import type { GpuSpec } from '../gpus/lookup';
import type { Precision } from '../precision';
import {
  seedPrefillSeconds,
  seedTokenLatency,
  seedTokensPerSecond,
  type Dimensions,
  type Factors,
} from '../seed/estimate';
import { perTokenFlops, prefillFlops } from '../seed/flops';
import type { Efficiency } from '../roofline/efficiency';
import { rooflineEstimate, type RooflineEstimate } from '../roofline/estimate';
import type { Parallelism } from '../roofline/parallel';
import { fitsMemory, modelMemory, type ModelMemory } from './memory';
import type { Architecture } from './spec';

/** The metric names of the contract, in its order. */
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

/** F for the seed speed formulas: the dense FFN, or the experts a token uses in an MoE layer. */
export function tokenFfnWidth(arch: Architecture): number {
  if (arch.experts === 0) return arch.ffn;
  return arch.activeExperts * arch.expertFfn + arch.sharedExperts * arch.sharedExpertFfn;
}

export interface EstimateInput {
  readonly arch: Architecture;
  readonly batch: number;
  readonly seqLen: number;
  readonly precision: Precision;
  readonly gpu: GpuSpec;
  readonly factors: Factors;
  readonly outputTokens: number;
  /** How speed and FLOPs are estimated: the seed method, or the roofline at these settings. */
  readonly speed: SpeedMethod;
}

export type SpeedMethod =
  | { readonly method: 'seed' }
  | { readonly method: 'roofline'; readonly efficiency: Efficiency; readonly parallelism: Parallelism };

/** The roofline estimate of an input (S is the prompt, output tokens follow it). */
function roofline(input: EstimateInput, speed: Extract<SpeedMethod, { method: 'roofline' }>): RooflineEstimate {
  return rooflineEstimate({
    arch: input.arch,
    precision: input.precision,
    gpu: input.gpu,
    batch: input.batch,
    seqLen: input.seqLen,
    outputTokens: input.outputTokens,
    kvBits: input.factors.kvBits,
    nGpus: input.factors.nGpus,
    parallelism: speed.parallelism,
    efficiency: speed.efficiency,
  });
}

/** The metrics that depend on the speed method: those from `flops_prefill` on. */
const SPEED_METRICS: ReadonlySet<Metric> = new Set<Metric>(METRICS.slice(METRICS.indexOf('flops_prefill')));

function rooflineMetric(metric: Metric, estimate: RooflineEstimate): number {
  switch (metric) {
    case 'flops_prefill':
      return estimate.flopsPrefill;
    case 'flops_per_token':
      return estimate.flopsPerToken;
    case 'prefill_s':
      return estimate.prefillSeconds;
    case 'token_latency_s':
      return estimate.tokenLatencySeconds;
    case 'tokens_per_s':
      return estimate.tokensPerSecond;
    case 'tokens_per_s_per_seq':
      return estimate.tokensPerSecondPerSeq;
    default:
      return estimate.generationSeconds;
  }
}

/** One metric of one configuration. */
export function estimateMetric(metric: Metric, input: EstimateInput): number | boolean {
  const { arch, batch, seqLen, precision, gpu, factors, speed } = input;
  if (speed.method === 'roofline' && SPEED_METRICS.has(metric)) return rooflineMetric(metric, roofline(input, speed));
  const memory = (): ModelMemory => modelMemory(arch, precision, factors, batch, seqLen);
  const dims: Dimensions = {
    hidden: arch.hidden,
    layers: arch.layers,
    ffn: tokenFfnWidth(arch),
    vocab: arch.vocab,
    batch,
    seqLen,
  };
  switch (metric) {
    case 'params':
      return memory().params;
    case 'active_params':
      return memory().activeParams;
    case 'weights_gib':
      return memory().weightsGib;
    case 'kv_cache_gib':
      return memory().kvCacheGib;
    case 'activations_gib':
      return memory().activationsGib;
    case 'vram_gib':
      return memory().totalGib;
    case 'vram_per_gpu_gib':
      return memory().perGpuGib;
    case 'fits': {
      if (gpu.memoryGb === undefined) {
        throw new InputError(`fits needs the GPU's memory; ${gpu.name} has none: add "memory_gb=..."`);
      }
      return fitsMemory(memory().perGpuGib, gpu.memoryGb);
    }
    case 'flops_prefill':
      return prefillFlops(dims.hidden, dims.layers, dims.ffn, batch, seqLen);
    case 'flops_per_token':
      return perTokenFlops(dims.hidden, dims.layers, dims.ffn, batch, seqLen);
    case 'prefill_s':
      return seedPrefillSeconds(dims, precision, gpu, factors);
    case 'token_latency_s':
      return seedTokenLatency(dims, precision, gpu, factors).seconds;
    case 'tokens_per_s':
      return seedTokensPerSecond(dims, precision, gpu, factors);
    case 'tokens_per_s_per_seq':
      return seedTokensPerSecond(dims, precision, gpu, factors) / batch;
    case 'generation_s':
      return (
        seedPrefillSeconds(dims, precision, gpu, factors) +
        seedTokenLatency(dims, precision, gpu, factors).seconds * input.outputTokens
      );
  }
}
