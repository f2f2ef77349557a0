/**
 * Predicting a measured case with either method, on the same model, GPU, precision, lengths and
 * batch the measurement used.
 */
import { estimateMetric } from '../core/architecture/estimate';
import { modelWeightsGib } from '../core/architecture/memory';
import { DEFAULTS } from '../core/defaults';
import { kvBytesAt } from '../core/roofline/bytes';
import { efficiencyFor, type EfficiencyTable } from '../core/roofline/efficiency';
import {
  rooflineDecodeTotalSeconds,
  rooflinePrefillSeconds,
  rooflineSetup,
  type RooflineSetup,
} from '../core/roofline/estimate';
import { gpuClass } from '../core/roofline/gpu-class';
import { kvShare } from '../core/roofline/parallel';
import { BYTES_PER_GB, BYTES_PER_GIB } from '../core/units';
import type { Case, Quantity, Skipped } from './measurements';

/** Share of GPU memory an engine gives to weights and KV cache at max load (vLLM's gpu_memory_utilization 0.9). */
export const MAX_LOAD_MEMORY_FRACTION = 0.9;
/** Largest batch an engine schedules at once (TensorRT-LLM's default max_batch_size, 2048). */
export const MAX_LOAD_BATCH_CAP = 2048;

/**
 * The batch a max-load run holds: as many sequences of prompt + output tokens as the KV cache
 * fits in 90% of one GPU's memory after its share of the weights, at most 2048.
 */
export function maxLoadBatch(c: Case): number {
  const setup = rooflineSetup(rooflineInputOf(c, 1, { mfu: 1, mbu: 1, overheadSeconds: 0 }));
  const n = c.nGpus;
  const weights = (modelWeightsGib(c.arch, c.precision, 1) * BYTES_PER_GIB) / n;
  const perSequence = kvBytesAt(setup.model, c.promptTokens + c.outputTokens) * kvShare(setup.model, n);
  const free = (c.gpu.memoryGb ?? 0) * BYTES_PER_GB * MAX_LOAD_MEMORY_FRACTION - weights;
  return Math.max(0, Math.min(MAX_LOAD_BATCH_CAP, Math.floor(free / perSequence)));
}

function rooflineInputOf(c: Case, batch: number, efficiency: { mfu: number; mbu: number; overheadSeconds: number }) {
  return {
    arch: c.arch,
    precision: c.precision,
    gpu: c.gpu,
    batch,
    seqLen: c.promptTokens,
    outputTokens: c.outputTokens,
    kvBits: c.precision.kvBits,
    nGpus: c.nGpus,
    parallelism: c.parallelism,
    efficiency,
  };
}

/** The batch a case runs at: the stated one, or the max-load batch. */
export function caseBatch(c: Case): number {
  return c.quantity === 'max_load' ? maxLoadBatch(c) : c.batch;
}

/** The measured quantity from prefill seconds, decode seconds (all N tokens) and the batch. */
function quantityOf(quantity: Quantity, c: Case, batch: number, prefill: number, decode: number): number {
  switch (quantity) {
    case 'decode_rate':
      return (batch * c.outputTokens) / decode;
    case 'request_rate':
      return c.outputTokens / (prefill + decode);
    case 'prefill_rate':
      return (batch * c.promptTokens) / prefill;
    case 'max_load':
      return (batch * c.outputTokens) / (prefill + decode);
    case 'ttft':
      return prefill;
    case 'itl':
      return decode / c.outputTokens;
  }
}

/**
 * A case made ready for the roofline: its model summary computed once, so that a fit can try many
 * efficiencies cheaply.
 */
export interface PreparedCase {
  readonly case: Case;
  readonly batch: number;
  readonly setup: RooflineSetup;
}

export function prepareCase(c: Case): PreparedCase {
  const batch = caseBatch(c);
  return {
    case: c,
    batch,
    setup: rooflineSetup(rooflineInputOf(c, Math.max(batch, 1), { mfu: 1, mbu: 1, overheadSeconds: 0 })),
  };
}

/** The roofline prediction of a prepared case with the efficiencies of `table`. */
export function predictRoofline(p: PreparedCase, table: EfficiencyTable): number {
  const c = p.case;
  const efficiency = efficiencyFor(gpuClass(c.gpu), c.engine, table);
  const setup: RooflineSetup = {
    model: p.setup.model,
    input: { ...p.setup.input, efficiency },
    machine: { ...p.setup.machine, mfu: efficiency.mfu, mbu: efficiency.mbu },
  };
  const needsPrefill = c.quantity !== 'decode_rate' && c.quantity !== 'itl';
  const needsDecode = c.quantity !== 'prefill_rate' && c.quantity !== 'ttft';
  const prefill = needsPrefill ? rooflinePrefillSeconds(setup) : 0;
  const decode = needsDecode ? rooflineDecodeTotalSeconds(setup) : 0;
  return quantityOf(c.quantity, c, p.batch, prefill, decode);
}

/** The seed method's prediction: methodology 3.2 for the prefill, 3.3 × N (3.4) for the decode. */
export function predictSeed(p: PreparedCase): number {
  const c = p.case;
  const batch = Math.max(p.batch, 1);
  const input = {
    arch: c.arch,
    batch,
    seqLen: Math.max(c.promptTokens, 1),
    precision: c.precision,
    gpu: c.gpu,
    factors: {
      efficiency: DEFAULTS.efficiency,
      scaling: DEFAULTS.scaling,
      weightsOverhead: DEFAULTS.weightsOverhead,
      kvOverhead: DEFAULTS.kvOverhead,
      activationsOverhead: DEFAULTS.activationsOverhead,
      systemOverhead: DEFAULTS.systemOverhead,
      nGpus: c.nGpus,
      kvBits: c.precision.kvBits,
    },
    outputTokens: c.outputTokens,
    speed: { method: 'seed' } as const,
  };
  const prefill = estimateMetric('prefill_s', input) as number;
  const decode = (estimateMetric('token_latency_s', input) as number) * c.outputTokens;
  return quantityOf(c.quantity, c, batch, prefill, decode);
}

/**
 * Every case made ready, or skipped with the reason: a GPU preset without a compute peak (the
 * A10G), a max-load run whose weights leave no room for a KV cache.
 */
export function prepareCases(cases: readonly Case[]): { prepared: PreparedCase[]; skipped: Skipped[] } {
  const prepared: PreparedCase[] = [];
  const skipped: Skipped[] = [];
  for (const c of cases) {
    const skip = (reason: string) => skipped.push({ id: c.id, source: c.source, metric: c.quantity, reason });
    try {
      const p = prepareCase(c);
      if (p.batch < 1) skip('the weights leave no memory for a KV cache');
      else prepared.push(p);
    } catch (error) {
      skip(error instanceof Error ? error.message : String(error));
    }
  }
  return { prepared, skipped };
}
