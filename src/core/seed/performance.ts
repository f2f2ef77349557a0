/**
 * Speed formulas of methodology section 3, exactly as the document writes them.
 *
 * As written, 3.1 is compute-only while 3.3 takes the max with memory, and 3.3 applies the compute
 * efficiency to bandwidth too; both are reproduced (docs/methodology-notes.md, notes 3 and 5). The
 * document divides GPU_FLOPS by its "FLOPs", which count multiply-adds (./flops.ts); so do these.
 */
import { BYTES_PER_GB, FLOPS_PER_TFLOPS, PARAMS_PER_BILLION } from '../units';

/** GPU_FLOPS = TFLOPs × 10¹² (methodology 3.1). */
export function gpuFlops(tflops: number): number {
  return tflops * FLOPS_PER_TFLOPS;
}

/**
 * Throughput in tokens/s (methodology 3.1): `GPU_FLOPS × f_efficiency / FLOPs_PerToken`.
 *
 * @param tflops dense peak of the GPU for the precision's compute type, TFLOPS
 * @param efficiency f_efficiency (0.25 by default)
 * @param perTokenMultiplyAdds FLOPs_PerToken of methodology 1.4 (multiply-adds)
 */
export function tokensPerSecond(tflops: number, efficiency: number, perTokenMultiplyAdds: number): number {
  return (gpuFlops(tflops) * efficiency) / perTokenMultiplyAdds;
}

/**
 * Prefill latency in seconds (methodology 3.2): `FLOPs_Prefill / (GPU_FLOPS × f_efficiency)`.
 * Compute only, as the document says (memory bandwidth is its TODO).
 */
export function prefillLatencySeconds(prefillMultiplyAdds: number, tflops: number, efficiency: number): number {
  return prefillMultiplyAdds / (gpuFlops(tflops) * efficiency);
}

/** Compute-bound token latency in seconds (methodology 3.3): `FLOPs_PerToken / (GPU_FLOPS × f_efficiency)`. */
export function tokenComputeLatencySeconds(perTokenMultiplyAdds: number, tflops: number, efficiency: number): number {
  return perTokenMultiplyAdds / (gpuFlops(tflops) * efficiency);
}

/**
 * Memory-bound token latency in seconds (methodology 3.3):
 * `P_Billion × 10⁹ × b / (BW_GB/s × 10⁹ × f_efficiency)`, reading every parameter once per token.
 *
 * @param params P, parameter count (the document converts it to billions and back)
 * @param bytesPerParam b, bytes per parameter (2 for fp16/bf16)
 * @param bandwidthGbs BW, GPU memory bandwidth in GB/s (10⁹ bytes/s)
 */
export function tokenMemoryLatencySeconds(
  params: number,
  bytesPerParam: number,
  bandwidthGbs: number,
  efficiency: number,
): number {
  const paramsBillion = params / PARAMS_PER_BILLION;
  const modelBytes = paramsBillion * PARAMS_PER_BILLION * bytesPerParam;
  const effectiveBandwidth = bandwidthGbs * BYTES_PER_GB * efficiency;
  return modelBytes / effectiveBandwidth;
}

/** Token latency in seconds (methodology 3.3): `max(compute latency, memory latency)`. */
export function tokenLatencySeconds(computeSeconds: number, memorySeconds: number): number {
  return Math.max(computeSeconds, memorySeconds);
}

/** Time for N tokens in seconds (methodology 3.4): `Latency_Token × N`. */
export function generationTimeSeconds(tokenLatency: number, tokens: number): number {
  return tokenLatency * tokens;
}
