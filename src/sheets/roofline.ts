/**
 * Resolving the roofline method's settings for one call: the measured efficiencies of the GPU's
 * class and the engine, overridden by `mfu`, `mbu` or `efficiency` (both; a positional efficiency
 * argument wins), the GPU count and how the GPUs split the model.
 */
import type { Architecture } from '../core/architecture/spec';
import { DEFAULTS } from '../core/defaults';
import type { GpuSpec } from '../core/gpus/lookup';
import type { Precision } from '../core/precision';
import { DEFAULT_ENGINE, efficiencyFor, type Efficiency } from '../core/roofline/efficiency';
import { rooflineEstimate, type RooflineEstimate, type RooflineInput } from '../core/roofline/estimate';
import { gpuClass } from '../core/roofline/gpu-class';
import { defaultParallelism, type Parallelism } from '../core/roofline/parallel';
import { DEFAULT_METHOD, kvBitsFor, type Method, type Options } from './options';

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

/** The roofline input of a call. */
export function rooflineInput(
  arch: Architecture,
  precision: Precision,
  gpu: GpuSpec,
  batch: number,
  seqLen: number,
  outputTokens: number,
  options: Options | undefined,
  positionalEfficiency?: number,
): RooflineInput {
  const o = options ?? {};
  return {
    arch,
    precision,
    gpu,
    batch,
    seqLen,
    outputTokens,
    kvBits: kvBitsFor(precision, o),
    nGpus: o.nGpus ?? DEFAULTS.nGpus,
    parallelism: parallelismOf(o),
    efficiency: resolveEfficiency(gpu, o, positionalEfficiency),
  };
}

/** The roofline estimate of a call. */
export function rooflineOf(...args: Parameters<typeof rooflineInput>): RooflineEstimate {
  return rooflineEstimate(rooflineInput(...args));
}
