/**
 * The seed method's speed (methodology 1, 3 and 6) for one configuration, on the document's
 * symbols. Each number is the document's formula; this module only wires them. Its memory is
 * src/core/architecture/memory.ts, which with the document's transformer is methodology 2 exactly.
 */
import { bandwidthGbs, peakTflops, type GpuSpec } from '../gpus/lookup';
import type { Precision } from '../precision';
import { perTokenMultiplyAdds, prefillMultiplyAdds } from './flops';
import { parameterCount } from './memory';
import {
  generationTimeSeconds,
  prefillLatencySeconds,
  tokenComputeLatencySeconds,
  tokenLatencySeconds,
  tokenMemoryLatencySeconds,
  tokensPerSecond,
} from './performance';
import { multiGpuSpeedup } from './scaling';

/** The methodology's symbols: H, L, F, V, B, S. */
export interface Dimensions {
  readonly hidden: number;
  readonly layers: number;
  readonly ffn: number;
  readonly vocab: number;
  readonly batch: number;
  readonly seqLen: number;
}

/**
 * Every factor the document leaves to the user, resolved to numbers, and the GPU count and KV-cache
 * bits they apply to: the one set of factors of both memory (methodology 2) and seed speed (3, 6).
 */
export interface Factors {
  /** f_efficiency of methodology 3 (the seed method's speed). */
  readonly efficiency: number;
  /** f_scaling of methodology 6 (the seed method's speed on several GPUs). */
  readonly scaling: number;
  readonly weightsOverhead: number;
  readonly kvOverhead: number;
  readonly activationsOverhead: number;
  readonly systemOverhead: number;
  /** GPUs the model is split over (memory: tensor parallelism; seed speed: methodology 6). */
  readonly nGpus: number;
  /** Bits per KV-cache value: the precision's own, or `kv_precision`'s. */
  readonly kvBits: number;
}

/** The speed factors of the seed method. */
export type SeedFactors = Pick<Factors, 'efficiency' | 'scaling' | 'nGpus'>;

/** Methodology 6, applied only when more than one GPU is used (1 otherwise; note 6). */
export function seedSpeedup(factors: SeedFactors): number {
  return factors.nGpus > 1 ? multiGpuSpeedup(factors.nGpus, factors.scaling) : 1;
}

/** Seconds on `nGpus` GPUs: divided by the speedup only when there is more than one GPU. */
function scaled(seconds: number, factors: SeedFactors): number {
  const speedup = seedSpeedup(factors);
  return speedup === 1 ? seconds : seconds / speedup;
}

/** Tokens per second (methodology 1.4, 3.1; times the speedup of 6 on several GPUs). Compute only. */
export function seedTokensPerSecond(
  dims: Dimensions,
  precision: Precision,
  gpu: GpuSpec,
  factors: SeedFactors,
): number {
  const { tflops } = peakTflops(gpu, precision.computeType);
  const perToken = perTokenMultiplyAdds(dims.hidden, dims.layers, dims.ffn, dims.batch, dims.seqLen);
  const throughput = tokensPerSecond(tflops, factors.efficiency, perToken);
  const speedup = seedSpeedup(factors);
  return speedup === 1 ? throughput : throughput * speedup;
}

/** Prefill latency in seconds (methodology 1.3, 3.2). */
export function seedPrefillSeconds(dims: Dimensions, precision: Precision, gpu: GpuSpec, factors: SeedFactors): number {
  const { tflops } = peakTflops(gpu, precision.computeType);
  const prefill = prefillMultiplyAdds(dims.hidden, dims.layers, dims.ffn, dims.batch, dims.seqLen);
  return scaled(prefillLatencySeconds(prefill, tflops, factors.efficiency), factors);
}

export interface SeedTokenLatency {
  readonly computeSeconds: number;
  readonly memorySeconds: number;
  /** max(compute, memory). */
  readonly seconds: number;
}

/** Token latency in seconds (methodology 1.4, 2.1, 3.3): the max of the compute and memory bounds. */
export function seedTokenLatency(
  dims: Dimensions,
  precision: Precision,
  gpu: GpuSpec,
  factors: SeedFactors,
): SeedTokenLatency {
  const { tflops } = peakTflops(gpu, precision.computeType);
  const perToken = perTokenMultiplyAdds(dims.hidden, dims.layers, dims.ffn, dims.batch, dims.seqLen);
  const params = parameterCount(dims.hidden, dims.layers, dims.ffn, dims.vocab);
  const compute = tokenComputeLatencySeconds(perToken, tflops, factors.efficiency);
  const memory = tokenMemoryLatencySeconds(params, precision.bitsPerWeight / 8, bandwidthGbs(gpu), factors.efficiency);
  return {
    computeSeconds: scaled(compute, factors),
    memorySeconds: scaled(memory, factors),
    seconds: scaled(tokenLatencySeconds(compute, memory), factors),
  };
}

/** Time for N tokens in seconds (methodology 3.4) on the seed token latency. */
export function seedGenerationSeconds(
  dims: Dimensions,
  precision: Precision,
  gpu: GpuSpec,
  factors: SeedFactors,
  tokens: number,
): number {
  return generationTimeSeconds(seedTokenLatency(dims, precision, gpu, factors).seconds, tokens);
}
