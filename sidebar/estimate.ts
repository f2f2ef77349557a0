/**
 * The sidebar's live estimate: the same sheet functions the cells call (LLM_ESTIMATE, LLM_GPU),
 * run in the page on the same arguments: the model text the model cell gets (a custom architecture
 * as key=value text) and the options text the options cell's formula builds (both from
 * src/addon/inputs.ts), so the sidebar shows what the inserted sheet computes.
 *
 * Memory and speed are judged apart: a GPU without a sourced tensor peak (or any other reason a
 * speed figure cannot be computed) still gets its memory estimate, with the speed figures marked
 * unavailable and why. Speed figures of a configuration that does not fit are still computed.
 */
import type { Metric as EstimateMetric } from '../src/core/estimate';
import { inputAt, optionsText, type InputValues, type Position } from '../src/addon/inputs';
import type { Arg, Result } from '../src/sheets/cells';
import { getFunction } from '../src/sheets/registry';
import { shortReason, sidebarMessage } from './messages';

export { optionsText };

/** Metrics without which there is no estimate to show. */
export const MEMORY_METRICS = [
  'params',
  'weights_gib',
  'kv_cache_gib',
  'activations_gib',
  'vram_gib',
  'vram_per_gpu_gib',
  'fits',
] as const satisfies readonly EstimateMetric[];
/** Metrics that need the GPU's compute peak; shown as unavailable when they cannot be computed. */
export const SPEED_METRICS = [
  'prefill_s',
  'token_latency_s',
  'tokens_per_s',
] as const satisfies readonly EstimateMetric[];
export const METRICS = [...MEMORY_METRICS, ...SPEED_METRICS] as const;
/** The LLM_ESTIMATE metrics the sidebar shows (a subset of the contract's, checked by the type). */
export type Metric = (typeof METRICS)[number];
export type MemoryMetric = (typeof MEMORY_METRICS)[number];
export type SpeedMetric = (typeof SPEED_METRICS)[number];

export type Speed =
  | { readonly available: true; readonly values: Readonly<Record<SpeedMetric, number>> }
  /** Why not, in a line (the function's message, shortened). */
  | { readonly available: false; readonly reason: string };

export interface Estimate {
  readonly values: Readonly<Record<MemoryMetric, number | boolean>>;
  readonly fits: boolean;
  readonly speed: Speed;
  /** Memory of one GPU, GiB. */
  readonly gpuMemoryGib: number;
  /** GPUs needed by memory alone. */
  readonly gpusNeeded: number;
}

export function call(name: string, args: readonly Arg[]): Result {
  return getFunction(name).invoke(args);
}

const isError = (value: unknown): value is string => typeof value === 'string';

/**
 * The estimate for a request. Throws an Error with the function's message (as the sidebar says it)
 * when a memory figure cannot be computed; speed figures that cannot be are reported in `speed`.
 */
export function estimate(request: InputValues): Estimate {
  const arg = (position: Position) => request[inputAt(position)];
  const result = call('LLM_ESTIMATE', [
    arg('model'),
    [[...METRICS]],
    arg('batch'),
    arg('context'),
    arg('precision'),
    arg('gpu'),
    optionsText(request),
  ]);
  // One value per metric, each computed (or failing) on its own; a call failing as a whole is one text.
  const row: readonly unknown[] = Array.isArray(result) ? result[0] : METRICS.map(() => result);
  const at = (metric: Metric) => row[METRICS.indexOf(metric)];
  const values = {} as Record<MemoryMetric, number | boolean>;
  for (const metric of MEMORY_METRICS) {
    const value = at(metric);
    if (isError(value)) throw new Error(sidebarMessage(value));
    values[metric] = value as number | boolean;
  }
  const speedError = SPEED_METRICS.map(at).find(isError);
  const speed: Speed = speedError
    ? { available: false, reason: shortReason(speedError) }
    : {
        available: true,
        values: Object.fromEntries(SPEED_METRICS.map((m) => [m, at(m) as number])) as Record<SpeedMetric, number>,
      };
  const memoryGb = call('LLM_GPU', [arg('gpu'), 'memory_gb']);
  if (isError(memoryGb)) throw new Error(sidebarMessage(memoryGb));
  const gpuMemoryGib = ((memoryGb as number) * 1e9) / 2 ** 30;
  return {
    values,
    fits: values.fits === true,
    speed,
    gpuMemoryGib,
    gpusNeeded: Math.ceil((values.vram_gib as number) / gpuMemoryGib),
  };
}
