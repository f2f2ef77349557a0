/**
 * The seed method put together: memory (methodology 2) and speed (methodology 3, 6) for one
 * configuration. Each number is the document's formula; this module only wires them.
 */
import { bandwidthGbs, peakTflops, type GpuSpec } from '../gpus/lookup';
import type { Precision } from '../precision';
import { perTokenFlops, prefillFlops } from './flops';
import { activationsGib, kvCacheGib, parameterCount, totalVramGib, weightsGib } from './memory';
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

/** Every factor the document leaves to the user, resolved to numbers. */
export interface Factors {
  readonly efficiency: number;
  readonly scaling: number;
  readonly weightsOverhead: number;
  readonly kvOverhead: number;
  readonly activationsOverhead: number;
  readonly systemOverhead: number;
  readonly nGpus: number;
  /** Bits per KV-cache value: the precision's own, or `kv_precision`'s. */
  readonly kvBits: number;
}

export interface SeedMemory {
  readonly params: number;
  readonly weightsGib: number;
  readonly kvCacheGib: number;
  readonly activationsGib: number;
  readonly totalGib: number;
}

/** Methodology 2.1–2.4. */
export function seedMemory(dims: Dimensions, precision: Precision, factors: Factors): SeedMemory {
  const params = parameterCount(dims.hidden, dims.layers, dims.ffn, dims.vocab);
  const weights = weightsGib(params, precision.bitsPerWeight, factors.weightsOverhead);
  const kvCache = kvCacheGib(dims.hidden, dims.layers, dims.batch, dims.seqLen, factors.kvBits, factors.kvOverhead);
  const activations = activationsGib(
    dims.hidden,
    dims.batch,
    dims.seqLen,
    precision.activationBits,
    factors.activationsOverhead,
  );
  return {
    params,
    weightsGib: weights,
    kvCacheGib: kvCache,
    activationsGib: activations,
    totalGib: totalVramGib(weights, kvCache, activations, factors.systemOverhead),
  };
}

/** Methodology 6, applied only when more than one GPU is used (1 otherwise; note 6). */
export function seedSpeedup(factors: Factors): number {
  return factors.nGpus > 1 ? multiGpuSpeedup(factors.nGpus, factors.scaling) : 1;
}

/** Seconds on `nGpus` GPUs: divided by the speedup only when there is more than one GPU. */
function scaled(seconds: number, factors: Factors): number {
  const speedup = seedSpeedup(factors);
  return speedup === 1 ? seconds : seconds / speedup;
}

/** Tokens per second (methodology 1.4, 3.1; times the speedup of 6 on several GPUs). Compute only. */
export function seedTokensPerSecond(dims: Dimensions, precision: Precision, gpu: GpuSpec, factors: Factors): number {
  const { tflops } = peakTflops(gpu, precision.computeType);
  const perToken = perTokenFlops(dims.hidden, dims.layers, dims.ffn, dims.batch, dims.seqLen);
  const throughput = tokensPerSecond(tflops, factors.efficiency, perToken);
  const speedup = seedSpeedup(factors);
  return speedup === 1 ? throughput : throughput * speedup;
}

/** Prefill latency in seconds (methodology 1.3, 3.2). */
export function seedPrefillSeconds(dims: Dimensions, precision: Precision, gpu: GpuSpec, factors: Factors): number {
  const { tflops } = peakTflops(gpu, precision.computeType);
  const prefill = prefillFlops(dims.hidden, dims.layers, dims.ffn, dims.batch, dims.seqLen);
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
  factors: Factors,
): SeedTokenLatency {
  const { tflops } = peakTflops(gpu, precision.computeType);
  const perToken = perTokenFlops(dims.hidden, dims.layers, dims.ffn, dims.batch, dims.seqLen);
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
  factors: Factors,
  tokens: number,
): number {
  return generationTimeSeconds(seedTokenLatency(dims, precision, gpu, factors).seconds, tokens);
}
