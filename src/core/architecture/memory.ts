/**
 * GPU memory of a model (methodology 2.1–2.4, generalised to the architecture): weights in their
 * format, a KV cache sized by KV heads × head size (or MLA's latent), activations, and the split
 * over `n_gpus` GPUs under tensor parallelism.
 *
 * With the default architecture and one GPU every number is the document's, to the last digit: the
 * functions below call the seed formulas (src/core/seed/memory.ts) with the architecture's widths.
 */
import { BYTES_PER_GB, BYTES_PER_GIB } from '../units';
import type { Precision } from '../precision';
import type { Factors } from '../seed/estimate';
import { activationsGib, kvCacheGib, totalVramGib, weightsGib } from '../seed/memory';
import { activeParameterCount, parameterCount } from './params';
import type { Architecture } from './spec';
import { weightBits } from './weights';

const BITS_PER_GIB = 8 * BYTES_PER_GIB;

/** The factors memory reads (methodology 2) of the one set of factors, with the GPU count and KV bits. */
export type MemoryFactors = Pick<
  Factors,
  'weightsOverhead' | 'kvOverhead' | 'activationsOverhead' | 'systemOverhead' | 'nGpus' | 'kvBits'
>;

interface Counts {
  readonly params: number;
  readonly activeParams: number;
  /** Total weight bits by precision id, for the formats stored tensor by tensor. */
  readonly bits: Map<string, number>;
}

/**
 * Parameter counts of an architecture, counted once: an architecture is immutable, and a sheet
 * asks for the same one at every position of a range.
 */
const COUNTS = new WeakMap<Architecture, Counts>();

function countsOf(arch: Architecture): Counts {
  let counts = COUNTS.get(arch);
  if (counts === undefined) {
    counts = { params: parameterCount(arch), activeParams: activeParameterCount(arch), bits: new Map() };
    COUNTS.set(arch, counts);
  }
  return counts;
}

/** Total parameters (methodology 2.1's P, generalised; ./params.ts), counted once per architecture. */
export function modelParams(arch: Architecture): number {
  return countsOf(arch).params;
}

/** Parameters one token passes through (./params.ts), counted once per architecture. */
export function modelActiveParams(arch: Architecture): number {
  return countsOf(arch).activeParams;
}

/**
 * Weights in GiB (methodology 2.1): `bits / (8 × 1024³) × f_overhead`, the document's
 * `P × b / (8 × 1024³) × f_overhead` for a uniform format.
 */
export function modelWeightsGib(arch: Architecture, precision: Precision, overhead: number): number {
  const counts = countsOf(arch);
  if (precision.layout.kind === 'uniform') return weightsGib(counts.params, precision.bitsPerWeight, overhead);
  let bits = counts.bits.get(precision.id);
  if (bits === undefined) {
    bits = weightBits(arch, precision);
    counts.bits.set(precision.id, bits);
  }
  return weightsGib(bits, 1, overhead);
}

/**
 * Width of the K (and of the V) cache per token and layer, summed over the GPUs.
 * Tensor parallelism gives each GPU ceil(kv_heads / n) KV heads: 8 KV heads on 2 GPUs are 4 each,
 * on 16 GPUs 1 each, i.e. every head held twice (vLLM replicates KV heads when tp > kv_heads).
 * Without a head count the cache splits evenly.
 */
function kvWidth(arch: Architecture, nGpus: number): number {
  if (nGpus === 1 || arch.kvHeads === undefined || arch.headDim === undefined) return arch.kvDim;
  return nGpus * Math.ceil(arch.kvHeads / nGpus) * arch.headDim;
}

/** KV cache of `layers` layers holding `tokens` tokens each, GiB, summed over the GPUs. */
function kvGibForLayers(
  arch: Architecture,
  layers: number,
  batch: number,
  tokens: number,
  bits: number,
  overhead: number,
  nGpus: number,
): number {
  if (layers === 0) return 0;
  if (arch.mla) {
    // MLA caches one latent (kv_lora_rank) and one rotary key (qk_rope_head_dim) per token and
    // layer, shared by all heads, so every tensor-parallel GPU holds all of it.
    const values = arch.mla.kvLoraRank + arch.mla.qkRopeHeadDim;
    const one = ((batch * tokens * values * layers * bits) / BITS_PER_GIB) * overhead;
    return nGpus === 1 ? one : one * nGpus;
  }
  // Methodology 2.2 with the K/V width in place of H: 2 × B × S × (kv_heads × head_dim) × L × b.
  return kvCacheGib(kvWidth(arch, nGpus), layers, batch, tokens, bits, overhead);
}

