/**
 * Predicting a measured case with either method, on the same model, GPU, precision, lengths and
 * batch the measurement used.
 */
import { modelWeightsGib } from '../core/architecture/memory';
import { DEFAULTS } from '../core/defaults';
import { estimate, rooflineModelOf, type Scenario } from '../core/estimate';
import { bandwidthGbs, peakTflops } from '../core/gpus/lookup';
import { kvBytesAt } from '../core/roofline/bytes';
import { efficiencyFor, type EfficiencyTable } from '../core/roofline/efficiency';
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
  const model = rooflineModelOf(c.arch, c.precision, c.precision.kvBits);
  const n = c.nGpus;
  const weights = (modelWeightsGib(c.arch, c.precision, 1) * BYTES_PER_GIB) / n;
  const perSequence = kvBytesAt(model, c.promptTokens + c.outputTokens) * kvShare(model, n);
  const free = (c.gpu.memoryGb ?? 0) * BYTES_PER_GB * MAX_LOAD_MEMORY_FRACTION - weights;
  return Math.max(0, Math.min(MAX_LOAD_BATCH_CAP, Math.floor(free / perSequence)));
}

/**
 * The scenario of a case at `batch`, in the seed method with the document's factors; the roofline
 * variant replaces `speed` with the efficiencies of a table.
 */
function scenarioOf(c: Case, batch: number): Scenario {
  return {
    arch: c.arch,
    precision: c.precision,
    gpu: c.gpu,
    batch,
    context: c.promptTokens,
    outputTokens: c.outputTokens,
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
    speed: { method: 'seed' },
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
 * A case made ready: its batch found and its scenario built once, so that a fit can try many
 * efficiencies cheaply (the estimator summarises the architecture once, src/core/estimate.ts).
 */
export interface PreparedCase {
  readonly case: Case;
  readonly batch: number;
  /** The case at max(batch, 1) in the seed method. */
  readonly scenario: Scenario;
}

export function prepareCase(c: Case): PreparedCase {
  const batch = caseBatch(c);
  // A case neither method can predict (a GPU without the compute peak or bandwidth) is skipped, not scored.
  peakTflops(c.gpu, c.precision.computeType);
  bandwidthGbs(c.gpu);
  return { case: c, batch, scenario: scenarioOf(c, Math.max(batch, 1)) };
}

/** The roofline prediction of a prepared case with the efficiencies of `table`. */
export function predictRoofline(p: PreparedCase, table: EfficiencyTable): number {
  const c = p.case;
  const efficiency = efficiencyFor(gpuClass(c.gpu), c.engine, table);
  const e = estimate({ ...p.scenario, speed: { method: 'roofline', efficiency, parallelism: c.parallelism } });
  const needsPrefill = c.quantity !== 'decode_rate' && c.quantity !== 'itl';
  const needsDecode = c.quantity !== 'prefill_rate' && c.quantity !== 'ttft';
  const prefill = needsPrefill ? e.prefillSeconds : 0;
  const decode = needsDecode ? e.decodeSeconds : 0;
  return quantityOf(c.quantity, c, p.batch, prefill, decode);
}

/** The seed method's prediction: methodology 3.2 for the prefill, 3.3 × N (3.4) for the decode. */
export function predictSeed(p: PreparedCase): number {
  const c = p.case;
  const e = estimate({ ...p.scenario, context: Math.max(c.promptTokens, 1) });
  return quantityOf(c.quantity, c, p.scenario.batch, e.prefillSeconds, e.decodeSeconds);
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
