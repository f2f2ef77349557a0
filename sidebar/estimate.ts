/**
 * The sidebar's live estimate: the same sheet functions the cells call (LLM_ESTIMATE, LLM_GPU),
 * run in the page, so the sidebar and the sheet can never disagree.
 */
import type { Metric as EstimateMetric } from '../src/core/architecture/estimate';
import type { Arg, Result } from '../src/sheets/cells';
import { getFunction } from '../src/sheets/registry';
import type { SizingRequest } from '../src/addon/request';

export const METRICS = [
  'params',
  'weights_gib',
  'kv_cache_gib',
  'activations_gib',
  'vram_gib',
  'vram_per_gpu_gib',
  'fits',
  'prefill_s',
  'token_latency_s',
  'tokens_per_s',
] as const satisfies readonly EstimateMetric[];
/** The LLM_ESTIMATE metrics the sidebar shows (a subset of the contract's, checked by the type). */
export type Metric = (typeof METRICS)[number];

export interface Estimate {
  readonly values: Readonly<Record<Metric, number | boolean>>;
  /** Memory of one GPU, GiB. */
  readonly gpuMemoryGib: number;
  /** GPUs needed by memory alone. */
  readonly gpusNeeded: number;
}

export function call(name: string, args: readonly Arg[]): Result {
  return getFunction(name).invoke(args);
}

/** The options text a template's cells build from the same inputs. */
export function optionsText(request: Omit<SizingRequest, 'template'>): string {
  const parts = [
    `n_gpus=${request.nGpus}`,
    `output_tokens=${request.outputTokens}`,
    `engine=${request.engine}`,
    `method=${request.method}`,
  ];
  if (request.kvPrecision) parts.push(`kv_precision=${request.kvPrecision}`);
  return parts.join('; ');
}

/** The estimate for a request; throws an Error with the function's message when inputs are bad. */
export function estimate(request: Omit<SizingRequest, 'template'>, model: Arg = request.model): Estimate {
  const result = call('LLM_ESTIMATE', [
    model,
    [[...METRICS]],
    request.batch,
    request.context,
    request.precision,
    request.gpu,
    optionsText(request),
  ]);
  const row = Array.isArray(result) ? result[0] : [result];
  const values = {} as Record<Metric, number | boolean>;
  METRICS.forEach((metric, i) => {
    const value = row[i];
    if (typeof value === 'string') throw new Error(value.replace(/^ERROR: /, ''));
    values[metric] = value;
  });
  const memoryGb = call('LLM_GPU', [request.gpu, 'memory_gb']) as number;
  const gpuMemoryGib = (memoryGb * 1e9) / 2 ** 30;
  return { values, gpuMemoryGib, gpusNeeded: Math.ceil((values.vram_gib as number) / gpuMemoryGib) };
}
