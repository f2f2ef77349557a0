/**
 * The roofline of one forward step: it takes as long as the slower of its compute and its memory
 * traffic at the efficiencies reached, plus a fixed per-step cost.
 *
 *     t = max(FLOPs / (peak × MFU), bytes / (bandwidth × MBU)) + overhead
 *
 * (Williams, Waterman and Patterson, "Roofline", CACM 2009; applied to LLM inference by
 * LLM-Viewer and inference-sim's roofline notes.)
 */
import { BYTES_PER_GB, FLOPS_PER_TFLOPS } from '../units';

export interface StepCost {
  /** FLOPs on one GPU. */
  readonly flops: number;
  /** Bytes moved on one GPU. */
  readonly bytes: number;
}

export interface Machine {
  /** Dense peak for the precision's compute type, TFLOPS. */
  readonly peakTflops: number;
  readonly bandwidthGbs: number;
  readonly mfu: number;
  readonly mbu: number;
}

/** Seconds of compute: FLOPs / (peak × MFU). */
export function computeSeconds(flops: number, machine: Machine): number {
  return flops / (machine.peakTflops * FLOPS_PER_TFLOPS * machine.mfu);
}

/** Seconds of memory traffic: bytes / (bandwidth × MBU). */
export function memorySeconds(bytes: number, machine: Machine): number {
  return bytes / (machine.bandwidthGbs * BYTES_PER_GB * machine.mbu);
}

/** max(compute, memory) seconds of a step (without the fixed overhead). */
export function rooflineSeconds(cost: StepCost, machine: Machine): number {
  return Math.max(computeSeconds(cost.flops, machine), memorySeconds(cost.bytes, machine));
}
