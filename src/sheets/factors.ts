/**
 * Resolving the document's factors for one call: a positional argument wins over `options`, which
 * wins over the contract's defaults.
 */
import { resolveArchitecture, type Architecture } from '../core/architecture/spec';
import { DEFAULTS } from '../core/defaults';
import { InputError } from '../core/errors';
import type { Precision } from '../core/precision';
import type { Dimensions, Factors } from '../core/seed/estimate';
import { kvBitsFor, type Options } from './options';

export function resolveFactors(
  precision: Precision,
  options: Options | undefined,
  positional: { efficiency?: number; scaling?: number } = {},
): Factors {
  const o = options ?? {};
  return {
    efficiency: positional.efficiency ?? o.efficiency ?? DEFAULTS.efficiency,
    scaling: positional.scaling ?? o.scaling ?? DEFAULTS.scaling,
    weightsOverhead: o.weightsOverhead ?? DEFAULTS.weightsOverhead,
    kvOverhead: o.kvOverhead ?? DEFAULTS.kvOverhead,
    activationsOverhead: o.activationsOverhead ?? DEFAULTS.activationsOverhead,
    systemOverhead: o.systemOverhead ?? DEFAULTS.systemOverhead,
    nGpus: o.nGpus ?? DEFAULTS.nGpus,
    kvBits: kvBitsFor(precision, o),
  };
}

export function dimensions(
  hidden: number,
  layers: number,
  ffn: number,
  vocab: number,
  batch: number,
  seqLen: number,
): Dimensions {
  return { hidden, layers, ffn, vocab, batch, seqLen };
}

/**
 * The architecture of a methodology function's call: H, L, F, V from its arguments and the
 * architecture keys of `options` (`kv_heads=8; gated_ffn=1`). With no architecture keys it is the
 * methodology's own transformer.
 */
export function methodologyArchitecture(
  hidden: number,
  layers: number,
  ffn: number,
  vocab: number,
  options: Options | undefined,
): Architecture {
  const overrides = options?.architecture ?? {};
  for (const key of ['hidden', 'layers', 'ffn', 'vocab'] as const) {
    if (overrides[key] !== undefined) {
      throw new InputError(
        `options cannot set ${key}: it is an argument of this function (H, L, F, V); LLM_ESTIMATE takes a model given by keys`,
      );
    }
  }
  return resolveArchitecture({ ...overrides, hidden, layers, ffn, vocab });
}