/**
 * KV-cache GiB (methodology 2.2, generalised): `2 × B × S × kv_heads × head_dim × L × b / (8 × 1024³)
 * × f_kv_overhead`, summed over the GPUs; sliding-window layers hold at most the window.
 */
export function modelKvCacheGib(
  arch: Architecture,
  batch: number,
  seqLen: number,
  bits: number,
  overhead: number,
  nGpus: number,
): number {
  if (arch.slidingLayers === 0) return kvGibForLayers(arch, arch.layers, batch, seqLen, bits, overhead, nGpus);
  const full = kvGibForLayers(arch, arch.layers - arch.slidingLayers, batch, seqLen, bits, overhead, nGpus);
  const windowed = Math.min(seqLen, arch.slidingWindow);
  return full + kvGibForLayers(arch, arch.slidingLayers, batch, windowed, bits, overhead, nGpus);
}

/**
 * KV-cache bytes per token of one sequence at full attention, on one GPU
 * (2 × L × kv_heads × head_dim × bits / 8; MLA: L × (kv_lora_rank + rope) × bits / 8).
 */
export function kvBytesPerToken(arch: Architecture, bits: number): number {
  const perLayer = arch.mla ? arch.mla.kvLoraRank + arch.mla.qkRopeHeadDim : 2 * arch.kvDim;
  return (arch.layers * perLayer * bits) / 8;
}

/**
 * Activations GiB (methodology 2.3, `4 × B × S × H × b / (8 × 1024³) × f_activations_overhead`),
 * held on every GPU: under tensor parallelism each GPU keeps the full hidden state, so the total
 * counts them n_gpus times.
 */
export function modelActivationsGib(
  hidden: number,
  batch: number,
  seqLen: number,
  bits: number,
  overhead: number,
  nGpus: number,
): number {
  const one = activationsGib(hidden, batch, seqLen, bits, overhead);
  return nGpus === 1 ? one : one * nGpus;
}

export interface ModelMemory {
  readonly params: number;
  readonly activeParams: number;
  /** All GPUs together. */
  readonly weightsGib: number;
  readonly kvCacheGib: number;
  readonly activationsGib: number;
  /** (weights + KV cache + activations) × f_system_overhead (methodology 2.4), all GPUs. */
  readonly totalGib: number;
  /** One GPU's share: tensor parallelism gives every GPU the same share. */
  readonly perGpuGib: number;
}

/** Memory of a deployment of `arch` in `precision` at batch B and context S (methodology 2.1–2.4). */
export function modelMemory(
  arch: Architecture,
  precision: Precision,
  factors: MemoryFactors,
  batch: number,
  seqLen: number,
): ModelMemory {
  const n = factors.nGpus;
  const weights = modelWeightsGib(arch, precision, factors.weightsOverhead);
  const kvCache = modelKvCacheGib(arch, batch, seqLen, factors.kvBits, factors.kvOverhead, n);
  const activations = modelActivationsGib(
    arch.hidden,
    batch,
    seqLen,
    precision.activationBits,
    factors.activationsOverhead,
    n,
  );
  const total = totalVramGib(weights, kvCache, activations, factors.systemOverhead);
  return {
    params: modelParams(arch),
    activeParams: modelActiveParams(arch),
    weightsGib: weights,
    kvCacheGib: kvCache,
    activationsGib: activations,
    totalGib: total,
    perGpuGib: n === 1 ? total : total / n,
  };
}

/** Whether one GPU's share fits its memory: GiB × 2^30 bytes ≤ GB × 10^9 bytes. */
export function fitsMemory(perGpuGib: number, memoryGb: number): boolean {
  return perGpuGib * BYTES_PER_GIB <= memoryGb * BYTES_PER_GB;
}
