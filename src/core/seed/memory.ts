/**
 * Parameter count and VRAM of methodology section 2, exactly as the document writes them.
 * Results are in GiB (the document divides by 8 × 1024³ to go from bits to GiB).
 */
import { BYTES_PER_GIB } from '../units';

const BITS_PER_GIB = 8 * BYTES_PER_GIB;

/**
 * Total parameter count (methodology 2.1):
 * `P = 4H²L + 2HFL + VH + 4HL + 2H` — attention Q/K/V/O, two FFN matrices, one (tied) embedding
 * table, and the document's layer-norm term.
 *
 * @example parameterCount(4096, 32, 11008, 32000) // 5164769280
 */
export function parameterCount(hidden: number, layers: number, ffn: number, vocab: number): number {
  return 4 * (hidden * hidden) * layers + 2 * hidden * ffn * layers + vocab * hidden + 4 * hidden * layers + 2 * hidden;
}

/**
 * Weights VRAM in GiB (methodology 2.1): `P × b / (8 × 1024³) × f_overhead`.
 *
 * @param params P, parameter count
 * @param bitsPerParam b, bits per parameter (16 for fp16/bf16)
 * @param overhead f_overhead (1.05 in the document)
 */
export function weightsGib(params: number, bitsPerParam: number, overhead: number): number {
  return ((params * bitsPerParam) / BITS_PER_GIB) * overhead;
}

/**
 * KV-cache VRAM in GiB (methodology 2.2): `2 × B × S × H × L × b / (8 × 1024³) × f_kv_overhead`.
 * Plain multi-head attention: one key and one value vector of size H per token per layer.
 */
export function kvCacheGib(
  hidden: number,
  layers: number,
  batch: number,
  seqLen: number,
  bitsPerValue: number,
  overhead: number,
): number {
  return ((2 * batch * seqLen * hidden * layers * bitsPerValue) / BITS_PER_GIB) * overhead;
}

/**
 * Activations VRAM in GiB (methodology 2.3): `4 × B × S × H × b / (8 × 1024³) × f_activations_overhead`.
 */
export function activationsGib(
  hidden: number,
  batch: number,
  seqLen: number,
  bitsPerValue: number,
  overhead: number,
): number {
  return ((4 * batch * seqLen * hidden * bitsPerValue) / BITS_PER_GIB) * overhead;
}

/**
 * Total VRAM in GiB (methodology 2.4): `(weights + KV cache + activations) × f_system_overhead`.
 */
export function totalVramGib(weights: number, kvCache: number, activations: number, systemOverhead: number): number {
  return (weights + kvCache + activations) * systemOverhead;
}
