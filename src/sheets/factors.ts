/**
 * Resolving the document's factors for one call: a positional argument wins over `options`, which
 * wins over the contract's defaults.
 */
import { DEFAULTS } from '../core/defaults';
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
